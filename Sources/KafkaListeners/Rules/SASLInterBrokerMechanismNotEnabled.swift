/// KL244: brokers authenticate to each other with a SASL mechanism that is not enabled.
public struct SASLInterBrokerMechanismNotEnabled: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL244", name: "sasl-inter-broker-mechanism-not-enabled", severity: .error,
    summary: "The inter-broker SASL mechanism is not in `sasl.enabled.mechanisms`.",
    rationale: """
      When the inter-broker listener's security protocol is `SASL_PLAINTEXT` or `SASL_SSL`, \
      brokers log in to each other with `sasl.mechanism.inter.broker.protocol` (default \
      `GSSAPI`, i.e. Kerberos), and that mechanism must be one the listener accepts: \
      `listener.name.<listener>.sasl.enabled.mechanisms` when set, else \
      `sasl.enabled.mechanisms` (default `GSSAPI`). The comparison is exact. The usual \
      mistake is enabling `PLAIN` or `SCRAM-SHA-512` without setting the inter-broker \
      mechanism, which then stays `GSSAPI`, so Kafka refuses to start. Set \
      `sasl.mechanism.inter.broker.protocol` to one of the enabled mechanisms.
      """,
    origin: .kafka(
      message: "sasl.mechanism.inter.broker.protocol must be included in sasl.enabled.mechanisms "
        + "when SASL is used for inter-broker communication"),
    triggering: [
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094
        listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_SSL
        inter.broker.listener.name=INTERNAL
        sasl.enabled.mechanisms=↓SCRAM-SHA-512

        """),
      RuleExample(
        "server.properties",
        """
        listeners=SASL_SSL://:9093
        advertised.listeners=SASL_SSL://kafka-0.example.com:9093
        security.inter.broker.protocol=SASL_SSL
        sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256
        sasl.mechanism.inter.broker.protocol=↓SCRAM-SHA-512

        """, kafkaVersion: .v(3, 4)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094
        listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_SSL
        inter.broker.listener.name=INTERNAL
        sasl.enabled.mechanisms=SCRAM-SHA-512
        sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512

        """),
      // A listener-specific list overrides the global one.
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094
        listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_SSL
        inter.broker.listener.name=INTERNAL
        sasl.enabled.mechanisms=SCRAM-SHA-512
        listener.name.internal.sasl.enabled.mechanisms=PLAIN
        sasl.mechanism.inter.broker.protocol=PLAIN

        """),
      // Not SASL between brokers: the mechanisms are for clients only.
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        listener.security.protocol.map=INTERNAL:SSL,EXTERNAL:SASL_SSL
        inter.broker.listener.name=INTERNAL
        sasl.enabled.mechanisms=PLAIN

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      guard let (name, securityProtocol) = interBroker(config),
        securityProtocol == "SASL_PLAINTEXT" || securityProtocol == "SASL_SSL"
      else { continue }
      let mechanismEntry = config.entry("sasl.mechanism.inter.broker.protocol")
      let mechanism = mechanismEntry?.value.trimmingJava() ?? "GSSAPI"
      // KafkaConfig.valuesWithPrefixOverride: the listener's own key wins over the global one.
      let listenerKey = "listener.name.\(name.lowercased()).sasl.enabled.mechanisms"
      let enabledEntry = config.entry(listenerKey) ?? config.entry("sasl.enabled.mechanisms")
      let enabled =
        enabledEntry.map { ListSplitting.listKeepingEmpty.split($0).map(\.text) }
        ?? ["GSSAPI"]
      guard !enabled.contains(mechanism) else { continue }

      let enabledKey = enabledEntry?.key ?? "sasl.enabled.mechanisms"
      let enabledText =
        "\(enabledKey) (\(enabledEntry == nil ? "default " : "")["
        + enabled.joined(separator: ", ") + "])"
      var message: String
      var notes: [Diagnostic.Note] = []
      let location: SourceLocation
      if let mechanismEntry {
        message =
          "inter-broker SASL mechanism \(quoted(mechanism)) is not enabled in \(enabledText)"
        if enabled.contains(where: { $0.uppercased() == mechanism.uppercased() }) {
          message += "; the names are compared exactly, mind the case"
        }
        location = mechanismEntry.valueLocation
        if let enabledEntry {
          notes.append(.init("\(enabledEntry.key) is set here", at: enabledEntry.valueLocation))
        }
      } else {
        message =
          "brokers use SASL (\(securityProtocol)) to talk to each other, and "
          + "sasl.mechanism.inter.broker.protocol is not set, so they log in with GSSAPI "
          + "(Kerberos), which \(enabledText) does not enable; set "
          + "sasl.mechanism.inter.broker.protocol to one of the enabled mechanisms"
        location = enabledEntry?.valueLocation ?? .start(of: config.file.path)
      }
      diagnostics.append(
        metadata.diagnostic(
          message + "; "
            + kafkaFails(
              config.version,
              "requirement failed: sasl.mechanism.inter.broker.protocol must be included in "
                + "sasl.enabled.mechanisms when SASL is used for inter-broker communication"),
          at: location, notes: notes))
    }
    return diagnostics
  }

  /// The inter-broker listener name and security protocol as Kafka resolves them, or `nil`
  /// when Kafka fails before: both keys set (KL213), an unmapped name (KL212), an invalid
  /// protocol (KL214).
  private func interBroker(_ config: BrokerConfiguration) -> (String, String)? {
    if let entry = config.entry("inter.broker.listener.name") {
      if config.isSet("security.inter.broker.protocol") { return nil }
      let name = entry.value.trimmingJava().uppercased()
      return config.securityMap.effective[name].map { (name, $0) }
    }
    let value = config.file["security.inter.broker.protocol"]?.trimmingJava() ?? "PLAINTEXT"
    let protocols = BrokerConfiguration.securityProtocols
    let valid =
      config.version >= .v(3, 3)
      ? protocols.contains(value) : protocols.contains(value.uppercased())
    return valid ? (value.uppercased(), value.uppercased()) : nil
  }
}
