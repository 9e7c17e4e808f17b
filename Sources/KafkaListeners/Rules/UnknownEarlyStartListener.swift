/// KL242: `early.start.listeners` names a listener this node does not have.
public struct UnknownEarlyStartListener: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL242", name: "unknown-early-start-listener", severity: .error,
    summary: "`early.start.listeners` names a listener that is not in `listeners`.",
    rationale: """
      `early.start.listeners` (Kafka 3.3+) lists the listeners that accept connections before \
      the authorizer has loaded its ACLs; by default these are the controller listeners. Every \
      name must be a listener of this node, or Kafka refuses to start. The names are compared \
      exactly as written with the listener names, which Kafka upper-cases: write `CONTROLLER`, \
      not `controller`. Although the message mentions `controller.listener.names`, a \
      controller name only counts when the node also listens on it, so a broker-only node \
      cannot list its controllers' listener here.
      """,
    origin: .kafka(
      message: "early.start.listeners contains listener <NAME>, but this is not contained in "
        + "listeners or controller.listener.names"),
    versions: .from(.v(3, 3)),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        controller.listener.names=CONTROLLER
        early.start.listeners=↓controller

        """),
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.voters=3000@controller-0:9093
        listeners=PLAINTEXT://:9092
        controller.listener.names=CONTROLLER
        early.start.listeners=PLAINTEXT, ↓CONTROLLER

        """),
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
        early.start.listeners=CONTROLLER,PLAINTEXT

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      guard let entry = config.entry("early.start.listeners"),
        config.listeners.malformed.isEmpty  // `listeners` fails to parse first (KL201).
      else { continue }
      let listenerNames = Set(config.listeners.endpoints.map(\.name))
      let controllers = config.controllerNameSet
      // Kafka splits on commas, trims each name and skips empty ones.
      let elements = ListSplitting.commaTrimmingParts.split(entry).filter { !$0.text.isEmpty }
      for element in elements where !listenerNames.contains(element.text) {
        let name = element.text
        var problem = "early.start.listeners names \(quoted(name)), which "
        if listenerNames.contains(name.uppercased()) {
          problem +=
            "matches no listener: Kafka upper-cases listener names but compares these exactly; "
            + "write \(quoted(name.uppercased()))"
        } else if controllers.contains(name) {
          problem +=
            "is in controller.listener.names but is not a listener of this node; remove it"
        } else {
          let known = config.listeners.endpoints.map(\.name).joined(separator: ", ")
          problem += "is not a listener in \(config.describe(config.listeners)) (\(known))"
        }
        diagnostics.append(
          metadata.diagnostic(
            problem + "; "
              + kafkaFails(
                config.version,
                "early.start.listeners contains listener \(name), but this is not contained in "
                  + "listeners or controller.listener.names"),
            at: element.location))
      }
    }
    return diagnostics
  }
}
