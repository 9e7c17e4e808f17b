/// KL225: a broker-only KRaft node whose own id is listed as a controller voter.
public struct BrokerInVoters: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL225", name: "broker-in-voters", severity: .error,
    summary: "A broker-only KRaft node's `node.id` appears in `controller.quorum.voters`.",
    rationale: """
      `controller.quorum.voters` lists the controllers, by node id. A node with \
      `process.roles=broker` cannot vote, so Kafka refuses to start when its own id is in \
      that list: either the broker's `node.id` collides with a controller's id (node ids must \
      be unique across brokers and controllers) or the node was meant to run the controller \
      role too. Give the broker an id no controller uses, or add `controller` to its roles.
      """,
    origin: .kafka(
      message: "If process.roles contains just the 'broker' role, the node id <id> must not be "
        + "included in the set of voters controller.quorum.voters=Set(<ids>)"),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.voters=↓1@controller-1:9093,2@controller-2:9093,3@controller-3:9093
        controller.listener.names=CONTROLLER

        """)
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093,2@controller-2:9093,3@controller-3:9093
        controller.listener.names=CONTROLLER

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.kraftRoleSet == ["broker"] {
      let voters = config.quorumVoters
      // Kafka rejects a malformed list before this check (KL237).
      guard voters.malformed.isEmpty, let (id, idEntry) = config.validNodeId,
        let voter = voters.voter(withId: id)
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "this broker-only node's id \(id) is listed as a controller voter; "
            + kafkaFails(
              config.version,
              "requirement failed: If process.roles contains just the 'broker' role, the node "
                + "id \(id) must not be included in the set of voters "
                + "controller.quorum.voters=\(scalaSet(voters.ids))"),
          at: voter.element.location,
          notes: [
            .init("\(idEntry.key) is set here", at: idEntry.keyLocation),
            .init("process.roles is set here", at: config.location(ofKey: "process.roles")),
          ]))
    }
    return diagnostics
  }
}
