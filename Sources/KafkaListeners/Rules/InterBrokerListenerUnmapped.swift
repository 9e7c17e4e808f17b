/// KL212: `inter.broker.listener.name` names a listener with no security protocol.
public struct InterBrokerListenerUnmapped: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL212", name: "inter-broker-listener-unmapped", severity: .error,
    summary: "`inter.broker.listener.name` names a listener that has no security protocol.",
    rationale: """
      Kafka looks the inter-broker listener name up (upper-cased) in \
      `listener.security.protocol.map` to learn how brokers talk to each other, and refuses to \
      start when it is not there. The default map only knows `PLAINTEXT`, `SSL`, \
      `SASL_PLAINTEXT` and `SASL_SSL`, so a custom name such as `INTERNAL` needs an entry \
      (`INTERNAL:PLAINTEXT`); an explicit map replaces the default entirely. Usually the name \
      is a typo, or a listener that was renamed in `listeners` but not here. The check is made \
      on every node, controllers included.
      """,
    origin: .kafka(
      message: "Listener with name <NAME> defined in inter.broker.listener.name not found in "
        + "listener.security.protocol.map."),
    triggering: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL
        inter.broker.listener.name=↓INTERAL

        """, kafkaVersion: .v(3, 7)),
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=3000
        controller.quorum.voters=3000@controller-0:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=CONTROLLER:SSL
        inter.broker.listener.name=↓REPLICATION

        """),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL
        inter.broker.listener.name=internal

        """, kafkaVersion: .v(3, 7)),
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-0:9093
        inter.broker.listener.name=SSL

        """, kafkaVersion: .v(3, 7)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      guard let entry = config.entry("inter.broker.listener.name"),
        !config.isSet("security.inter.broker.protocol")  // KL213 fails first.
      else { continue }
      let name = entry.value.trimmingJava().uppercased()
      guard config.lacksProtocolOnly(name) else { continue }
      let kafka: String
      let problem: String
      if name.isEmpty && config.version >= .v(3, 6) {
        kafka = "The provided listener name is null or empty string"
        problem = "inter.broker.listener.name is empty"
      } else {
        kafka =
          "Listener with name \(name) defined in inter.broker.listener.name not found in "
          + "listener.security.protocol.map."
        let why = config.missingMappingReason
        let listeners = config.listeners.endpoints.map(\.name)
        problem =
          "inter.broker.listener.name \(quoted(name)) has no security protocol (\(why))"
          + (listeners.isEmpty
            ? "" : " and is not one of the listeners (\(listeners.joined(separator: ", ")))")
      }
      let notes = config.securityMapNotes
      diagnostics.append(
        metadata.diagnostic(
          problem + "; " + kafkaFails(config.version, kafka), at: entry.valueLocation,
          notes: notes))
    }
    return diagnostics
  }
}
