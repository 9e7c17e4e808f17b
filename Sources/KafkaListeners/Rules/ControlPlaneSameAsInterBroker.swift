/// KL218: the control-plane listener is the inter-broker listener.
public struct ControlPlaneSameAsInterBroker: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL218", name: "control-plane-same-as-inter-broker", severity: .error,
    summary: "`control.plane.listener.name` names the inter-broker listener.",
    rationale: """
      A control-plane listener (ZooKeeper mode, KIP-291) exists so that the controller's \
      requests are not queued behind replication traffic; it must therefore be a listener of \
      its own, and Kafka refuses to start when it is the inter-broker listener (from \
      `inter.broker.listener.name`, or `security.inter.broker.protocol`, default `PLAINTEXT`). \
      Add a separate listener for the control plane, or remove `control.plane.listener.name` \
      to let controller requests share the inter-broker listener. The key exists up to Kafka \
      3.9.
      """,
    origin: .kafka(
      message: "control.plane.listener.name, when defined, should have a different value from "
        + "the inter broker listener name. Currently they both have the value "
        + "ListenerName(<NAME>)"),
    versions: .through(.v(3, 9)),
    triggering: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        control.plane.listener.name=↓INTERNAL

        """, kafkaVersion: .v(3, 6)),
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://kafka-0:9092
        control.plane.listener.name=↓plaintext

        """, kafkaVersion: .v(2, 8)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=INTERNAL://:9092,EXTERNAL://:9094,CONTROL_PLANE://:9095
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094,\\
          CONTROL_PLANE://kafka-0:9095
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,CONTROL_PLANE:PLAINTEXT
        inter.broker.listener.name=INTERNAL
        control.plane.listener.name=CONTROL_PLANE

        """, kafkaVersion: .v(3, 6))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // From 3.1 a KRaft node fails on the key itself (KL219) before this check.
    for config in input.brokerConfigurations where !config.isKRaft || config.version < .v(3, 1) {
      guard let entry = config.entry("control.plane.listener.name"),
        let interBroker = resolvedInterBrokerName(config)
      else { continue }
      let name = entry.value.trimmingJava().uppercased()
      // An unmapped control-plane name fails first (KL216).
      guard config.securityMap.effective[name] != nil, name == interBroker else { continue }
      var notes: [Diagnostic.Note] = []
      let origin: String
      if let key = config.interBrokerListener.key,
        let location = config.interBrokerListener.location
      {
        origin = "set by \(key)"
        notes.append(.init("the inter-broker listener is chosen here", at: location))
      } else {
        origin =
          "the default, as neither inter.broker.listener.name nor "
          + "security.inter.broker.protocol is set"
      }
      let kafka =
        "requirement failed: control.plane.listener.name, when defined, should have a "
        + "different value from the inter broker listener name. Currently they both have the "
        + "value ListenerName(\(name))"
      diagnostics.append(
        metadata.diagnostic(
          "control.plane.listener.name is \(quoted(name)), which is also the inter-broker "
            + "listener (\(origin)); give the control plane a listener of its own; "
            + kafkaFails(config.version, kafka),
          at: entry.valueLocation, notes: notes))
    }
    return diagnostics
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
    let valid =
      config.version >= .v(3, 3)
      ? protocols.contains(value) : protocols.contains(value.uppercased())
    return valid ? value.uppercased() : nil
  }
}
