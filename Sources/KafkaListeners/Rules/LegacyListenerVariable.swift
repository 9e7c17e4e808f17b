/// KL606: legacy variables.
public struct LegacyListenerVariable: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL606", name: "legacy-listener-variable", severity: .warning,
    summary:
      "A pre-3.0 variable such as `KAFKA_ADVERTISED_HOST_NAME` is set on an image that ignores it or exits on it.",
    rationale: """
      `advertised.host.name`, `advertised.port`, `host.name` and `port` were removed in Kafka \
      3.0; the images turn the variables into keys Kafka ignores, and Confluent exits on \
      `KAFKA_ADVERTISED_PORT`, `KAFKA_ADVERTISED_HOST`, `KAFKA_HOST` and `KAFKA_PORT` (error). \
      Put host and port in `KAFKA_ADVERTISED_LISTENERS` instead.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            image: "confluentinc/cp-kafka:8.2.0",
            set: [("↓KAFKA_ADVERTISED_HOST_NAME", "localhost")])))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(ComposeExamples.service(image: "confluentinc/cp-kafka:8.2.0")))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
