/// KL228: a broker-only KRaft node whose controller listener name has no security protocol.
public struct ControllerListenerUnmapped: Rule {
  /// Creates the rule.
  public init() {}

  /// Kafka's message; note the two spaces before the parenthesis.
  static func kafkaMessage(_ name: String) -> String {
    "Controller listener with name \(name) defined in controller.listener.names not found in "
      + "listener.security.protocol.map  (an explicit security mapping for each controller "
      + "listener is required if listener.security.protocol.map is non-empty, or if there are "
      + "security protocols other than PLAINTEXT in use)"
  }

  public let metadata = RuleMetadata(
    code: "KL228", name: "controller-listener-unmapped", severity: .error,
    summary: """
      A broker-only KRaft node's controller listener name has no entry in the effective \
      `listener.security.protocol.map`.
      """,
    rationale: """
      A broker connects to the controllers with the protocol mapped to the controller \
      listener's name. When `listener.security.protocol.map` is not set and no listener or \
      controller name is `SSL`, `SASL_SSL` or `SASL_PLAINTEXT`, Kafka maps the controller \
      names to PLAINTEXT by itself; as soon as the map is written (even partly) or a secured \
      listener is in use, every controller name needs an explicit `NAME:PROTOCOL` entry, and \
      Kafka refuses to start without one. Add e.g. `CONTROLLER:PLAINTEXT` (or the protocol \
      the controllers really use) to the map on every broker.
      """,
    origin: .kafka(message: ControllerListenerUnmapped.kafkaMessage("<name>")),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        controller.listener.names=↓CONTROLLER

        """),
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        listeners=SSL://:9093
        security.inter.broker.protocol=SSL
        controller.listener.names=↓CONTROLLER

        """),
    ],
    passing: [
      // KRaft maps the controller listener to PLAINTEXT when nothing says otherwise.
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        listeners=PLAINTEXT://:9092
        controller.listener.names=CONTROLLER

        """),
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,CONTROLLER:SSL
        inter.broker.listener.name=INTERNAL
        controller.listener.names=CONTROLLER

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.kraftRoleSet == ["broker"] {
      let version = config.version
      let map = config.securityMap
      // Explicit map: its names (a bad protocol is KL208's); otherwise the identity defaults.
      let mapped: Set<String> =
        map.entry != nil
        ? Set(map.mappings.map(\.name)) : Set(BrokerConfiguration.securityProtocols)
      let secure: Set<String> = ["SSL", "SASL_SSL", "SASL_PLAINTEXT"]
      let securedListener = config.listeners.endpoints.first { secure.contains($0.name) }
      let securedName = config.controllerNames.first { secure.contains($0.text) }
      // effectiveListenerSecurityProtocolMap adds `new ListenerName(name) -> PLAINTEXT`: the
      // name keeps its case, while the lookup below upper-cases it.
      let implicit =
        version >= .v(3, 0) && map.entry == nil && securedListener == nil && securedName == nil
      for name in config.effectiveControllerNames {
        let upper = name.text.uppercased()
        guard !mapped.contains(upper), !(implicit && name.text == upper) else { continue }
        var notes: [Diagnostic.Note] = []
        let why: String
        if let entry = map.entry {
          why = "listener.security.protocol.map is set but has no entry for it"
          notes.append(
            .init("add \(upper):PLAINTEXT (or its real protocol) here", at: entry.keyLocation))
        } else if implicit {
          why = "Kafka maps it to PLAINTEXT implicitly only when the name is written in upper case"
        } else if let securedListener {
          why =
            "Kafka maps controller listeners to PLAINTEXT implicitly only while no SSL or SASL "
            + "listener is in use"
          notes.append(.init("secured listener here", at: securedListener.location))
        } else if version < .v(3, 0) {
          why = "Kafka \(version) has no implicit mapping for controller listeners"
        } else {
          why = "a controller name that is a secured protocol turns the implicit mapping off"
        }
        let message = ControllerListenerUnmapped.kafkaMessage(kraftMessageText(upper))
        diagnostics.append(
          metadata.diagnostic(
            "controller listener \(quoted(name.text)) has no security protocol: \(why); "
              + kafkaFails(version, message),
            at: name.location, notes: notes))
      }
    }
    return diagnostics
  }
}
