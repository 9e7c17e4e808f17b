/// KL239: a setting Kafka requires for this mode is missing (`process.roles` from 4.0,
/// `zookeeper.connect` for ZooKeeper mode before 4.0).
public struct MissingRequiredConfiguration: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL239", name: "missing-required-configuration", severity: .error,
    summary: """
      `process.roles` is missing (Kafka 4.0+), or a ZooKeeper-mode broker (2.8–3.9) has no \
      `zookeeper.connect`.
      """,
    rationale: """
      Kafka 4.0 removed ZooKeeper: every node runs in KRaft mode and must say what it is with \
      `process.roles` (`broker`, `controller` or `broker,controller`); a file without it, \
      typically a ZooKeeper-era server.properties, is refused at startup. Before 4.0 a file \
      without `process.roles` selects ZooKeeper mode, which needs `zookeeper.connect`. Set \
      `process.roles` (and the other KRaft settings: `node.id`, `controller.quorum.voters` or \
      `controller.quorum.bootstrap.servers`, `controller.listener.names`), or for a ZooKeeper \
      broker set `zookeeper.connect`.
      """,
    origin: .kafka(
      message: "Missing required configuration \"process.roles\" which has no default value."),
    triggering: [
      RuleExample(
        "server.properties",
        """
        ↓broker.id=0
        listeners=PLAINTEXT://:9092
        zookeeper.connect=zk-1:2181,zk-2:2181,zk-3:2181

        """),
      RuleExample(
        "server.properties", "↓broker.id=0\nlisteners=PLAINTEXT://:9092\n", kafkaVersion: .v(3, 6)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\ncontroller.quorum.bootstrap.servers=controller-1:9093\n"),
      RuleExample(
        "server.properties",
        "broker.id=0\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk-1:2181\n",
        kafkaVersion: .v(3, 9)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let version = config.version
      let start = SourceLocation.start(of: config.file.path)
      if version >= .v(4, 0) {
        guard !config.isSet("process.roles") else { continue }
        var notes: [Diagnostic.Note] = []
        if let zookeeper = config.entry("zookeeper.connect") {
          notes.append(
            .init("ZooKeeper mode is gone in Kafka 4; this is ignored", at: zookeeper.keyLocation))
        }
        diagnostics.append(
          metadata.diagnostic(
            "process.roles is not set; Kafka \(version) runs only in KRaft mode and needs it; "
              + kafkaFails(
                version,
                "Missing required configuration \"process.roles\" which has no default value."),
            at: start, notes: notes))
      } else if !config.isKRaft, !config.isSet("zookeeper.connect") {
        diagnostics.append(
          metadata.diagnostic(
            "neither process.roles (KRaft mode) nor zookeeper.connect (ZooKeeper mode) is set; "
              + kafkaFails(
                version,
                "Missing required configuration `zookeeper.connect` which has no default value."),
            at: start))
      }
    }
    return diagnostics
  }
}
