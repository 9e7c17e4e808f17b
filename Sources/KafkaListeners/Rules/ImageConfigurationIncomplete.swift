/// KL605: required variables missing.
public struct ImageConfigurationIncomplete: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL605", name: "image-configuration-incomplete", severity: .error,
    summary:
      "The image exits, or writes a configuration Kafka rejects, because required variables are missing.",
    rationale: """
      `apache/kafka` uses its single-node default file only when no `KAFKA_` variable is set; \
      one variable discards all of it, so `process.roles`, `node.id`, voters and controller \
      names must then all be set. Confluent needs \
      `KAFKA_PROCESS_ROLES`/`KAFKA_ZOOKEEPER_CONNECT` and `KAFKA_ADVERTISED_LISTENERS`, Bitnami \
      `KAFKA_CFG_PROCESS_ROLES` and `KAFKA_CFG_NODE_ID`. Set the listed variables.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            image: "↓apache/kafka:3.9.0",
            base: [("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:9092")])))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service(base: [])))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
