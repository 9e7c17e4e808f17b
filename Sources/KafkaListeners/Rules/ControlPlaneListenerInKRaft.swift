/// KL219: `control.plane.listener.name` is set on a KRaft node.
public struct ControlPlaneListenerInKRaft: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL219", name: "control-plane-listener-in-kraft", severity: .error,
    summary: "`control.plane.listener.name` is set on a KRaft node, where it is not supported.",
    rationale: """
      The control-plane listener (KIP-291) separates the ZooKeeper-era controller's requests \
      from data traffic. KRaft has its own controller listeners (`controller.listener.names`), \
      and from Kafka 3.1 a node with `process.roles` refuses to start when \
      `control.plane.listener.name` is set. It is usually left over from a ZooKeeper-mode \
      configuration: remove it, and give the controllers their listener through \
      `controller.listener.names`. From Kafka 4.0 the key no longer exists and is ignored \
      (KL245 reports it).
      """,
    origin: .kafka(message: "control.plane.listener.name is not supported in KRaft mode."),
    versions: KafkaVersion(3, 1)...KafkaVersion(3, 9, 99),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.voters=3000@controller-0:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:9092,CONTROL_PLANE://:9095
        advertised.listeners=PLAINTEXT://kafka-1:9092,CONTROL_PLANE://kafka-1:9095
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROL_PLANE:PLAINTEXT,CONTROLLER:SSL
        ↓control.plane.listener.name=CONTROL_PLANE

        """, kafkaVersion: .v(3, 7))
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.voters=3000@controller-0:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://kafka-1:9092
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:SSL

        """, kafkaVersion: .v(3, 7)),
      // ZooKeeper mode supports it.
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://:9092,CONTROL_PLANE://:9095
        advertised.listeners=PLAINTEXT://kafka-0:9092,CONTROL_PLANE://kafka-0:9095
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROL_PLANE:PLAINTEXT
        control.plane.listener.name=CONTROL_PLANE

        """, kafkaVersion: .v(3, 7)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isKRaft {
      guard let entry = config.entry("control.plane.listener.name") else { continue }
      // Kafka resolves the name while checking that it is unset, so a name it cannot resolve
      // fails with the lookup's message instead.
      let map = config.securityMap
      let name = entry.value.trimmingJava().uppercased()
      let kafka: String
      if name.isEmpty && config.version >= .v(3, 6) {
        kafka = "The provided listener name is null or empty string"
      } else if map.malformed.isEmpty, map.effective[name] == nil,
        !map.mappings.contains(where: { $0.name == name })
      {
        kafka =
          "Listener with \(name) defined in control.plane.listener.name not found in "
          + "listener.security.protocol.map."
      } else {
        kafka = "requirement failed: control.plane.listener.name is not supported in KRaft mode."
      }
      diagnostics.append(
        metadata.diagnostic(
          "control.plane.listener.name is set, but this node runs in KRaft mode (process.roles "
            + "is set), which has no control-plane listener; remove the key (KRaft controllers "
            + "use controller.listener.names); " + kafkaFails(config.version, kafka),
          at: entry.keyLocation))
    }
    return diagnostics
  }
}
