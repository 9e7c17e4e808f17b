/// KL611: controller port published.
public struct ControllerPortPublished: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL611", name: "controller-port-published", severity: .note,
    summary: "The KRaft controller listener's port is published to the host.",
    rationale: """
      Clients never connect to the controller listener; nodes reach it inside the compose \
      network. Publishing it only exposes the quorum to the host's network. Remove the mapping.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(ComposeExamples.service(ports: ["9092:9092", "↓9093:9093"])))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
