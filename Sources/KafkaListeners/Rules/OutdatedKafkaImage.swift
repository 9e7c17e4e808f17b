/// KL609: outdated image.
public struct OutdatedKafkaImage: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL609", name: "outdated-kafka-image", severity: .note,
    summary: "The image is frozen or unmaintained, or its tag does not say which Kafka it runs.",
    rationale: """
      The free `bitnami/*` tags moved to `bitnamilegacy/*` on 2025-08-28 and are no longer \
      updated; `wurstmeister/kafka` stops at Kafka 2.8.1 and cannot run KRaft; `latest` changes \
      Kafka under you. Pin a maintained image and a version tag.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            image: "↓bitnami/kafka:3.9", ports: ["9094:9094"], base: ComposeExamples.bitnami)))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            image: "bitnamilegacy/kafka:3.9", ports: ["9094:9094"], base: ComposeExamples.bitnami)))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
