/// KL105: mutual TLS authentication on a listener without TLS (Strimzi's `ListenersValidator`).
public struct TLSAuthenticationWithoutTLS: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL105", name: "tls-authentication-without-tls", severity: .error,
    summary: "A listener authenticates clients by TLS certificate but does not enable TLS.",
    rationale: """
      `authentication.type: tls` means clients prove who they are with a certificate during \
      the TLS handshake (`ssl.client.auth=required`). A listener with `tls: false` has no \
      handshake, so no client could ever authenticate; Strimzi's operator rejects the \
      combination. Set `tls: true`, or choose an authentication that works over plaintext \
      (`scram-sha-512`, or `custom` SASL) — preferably still with TLS, since SASL PLAIN and \
      OAuth tokens cross the network readable otherwise.
      """,
    origin: .strimzi(
      message: "listener <L> cannot use tls type authentication with disabled TLS encryption"),
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
                authentication:
                  type: ↓tls

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
              port: 9092
              type: host
              authentication:
                type: ↓tls

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
              - name: tls
                port: 9093
                type: internal
                tls: true
                authentication:
                  type: tls
              - name: scram
                port: 9094
                type: internal
                tls: false
                authentication:
                  type: scram-sha-512

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners {
        guard let authentication = listener.authentication, authentication.value == .tls,
          !listener.isTLS
        else { continue }
        // A Strimzi listener without `tls` was reported as missing a required field (KL015).
        if cluster.origin == .strimzi, listener.tls == nil { continue }
        let name = listener.name.value
        let notes: [Diagnostic.Note] =
          listener.tls.map { [.init("TLS is disabled here", at: $0.location)] }
          ?? [
            .init("the listener sets no tls, which is false by default", at: listener.name.location)
          ]
        diagnostics.append(
          metadata.diagnostic(
            "listener \(quoted(name)) authenticates clients by TLS certificate but does not "
              + "enable TLS, so no client can authenticate; set tls: true or use scram-sha-512; "
              + StrimziValidation.rejection(
                cluster,
                "listener \(name) cannot use tls type authentication with disabled TLS encryption"),
            at: authentication.location, notes: notes))
      }
    }
    return diagnostics
  }
}
