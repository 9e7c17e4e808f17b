/// KL603: advertised listeners on a controller.
public struct AdvertisedListenersOnControllerImage: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL603", name: "advertised-listeners-on-controller-image", severity: .error,
    summary:
      "A controller-only node of the apache or Confluent image sets `KAFKA_ADVERTISED_LISTENERS`.",
    rationale: """
      The apache/kafka and Confluent entrypoints refuse it and exit with \
      `KAFKA_ADVERTISED_LISTENERS is not supported on a KRaft controller.`, although Kafka \
      itself accepts advertised controller listeners since 3.9. Remove the variable: the other \
      nodes reach controllers through `controller.quorum.voters`.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            "controller-1", ports: [],
            base: [
              ("KAFKA_NODE_ID", "1"), ("KAFKA_PROCESS_ROLES", "controller"),
              ("KAFKA_LISTENERS", "CONTROLLER://:9093"),
              ("KAFKA_ADVERTISED_LISTENERS", "↓CONTROLLER://controller-1:9093"),
              ("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
              ("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@controller-1:9093"),
              ("CLUSTER_ID", "4L6g3nShT-eMCtK--X86sw"),
            ])))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            "controller-1", ports: [],
            base: [
              ("KAFKA_NODE_ID", "1"), ("KAFKA_PROCESS_ROLES", "controller"),
              ("KAFKA_LISTENERS", "CONTROLLER://:9093"),
              ("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
              ("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@controller-1:9093"),
              ("CLUSTER_ID", "4L6g3nShT-eMCtK--X86sw"),
            ])))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
