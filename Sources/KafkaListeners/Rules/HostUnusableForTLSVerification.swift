/// KL446: a TLS listener advertises a host name Java's TLS stack refuses to verify.
public struct HostUnusableForTLSVerification: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL446", name: "host-unusable-for-tls-verification", severity: .error,
    summary: "A TLS listener advertises a host name that Java clients cannot verify against "
      + "any certificate.",
    rationale: """
      Java checks that the host it connects to is a legal DNS name before it looks at the \
      certificate (`Illegal given domain name`): an underscore (Compose v1 container names \
      such as `project_kafka_1`), a label longer than 63 characters or starting or ending \
      with `-` fails for every Java client whatever the certificate holds. A trailing dot \
      fails on JDKs before 17.0.7 and 19 and on librdkafka before 2.13 (a warning). Advertise \
      a DNS-legal name (a network alias or hostname without `_`) that the certificate names.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=↓SSL://broker_1.kafka.example.com:9093

        """)
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=SSL://broker-1.kafka.example.com:9093

        """),
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://broker_1:9092

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    guard input.tls.clients.contains(.java) else { return [] }
    var diagnostics: [Diagnostic] = []
    var seen = Set<String>()
    for check in TLSAnalysis.checks(input) {
      guard seen.insert("\(check.location)|\(check.host)").inserted else { continue }
      if check.host.hasSuffix("."), HostnameMatcher.java.hostProblem(check.verifiedHost) == nil {
        var diagnostic = metadata.diagnostic(
          "\(check.subject) advertises \(quoted(check.host)) with a trailing dot; JDKs before "
            + "17.0.7/19 and librdkafka before 2.13 fail hostname verification on it",
          at: check.location)
        diagnostic.severity = .warning
        diagnostics.append(diagnostic)
        continue
      }
      guard let problem = HostnameMatcher.java.hostProblem(check.verifiedHost) else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "\(check.subject) advertises \(quoted(check.host)), which has \(problem); Java "
            + "clients fail with \"Illegal given domain name\" whatever the certificate holds",
          at: check.location))
    }
    return diagnostics
  }
}
