/// KL448: hostname verification is switched off.
public struct HostnameVerificationDisabled: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL448", name: "hostname-verification-disabled", severity: .note,
    summary: "`ssl.endpoint.identification.algorithm` is empty, which turns hostname "
      + "verification off.",
    rationale: """
      With an empty `ssl.endpoint.identification.algorithm` a client (or a broker, for its \
      connections to other brokers and controllers) accepts any certificate its truststore \
      trusts, whatever host it names: TLS still encrypts, but a machine holding any \
      certificate from the same CA can pose as a broker. It is often set to get past a \
      certificate-name error. Keep the default `https` and fix the names instead; the other \
      TLS-name rules say which names are missing.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-1.kafka.example.com:9093
        ssl.endpoint.identification.algorithm=↓

        """),
      RuleExample(
        "client.properties",
        """
        bootstrap.servers=kafka-1.kafka.example.com:9093
        security.protocol=SSL
        ssl.endpoint.identification.algorithm=↓

        """),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-1.kafka.example.com:9093
        ssl.endpoint.identification.algorithm=https

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for file in input.propertiesFiles {
      for entry in file.effectiveEntries {
        let key = entry.key
        guard
          key == "ssl.endpoint.identification.algorithm"
            || (key.hasPrefix("listener.name.")
              && key.hasSuffix(".ssl.endpoint.identification.algorithm"))
        else { continue }
        guard entry.value.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
        diagnostics.append(
          metadata.diagnostic(
            "\(key) is empty: TLS connections from this configuration accept any trusted "
              + "certificate whatever host it names",
            at: entry.valueLocation))
      }
    }
    return diagnostics
  }
}
