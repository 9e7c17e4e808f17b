/// KL222: `node.id` and `broker.id` are both set, to different values.
public struct NodeIdMismatch: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL222", name: "node-id-mismatch", severity: .error,
    summary: "`node.id` and `broker.id` are both set and disagree.",
    rationale: """
      `broker.id` and `node.id` are synonyms: Kafka copies one to the other when only one is \
      set, and refuses to start when both are set to different numbers, because it cannot \
      tell which id the node has. This happens when a ZooKeeper-era file that sets \
      `broker.id` gets a `node.id` added for KRaft. Keep only `node.id` (or give both the \
      same value).
      """,
    origin: .kafka(message: "You must set `node.id` to the same value as `broker.id`."),
    triggering: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        process.roles=broker
        ↓node.id=4
        controller.quorum.bootstrap.servers=controller-1:9093

        """)
    ],
    passing: [
      RuleExample("server.properties", "broker.id=4\nprocess.roles=broker\nnode.id=04\n"),
      RuleExample("server.properties", "process.roles=broker\nnode.id=4\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      guard let node = config.entry("node.id"), let broker = config.entry("broker.id"),
        let nodeId = Int32(node.value.trimmingJava(), radix: 10),
        let brokerId = Int32(broker.value.trimmingJava(), radix: 10), nodeId != brokerId
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "node.id=\(nodeId) differs from broker.id=\(brokerId), its synonym; "
            + kafkaFails(
              config.version, "You must set `node.id` to the same value as `broker.id`."),
          at: node.keyLocation,
          notes: [.init("broker.id is set to \(brokerId) here", at: broker.keyLocation)]))
    }
    return diagnostics
  }
}
