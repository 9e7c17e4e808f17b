/// KL211: the inter-broker listener is not among the broker's advertised listeners.
public struct InterBrokerListenerNotAdvertised: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL211", name: "inter-broker-listener-not-advertised", severity: .error,
    summary: "The listener brokers use to talk to each other is not advertised.",
    rationale: """
      Brokers replicate through the listener named by `inter.broker.listener.name`; when that is \
      unset, the name is taken from `security.inter.broker.protocol`, which defaults to \
      `PLAINTEXT`. Other brokers connect to its advertised address, so Kafka refuses to start \
      when no advertised broker listener has that name. The classic case is renaming the \
      listeners to `INTERNAL` and `EXTERNAL` without setting \
      `inter.broker.listener.name=INTERNAL`: the inter-broker listener is still `PLAINTEXT`, \
      which no longer exists. Set `inter.broker.listener.name` to the listener brokers should \
      use, and make sure `advertised.listeners` has an entry with that name. A controller \
      listener (in `controller.listener.names`) is never advertised to brokers, so it cannot \
      be the inter-broker listener either.
      """,
    origin: .kafka(
      message: "inter.broker.listener.name must be a listener name defined in "
        + "advertised.listeners. The valid options based on currently configured listeners are "
        + "<names>"),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.voters=3000@controller-0:9093
        controller.listener.names=CONTROLLER
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        ↓advertised.listeners=INTERNAL://kafka-1.internal:9092,EXTERNAL://kafka-1.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,CONTROLLER:PLAINTEXT

        """),
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://:9092,SSL://:9093
        advertised.listeners=PLAINTEXT://kafka-0:9092
        security.inter.broker.protocol=↓SSL

        """, kafkaVersion: .v(2, 8)),
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        advertised.listeners=PLAINTEXT://kafka-1:9092
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=↓CONTROLLER

        """),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.voters=3000@controller-0:9093
        controller.listener.names=CONTROLLER
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-1.internal:9092,EXTERNAL://kafka-1.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,CONTROLLER:PLAINTEXT
        inter.broker.listener.name=internal

        """),
      // Controller-only nodes do not replicate partitions.
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=3000
        controller.quorum.voters=3000@controller-0:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isBroker {
      guard let name = resolvedInterBrokerName(config) else { continue }
      let advertised = config.advertisedBrokerEndpoints
      var seen = Set<String>()
      let names = advertised.map(\.name).filter { seen.insert($0).inserted }
      guard !names.contains(name) else { continue }
      // From 3.1 an empty advertised set fails first with KL210's message.
      if names.isEmpty && config.version >= .v(3, 1) { continue }
      let source = config.advertisedSource
      // An entry Kafka cannot parse may be the inter-broker listener (KL201 reports it).
      if source.malformed.contains(where: { mayName($0.text, name) }) { continue }
      let controllers = config.controllerNameSet
      // controller.listener.names in ZooKeeper mode fails first (KL241).
      if controllers.contains(name) && !config.isKRaft
        && config.version >= .v(3, 1) && !migrationEnabled(config)
      {
        continue
      }
      diagnostics.append(diagnostic(config, name: name, names: names, source: source))
    }
    return diagnostics
  }

  private func diagnostic(
    _ config: BrokerConfiguration, name: String, names: [String],
    source: BrokerConfiguration.EndpointList
  ) -> Diagnostic {
    let subject: String
    switch config.interBrokerListener.key {
    case "inter.broker.listener.name"?:
      subject = "inter.broker.listener.name is \(quoted(name))"
    case let key?:
      subject = "the inter-broker listener is \(quoted(name)) (taken from \(key))"
    case nil:
      subject =
        "the inter-broker listener defaults to 'PLAINTEXT' (neither inter.broker.listener.name "
        + "nor security.inter.broker.protocol is set)"
    }
    var problem: String
    if config.controllerNameSet.contains(name) {
      problem =
        ", which is a controller listener (controller.listener.names); controller listeners "
        + "are never advertised to brokers"
    } else if names.isEmpty {
      problem = ", but this broker advertises no listener at all"
    } else {
      problem =
        ", but no advertised broker listener has that name (advertised: "
        + names.joined(separator: ", ") + ")"
      if config.interBrokerListener.key != "inter.broker.listener.name" {
        problem += "; set inter.broker.listener.name to the listener brokers should use"
      }
    }
    let kafka =
      "requirement failed: inter.broker.listener.name must be a listener name defined in "
      + "advertised.listeners. The valid options based on currently configured listeners are "
      + names.joined(separator: ",")
    var notes: [Diagnostic.Note] = []
    let listLocation: SourceLocation
    if case .written(let key) = source.source {
      listLocation = config.location(ofKey: key)
      let what = config.advertised == nil ? "advertised.listeners is not set; " : ""
      notes.append(.init("\(what)the advertised listeners come from \(key) here", at: listLocation))
    } else {
      listLocation = .start(of: config.file.path)
    }
    let location = config.interBrokerListener.location ?? listLocation
    if config.interBrokerListener.location == nil { notes.removeAll() }
    return metadata.diagnostic(
      subject + problem + "; " + kafkaFails(config.version, kafka), at: location, notes: notes)
  }

  /// The inter-broker listener name as Kafka resolves it, or `nil` when Kafka fails before it
  /// gets here: both keys set (KL213), an unmapped name (KL212), an invalid protocol (KL214).
  private func resolvedInterBrokerName(_ config: BrokerConfiguration) -> String? {
    if let entry = config.entry("inter.broker.listener.name") {
      if config.isSet("security.inter.broker.protocol") { return nil }
      let name = entry.value.trimmingJava().uppercased()
      return config.securityMap.effective[name] == nil ? nil : name
    }
    let value = config.file["security.inter.broker.protocol"]?.trimmingJava() ?? "PLAINTEXT"
    let protocols = BrokerConfiguration.securityProtocols
    // 3.3+ validates the value case-sensitively; before, SecurityProtocol.forName upper-cases.
    let valid =
      config.version >= .v(3, 3)
      ? protocols.contains(value) : protocols.contains(value.uppercased())
    return valid ? value.uppercased() : nil
  }

  /// Whether a malformed list element could be the endpoint of listener `name`.
  private func mayName(_ text: String, _ name: String) -> Bool {
    let upper = text.uppercased()
    return !upper.contains("://") || upper.hasPrefix(name + "://")
  }

  private func migrationEnabled(_ config: BrokerConfiguration) -> Bool {
    guard config.version >= .v(3, 4),
      let value = config.file["zookeeper.metadata.migration.enable"]
    else { return false }
    return value.trimmingJava().lowercased() == "true"
  }
}
