/// KL440: a broker's certificate does not name the host it advertises on a TLS listener.
public struct AdvertisedHostNotInCertificate: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL440", name: "advertised-host-not-in-certificate", severity: .error,
    summary: "A broker's certificate does not name the host it advertises on a TLS listener.",
    rationale: """
      After bootstrapping, clients connect to exactly the host each broker advertises and, \
      with hostname verification on (the default of the Java client since Kafka 2.0 and of \
      librdkafka since 2.0), accept the broker only if its certificate names that host in a \
      subjectAltName (or, without any DNS entry, in its CN). A load-balancer name, a node \
      address or a short host name missing from the certificate makes every TLS client fail \
      after bootstrap with `No subject alternative DNS name matching …` (Java) or \
      `certificate verify failed` (librdkafka). Reissue the certificate with the advertised \
      host as a DNS (or IP) subjectAltName, or a wildcard such as `*.kafka.example.com` for a \
      shared certificate, or advertise a name the certificate has.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=↓SSL://kafka-1.kafka.example.com:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.kafka1Short)),
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=↓SSL://10.0.0.5:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.kafka1)),
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
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.shared)),
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://kafka-1:9092
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.kafka1Short)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for check in TLSAnalysis.checks(input) where !check.isBootstrap && check.hasReadableCertificate
    {
      let verdicts = check.verdicts
      guard !verdicts.isEmpty, verdicts.allSatisfy({ $0.match == nil }),
        let certificate = check.certificate
      else { continue }
      var notes = check.certificateNotes
      if IPText.parse(check.host) != nil,
        certificate.names.dnsNames.contains(where: { IPText.parse($0) == IPText.parse(check.host) })
      {
        notes.append(
          .init(
            "the certificate has \(check.host) only as a DNS name; clients match IP addresses "
              + "against IP subjectAltNames only"))
      }
      diagnostics.append(
        metadata.diagnostic(
          "\(check.subject) advertises \(quoted(check.host)); certificate \(certificate.label) "
            + "covers \(check.coveredNames) — TLS clients verifying hostnames will reject it",
          at: check.location, notes: notes))
    }
    return diagnostics
  }
}
