/// KL019: a `strimzi.io/next-node-ids` or `strimzi.io/remove-node-ids` annotation Strimzi cannot
/// parse.
public struct InvalidNodeIdRange: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL019", name: "invalid-node-id-range", severity: .error,
    summary: "A node-id annotation is not in Strimzi's range syntax `[N, A-B, …]`.",
    rationale: """
      Strimzi reads `strimzi.io/next-node-ids` and `strimzi.io/remove-node-ids` as a bracketed \
      list of ids and ranges (`[0, 5-9, 20-10]`). Anything else — a missing bracket, an empty \
      item, a negative number, `[5-]` — is ignored with only a warning in the operator log, so \
      new nodes silently get the lowest free ids instead of the intended ones.
      """,
    origin: .strimzi(message: "Invalid node ID range"),
    triggering: [
      RuleExample(
        "pool.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
          annotations:
            strimzi.io/next-node-ids: ↓"[100-]"
        spec:
          replicas: 3
          roles: [broker]
          storage:
            type: ephemeral

        """)
    ],
    passing: [
      RuleExample(
        "pool.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
          annotations:
            strimzi.io/next-node-ids: "[100-102, 110]"
        spec:
          replicas: 3
          roles: [broker]
          storage:
            type: ephemeral

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.clusterIssues)
  }
}
