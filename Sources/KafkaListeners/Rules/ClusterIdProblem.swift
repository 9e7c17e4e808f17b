/// KL602: cluster id.
public struct ClusterIdProblem: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL602", name: "cluster-id-problem", severity: .error,
    summary:
      "The cluster id is missing where the image needs it, malformed, set under the wrong name, or differs between nodes.",
    rationale: """
      Confluent images exit without `CLUSTER_ID`; Bitnami formats each node with a random id \
      unless `KAFKA_CLUSTER_ID` is set, so several nodes never form one cluster; `apache/kafka` \
      falls back to a built-in id. Ids must be 22-character base64url UUIDs and equal on every \
      node. Set the variable the image reads (`CLUSTER_ID` for apache and Confluent, \
      `KAFKA_CLUSTER_ID` for Bitnami) from `kafka-storage random-uuid`.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(image: "↓confluentinc/cp-kafka:8.2.0", set: [("CLUSTER_ID", nil)])
        ))
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
