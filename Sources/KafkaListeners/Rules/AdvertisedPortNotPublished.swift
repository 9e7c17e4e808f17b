/// KL322: advertised port not published.
public struct AdvertisedPortNotPublished: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL322", name: "advertised-port-not-published", severity: .error,
    summary:
      "Clients outside the compose network are sent to a host port the broker does not publish.",
    rationale: """
      From the Docker host, other networks and other machines, a container is reachable only \
      through its published ports. An advertised port that is not the host port of one of the \
      broker's `ports` entries (or is published on `127.0.0.1` only, for clients that are not on \
      the host) cannot be connected to. Publish the port (`29092:29092`) or advertise the port \
      that is published.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            ("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093,PLAINTEXT_HOST://:29092"),
            (
              "KAFKA_ADVERTISED_LISTENERS",
              "PLAINTEXT://kafka:9092,↓PLAINTEXT_HOST://localhost:29092"
            ),
          ])))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            ports: ["9092:9092", "29092:29092"],
            set: [
              ("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093,PLAINTEXT_HOST://:29092"),
              (
                "KAFKA_ADVERTISED_LISTENERS",
                "PLAINTEXT://kafka:9092,PLAINTEXT_HOST://localhost:29092"
              ),
            ])))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
