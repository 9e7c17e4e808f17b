/// KL217: the control-plane listener is not among the broker's advertised listeners.
public struct ControlPlaneListenerNotAdvertised: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL217", name: "control-plane-listener-not-advertised", severity: .error,
    summary: "The listener named by `control.plane.listener.name` is not advertised.",
    rationale: """
      In ZooKeeper mode the controller connects to every broker's control-plane listener \
      through the address the broker advertises for it, so Kafka refuses to start when \
      `advertised.listeners` has no entry with that name. This happens when a control-plane \
      listener is added to `listeners` and the listener security map, but \
      `advertised.listeners` is left as it was. Add an entry for the listener to \
      `advertised.listeners` (or leave `advertised.listeners` unset to advertise `listeners`). \
      The key exists up to Kafka 3.9.
      """,
    origin: .kafka(
      message: "control.plane.listener.name must be a listener name defined in "
        + "advertised.listeners. The valid options based on currently configured listeners are "
        + "<names>"),
    versions: .through(.v(3, 9)),
    triggering: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=INTERNAL://:9092,EXTERNAL://:9094,CONTROL_PLANE://:9095
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,CONTROL_PLANE:PLAINTEXT
        inter.broker.listener.name=INTERNAL
        control.plane.listener.name=↓CONTROL_PLANE

        """, kafkaVersion: .v(3, 6))
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=INTERNAL://:9092,EXTERNAL://:9094,CONTROL_PLANE://:9095
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,CONTROL_PLANE:PLAINTEXT
        inter.broker.listener.name=INTERNAL
        control.plane.listener.name=CONTROL_PLANE

        """, kafkaVersion: .v(3, 6))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // From 3.1 a KRaft node fails on the key itself (KL219) before this check.
    for config in input.brokerConfigurations where !config.isKRaft || config.version < .v(3, 1) {
      guard let entry = config.entry("control.plane.listener.name") else { continue }
      let name = entry.value.trimmingJava().uppercased()
      // Unmapped (KL216) fails first; the same name as the inter-broker listener is KL218's
      // (and, when not advertised, KL211's).
      guard config.securityMap.malformed.isEmpty, config.securityMap.effective[name] != nil,
        name != interBrokerName(config)
      else { continue }
      var seen = Set<String>()
      let names = config.advertisedBrokerEndpoints.map(\.name).filter { seen.insert($0).inserted }
      // Nothing advertised at all is KL210's or KL211's.
      guard !names.isEmpty, !names.contains(name) else { continue }
      let source = config.advertisedSource
      if source.malformed.contains(where: {
        let upper = $0.text.uppercased()
        return !upper.contains("://") || upper.hasPrefix(name + "://")
      }) {
        continue  // The entry may be there but unparsable (KL201).
      }
      var notes: [Diagnostic.Note] = []
      if case .written(let key) = source.source {
        notes.append(
          .init("the advertised listeners come from \(key) here", at: config.location(ofKey: key)))
      }
      let kafka =
        "requirement failed: control.plane.listener.name must be a listener name defined in "
        + "advertised.listeners. The valid options based on currently configured listeners are "
        + names.joined(separator: ",")
      diagnostics.append(
        metadata.diagnostic(
          "control.plane.listener.name is \(quoted(name)), but no advertised listener has that "
            + "name (advertised: \(names.joined(separator: ", "))); add a \(name) entry to "
            + "advertised.listeners; " + kafkaFails(config.version, kafka),
          at: entry.valueLocation, notes: notes))
    }
    return diagnostics
  }

  /// The inter-broker listener name, when both keys that choose it are not set at once.
  private func interBrokerName(_ config: BrokerConfiguration) -> String? {
    if config.isSet("inter.broker.listener.name") && config.isSet("security.inter.broker.protocol")
    {
      return nil
    }
    return config.interBrokerListener.name
  }
}
