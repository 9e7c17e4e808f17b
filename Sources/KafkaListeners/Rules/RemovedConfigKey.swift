/// KL245: a listener-related key that this Kafka version no longer reads.
public struct RemovedConfigKey: Rule {
  /// Creates the rule.
  public init() {}

  /// Keys removed in 3.0, with what replaces them.
  static let removedIn3: [String: String] = [
    "host.name": "listeners", "port": "listeners",
    "advertised.host.name": "advertised.listeners", "advertised.port": "advertised.listeners",
  ]

  /// Keys that only ZooKeeper mode read; Kafka 4.0 removed ZooKeeper mode.
  static let removedIn4: [String: String] = [
    "control.plane.listener.name": "controller.listener.names",
    "zookeeper.connect": "controller.quorum.bootstrap.servers",
  ]

  public let metadata = RuleMetadata(
    code: "KL245", name: "removed-config-key", severity: .warning,
    summary: "A listener setting is set that this Kafka version ignores.",
    rationale: """
      Kafka silently ignores keys it does not know. `host.name`, `port`, `advertised.host.name` \
      and `advertised.port` were removed in 3.0 (before that they applied only while \
      `listeners`/`advertised.listeners` were unset); `control.plane.listener.name` and \
      `zookeeper.connect` have no effect in 4.0, which removed ZooKeeper mode. A file that \
      still sets them usually means the listener the author wanted is not the one Kafka uses. \
      Move the value to `listeners`/`advertised.listeners` (or the KRaft settings) and delete \
      the old key.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\n↓advertised.host.name=kafka-1.example.com\n"),
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\n↓zookeeper.connect=zk-0:2181\n",
        kafkaVersion: .v(4, 0)),
      RuleExample(
        "server.properties",
        "zookeeper.connect=zk-0:2181\nlisteners=PLAINTEXT://:9092\n↓port=9093\n",
        kafkaVersion: .v(2, 8)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "zookeeper.connect=zk-0:2181\nbroker.id=1\nadvertised.host.name=kafka-1.example.com\n",
        kafkaVersion: .v(2, 8)),
      RuleExample(
        "server.properties", "zookeeper.connect=zk-0:2181\nbroker.id=1\n",
        kafkaVersion: .v(3, 9)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let version = config.version
      // The entries Kafka keeps: the last of each key.
      for entry in config.file.effectiveEntries {
        if let replacement = RemovedConfigKey.removedIn3[entry.key] {
          if version >= .v(3, 0) {
            diagnostics.append(
              metadata.diagnostic(
                "\(entry.key) was removed in Kafka 3.0 and is ignored; set \(replacement) instead",
                at: entry.keyLocation))
          } else if config.isSet(replacement) {
            // Before 3.0 the old keys still work, but only while the new one is unset.
            diagnostics.append(
              metadata.diagnostic(
                "\(entry.key) is ignored because \(replacement) is set (and it was removed in "
                  + "Kafka 3.0)",
                at: entry.keyLocation,
                notes: [.init("\(replacement) is set here", at: config.location(ofKey: replacement))]
              ))
          }
        } else if let replacement = RemovedConfigKey.removedIn4[entry.key], version >= .v(4, 0) {
          diagnostics.append(
            metadata.diagnostic(
              "\(entry.key) only applied to ZooKeeper mode, which Kafka 4.0 removed; it is "
                + "ignored (KRaft uses \(replacement))",
              at: entry.keyLocation))
        }
      }
    }
    return diagnostics
  }
}
