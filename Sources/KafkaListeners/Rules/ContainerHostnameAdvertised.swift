/// KL328: container hostname advertised.
public struct ContainerHostnameAdvertised: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL328", name: "container-hostname-advertised", severity: .warning,
    summary: "A published broker advertises an empty host, which becomes its container hostname.",
    rationale: """
      Kafka fills an empty advertised host with the machine's canonical host name: in a \
      container, its `hostname:` or short container id. Containers on the same network resolve \
      it; programs on the Docker host do not, although the published port suggests they are \
      meant to connect. Advertise the service name for containers and add a `localhost` listener \
      for the host.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            ("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:29092,↓PLAINTEXT_HOST://:9092")
          ])))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
