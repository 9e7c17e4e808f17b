/// KL206: a listener name in `listeners` or `advertised.listeners` that the effective
/// `listener.security.protocol.map` does not map to a security protocol.
public struct MissingSecurityProtocol: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL206", name: "missing-security-protocol", severity: .error,
    summary: "A listener name has no entry in `listener.security.protocol.map`.",
    rationale: """
      Kafka finds each listener's security protocol by its name while it parses \
      `listeners` and `advertised.listeners`. Without `listener.security.protocol.map` only the \
      names PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL are known, and in KRaft mode the \
      controller listener names are added as PLAINTEXT, but only while no listener is named \
      SSL, SASL_PLAINTEXT or SASL_SSL. Once the map is set at all, it replaces the defaults and \
      that implicit controller mapping, so every name needs an entry, the controller listener's \
      included. Renaming listeners to INTERNAL/EXTERNAL without a map is the usual cause. Add \
      `NAME:PROTOCOL` for each name, e.g. \
      `listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,CONTROLLER:PLAINTEXT`.
      """,
    origin: .kafka(
      message: "Error creating broker listeners from '<value>': No security protocol defined "
        + "for listener <NAME>"),
    triggering: [
      RuleExample("server.properties", "listeners=↓INTERNAL://:9092,↓EXTERNAL://:9094\n"),
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:9092,↓CONTROLLER://:9093
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT

        """),
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092
        advertised.listeners=INTERNAL://kafka-0:9092,↓EXTERNAL://kafka.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT

        """),
      RuleExample(
        "server.properties",
        """
        # listeners is not set, so Kafka binds its default PLAINTEXT://:9092
        ↓listener.security.protocol.map=INTERNAL:PLAINTEXT

        """),
    ],
    passing: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,SSL://:9093\n"),
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SASL_SSL

        """),
      // KRaft maps the controller listener implicitly when no map is written.
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093

        """),
    ])

  private static let secureNames: Set<String> = ["SSL", "SASL_PLAINTEXT", "SASL_SSL"]

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let map = MapView(config)
      var reported = Set<String>()
      let lists = [(config.listeners, false)] + (config.advertised.map { [($0, true)] } ?? [])
      for (list, isAdvertised) in lists {
        var seen = Set<String>()
        for endpoint in list.endpoints where !endpoint.name.isEmpty {
          guard !map.isMapped(endpoint.name), !map.isExplained(endpoint.name),
            seen.insert(endpoint.name).inserted,
            // A name unmapped in listeners too is reported there, once.
            !(isAdvertised && reported.contains(endpoint.name))
          else { continue }
          reported.insert(endpoint.name)
          diagnostics.append(diagnostic(endpoint, in: list, config: config, map: map))
        }
      }
    }
    return diagnostics
  }

  private func diagnostic(
    _ endpoint: Endpoint, in list: BrokerConfiguration.EndpointList,
    config: BrokerConfiguration, map: MapView
  ) -> Diagnostic {
    let name = endpoint.name
    let kafka = kafkaFails(
      config.version,
      "Error creating broker listeners from '\(list.shownText)': No security protocol defined "
        + "for listener \(name)")
    var notes: [Diagnostic.Note] = []
    var why = ""
    let isController =
      config.isKRaft && config.version >= .v(3, 0) && config.controllerNameSet.contains(name)
    if let entry = config.securityMap.entry {
      var note = "listener.security.protocol.map, set here, has no entry for \(quoted(name))"
      if isController {
        note +=
          "; setting it at all turns off KRaft's implicit \(name):PLAINTEXT mapping of "
          + "controller listeners, so the controller listener needs its own entry"
        why = " (the explicit map turns off KRaft's implicit mapping of controller listeners)"
      }
      notes.append(.init(note, at: entry.keyLocation))
    } else if config.isKRaft && config.version >= .v(3, 0),
      let written = config.controllerNames.first(where: { $0.text.uppercased() == name })
    {
      if written.text != name {
        why =
          " (KRaft maps controller listener names as written, and \(quoted(written.text)) "
          + "is not \(quoted(name)))"
        notes.append(.init("controller.listener.names names it here", at: written.location))
      } else if !map.implicitMappingApplies {
        why =
          " (KRaft maps controller listeners to PLAINTEXT implicitly only while no listener "
          + "is named SSL, SASL_PLAINTEXT or SASL_SSL)"
      }
    }
    guard case .written(let key) = list.source else {
      // The default listeners: the only way PLAINTEXT is missing is an explicit map.
      return metadata.diagnostic(
        "listeners is not set, so Kafka binds its default \(quoted(list.shownText)), but "
          + "listener.security.protocol.map has no entry for \(quoted(name)); " + kafka,
        at: config.location(ofKey: "listener.security.protocol.map"))
    }
    return metadata.diagnostic(
      "listener \(quoted(name)) of \(quoted(endpoint.text)) in \(key) has no security "
        + "protocol\(why); " + kafka,
      at: endpoint.location, notes: notes)
  }

  /// The effective security map as Kafka builds it. The implicit KRaft entries are keyed by
  /// the controller names exactly as written (`new ListenerName(name)`, not upper-cased), and
  /// the SSL/SASL test compares whole listener names.
  private struct MapView {
    let config: BrokerConfiguration
    let implicitMappingApplies: Bool

    init(_ config: BrokerConfiguration) {
      self.config = config
      let secure = MissingSecurityProtocol.secureNames
      let listenerNames = config.listeners.elements.map { element -> String in
        if case .endpoint(let endpoint) = Endpoint.parse(element) { return endpoint.name }
        return String(element.text.prefix { $0 != ":" }).uppercased()
      }
      implicitMappingApplies =
        config.isKRaft && config.version >= .v(3, 0) && config.securityMap.entry == nil
        && !config.controllerNames.contains { secure.contains($0.text) }
        && !listenerNames.contains { secure.contains($0) }
    }

    func isMapped(_ name: String) -> Bool {
      if config.securityMap.entry != nil { return config.securityMap.effective[name] != nil }
      if BrokerConfiguration.securityProtocols.contains(name) { return true }
      return implicitMappingApplies && config.controllerNames.contains { $0.text == name }
    }

    /// Whether a broken map entry (KL207, KL208) is the reason, which Kafka reports first.
    func isExplained(_ name: String) -> Bool {
      let map = config.securityMap
      if map.mappings.contains(where: { $0.name == name && $0.securityProtocol == nil }) {
        return true
      }
      return map.malformed.contains { $0.element.text.uppercased().hasPrefix(name) }
    }
  }
}
