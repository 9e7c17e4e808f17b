/// KL444: a broker certificate has a wildcard that covers far more than the cluster.
public struct BroadWildcardCertificate: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL444", name: "broad-wildcard-certificate", severity: .note,
    summary:
      "A broker certificate has a wildcard name that covers far more hosts than the brokers.",
    rationale: """
      A wildcard directly under a registered domain (`*.example.com`), under a single label \
      (`*.com`, `*.local`), or in a form only Java accepts (several `*`, a `*` outside the \
      left-most label) lets anyone holding the broker's private key impersonate every host of \
      that domain — web sites included. Issue broker certificates for a dedicated subdomain \
      (`*.kafka.example.com`) or for the brokers' own names.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-1.example.com:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=↓
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.broad))
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
    for file in TLSAnalysis.certificateFiles(input) {
      guard let leaf = file.leaf, !leaf.isCertificateAuthority else { continue }
      for pattern in leaf.names.dnsNames where pattern.contains("*") {
        guard let reason = Self.breadth(pattern) else { continue }
        diagnostics.append(
          metadata.diagnostic(
            "certificate \(file.label) has the wildcard \(quoted(pattern)), \(reason); a stolen "
              + "broker key could impersonate any such host",
            at: file.location))
      }
    }
    return diagnostics
  }

  /// Why a wildcard pattern is broader than a broker set, or `nil`.
  static func breadth(_ pattern: String) -> String? {
    let labels = pattern.split(separator: ".", omittingEmptySubsequences: false)
    let starred = labels.filter { $0.contains("*") }
    if starred.count > 1 { return "with several wildcard labels (Java accepts it)" }
    if let first = labels.first, !first.contains("*") {
      return "with a wildcard outside the left-most label (Java accepts it)"
    }
    if labels.count <= 2 { return "covering every name under a single label" }
    if labels.count == 3 {
      return "covering every host of \(labels.dropFirst().joined(separator: "."))"
    }
    return nil
  }
}
