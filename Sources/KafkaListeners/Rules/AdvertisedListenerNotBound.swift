/// KL209: a broker advertises a listener name that `listeners` does not define.
public struct AdvertisedListenerNotBound: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL209", name: "advertised-listener-not-bound", severity: .error,
    summary: "`advertised.listeners` names a listener that `listeners` does not define.",
    rationale: """
      `advertised.listeners` tells clients where to reach each listener the broker opens; it \
      cannot advertise a listener that `listeners` does not open. Kafka compares names only \
      (upper-cased), not hosts or ports, and checks this on every node with the broker role. \
      The usual cause is a listener added to `advertised.listeners` (say EXTERNAL) but not to \
      `listeners`, or a name spelled differently in the two. Add the listener to `listeners`, \
      with the port the broker should bind, or remove it from `advertised.listeners`. From \
      Kafka 3.9 controller listeners in `advertised.listeners` belong to the controller side \
      and are not part of this check.
      """,
    origin: .kafka(
      message: "advertised.listeners listener names must be equal to or a subset of the ones "
        + "defined in listeners. Found <advertised names>. The valid options based on the "
        + "current configuration are <listener names>"),
    triggering: [
      RuleExample(
        "server.properties",
        """
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://kafka-0:9092,↓EXTERNAL://kafka.example.com:9094
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,EXTERNAL:SSL

        """),
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.bootstrap.servers=controller-1:9093
        controller.listener.names=CONTROLLER
        listeners=INTERNAL://:9092
        advertised.listeners=↓INTERNAL_LB://kafka-4.example.com:9092
        listener.security.protocol.map=INTERNAL:PLAINTEXT,INTERNAL_LB:PLAINTEXT,CONTROLLER:PLAINTEXT
        inter.broker.listener.name=INTERNAL

        """),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        listeners=PLAINTEXT://:9092,EXTERNAL://:9094
        advertised.listeners=PLAINTEXT://kafka-0:9092,external://kafka.example.com:443
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,EXTERNAL:SSL

        """),
      // 3.9+: a broker-only node's controller entry is moved to the controller side.
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.bootstrap.servers=controller-1:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://kafka-4:9092,CONTROLLER://controller-1:9093

        """),
      // A controller-only node has no broker side to check.
      RuleExample(
        "server.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.bootstrap.servers=controller-1:9093
        controller.listener.names=CONTROLLER
        listeners=CONTROLLER://:9093
        advertised.listeners=CONTROLLER://controller-1:9093

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isBroker {
      guard let advertised = config.advertised else { continue }
      let advertisedEndpoints = config.advertisedBrokerEndpoints
      let listenerNames = ordered(config.listeners.endpoints.map(\.name))
      let bound = Set(listenerNames)
      // A malformed listeners entry is KL201's; do not blame the advertised side for it.
      let meant = Set(config.listeners.malformed.compactMap(intendedName))
      // 3.1-3.8 reject a controller name here first (KL232): leave it to that rule.
      let controllersRejected =
        config.isKRaft && config.version >= .v(3, 1) && config.version < .v(3, 9)
      let controllers = config.controllerNameSet
      let found = ordered(advertisedEndpoints.map(\.name)).joined(separator: ",")
      var reported = Set<String>()
      for endpoint in advertisedEndpoints {
        let name = endpoint.name
        guard !name.isEmpty, !bound.contains(name), !meant.contains(name),
          !(controllersRejected && controllers.contains(name)), reported.insert(name).inserted
        else { continue }
        let kafka = kafkaFails(
          config.version,
          "requirement failed: advertised.listeners listener names must be equal to or a "
            + "subset of the ones defined in listeners. Found \(found). The valid options "
            + "based on the current configuration are \(listenerNames.joined(separator: ","))")
        var notes: [Diagnostic.Note] = []
        if let entry = config.listeners.entry {
          notes.append(
            .init("listeners defines the listeners the broker opens", at: entry.keyLocation))
        }
        let defined =
          listenerNames.isEmpty ? "" : " (it defines \(listenerNames.joined(separator: ", ")))"
        diagnostics.append(
          metadata.diagnostic(
            "\(quoted(endpoint.text)) in \(key(of: advertised)) advertises listener "
              + "\(quoted(name)), which listeners does not define\(defined); " + kafka,
            at: endpoint.location, notes: notes))
      }
    }
    return diagnostics
  }

  private func key(of list: BrokerConfiguration.EndpointList) -> String {
    if case .written(let key) = list.source { return key }
    return "advertised.listeners"
  }

  /// Names in first-seen order without repeats, as Scala's small immutable sets print them.
  private func ordered(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  /// The name a malformed entry was probably meant to have: the text before its `://`.
  private func intendedName(_ element: ListElement) -> String? {
    guard let range = element.text.range(of: "://") else { return nil }
    return String(element.text[..<range.lowerBound]).uppercased()
  }
}
