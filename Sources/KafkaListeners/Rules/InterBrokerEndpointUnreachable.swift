/// KL332: inter-broker endpoint unreachable.
public struct InterBrokerEndpointUnreachable: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL332", name: "inter-broker-endpoint-unreachable", severity: .error,
    summary:
      "Another broker cannot reach a broker at the address it advertises on the inter-broker listener.",
    rationale: """
      Brokers replicate from each other through the advertised endpoint of \
      `inter.broker.listener.name`, seen from their own containers. `localhost` there is the \
      replicating broker itself, and a name that does not resolve on its network fails as well, \
      so partitions stay under-replicated. Advertise the service name \
      (`PLAINTEXT://kafka-1:19092`) on the inter-broker listener and keep `localhost` for a \
      separate host listener.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            "kafka-1", ports: ["29092:9092"], base: ComposeExamples.cluster(1, hostPort: 29092),
            set: [
              (
                "KAFKA_ADVERTISED_LISTENERS",
                "↓PLAINTEXT://localhost:19092,PLAINTEXT_HOST://localhost:29092"
              )
            ]),
          ComposeExamples.service(
            "kafka-2", ports: ["39092:9092"], base: ComposeExamples.cluster(2, hostPort: 39092),
            set: [
              (
                "KAFKA_ADVERTISED_LISTENERS",
                "↓PLAINTEXT://localhost:19092,PLAINTEXT_HOST://localhost:39092"
              )
            ])))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            "kafka-1", ports: ["29092:9092"], base: ComposeExamples.cluster(1, hostPort: 29092)),
          ComposeExamples.service(
            "kafka-2", ports: ["39092:9092"], base: ComposeExamples.cluster(2, hostPort: 39092))))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
