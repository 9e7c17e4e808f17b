/// KL210: a node with the broker role whose effective advertised broker listeners are empty.
public struct NoAdvertisedBrokerListener: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL210", name: "no-advertised-broker-listener", severity: .error,
    summary: "A node with the broker role advertises no broker listener.",
    rationale: """
      Clients and other brokers reach a broker only through the endpoints it advertises: \
      `advertised.listeners`, or `listeners` when that is unset, without the listeners named in \
      `controller.listener.names`. When nothing is left, Kafka 3.1 and later refuse to start. \
      It happens when `advertised.listeners` is blank (an unfilled template variable), or when \
      a combined `broker,controller` node lists only its controller listener. Add a broker \
      listener, such as `PLAINTEXT://:9092`, to `listeners` and advertise it with a name \
      clients can resolve. Before 3.9 the message says "advertised listener"; from 3.9 it says \
      "broker advertised listener".
      """,
    origin: .kafka(
      message: "There must be at least one broker advertised listener. Perhaps all listeners "
        + "appear in controller.listener.names?"),
    versions: .from(.v(3, 1)),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        ↓listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """),
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://:9092
        ↓advertised.listeners=

        """, kafkaVersion: .v(3, 8)),
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        controller.listener.names=CONTROLLER
        ↓advertised.listeners=CONTROLLER://kafka-1:9093

        """, kafkaVersion: .v(3, 9)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        controller.listener.names=CONTROLLER
        advertised.listeners=PLAINTEXT://kafka-1:9092,CONTROLLER://kafka-1:9093

        """),
      // Controller-only nodes have no broker side to advertise.
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=3000
        controller.quorum.voters=3000@controller-0:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """),
      // Before 3.1 Kafka has no such check (the inter-broker check fails instead).
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://:9092
        advertised.listeners=

        """, kafkaVersion: .v(3, 0)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isBroker {
      guard config.advertisedBrokerEndpoints.isEmpty else { continue }
      let source = config.advertisedSource
      // A list Kafka cannot parse (KL201), or an empty LIST value 4.2 rejects (KL240), fails
      // before this check and is reported there.
      guard source.malformed.isEmpty else { continue }
      if config.version >= .v(4, 2), case .written = source.source, source.elements.isEmpty {
        continue
      }
      let controllers = config.controllerNameSet
      let allControllers = !source.endpoints.isEmpty
      if allControllers && !config.isKRaft && !migrationEnabled(config) {
        continue  // controller.listener.names in ZooKeeper mode: KL241 reports it first.
      }
      if config.isKRaft && !config.isController && config.advertised == nil
        && config.listeners.endpoints.contains(where: { controllers.contains($0.name) })
      {
        continue  // A controller listener in a broker-only node's listeners: KL227.
      }
      diagnostics.append(diagnostic(config, source: source, allControllers: allControllers))
    }
    return diagnostics
  }

  private func diagnostic(
    _ config: BrokerConfiguration, source: BrokerConfiguration.EndpointList, allControllers: Bool
  ) -> Diagnostic {
    var kafka =
      config.version >= .v(3, 9)
      ? "requirement failed: There must be at least one broker advertised listener."
      : "requirement failed: There must be at least one advertised listener."
    if config.roleElements.contains(where: { $0.text == "broker" }) {
      kafka += " Perhaps all listeners appear in controller.listener.names?"
    }
    var notes: [Diagnostic.Note] = []
    let problem: String
    if allControllers {
      let names = uniqueNames(source.endpoints)
      problem =
        "every listener in \(config.describe(source)) (\(names.joined(separator: ", "))) is a "
        + "controller listener named in controller.listener.names, so the broker side of this "
        + "node advertises nothing; add a broker listener"
      if let entry = config.entry("controller.listener.names") {
        notes.append(.init("controller.listener.names is set here", at: entry.keyLocation))
      }
    } else {
      problem =
        "\(config.describe(source)) lists no listener, so this broker advertises nothing to "
        + "clients or other brokers"
    }
    let location: SourceLocation
    if case .written(let key) = source.source {
      location = config.location(ofKey: key)
    } else {
      location = config.location(ofKey: "controller.listener.names")
    }
    return metadata.diagnostic(
      problem + "; " + kafkaFails(config.version, kafka), at: location, notes: notes)
  }

  /// `zookeeper.metadata.migration.enable=true` (3.4+) allows controller listeners in ZK mode.
  private func migrationEnabled(_ config: BrokerConfiguration) -> Bool {
    guard config.version >= .v(3, 4),
      let value = config.file["zookeeper.metadata.migration.enable"]
    else { return false }
    return value.trimmingJava().lowercased() == "true"
  }

  private func uniqueNames(_ endpoints: [Endpoint]) -> [String] {
    var seen = Set<String>()
    return endpoints.map(\.name).filter { seen.insert($0).inserted }
  }
}
