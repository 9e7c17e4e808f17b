/// KL111: a `brokers[]` entry for a node id that is not a broker (Strimzi's
/// `ListenersValidator` warning).
public struct OverrideForUnknownBroker: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL111", name: "override-for-unknown-broker", severity: .warning,
    summary: "A listener's brokers[] entry names a node id that is not a broker of the cluster.",
    rationale: """
      Per-broker settings (`advertisedHost`, `nodePort`, `host`, `loadBalancerIP`, …) are keyed \
      by node id. With node pools the ids are rarely 0, 1, 2: they come from each pool's \
      `status.nodeIds`, its `strimzi.io/next-node-ids` annotation, or the order pools are \
      created in (issue #9705), and controller-only nodes have ids too but no broker \
      listeners. An entry for any other id configures nothing, while the broker it was meant \
      for silently falls back to the default address; Strimzi only logs a warning (PR #10230). \
      Key the entries by the broker node ids, or use `advertisedHostTemplate`/`hostTemplate` \
      with `{nodeId}`. The check runs when the inputs name the cluster's nodes (its \
      KafkaNodePools, or a description); ids that were assigned rather than read from \
      `status.nodeIds` are pointed out in a note.
      """,
    origin: .strimzi(
      message: "Listener <L> contains configuration for brokers with IDs [<ids>] that are "
        + "currently not used"),
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
              - name: external
                port: 9094
                type: loadbalancer
                tls: true
                configuration:
                  brokers:
                    - broker: ↓0
                      advertisedHost: broker-0.kafka.example.com
                    - broker: 100
                      advertisedHost: broker-100.kafka.example.com
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: controllers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 1
          roles: [controller]
          storage:
            type: ephemeral
        status:
          nodeIds: [0]
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 1
          roles: [broker]
          storage:
            type: ephemeral
        status:
          nodeIds: [100]

        """),
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: vm
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-1.example.com
          listeners:
            - name: public
              port: 9094
              type: host
              configuration:
                brokers:
                  - broker: ↓0
                    advertisedHost: kafka.example.com

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
              - name: external
                port: 9094
                type: loadbalancer
                tls: true
                configuration:
                  brokers:
                    - broker: 100
                      advertisedHost: broker-100.kafka.example.com
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 1
          roles: [broker, controller]
          storage:
            type: ephemeral
        status:
          nodeIds: [100]

        """),
      // Without its node pools the cluster's node ids are unknown: nothing to compare with.
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
              - name: external
                port: 9094
                type: loadbalancer
                tls: true
                configuration:
                  brokers:
                    - broker: 7
                      advertisedHost: broker-7.kafka.example.com

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    let yaml = YAMLIndex(input)
    var diagnostics: [Diagnostic] = []
    // Only listeners with brokers[] entries can name a stranger; the node ids are worked out
    // for the clusters that have them.
    for cluster in input.clusters
    where cluster.listeners.contains(where: { !$0.configuration.brokers.isEmpty }) {
      let known = KnownNodes(cluster, yaml)
      guard let brokerIds = known.brokerIds else { continue }
      let brokers = Set(brokerIds)
      let brokerList = brokerIds.isEmpty ? "none" : StrimziValidation.ranges(brokerIds)
      for listener in cluster.listeners {
        let strangers = listener.configuration.brokers.filter { !brokers.contains($0.broker.value) }
        var unknownIds: [Int] = []
        var seen: Set<Int> = []
        for entry in strangers where seen.insert(entry.broker.value).inserted {
          unknownIds.append(entry.broker.value)
        }
        guard !unknownIds.isEmpty else { continue }
        let name = listener.name.value
        let ids = StrimziValidation.list(unknownIds)
        let upstream =
          "Listener \(name) contains configuration for brokers with IDs [\(ids)] that are "
          + "currently not used"
        for entry in strangers {
          let id = entry.broker.value
          let what =
            known.controllerOnlyIds.contains(id)
            ? "node \(id) is a controller without the broker role, so it has no \(quoted(name)) "
              + "listener"
            : "the cluster has no node \(id)"
          diagnostics.append(
            metadata.diagnostic(
              "listener \(quoted(name)) configures broker \(id), but \(what) (broker ids: "
                + "\(brokerList)); the entry configures nothing and Strimzi only warns: "
                + "\"\(upstream)\"",
              at: entry.broker.location, notes: known.notes))
        }
      }
    }
    return diagnostics
  }
}
