/// KL214: `security.inter.broker.protocol` is not a security protocol Kafka knows.
public struct InvalidInterBrokerProtocol: Rule {
  /// Creates the rule.
  public init() {}

  private static let choices = "PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"

  public let metadata = RuleMetadata(
    code: "KL214", name: "invalid-inter-broker-protocol", severity: .error,
    summary: "`security.inter.broker.protocol` is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, "
      + "SASL_SSL.",
    rationale: """
      `security.inter.broker.protocol` must be a security protocol, not a listener name: to \
      replicate through a listener such as `INTERNAL`, set `inter.broker.listener.name` \
      instead. From Kafka 3.3 the value is validated when the configuration is read, and the \
      check is case-sensitive (`ssl` fails); before 3.3 it is upper-cased and checked only when \
      `inter.broker.listener.name` is unset. Kafka refuses to start either way.
      """,
    origin: .kafka(
      message: "Invalid value <value> for configuration security.inter.broker.protocol: String "
        + "must be one of: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"),
    triggering: [
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9093
        listener.security.protocol.map=INTERNAL:SSL,EXTERNAL:SSL
        security.inter.broker.protocol=↓INTERNAL

        """, kafkaVersion: .v(3, 5)),
      RuleExample(
        "server.properties",
        """
        listeners=SSL://:9093
        security.inter.broker.protocol=↓ssl

        """),
      RuleExample(
        "server.properties",
        """
        listeners=SSL://:9093
        security.inter.broker.protocol=↓TLS

        """, kafkaVersion: .v(3, 2)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        listeners=SSL://:9093
        security.inter.broker.protocol=SSL

        """),
      // Before 3.3 the value is upper-cased before the lookup.
      RuleExample(
        "server.properties",
        """
        listeners=SSL://:9093
        security.inter.broker.protocol=ssl

        """, kafkaVersion: .v(3, 2)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let protocols = BrokerConfiguration.securityProtocols
    for config in input.brokerConfigurations {
      guard let entry = config.entry("security.inter.broker.protocol") else { continue }
      let value = entry.value.trimmingJava()
      let kafka: String
      var problem =
        "security.inter.broker.protocol is \(quoted(value)), which is not one of "
        + Self.choices
      if config.version >= .v(3, 3) {
        // ConfigDef's ValidString: exact, case-sensitive, whatever else is set.
        guard !protocols.contains(value) else { continue }
        kafka =
          "Invalid value \(value) for configuration security.inter.broker.protocol: String must "
          + "be one of: \(Self.choices)"
        if protocols.contains(value.uppercased()) {
          problem += " (the check is case-sensitive: write \(value.uppercased()))"
        }
      } else {
        // Read only when inter.broker.listener.name is unset (else KL213 fails first).
        guard !config.isSet("inter.broker.listener.name"),
          !protocols.contains(value.uppercased())
        else { continue }
        kafka = "Invalid security protocol `\(value)` defined in security.inter.broker.protocol"
      }
      if config.isSet("inter.broker.listener.name") {
        problem += "; remove it, inter.broker.listener.name already chooses the listener"
      } else if !protocols.contains(value.uppercased()), !value.isEmpty {
        problem += "; to replicate through a named listener, set inter.broker.listener.name"
      }
      diagnostics.append(
        metadata.diagnostic(
          problem + "; " + kafkaFails(config.version, kafka), at: entry.valueLocation))
    }
    return diagnostics
  }
}
