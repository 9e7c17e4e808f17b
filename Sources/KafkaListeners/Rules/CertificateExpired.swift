/// KL442: a certificate has expired or is not valid yet.
public struct CertificateExpired: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL442", name: "certificate-expired", severity: .error,
    summary: "A broker certificate, or one of its chain, has expired or is not valid yet.",
    rationale: """
      Java and OpenSSL reject a certificate outside its validity period whatever names it \
      carries (`CertificateExpiredException`, `certificate has expired`), so every TLS client \
      and, with TLS between brokers, replication fail. A forgotten test certificate mounted \
      into a container is a common cause. Reissue the certificate (and the CA or intermediate \
      when that is what expired); Strimzi renews the certificates it issues itself 30 days \
      before they expire by default, but never a certificate you supply.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-1.kafka.example.com:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=↓
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.expired))
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-1.kafka.example.com:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.kafka1))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let now = input.tls.now
    for file in TLSAnalysis.certificateFiles(input) {
      for (index, certificate) in file.certificates.enumerated() {
        let which =
          index == 0
          ? "certificate \(file.label)"
          : "chain certificate \(quoted(certificate.subject)) in \(file.path)"
        if certificate.notValidAfter < now {
          let days = (now - certificate.notValidAfter) / 86_400
          diagnostics.append(
            metadata.diagnostic(
              "\(which) expired on \(UTCDate.day(certificate.notValidAfter)), \(days) days ago",
              at: file.location))
        } else if certificate.notValidBefore > now {
          let days = (certificate.notValidBefore - now + 86_399) / 86_400
          diagnostics.append(
            metadata.diagnostic(
              "\(which) is not valid before \(UTCDate.day(certificate.notValidBefore)), "
                + "in \(days) days",
              at: file.location))
        }
      }
    }
    return diagnostics
  }
}
