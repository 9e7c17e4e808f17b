/// KL325: one host port published twice.
public struct PublishedPortConflict: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL325", name: "published-port-conflict", severity: .error,
    summary: "Two services publish the same host port.",
    rationale: """
      Only one container can bind a host port on the same address; the second fails with `port \
      is already allocated`. This is the usual copy-paste slip of multi-broker files. Give each \
      broker its own host port (`29092:9092`, `39092:9092`, `49092:9092`) and advertise that \
      port.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            "kafka-1", ports: ["9092:9092"], base: ComposeExamples.cluster(1, hostPort: 9092)),
          ComposeExamples.service(
            "kafka-2", ports: ["↓9092:9092"], base: ComposeExamples.cluster(2, hostPort: 9092))))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            "kafka-1", ports: ["29092:9092"], base: ComposeExamples.cluster(1, hostPort: 29092)),
          ComposeExamples.service(
            "kafka-2", ports: ["39092:9092"], base: ComposeExamples.cluster(2, hostPort: 39092))))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
