/// KL327: voters that miss the controllers.
public struct QuorumVotersNotControllers: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL327", name: "quorum-voters-not-controllers", severity: .error,
    summary:
      "A KRaft voter does not point at the controller service and container port of that node id.",
    rationale: """
      Nodes reach the quorum through `controller.quorum.voters` (`id@host:port`): the host must \
      be the service of the node with that id and the controller role, resolvable from every \
      node's networks, and the port the container port its controller listener binds (published \
      ports play no part). Write `1@controller-1:9093,...` with the service names and the \
      controller listener's port.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [("KAFKA_CONTROLLER_QUORUM_VOTERS", "↓1@kafka:29093")])))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
