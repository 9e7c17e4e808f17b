/// KL018: two nodes of one cluster with the same node id.
public struct NodeIdCollision: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL018", name: "node-id-collision", severity: .error,
    summary: "Two node pools (or two nodes of a description) have the same node id.",
    rationale: """
      Node ids are unique across the whole cluster, all pools together: pod names, \
      `controller.quorum.voters`, per-broker services and `brokers[]` overrides are all keyed \
      by id. The operator stops with "Found duplicate node ID" when two pools list one id in \
      `status.nodeIds`, and a description cannot give one id to two nodes. Give each pool its \
      own ids.
      """,
    origin: .strimzi(message: "Found duplicate node ID <id> in node pool <pool>"),
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
        spec:
          replicas: 3
          roles: [controller]
          storage:
            type: ephemeral
        status:
          nodeIds: [0, 1, 2]
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          roles: [broker]
          storage:
            type: ephemeral
        status:
          nodeIds: [↓2, 3, 4]
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
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.clusterIssues)
  }
}
