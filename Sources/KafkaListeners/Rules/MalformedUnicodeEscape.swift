/// KL003: `\u` without four hexadecimal digits, which stops Kafka from starting.
public struct MalformedUnicodeEscape: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL003", name: "malformed-unicode-escape", severity: .error,
    summary: "A `\\u` escape is not followed by exactly four hexadecimal digits.",
    rationale: """
      `java.util.Properties.load` throws on the first malformed `\\uXXXX` escape, so the broker \
      (and kafka-storage, kafka-configs, every tool that reads the file) fails before it reads \
      any setting. Windows paths are the usual cause: write `C:\\\\users` or `C:/users`, not \
      `C:\\users`.
      """,
    origin: .javaProperties(message: "Malformed \\uxxxx encoding."),
    triggering: [
      RuleExample("server.properties", "log.dirs=C:↓\\users\\kafka\n"),
      RuleExample("server.properties", "advertised.listeners=PLAINTEXT://caf↓\\u00e:9092\n"),
    ],
    passing: [
      RuleExample("server.properties", "log.dirs=C:\\\\users\\\\kafka\n"),
      RuleExample("server.properties", "advertised.listeners=PLAINTEXT://caf\\u00e9:9092\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    input.propertiesFiles.flatMap { file in
      file.issues.compactMap { issue -> Diagnostic? in
        guard case .malformedUnicodeEscape(let text) = issue.kind else { return nil }
        return metadata.diagnostic(
          "malformed \\uXXXX escape '\(text)': Java throws \"Malformed \\uxxxx encoding.\" and "
            + "Kafka does not start; write a backslash as \\\\",
          at: issue.location)
      }
    }
  }
}
