/// KL010: an inline suppression that suppresses nothing.
public struct UnusedSuppression: Rule {
  /// Creates the rule.
  public init() {}

  static let code = "KL010"

  public let metadata = RuleMetadata(
    code: UnusedSuppression.code, name: "unused-suppression", severity: .warning,
    summary: "A `# kafka-listeners: ignore …` comment suppresses nothing.",
    rationale: """
      The problem it silenced was fixed, the comment is not directly above the key it was meant \
      for, or it names a rule that does not exist. A stale suppression would hide the problem \
      if it came back somewhere else; remove it.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        ↓# kafka-listeners: ignore KL007
        listeners=PLAINTEXT://:9092

        """)
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        listeners=PLAINTEXT://:9092
        # kafka-listeners: ignore KL007 -- the second value is the one we want
        listeners=PLAINTEXT://:9092,SSL://:9093

        """)
    ])

  /// The linter decides which suppressions were used, after every other rule ran; this rule
  /// only reports the result.
  public func check(_ input: LintInput) -> [Diagnostic] { [] }

  static func diagnostics(for suppressions: [Suppression], used: [Set<String>]) -> [Diagnostic] {
    let metadata = UnusedSuppression().metadata
    var diagnostics: [Diagnostic] = []
    for (suppression, used) in zip(suppressions, used) {
      if suppression.rules.isEmpty {
        diagnostics.append(
          metadata.diagnostic("the suppression names no rule", at: suppression.location))
      }
      for rule in suppression.rules {
        guard let code = rule.code else {
          diagnostics.append(
            metadata.diagnostic(
              "the suppression names \(quoted(rule.written)), which is not a rule",
              at: rule.location ?? suppression.location))
          continue
        }
        if !used.contains(code) {
          let target: String
          switch suppression.scope {
          case .nothing: target = "no key follows it"
          case .file: target = "it found nothing in this file"
          case .lines: target = "nothing it covers has that problem"
          }
          diagnostics.append(
            metadata.diagnostic(
              "unused suppression of \(code): \(target)", at: rule.location ?? suppression.location))
        }
      }
    }
    return diagnostics
  }
}
