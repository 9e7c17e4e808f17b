/// KL331: one endpoint for two brokers.
public struct AdvertisedEndpointSharedByBrokers: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL331", name: "advertised-endpoint-shared-by-brokers", severity: .error,
    summary: "Two brokers advertise the same host and port.",
    rationale: """
      Clients connect to each partition leader at the address its broker advertises; when two \
      brokers advertise one `host:port`, requests for one of them land on the other \
      (`NOT_LEADER_OR_FOLLOWER` loops). Give every broker its own published host port and \
      advertise it (`localhost:29092`, `localhost:39092`, ...).
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            "kafka-1", ports: ["29092:9092"], base: ComposeExamples.cluster(1, hostPort: 29092)),
          ComposeExamples.service(
            "kafka-2", ports: ["39092:9092"], base: ComposeExamples.cluster(2, hostPort: 39092),
            set: [
              (
                "KAFKA_ADVERTISED_LISTENERS",
                "PLAINTEXT://kafka-2:19092,↓PLAINTEXT_HOST://localhost:29092"
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
