/// KL104: a `route` or `ingress` listener without TLS (Strimzi's `ListenersValidator`).
public struct ExposureRequiresTLS: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL104", name: "exposure-requires-tls", severity: .error,
    summary: "A route or ingress listener does not enable TLS.",
    rationale: """
      OpenShift Routes and Ingress controllers speak HTTP; Kafka's protocol crosses them only \
      as TLS passthrough, where the router picks the broker by the TLS server name (SNI) the \
      client sends. Without `tls: true` there is no TLS handshake and no SNI, so Strimzi's \
      operator rejects the listener. Set `tls: true` (clients then need the cluster CA or your \
      own certificate via `brokerCertChainAndKey`), or use a `loadbalancer` or `nodeport` \
      listener for plaintext. `tlsroute` listeners are not affected: the Gateway may terminate \
      TLS itself, so `tls: false` is allowed there.
      """,
    origin: .strimzi(
      message: "listener <L> is Route or Ingress type listener and requires enabled TLS encryption"),
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
                type: route
                tls: ↓false

        """),
      // In a description `tls` defaults to false.
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
              replicas: 3
          listeners:
            - name: external
              port: 9094
              type: ↓ingress
              configuration:
                hostTemplate: broker-{nodeId}.kafka.example.com
                bootstrap:
                  host: bootstrap.kafka.example.com

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
                type: route
                tls: true
              - name: gateway
                port: 9095
                type: tlsroute
                tls: false
                configuration:
                  hostTemplate: broker-{nodeId}.kafka.example.com
                  bootstrap:
                    host: bootstrap.kafka.example.com
                  parentRefs:
                    - name: shared-gateway

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners {
        let type = listener.type.value
        guard type == .route || type == .ingress, !listener.isTLS else { continue }
        // A Strimzi listener without `tls` was reported as missing a required field (KL015).
        if cluster.origin == .strimzi, listener.tls == nil { continue }
        let name = listener.name.value
        let written = listener.tls.map { _ in "tls: false" } ?? "no tls (false by default)"
        diagnostics.append(
          metadata.diagnostic(
            "listener \(quoted(name)) has type \(type.rawValue) and \(written): routers "
              + "pass Kafka through only as TLS passthrough, so set tls: true; "
              + StrimziValidation.rejection(
                cluster,
                "listener \(name) is Route or Ingress type listener and requires enabled TLS "
                  + "encryption"),
            at: listener.tls?.location ?? listener.type.location))
      }
    }
    return diagnostics
  }
}
