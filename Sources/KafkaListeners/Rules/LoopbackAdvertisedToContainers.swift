/// KL320: localhost advertised to containers.
public struct LoopbackAdvertisedToContainers: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL320", name: "loopback-advertised-to-containers", severity: .error,
    summary:
      "Containers of the compose project are sent to `localhost`, which is their own container.",
    rationale: """
      A client container bootstraps from the broker's service name, then connects to the address \
      the broker advertises on that listener. `localhost` there is the client's own container, \
      so everything after bootstrap fails. Add a listener for containers (e.g. \
      `PLAINTEXT://:29092` advertised as `PLAINTEXT://kafka:29092`) next to the host listener \
      and point container clients at it.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            ("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093"),
            ("KAFKA_ADVERTISED_LISTENERS", "↓PLAINTEXT://localhost:9092"),
            ("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
          ]), ComposeExamples.client(bootstrap: "kafka:9092"))),
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(), ComposeExamples.client(bootstrap: "↓localhost:9092"))),
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(), ComposeExamples.client(bootstrap: "kafka:29092")))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
