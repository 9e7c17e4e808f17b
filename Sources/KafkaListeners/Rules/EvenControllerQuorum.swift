/// KL114: an even number of KRaft controllers (Strimzi's `KafkaSpecChecker` warning).
public struct EvenControllerQuorum: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL114", name: "even-controller-quorum", severity: .warning,
    summary: "The cluster has an even number of KRaft controllers.",
    rationale: """
      The KRaft metadata quorum needs a majority of its controllers to elect a leader and \
      commit metadata. Three controllers survive one failure; four also survive only one, so \
      the fourth adds load without adding tolerance; two survive none, so either controller's \
      restart (every rolling update) stops the cluster's metadata. Strimzi reports this as \
      the warning condition `KafkaKRaftControllerNodeCount` in the Kafka status. Run an odd \
      number of controllers: three, or five for more tolerance.
      """,
    origin: .strimzi(
      message: "Running KRaft controller quorum with an odd number of nodes is recommended."),
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
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: ↓2
          roles: [controller, broker]
          storage:
            type: ephemeral

        """),
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: ledger
          namespace: finance
        spec:
          nodePools:
            - name: controllers
              roles: [controller]
              replicas: ↓4
            - name: brokers
              roles: [broker]
              replicas: 3
          listeners:
            - name: plain
              port: 9092
              type: internal

        """),
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

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    let yaml = YAMLIndex(input)
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters where cluster.isKRaft {
      // The controllers' pools, found in one pass: a search of the nodes per pool grew with
      // pools × nodes.
      var count = 0
      var controllerPools = Set<String>()
      for node in cluster.nodes where node.roles.contains(.controller) {
        count += 1
        controllerPools.insert(node.pool)
      }
      // A pool the reader could not read fully would make the count wrong.
      guard count >= 2, count % 2 == 0, KnownNodes.isComplete(cluster, yaml) else { continue }
      let pools = cluster.pools.filter { controllerPools.contains($0.name.value) }
      guard let first = pools.first else { continue }
      let upstream =
        count == 2
        ? "Running KRaft controller quorum with two nodes is not advisable as both nodes will be "
          + "needed to avoid downtime. It is recommended that a minimum of three nodes are used."
        : "Running KRaft controller quorum with an odd number of nodes is recommended."
      let tolerance =
        count == 2
        ? "losing either controller stops the quorum"
        : "\(count) controllers tolerate \(count / 2 - 1) failures, as \(count - 1) do"
      let warns = cluster.origin == .strimzi ? "Strimzi warns" : "Strimzi would warn"
      diagnostics.append(
        metadata.diagnostic(
          "cluster \(quoted(cluster.name.value)) runs \(count) KRaft controllers: \(tolerance); "
            + "run an odd number; \(warns) \"\(upstream)\"",
          at: location(first),
          notes: pools.dropFirst().map {
            .init("pool \(quoted($0.name.value)) has controllers too", at: location($0))
          }))
    }
    return diagnostics
  }

  /// The pool's replica count, or where its controller role is written.
  private func location(_ pool: NodePool) -> SourceLocation {
    pool.replicas?.location
      ?? pool.roles.first(where: { $0.value == .controller })?.location ?? pool.location
  }
}
