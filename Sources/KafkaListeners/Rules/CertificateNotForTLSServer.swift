/// KL449: a broker certificate may not be used by a TLS server.
public struct CertificateNotForTLSServer: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL449", name: "certificate-not-for-tls-server", severity: .warning,
    summary: "A broker certificate's extended key usage excludes TLS servers, or it is a CA "
      + "certificate.",
    rationale: """
      A certificate with an extendedKeyUsage extension that lists neither `serverAuth` nor \
      `anyExtendedKeyUsage` (a client certificate, `extendedKeyUsage=clientAuth`) is rejected \
      for a TLS server by Java (`Extended key usage does not permit use for TLS server \
      authentication`) and by OpenSSL (`unsuitable certificate purpose`), whatever names it \
      has. A CA certificate presented as the broker's own is a misconfigured keystore. Issue \
      the broker a certificate with `extendedKeyUsage=serverAuth,clientAuth` (both, when \
      brokers also authenticate to each other with it).
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
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.clientOnly))
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
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.serverClient))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let trustStores = Set(input.tls.secrets.filter { $0.key == "ca.crt" }.map(\.file.location))
    for file in TLSAnalysis.certificateFiles(input) where !trustStores.contains(file.location) {
      guard let first = file.certificates.first else { continue }
      if first.isCertificateAuthority {
        // A file of CA certificates only is a truststore, not a server's keystore.
        if file.certificates.allSatisfy(\.isCertificateAuthority) { continue }
        diagnostics.append(
          metadata.diagnostic(
            "the first certificate of \(file.path) is the CA \(quoted(first.subject)); a server "
              + "presents its own certificate first", at: file.location))
        continue
      }
      guard !first.allowsServerAuthentication else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "certificate \(file.label) has extendedKeyUsage without serverAuth; Java and OpenSSL "
            + "clients refuse it as a TLS server certificate", at: file.location))
    }
    return diagnostics
  }
}
