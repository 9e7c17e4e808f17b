/// KL241: `controller.listener.names` is set on a ZooKeeper-mode broker.
public struct ControllerListenerNamesInZooKeeperMode: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL241", name: "controller-listener-names-in-zookeeper-mode", severity: .error,
    summary: "`controller.listener.names` is set although the node runs in ZooKeeper mode.",
    rationale: """
      `controller.listener.names` names the listeners of KRaft controllers. A node without \
      `process.roles` runs in ZooKeeper mode, and from Kafka 3.1 it refuses to start when the \
      key is set (3.4 and later allow it only during a ZooKeeper-to-KRaft migration, with \
      `zookeeper.metadata.migration.enable=true`). Usually `process.roles` was forgotten, or a \
      KRaft template was merged into a ZooKeeper broker's file: set `process.roles` to run in \
      KRaft mode, or remove `controller.listener.names`.
      """,
    origin: .kafka(
      message: "controller.listener.names must be empty when not running in KRaft mode: [<names>]"
    ),
    versions: KafkaVersion(3, 1)...KafkaVersion(3, 9, 99),
    triggering: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        advertised.listeners=PLAINTEXT://kafka-0:9092
        ↓controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 5))
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        advertised.listeners=PLAINTEXT://kafka-0:9092
        controller.listener.names=CONTROLLER
        controller.quorum.voters=3000@controller-0:9093
        zookeeper.metadata.migration.enable=true

        """, kafkaVersion: .v(3, 5)),
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.voters=3000@controller-0:9093
        listeners=PLAINTEXT://:9092
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 5)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where !config.isKRaft {
      guard let entry = config.entry("controller.listener.names"),
        !config.controllerNames.isEmpty, !migrationEnabled(config)
      else { continue }
      // Java's List.toString of the names as split (untrimmed before 4.1).
      let names = "[" + config.controllerNames.map(\.text).joined(separator: ", ") + "]"
      let migration =
        config.version >= .v(3, 4)
        ? " (or enable zookeeper.metadata.migration.enable during a migration to KRaft)" : ""
      diagnostics.append(
        metadata.diagnostic(
          "controller.listener.names is set, but this node runs in ZooKeeper mode "
            + "(process.roles is not set); remove it, or set process.roles to run in KRaft mode"
            + migration + "; "
            + kafkaFails(
              config.version,
              "requirement failed: controller.listener.names must be empty when not running in "
                + "KRaft mode: \(names)"),
          at: entry.keyLocation))
    }
    return diagnostics
  }

  /// `zookeeper.metadata.migration.enable` (3.4+), a BOOLEAN Kafka reads case-insensitively.
  private func migrationEnabled(_ config: BrokerConfiguration) -> Bool {
    guard config.version >= .v(3, 4),
      let value = config.file["zookeeper.metadata.migration.enable"]
    else { return false }
    return value.trimmingJava().lowercased() == "true"
  }
}
