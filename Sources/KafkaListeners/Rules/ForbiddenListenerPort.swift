/// KL103: a listener port that Strimzi keeps for itself (Strimzi's `ListenersValidator`), or,
/// in a description of hosts or containers, the port of a built-in listener.
public struct ForbiddenListenerPort: Rule {
  /// Creates the rule.
  public init() {}

  /// Ports Strimzi's pods use for something else: the Prometheus metrics endpoint and JMX.
  static let reserved: [Int: String] = [
    9404: "the Prometheus metrics endpoint of its pods", 9999: "JMX in its pods",
  ]

  public let metadata = RuleMetadata(
    code: "KL103", name: "forbidden-listener-port", severity: .error,
    summary: "A listener uses a port Strimzi keeps for its own listeners, metrics or JMX.",
    rationale: """
      Strimzi's brokers listen on 9090 (the controller listener `CONTROLPLANE-9090`) and 9091 \
      (the replication listener `REPLICATION-9091`), expose Prometheus metrics on 9404 and JMX \
      on 9999. The CRD already refuses ports below 9092 (reported when the resource is read); \
      the operator also refuses 9404 and 9999, and reconciles nothing until the port changes. \
      A ClusterDescription of brokers on hosts or in containers may use any port, but this \
      tool generates the same built-in listeners there, so a listener on 9091 (or on 9090 \
      where a node is broker and controller) would bind a port twice. Pick another port, 9092 \
      or above.
      """,
    origin: .strimzi(message: "port <p> is forbidden and cannot be used"),
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
              - name: metrics
                port: ↓9404
                type: internal
                tls: false

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
            - id: 0
              roles: [broker, controller]
              host: kafka-0.example.com
          listeners:
            - name: clients
              port: ↓9091
              type: host

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

        """),
      // Brokers that are not controllers never bind the controller port.
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
            - id: 0
              roles: [controller]
              host: controller-0.example.com
            - id: 1
              roles: [broker]
              host: kafka-1.example.com
          listeners:
            - name: clients
              port: 9090
              type: host

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners {
        let port = listener.port.value
        let name = quoted(listener.name.value)
        if StrimziValidation.onKubernetes(cluster) {
          // Ports below 9092 never reach the model: the readers report them (KL016).
          guard let use = Self.reserved[port] else { continue }
          diagnostics.append(
            metadata.diagnostic(
              "listener \(name) uses port \(port), which Strimzi keeps for \(use); "
                + StrimziValidation.rejection(
                  cluster, "port \(port) is forbidden and cannot be used"),
              at: listener.port.location))
        } else if let message = builtInCollision(port: port, listener: name, cluster: cluster) {
          diagnostics.append(metadata.diagnostic(message, at: listener.port.location))
        }
      }
    }
    return diagnostics
  }

  /// Hosts and containers get the same built-in listeners as Strimzi's pods: the replication
  /// listener on every broker, the controller listener on every controller. User listeners run
  /// on brokers only.
  private func builtInCollision(port: Int, listener: String, cluster: Cluster) -> String? {
    let replication = ListenerDerivation.replication
    let controlPlane = ListenerDerivation.controlPlane
    if port == replication.port, !cluster.brokers.isEmpty {
      return "listener \(listener) uses port \(port), the port of the \(replication.name) "
        + "listener every broker gets for replication; two listeners cannot bind one port, so "
        + "choose another (9092 or above)"
    }
    if port == controlPlane.port,
      let node = cluster.nodes.first(where: {
        $0.roles.contains(.broker) && $0.roles.contains(.controller)
      })
    {
      return "listener \(listener) uses port \(port), the port of the \(controlPlane.name) "
        + "listener of controllers; node \(node.id) is broker and controller, so it would bind "
        + "the port twice: choose another (9092 or above)"
    }
    return nil
  }
}
