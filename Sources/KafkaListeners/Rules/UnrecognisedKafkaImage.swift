/// KL601: unrecognised image.
public struct UnrecognisedKafkaImage: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL601", name: "unrecognised-kafka-image", severity: .note,
    summary: "A service with Kafka listener variables runs an image whose entrypoint is not known.",
    rationale: """
      How variables become `server.properties` depends on the image's scripts, so the linter \
      assumes the family its variables suggest. Say which family it is with `x-kafka-listeners: \
      {image: apache, kafka-version: "3.9"}` on the service, or `image: none` when it is not a \
      broker.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(ComposeExamples.service(image: "↓example/kafka-custom:1.0")))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            image: "example/kafka-custom:1.0",
            extra: ["x-kafka-listeners:", "  image: apache", "  kafka-version: \"3.9\""])))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
