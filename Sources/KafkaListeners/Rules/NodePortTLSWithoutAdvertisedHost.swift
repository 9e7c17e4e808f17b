/// KL447: a Strimzi TLS nodeport listener advertises node addresses its certificates never name.
public struct NodePortTLSWithoutAdvertisedHost: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL447", name: "nodeport-tls-without-advertised-host", severity: .warning,
    summary: "A Strimzi `nodeport` listener with TLS advertises node addresses that the "
      + "broker certificates Strimzi issues never contain.",
    rationale: """
      Without `brokers[].advertisedHost`, each broker of a `nodeport` listener advertises the \
      address of the Kubernetes node its pod happens to run on, found only when the pod \
      starts. Strimzi's cluster operator cannot know it and never puts node addresses in the \
      broker certificates it issues, so every client that verifies hostnames rejects the \
      brokers after bootstrap. Give every broker an `advertisedHost` with a DNS name (Strimzi \
      adds it to the certificate) plus `bootstrap.alternativeNames` for the bootstrap name, \
      or supply your own certificate with `brokerCertChainAndKey`.
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
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: ↓nodeport
                tls: true

        """)
    ],
    passing: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 1
          roles: [controller, broker]
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: nodeport
                tls: true
                configuration:
                  bootstrap:
                    alternativeNames: [kafka.example.com]
                  brokers:
                    - broker: 0
                      advertisedHost: kafka-0.kafka.example.com

        """),
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
                type: nodeport
                tls: false

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for derived in input.derivedClusters where derived.cluster.origin == .strimzi {
      let cluster = derived.cluster
      for listener in cluster.listeners where listener.type.value == .nodePort && listener.isTLS {
        let configuration = listener.configuration
        if configuration.brokerCertChainAndKey != nil || configuration.advertisedHostTemplate != nil
        {
          continue
        }
        let covered = configuration.idsWithAdvertisedHost
        let missing = cluster.nodes.brokerIDs.filter { !covered.contains($0) }.sorted()
        // A Kafka without node pools has no known brokers yet: the listener itself is the problem.
        guard !missing.isEmpty || cluster.brokers.isEmpty else { continue }
        let which =
          missing.isEmpty
          ? "its brokers"
          : "broker" + (missing.count == 1 ? " " : "s ")
            + missing.map(String.init).joined(separator: ", ")
        diagnostics.append(
          metadata.diagnostic(
            "TLS nodeport listener \(quoted(listener.name.value)): \(which) advertise the "
              + "address of the Kubernetes node they run on, which Strimzi never puts in the "
              + "broker certificates; clients verifying hostnames reject them",
            at: listener.type.location))
      }
    }
    return diagnostics
  }
}
