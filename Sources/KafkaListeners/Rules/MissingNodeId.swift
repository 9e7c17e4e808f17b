/// KL221: a KRaft node (and, from Kafka 4.0, every node) without a node id.
public struct MissingNodeId: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL221", name: "missing-node-id", severity: .error,
    summary: "A KRaft node (every node from Kafka 4.0) sets neither `node.id` nor `broker.id`.",
    rationale: """
      In KRaft mode every broker and controller needs a fixed id: it is the node's identity in \
      the metadata log and in `controller.quorum.voters`. Kafka 3.x refuses to start a node \
      with `process.roles` but without `node.id` (or with the placeholder `-1`); from 4.0 \
      `node.id` is a required setting on every node. `broker.id` is a synonym that Kafka \
      copies to `node.id` when only it is set. Give each node a unique `node.id`, the same as \
      its id in `controller.quorum.voters` when it is a controller.
      """,
    origin: .kafka(
      message: "Missing configuration `node.id` which is required when `process.roles` is "
        + "defined (i.e. when running in KRaft mode)."),
    triggering: [
      RuleExample(
        "server.properties",
        """
        ↓process.roles=broker,controller
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 9)),
      RuleExample(
        "server.properties",
        """
        ↓# A Kafka 4 broker copied from a file that relied on broker.id generation
        process.roles=broker
        controller.quorum.bootstrap.servers=controller-1:9093
        controller.listener.names=CONTROLLER

        """),
      RuleExample(
        "server.properties", "process.roles=controller\n↓node.id=-1\n", kafkaVersion: .v(3, 7)),
    ],
    passing: [
      // broker.id alone is copied to node.id.
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        broker.id=4
        controller.quorum.bootstrap.servers=controller-1:9093
        controller.listener.names=CONTROLLER

        """),
      // ZooKeeper mode generates an id.
      RuleExample(
        "server.properties", "zookeeper.connect=zk-1:2181\nlisteners=PLAINTEXT://:9092\n",
        kafkaVersion: .v(3, 8)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let version = config.version
      let start = SourceLocation.start(of: config.file.path)
      if version >= .v(4, 0) {
        // ConfigDef: node.id has no default; broker.id is copied to it first.
        guard config.nodeId == nil else { continue }
        diagnostics.append(
          metadata.diagnostic(
            "node.id is not set; every Kafka \(version) node needs a unique node id; "
              + kafkaFails(
                version, "Missing required configuration \"node.id\" which has no default value."),
            at: start))
        continue
      }
      guard config.isKRaft else { continue }
      let kafka = kafkaFails(
        version,
        "Missing configuration `node.id` which is required when `process.roles` is defined "
          + "(i.e. when running in KRaft mode).")
      if let (value, entry) = config.nodeId {
        // A value that is not a number is KL223's; a negative one is Kafka's "unset".
        guard let value, value < 0 else { continue }
        diagnostics.append(
          metadata.diagnostic(
            "\(entry.key)=\(value) leaves the node without an id, which KRaft mode (process.roles "
              + "is set) requires; " + kafka,
            at: entry.keyLocation))
      } else {
        diagnostics.append(
          metadata.diagnostic(
            "process.roles is set (KRaft mode) but node.id is not; " + kafka, at: start,
            notes: [.init("KRaft mode selected here", at: config.location(ofKey: "process.roles"))]
          ))
      }
    }
    return diagnostics
  }
}
