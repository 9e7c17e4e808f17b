/// KL317: a `nodePort` outside Kubernetes' default node port range, 30000–32767.
public struct NodePortOutOfRange: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL317", name: "node-port-out-of-range", severity: .error,
    summary: "A `bootstrap.nodePort` or `brokers[].nodePort` is outside 30000–32767.",
    rationale: """
      Kubernetes gives NodePort services their node ports from the API server's \
      `--service-node-port-range`, 30000–32767 unless the cluster administrator changed it, and \
      rejects a Service that asks for a port outside it: `spec.ports[0].nodePort: Invalid \
      value: 9094: provided port is not in the valid range. The range of valid ports is \
      30000-32767`. Strimzi then cannot create the listener's services and the reconciliation \
      fails. This is a common slip when the listener port (9094) or the port clients should \
      use is written as the node port. Pick node ports inside the range (or leave `nodePort` \
      out and let Kubernetes allocate one); if your cluster really runs with a wider \
      `--service-node-port-range`, turn this rule off in `.kafka-listeners.yaml`. \
      `nodePort: 0` asks Kubernetes to allocate a port and is not reported.
      """,
    origin: .kafkaListeners,
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
          namespace: kafka
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: nodeport
                tls: true
                authentication:
                  type: tls
                configuration:
                  bootstrap:
                    nodePort: ↓9094
                  brokers:
                    - broker: 0
                      nodePort: 32000
                    - broker: 1
                      nodePort: ↓40001
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 2
          roles: [controller, broker]
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
          namespace: kafka
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: nodeport
                tls: true
                authentication:
                  type: tls
                configuration:
                  bootstrap:
                    nodePort: 32100
                  brokers:
                    - broker: 0
                      nodePort: 32000
                    - broker: 1
                      nodePort: 32001
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 2
          roles: [controller, broker]
          storage:
            type: ephemeral

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let range = PortChecks.nodePortRange
    for derived in input.derivedClusters {
      for use in PortChecks.nodePortUses(derived) {
        let port = use.port.value
        guard port != 0, !range.contains(port) else { continue }
        let what =
          (1...65535).contains(port)
          ? "outside Kubernetes' default node port range \(range.lowerBound)-\(range.upperBound)"
          : "not a TCP port, let alone one in Kubernetes' node port range "
            + "\(range.lowerBound)-\(range.upperBound)"
        diagnostics.append(
          metadata.diagnostic(
            "nodePort \(port) of \(use.owner) is \(what): the API server rejects the Service "
              + "(\"Invalid value: \(port): provided port is not in the valid range. The range "
              + "of valid ports is \(range.lowerBound)-\(range.upperBound)\") unless "
              + "kube-apiserver runs with a --service-node-port-range that includes it",
            at: use.port.location))
      }
    }
    return diagnostics
  }
}
