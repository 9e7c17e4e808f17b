/// KL323: published on another host port.
public struct PublishedPortMismatch: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL323", name: "published-port-mismatch", severity: .error,
    summary:
      "The advertised host port is not the one Docker publishes for the listener's container port.",
    rationale: """
      With `29092:9092` host clients bootstrap on 29092; if the broker then advertises \
      `localhost:9092`, they connect to host port 9092, where nothing is published. The \
      advertised port must be the published host port, and the mapping's container port must be \
      the port the listener binds: listeners `PLAINTEXT_HOST://:9092`, advertised \
      `PLAINTEXT_HOST://localhost:29092`, ports `29092:9092`.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            ports: ["29092:9092"],
            set: [
              (
                "KAFKA_ADVERTISED_LISTENERS",
                "PLAINTEXT://kafka:29092,↓PLAINTEXT_HOST://localhost:9092"
              )
            ])))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            ports: ["29092:9092"],
            set: [
              ("KAFKA_LISTENERS", "PLAINTEXT://:19092,CONTROLLER://:9093,PLAINTEXT_HOST://:9092"),
              (
                "KAFKA_ADVERTISED_LISTENERS",
                "PLAINTEXT://kafka:19092,PLAINTEXT_HOST://localhost:29092"
              ),
            ])))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
