/// KL443: a certificate expires soon.
public struct CertificateExpiringSoon: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL443", name: "certificate-expiring-soon", severity: .warning,
    summary: "A broker certificate, or one of its chain, expires within the warning period.",
    rationale: """
      A certificate that expires next month breaks every TLS client on that day. The warning \
      period is 30 days (`lint --tls-expiry-warning-days`, or `tls: expiry-warning-days:` in \
      `.kafka-listeners.yaml`); for a Strimzi cluster it is at least the cluster CA's \
      `renewalDays`, the window in which Strimzi renews its own certificates — a certificate \
      you supply is not renewed by anyone. Reissue it and roll the brokers before it expires.
      """,
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          clusterCa:
            validityDays: 40000
            renewalDays: 36500
          kafka:
            listeners:
              - name: external
                port: 9094
                type: loadbalancer
                tls: true
                configuration:
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
          tls.crt: ↓|

        """ + indented(TLSExampleCertificates.kafka1, by: 4))
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
    let now = input.tls.now
    let secretLocations = Set(input.tls.secrets.map(\.file.location))
    let renewalDays = Self.strimziRenewalDays(input)
    for file in TLSAnalysis.certificateFiles(input) {
      var days = input.tls.expiryWarningDays
      var why = "the \(days)-day warning period"
      if secretLocations.contains(file.location), let renewal = renewalDays, renewal > days {
        days = renewal
        why = "the cluster CA's renewalDays (\(renewal))"
      }
      for (index, certificate) in file.certificates.enumerated() {
        let left = certificate.notValidAfter - now
        guard left >= 0, certificate.notValidBefore <= now, left < Int64(days) * 86_400 else {
          continue
        }
        let which =
          index == 0
          ? "certificate \(file.label)"
          : "chain certificate \(quoted(certificate.subject)) in \(file.path)"
        diagnostics.append(
          metadata.diagnostic(
            "\(which) expires in \(left / 86_400) days "
              + "(\(UTCDate.day(certificate.notValidAfter))), within \(why)",
            at: file.location))
      }
    }
    return diagnostics
  }

  /// The largest `spec.clusterCa.renewalDays` of the Strimzi `Kafka` resources in the inputs.
  static func strimziRenewalDays(_ input: LintInput) -> Int? {
    var result: Int?
    for file in input.yamlFiles {
      for document in file.documents {
        guard let mapping = document.mapping, mapping["kind"]?.scalar?.text == "Kafka",
          let days = mapping["spec"]?.mapping?["clusterCa"]?.mapping?["renewalDays"]?.scalar?
            .integerValue
        else { continue }
        result = max(result ?? days, days)
      }
    }
    return result
  }
}
