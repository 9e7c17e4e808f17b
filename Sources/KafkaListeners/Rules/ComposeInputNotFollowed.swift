/// KL022: compose input not followed.
public struct ComposeInputNotFollowed: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL022", name: "compose-input-not-followed", severity: .note,
    summary:
      "A compose file includes another project or extends a service from another file, which is not read.",
    rationale: """
      `include` and `extends` with `file:` bring in services and settings from files the linter \
      does not open, so what they add is not checked. Lint those files too, or inline the shared \
      service with a YAML anchor or a same-file `extends`.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(), trailer: "↓include:\n  - shared/compose.yaml\n"))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
