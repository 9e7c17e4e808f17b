/// KL005: a line that `Properties.load` reads, but not as anyone meant it.
public struct MalformedLine: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL005", name: "malformed-line", severity: .warning,
    summary: "A line has an empty key, or is a bare word without a separator or value.",
    rationale: """
      `=value` sets the empty key, which nothing reads. A bare word such as `listeners` sets that \
      key to the empty string, which Kafka reads as an empty list or an unset value; the rest \
      of the intended line was probably lost.
      """,
    origin: .javaProperties(message: nil),
    triggering: [
      RuleExample("server.properties", "↓=PLAINTEXT://:9092\n"),
      RuleExample("server.properties", "↓advertised.listeners\n"),
    ],
    passing: [
      RuleExample("server.properties", "advertised.listeners=\nlisteners PLAINTEXT://:9092\n")
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    input.propertiesFiles.flatMap { file in
      file.entries.indices.compactMap { index -> Diagnostic? in
        let entry = file.entries[index]
        if SplitListValue.isSplitContinuation(file.entries, index) { return nil }
        if entry.key.isEmpty {
          return metadata.diagnostic(
            "the line has an empty key; its value \(quoted(entry.value)) is never read",
            at: entry.keyLocation)
        }
        if entry.separator == .none {
          return metadata.diagnostic(
            "\(quoted(entry.key)) has no '=' and no value, so it is set to the empty string",
            at: entry.keyLocation)
        }
        return nil
      }
    }
  }
}
