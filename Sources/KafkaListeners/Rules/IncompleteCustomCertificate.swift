/// KL108: `brokerCertChainAndKey` with an empty Secret name, key or certificate (Strimzi's
/// `ListenersValidator`).
public struct IncompleteCustomCertificate: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL108", name: "incomplete-custom-certificate", severity: .error,
    summary: "A listener's custom certificate names an empty Secret, certificate or key.",
    rationale: """
      `configuration.brokerCertChainAndKey` tells Strimzi which Secret holds the listener's \
      certificate chain and private key, and under which keys. The CRD requires the three \
      fields (a missing one is reported when the resource is read) but lets an empty string \
      through, which typically comes from an unset Helm or Kustomize value; Strimzi's operator \
      then rejects the listener. Fill in the Secret's name and the keys of the PEM certificate \
      chain (often `tls.crt`) and private key (often `tls.key`), or remove \
      `brokerCertChainAndKey` to use the certificate Strimzi's cluster CA signs.
      """,
    origin: .strimzi(
      message: "listener '<L>' cannot have an empty secret name in the brokerCertChainAndKey"),
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
                  brokerCertChainAndKey:
                    secretName: ↓""
                    certificate: tls.crt
                    key: ↓""

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
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners {
        guard let certificate = listener.configuration.brokerCertChainAndKey else { continue }
        let name = listener.name.value
        // Strimzi's order: secret name, key, certificate.
        let fields: [(Located<String>, String, String)] = [
          (certificate.secretName, "secret name", "name the Secret that holds the certificate"),
          (certificate.key, "key", "name the Secret's key of the private key, such as tls.key"),
          (
            certificate.certificate, "certificate",
            "name the Secret's key of the certificate chain, such as tls.crt"
          ),
        ]
        for (value, what, fix) in fields where value.value.isEmpty {
          let upstream =
            "listener '\(name)' cannot have an empty \(what) in the brokerCertChainAndKey"
          let verdict =
            cluster.origin == .strimzi
            ? "the Strimzi operator rejects the resource" : "Strimzi rejects such a listener"
          diagnostics.append(
            metadata.diagnostic("\(upstream): \(fix); \(verdict)", at: value.location))
        }
      }
    }
    return diagnostics
  }
}
