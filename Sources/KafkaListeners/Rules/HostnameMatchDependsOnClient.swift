/// KL445: some client libraries accept the broker's certificate for a host, others reject it.
public struct HostnameMatchDependsOnClient: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL445", name: "hostname-match-depends-on-client", severity: .warning,
    summary: "Java clients accept a broker's certificate for its host but librdkafka clients do "
      + "not, or the other way round.",
    rationale: """
      The Java client checks names with the JDK's `HostnameChecker`, librdkafka (and the \
      Python, Go and .NET clients built on it) with OpenSSL's `X509_check_host`. They differ: \
      Java accepts a `*` in any label, several `*`, `*.com` under a private CA and \
      internationalised names; OpenSSL accepts only one `*` in the left-most label with two \
      more labels after it, but accepts underscores that Java rejects. A certificate that \
      works with the Java tools breaks the Python service. Add an explicit DNS \
      subjectAltName for the exact host (`lint --tls-clients` selects the clients you run).
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=↓SSL://kafka-1.eu.example.com:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.innerWildcard))
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
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.shared))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for check in TLSAnalysis.checks(input) where check.hasReadableCertificate {
      // Computed Strimzi names copy the advertised hosts exactly; only real files can differ.
      if check.certificate?.file == nil { continue }
      // Names Java refuses outright are reported by host-unusable-for-tls-verification.
      if input.tls.clients.contains(.java),
        HostnameMatcher.java.hostProblem(check.verifiedHost) != nil
      {
        continue
      }
      let verdicts = check.verdicts
      let accepting = verdicts.filter { $0.match != nil }
      let rejecting = verdicts.filter { $0.match == nil }
      guard let accepted = accepting.first, !rejecting.isEmpty, let match = accepted.match else {
        continue
      }
      let what = check.isBootstrap ? "bootstrap name" : "advertised host"
      let accepters = accepting.map(\.client.clientDescription).joined(separator: " and ")
      let rejecters = rejecting.map(\.client.clientDescription).joined(separator: " and ")
      diagnostics.append(
        metadata.diagnostic(
          "\(check.subject): \(accepters) accept the certificate for \(what) "
            + "\(quoted(check.host)) through \(match), but \(rejecters) reject it",
          at: check.location, notes: check.certificateNotes))
    }
    return diagnostics
  }
}
