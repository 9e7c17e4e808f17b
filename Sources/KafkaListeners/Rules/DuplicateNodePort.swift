/// KL316: one node port asked for by two services of a cluster.
public struct DuplicateNodePort: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL316", name: "duplicate-node-port", severity: .error,
    summary: "Two services of the cluster ask for the same node port.",
    rationale: """
      Every `nodeport` listener (and every `loadbalancer` listener, whose services get node \
      ports too) creates one Kubernetes Service per broker and one bootstrap Service. A node \
      port is opened on every node of the Kubernetes cluster, so Kubernetes allocates node \
      ports cluster-wide: no two services may use the same one, whether they belong to two \
      brokers of one listener, to a broker and the bootstrap service, or to two listeners. The \
      API server rejects the second Service (`spec.ports[0].nodePort: Invalid value: 32000: \
      provided port is already allocated`) and Strimzi's reconciliation fails. This is usually \
      a copied `brokers[]` entry whose `nodePort` was not changed. Give every broker and every \
      bootstrap service its own node port, or leave `nodePort` out and let Kubernetes \
      allocate one.
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
                    nodePort: 32100
                  brokers:
                    - broker: 0
                      nodePort: 32000
                    - broker: 1
                      nodePort: ↓32000
                    - broker: 2
                      nodePort: ↓32100
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
      // Node ports are allocated cluster-wide, so two listeners collide too.
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: events
          namespace: streaming
        spec:
          nodePools:
            - name: dual-role
              roles: [controller, broker]
              replicas: 1
          listeners:
            - name: external
              port: 9094
              type: nodeport
              tls: true
              authentication:
                type: tls
              configuration:
                brokers:
                  - broker: 0
                    nodePort: 32000
            - name: partners
              port: 9095
              type: nodeport
              tls: true
              authentication:
                type: scram-sha-512
              configuration:
                bootstrap:
                  nodePort: ↓32000
          addresses:
            nodes:
              - node: 0
                ExternalDNS: worker-a.example.com

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
                    - broker: 2
                      nodePort: 32002
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
    var diagnostics: [Diagnostic] = []
    for derived in input.derivedClusters {
      var first: [Int: PortChecks.NodePortUse] = [:]
      for use in PortChecks.nodePortUses(derived) {
        let port = use.port.value
        // nodePort 0 asks Kubernetes to allocate one.
        guard port != 0 else { continue }
        guard let earlier = first[port] else {
          first[port] = use
          continue
        }
        diagnostics.append(
          metadata.diagnostic(
            "nodePort \(port) of \(use.owner) is already the node port of \(earlier.owner); "
              + "Kubernetes allocates node ports cluster-wide and rejects the second Service "
              + "(\"Invalid value: \(port): provided port is already allocated\")",
            at: use.port.location,
            notes: [
              .init("\(earlier.owner) asks for node port \(port) here", at: earlier.port.location)
            ]))
      }
    }
    return diagnostics
  }
}
