/// KL321: container names for host clients.
public struct ContainerNameForHostClients: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL321", name: "container-name-for-host-clients", severity: .error,
    summary:
      "Programs on the Docker host (or other machines) are sent to a name only containers can resolve.",
    rationale: """
      Docker resolves service names, container names, aliases and container hostnames only for \
      containers on the same network. A program on the laptop bootstraps through the published \
      port, then gets `kafka:9092` and fails with `UnknownHostException`. Advertise `localhost` \
      (or the host's address) with the published host port on a listener bound to the published \
      container port, and keep the service name on a second listener for containers.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            ("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:29092,↓PLAINTEXT_HOST://kafka:9092")
          ])))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
