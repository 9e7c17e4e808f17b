/// KL305: an advertised address that Kubernetes only fills in at run time.
public struct RuntimeAddress: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL305", name: "runtime-address", severity: .note,
    summary: "An advertised host or port is only known once Kubernetes creates the resources.",
    rationale: """
      For `nodeport` listeners each broker advertises the address of the Kubernetes node its \
      pod lands on (Strimzi's init container writes it to `/opt/kafka/init/external.address`) \
      and, without `brokers[].nodePort`, a node port Kubernetes allocates; `loadbalancer` \
      listeners advertise the address the cloud assigns to each broker's service; Routes \
      without `hostTemplate` get a host from the OpenShift router. `generate` shows these as \
      placeholders. Set `brokers[].advertisedHost`/`nodePort` (or describe the addresses in a \
      ClusterDescription) to know them in advance.
      """,
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
                type: ↓loadbalancer
                tls: true
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
                type: loadbalancer
                tls: true
                configuration:
                  advertisedHostTemplate: broker-{nodeId}.kafka.example.com
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
    metadata.diagnostics(from: input.derivedClusters.flatMap(\.issues))
  }
}
