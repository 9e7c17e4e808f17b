/// KL017: a `KafkaNodePool` whose cluster label names no `Kafka` among the inputs.
public struct OrphanNodePool: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL017", name: "orphan-node-pool", severity: .warning,
    summary: "A KafkaNodePool's `strimzi.io/cluster` label names no Kafka resource given.",
    rationale: """
      Strimzi attaches a node pool to the `Kafka` named by its `strimzi.io/cluster` label in \
      the same namespace. A misspelled or missing label leaves the pool's nodes out of the \
      cluster: no brokers start for it and no error appears on the `Kafka` resource. The rule \
      only runs when at least one `Kafka` is among the inputs, so linting a pool file on its \
      own stays quiet.
      """,
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
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
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: ↓my-clsuter
        spec:
          replicas: 3
          roles: [broker]
          storage:
            type: ephemeral

        """)
    ],
    passing: [
      RuleExample(
        "kafka.yaml",
        """
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
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          roles: [controller, broker]
          storage:
            type: ephemeral

        """),
      RuleExample(
        "pool.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: defined-elsewhere
        spec:
          replicas: 3
          roles: [broker]
          storage:
            type: ephemeral

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.clusterIssues)
  }
}
