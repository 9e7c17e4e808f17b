/// KL446: a broker's certificate names its host, but the name is one Java (or older clients)
/// refuses to verify.
public struct HostUnusableForTLSVerification: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL446", name: "host-unusable-for-tls-verification", severity: .error,
    summary: "A broker's certificate names the host it advertises, but Java clients refuse "
      + "to verify that host name.",
    rationale: """
      Java checks that the host it connects to is a legal DNS name before it looks at the \
      certificate (`Illegal given domain name`): a name with an underscore (Compose v1 \
      container names such as `project_kafka_1`), a label longer than 63 characters or \
      starting or ending with `-` fails for every Java client even when the certificate \
      carries exactly that name — which librdkafka accepts, so the setup seems to work. A \
      trailing dot is stripped only by JDK 17.0.7+/19+ and librdkafka 2.13+; older clients \
      fail on it (a warning). `invalid-host-name` reports such names without certificates; \
      this rule adds that the certificate cannot help. Advertise a DNS-legal name (a network \
      alias or host name without `_`) and put that name in the certificate.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=↓SSL://kafka_1.kafka.example.com:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.underscore))
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
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.kafka1)),
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://kafka_1.kafka.example.com:9092
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.underscore)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    guard input.tls.clients.contains(.java) else { return [] }
    var diagnostics: [Diagnostic] = []
    for check in TLSAnalysis.checks(input) where check.hasReadableCertificate {
      // Computed Strimzi names copy the advertised hosts; invalid-host-name covers those.
      guard let names = check.certificate?.names, check.certificate?.file != nil else { continue }
      let accepted = HostnameMatcher.allCases.compactMap {
        $0.matchingName(host: check.verifiedHost, names: names)
      }
      guard let match = accepted.first else { continue }
      let what = check.isBootstrap ? "uses the bootstrap name" : "advertises"
      if let problem = HostnameMatcher.java.hostProblem(check.verifiedHost) {
        diagnostics.append(
          metadata.diagnostic(
            "\(check.subject) \(what) \(quoted(check.host)), which has \(problem); the "
              + "certificate names it (\(match)), but Java clients fail with \"Illegal given "
              + "domain name\" before they compare names",
            at: check.location, notes: check.certificateNotes))
      } else if check.host.hasSuffix(".") {
        var diagnostic = metadata.diagnostic(
          "\(check.subject) \(what) \(quoted(check.host)) with a trailing dot; the certificate "
            + "names it without the dot (\(match)), which only JDK 17.0.7+/19+ and librdkafka "
            + "2.13+ accept",
          at: check.location, notes: check.certificateNotes)
        diagnostic.severity = .warning
        diagnostics.append(diagnostic)
      }
    }
    return diagnostics
  }
}
