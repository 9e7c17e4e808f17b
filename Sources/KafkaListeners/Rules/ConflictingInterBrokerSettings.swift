/// KL213: both `inter.broker.listener.name` and `security.inter.broker.protocol` are set.
public struct ConflictingInterBrokerSettings: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL213", name: "conflicting-inter-broker-settings", severity: .error,
    summary: "`inter.broker.listener.name` and `security.inter.broker.protocol` are both set.",
    rationale: """
      Both keys choose the listener brokers replicate through: `security.inter.broker.protocol` \
      is the older way (the listener named after a protocol), `inter.broker.listener.name` the \
      newer one (any listener name, with its protocol from `listener.security.protocol.map`). \
      Kafka refuses to start when the file sets both, even to agreeing values, and even when \
      one of them is empty. Remove `security.inter.broker.protocol` and keep \
      `inter.broker.listener.name`.
      """,
    origin: .kafka(
      message: "Only one of inter.broker.listener.name and security.inter.broker.protocol "
        + "should be set."),
    triggering: [
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9093
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9093
        listener.security.protocol.map=INTERNAL:SSL,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        ↓security.inter.broker.protocol=SSL

        """, kafkaVersion: .v(3, 9))
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9093
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9093
        listener.security.protocol.map=INTERNAL:SSL,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL

        """, kafkaVersion: .v(3, 9)),
      RuleExample(
        "server.properties",
        """
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-0:9093
        security.inter.broker.protocol=SSL

        """, kafkaVersion: .v(3, 9)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    input.brokerConfigurations.compactMap { config in
      // Kafka checks the user's originals: presence counts, whatever the value.
      guard let name = config.entry("inter.broker.listener.name"),
        let legacy = config.entry("security.inter.broker.protocol")
      else { return nil }
      return metadata.diagnostic(
        "security.inter.broker.protocol is set although inter.broker.listener.name is set too; "
          + "remove security.inter.broker.protocol (the protocol of listener "
          + "\(quoted(name.value.trimmingJava())) comes from listener.security.protocol.map); "
          + kafkaFails(
            config.version,
            "Only one of inter.broker.listener.name and security.inter.broker.protocol should "
              + "be set."),
        at: legacy.keyLocation,
        notes: [.init("inter.broker.listener.name is set here", at: name.keyLocation)])
    }
  }
}
