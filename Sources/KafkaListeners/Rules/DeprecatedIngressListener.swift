/// KL112: an `ingress` listener, which Strimzi deprecates (`KafkaSpecChecker`, 0.51 and later).
public struct DeprecatedIngressListener: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL112", name: "deprecated-ingress-listener", severity: .warning,
    summary: "A listener uses the ingress type, which Strimzi deprecates.",
    rationale: """
      `ingress` listeners depend on an Ingress controller that supports TLS passthrough, which \
      the Ingress API itself does not define (in practice ingress-nginx with \
      `--enable-ssl-passthrough`). Strimzi 0.51 and later deprecate the type and \
      add the warning condition `DeprecatedObjects` to the Kafka status. Plan a move to \
      `tlsroute` (Gateway API TLSRoutes, Strimzi 1.1 and later), `route` on OpenShift, or \
      `loadbalancer`; the advertised addresses change, so clients need the new bootstrap \
      address.
      """,
    origin: .strimzi(message: "ingress type listeners are deprecated."),
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
                type: ↓ingress
                tls: true
                configuration:
                  class: nginx
                  hostTemplate: broker-{nodeId}.kafka.example.com
                  bootstrap:
                    host: bootstrap.kafka.example.com

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
              - name: external
                port: 9094
                type: tlsroute
                tls: true
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
      for listener in cluster.listeners where listener.type.value == .ingress {
        let status =
          cluster.origin == .strimzi
          ? "Strimzi 0.51 and later add the warning \"ingress type listeners are deprecated.\" "
            + "to the Kafka status"
          : "Strimzi 0.51 and later warn \"ingress type listeners are deprecated.\""
        diagnostics.append(
          metadata.diagnostic(
            "listener \(quoted(listener.name.value)) uses type ingress, which Strimzi "
              + "deprecates: \(status); plan a move to tlsroute (Gateway API), route or "
              + "loadbalancer",
            at: listener.type.location))
      }
    }
    return diagnostics
  }
}
