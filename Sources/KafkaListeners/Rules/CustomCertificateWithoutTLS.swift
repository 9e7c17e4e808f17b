/// KL106: a custom broker certificate on a listener without TLS (Strimzi's
/// `ListenersValidator`).
public struct CustomCertificateWithoutTLS: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL106", name: "custom-certificate-without-tls", severity: .error,
    summary: "A listener configures its own broker certificate but does not enable TLS.",
    rationale: """
      `configuration.brokerCertChainAndKey` names the Secret with the certificate a TLS \
      listener presents instead of the one Strimzi's cluster CA signs. On a listener with \
      `tls: false` there is nothing to present it in, so Strimzi's operator rejects the \
      listener rather than silently ignoring the certificate. Usually `tls: true` was meant \
      (clients that trust your CA then connect over TLS); otherwise remove the certificate.
      """,
    origin: .strimzi(
      message: "listener <L> cannot configure custom TLS certificate with disabled TLS encryption"),
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
                tls: false
                configuration:
                  ↓brokerCertChainAndKey:
                    secretName: kafka-external-cert
                    certificate: tls.crt
                    key: tls.key

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
              configuration:
                ↓brokerCertChainAndKey:
                  secretName: kafka-cert
                  certificate: tls.crt
                  key: tls.key

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
                  brokerCertChainAndKey:
                    secretName: kafka-external-cert
                    certificate: tls.crt
                    key: tls.key

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    let yaml = YAMLIndex(input)
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners {
        guard let certificate = listener.configuration.brokerCertChainAndKey, !listener.isTLS
        else { continue }
        // A Strimzi listener without `tls` was reported as missing a required field (KL015).
        if cluster.origin == .strimzi, listener.tls == nil { continue }
        let name = listener.name.value
        let location =
          yaml.configuration(of: listener)?.keyLocation("brokerCertChainAndKey")
          ?? certificate.secretName.location
        let notes: [Diagnostic.Note] =
          listener.tls.map { [.init("TLS is disabled here", at: $0.location)] }
          ?? [
            .init("the listener sets no tls, which is false by default", at: listener.name.location)
          ]
        diagnostics.append(
          metadata.diagnostic(
            "listener \(quoted(name)) configures its own certificate (Secret "
              + "\(quoted(certificate.secretName.value))) but does not enable TLS, so the "
              + "certificate is never used; set tls: true or remove brokerCertChainAndKey; "
              + StrimziValidation.rejection(
                cluster,
                "listener \(name) cannot configure custom TLS certificate with disabled TLS "
                  + "encryption"),
            at: location, notes: notes))
      }
    }
    return diagnostics
  }
}
