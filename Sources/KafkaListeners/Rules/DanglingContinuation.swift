/// KL006: the file ends with a continuation backslash.
public struct DanglingContinuation: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL006", name: "dangling-continuation", severity: .warning,
    summary: "The last line ends with a continuation backslash but nothing follows.",
    rationale: """
      `Properties.load` drops the backslash silently. The file was most likely cut short, or a \
      line that should continue the value was lost.
      """,
    origin: .javaProperties(message: nil),
    triggering: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,↓\\")
    ],
    passing: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,\\\n  CONTROLLER://:9093\n")
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    input.propertiesFiles.flatMap { file in
      file.issues.compactMap { issue -> Diagnostic? in
        guard issue.kind == .danglingContinuation else { return nil }
        return metadata.diagnostic(
          "the file ends with a continuation backslash; Java drops it and the value ends here",
          at: issue.location)
      }
    }
  }
}
