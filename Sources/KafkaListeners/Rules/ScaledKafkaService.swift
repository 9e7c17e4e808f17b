/// KL608: scaled Kafka service.
public struct ScaledKafkaService: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL608", name: "scaled-kafka-service", severity: .error,
    summary: "A Kafka service runs more than one replica.",
    rationale: """
      Replicas of one service share its environment: the same `node.id` and the same advertised \
      listeners, so they clash in the quorum and clients cannot address them separately. Declare \
      one service per broker, each with its own node id, advertised address and published port.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml", ComposeExamples.compose(ComposeExamples.service(extra: ["scale: ↓3"]))
      )
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
