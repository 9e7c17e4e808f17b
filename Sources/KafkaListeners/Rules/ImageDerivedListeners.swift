/// KL604: listeners derived by the image.
public struct ImageDerivedListeners: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL604", name: "image-derived-listeners", severity: .warning,
    summary: "`KAFKA_LISTENERS` is left to the image, which derives a different or unusable value.",
    rationale: """
      Without `KAFKA_LISTENERS` the apache and Confluent (up to 8.0) images rewrite the \
      advertised hosts to `0.0.0.0`, keeping the advertised ports and only the advertised \
      listeners: a port-mapped host listener binds the wrong port and a combined node loses its \
      controller listener. Confluent 8.1+ drops the listener names altogether, which Kafka \
      cannot parse (error). Set `KAFKA_LISTENERS` explicitly.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            ("KAFKA_LISTENERS", nil),
            (
              "KAFKA_ADVERTISED_LISTENERS",
              "↓PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092"
            ),
          ])))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
