/// KL223: `node.id` or `broker.id` is not a number, or is outside the range Kafka accepts.
public struct InvalidNodeId: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL223", name: "invalid-node-id", severity: .error,
    summary: "`node.id` or `broker.id` is not an integer, or is out of the range Kafka accepts.",
    rationale: """
      Both ids are Java `int` settings, so a value such as `broker-1` or `1.0` stops the node \
      at startup. From Kafka 4.0 `node.id` must also be at least 0 (`broker.id` is copied to \
      it when only that is set). In ZooKeeper mode `broker.id` may be `-1` (generate one) up \
      to `reserved.broker.max.id` (1000 by default) while `broker.id.generation.enable` is on, \
      and must be at least 0 when it is off; ids above the reserved maximum would collide with \
      generated ones. Use a small non-negative integer that is unique in the cluster.
      """,
    origin: .kafka(
      message: "Invalid value <value> for configuration node.id: Not a number of type INT"),
    triggering: [
      RuleExample("server.properties", "process.roles=broker\nnode.id=↓broker-1\n"),
      RuleExample("server.properties", "process.roles=broker\nnode.id=↓-1\n"),
      RuleExample(
        "server.properties", "zookeeper.connect=zk-1:2181\nbroker.id=↓1001\n",
        kafkaVersion: .v(3, 8)),
      RuleExample(
        "server.properties", "zookeeper.connect=zk-1:2181\n↓broker.id.generation.enable=false\n",
        kafkaVersion: .v(3, 8)),
    ],
    passing: [
      RuleExample("server.properties", "process.roles=broker\nnode.id=0\n"),
      RuleExample(
        "server.properties", "zookeeper.connect=zk-1:2181\nbroker.id=-1\n", kafkaVersion: .v(3, 8)),
      RuleExample(
        "server.properties",
        "zookeeper.connect=zk-1:2181\nreserved.broker.max.id=5000\nbroker.id=1001\n",
        kafkaVersion: .v(3, 8)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let version = config.version
      var parseable = true
      for key in ["node.id", "broker.id"] {
        guard let entry = config.entry(key), Int32(entry.value.trimmingJava(), radix: 10) == nil
        else { continue }
        parseable = false
        diagnostics.append(
          metadata.diagnostic(
            "\(key) must be an integer, not \(quoted(entry.value.trimmingJava())); "
              + kafkaFails(
                version,
                "Invalid value \(kraftMessageText(entry.value)) for configuration \(key): "
                  + "Not a number of type INT"),
            at: entry.valueLocation))
      }
      guard parseable else { continue }
      if version >= .v(4, 0) {
        // Range(atLeast(0)) on node.id, after broker.id was copied to it.
        guard let (value, entry) = config.validNodeId, value < 0 else { continue }
        let copied = entry.key == "node.id" ? "" : " (copied from broker.id)"
        diagnostics.append(
          metadata.diagnostic(
            "node.id\(copied) is \(value); Kafka \(version) needs a node id of at least 0; "
              + kafkaFails(
                version,
                "Invalid value \(value) for configuration node.id: Value must be at least 0"),
            at: entry.valueLocation))
      } else if !config.isKRaft {
        // KRaft 3.x treats a negative id as missing (KL221); ZooKeeper mode checks ranges.
        if let diagnostic = zooKeeperRange(config) { diagnostics.append(diagnostic) }
      }
    }
    return diagnostics
  }

  private func zooKeeperRange(_ config: BrokerConfiguration) -> Diagnostic? {
    let version = config.version
    let generation = config.entry("broker.id.generation.enable")
    let generationText = generation?.value.trimmingJava().lowercased() ?? "true"
    guard generationText == "true" || generationText == "false" else { return nil }
    let maxEntry = config.entry("reserved.broker.max.id")
    guard let maxReserved = maxEntry.map({ Int32($0.value.trimmingJava(), radix: 10) }) ?? 1000
    else { return nil }
    let id = config.validNodeId
    let brokerId = id?.value ?? -1
    let lower = version >= .v(3, 0) ? "greater than or equal to" : "equal or greater than"
    if generationText == "true" {
      guard brokerId < -1 || brokerId > maxReserved else { return nil }
      let what =
        brokerId > maxReserved
        ? "broker.id=\(brokerId) is above reserved.broker.max.id (\(maxReserved)), the ids "
          + "above which ZooKeeper hands out generated ids"
        : "broker.id=\(brokerId) is below -1"
      var notes: [Diagnostic.Note] = []
      if let maxEntry {
        notes.append(.init("reserved.broker.max.id is set here", at: maxEntry.keyLocation))
      }
      return metadata.diagnostic(
        "\(what); "
          + kafkaFails(
            version,
            "requirement failed: broker.id must be \(lower) -1 and not greater than "
              + "reserved.broker.max.id"),
        at: id?.entry.valueLocation ?? config.location(ofKey: "broker.id"), notes: notes)
    }
    guard brokerId < 0 else { return nil }
    let what =
      id == nil
      ? "broker.id is not set while broker.id.generation.enable=false, so the node has no id"
      : "broker.id=\(brokerId) is negative while broker.id.generation.enable=false"
    var notes: [Diagnostic.Note] = []
    if id != nil, let generation {
      notes.append(.init("generation turned off here", at: generation.keyLocation))
    }
    let location =
      id?.entry.valueLocation ?? generation?.keyLocation ?? config.location(ofKey: "broker.id")
    return metadata.diagnostic(
      "\(what); " + kafkaFails(version, "requirement failed: broker.id must be \(lower) 0"),
      at: location, notes: notes)
  }
}
