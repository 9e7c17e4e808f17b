/// KL020: a `strimzi.io/next-node-ids` range that names ids another pool already has.
public struct OverlappingNodeIdRange: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL020", name: "overlapping-node-id-range", severity: .warning,
    summary: "A pool's `strimzi.io/next-node-ids` names ids that another pool already uses.",
    rationale: """
      Strimzi skips ids that are already in use when it assigns new nodes, so the pool does \
      not get the range its annotation names but the next free ids. Ranges are how teams keep \
      ids meaningful (controllers 0-2, brokers 100-199); an overlap silently breaks that \
      convention and the pod names and per-broker settings that depend on it. Give each pool \
      a range of its own.
      """,
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: controllers
          labels:
            strimzi.io/cluster: my-cluster
          annotations:
            strimzi.io/next-node-ids: "[0-2]"
        spec:
          replicas: 3
          roles: [controller]
          storage:
            type: ephemeral
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
          annotations:
            strimzi.io/next-node-ids: ↓"[2-4]"
        spec:
          replicas: 3
          roles: [broker]
          storage:
            type: ephemeral
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: plain
                port: 9092
                type: internal
                tls: false

        """)
    ],
    passing: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: controllers
          labels:
            strimzi.io/cluster: my-cluster
          annotations:
            strimzi.io/next-node-ids: "[0-2]"
        spec:
          replicas: 3
          roles: [controller]
          storage:
            type: ephemeral
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
          annotations:
            strimzi.io/next-node-ids: "[100-199]"
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
