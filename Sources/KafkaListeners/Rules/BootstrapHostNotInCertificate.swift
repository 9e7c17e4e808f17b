/// KL441: a broker behind a TLS bootstrap name has a certificate without that name.
public struct BootstrapHostNotInCertificate: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL441", name: "bootstrap-host-not-in-certificate", severity: .error,
    summary:
      "A broker that answers on a TLS listener's bootstrap name has a certificate without it.",
    rationale: """
      Clients first connect to the bootstrap name (`bootstrap.host` of a route, ingress or \
      tlsroute listener, or one of `bootstrap.alternativeNames`), and whichever broker answers \
      must present a certificate naming it — otherwise clients fail before they even see the \
      metadata. Strimzi adds these names to the certificates it issues itself; a certificate \
      given with `brokerCertChainAndKey` is used as it is. Add the bootstrap name to every \
      broker's certificate (or use a wildcard that covers it).
      """,
    triggering: [
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
                type: ingress
                tls: true
                configuration:
                  class: nginx
                  bootstrap:
                    host: ↓kafka.example.com
                  brokers:
                    - broker: 0
                      host: kafka-1.kafka.example.com
                  brokerCertChainAndKey:
                    secretName: kafka-external-tls
                    certificate: tls.crt
                    key: tls.key
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: kafka-external-tls
        type: kubernetes.io/tls
        stringData:
          tls.crt: |

        """ + indented(TLSExampleCertificates.kafka1NoBootstrap, by: 4))
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
                type: ingress
                tls: true
                configuration:
                  class: nginx
                  bootstrap:
                    host: kafka.example.com
                  brokers:
                    - broker: 0
                      host: kafka-1.kafka.example.com
                  brokerCertChainAndKey:
                    secretName: kafka-external-tls
                    certificate: tls.crt
                    key: tls.key
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: kafka-external-tls
        type: kubernetes.io/tls
        stringData:
          tls.crt: |

        """ + indented(TLSExampleCertificates.kafka1, by: 4))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for check in TLSAnalysis.checks(input) where check.isBootstrap && check.hasReadableCertificate {
      let verdicts = check.verdicts
      guard !verdicts.isEmpty, verdicts.allSatisfy({ $0.match == nil }),
        let certificate = check.certificate
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "\(check.subject) can answer on bootstrap name \(quoted(check.host)), but its "
            + "certificate \(certificate.label) covers \(check.coveredNames); clients fail "
            + "before they see metadata",
          at: check.location, notes: check.certificateNotes))
    }
    return diagnostics
  }
}
