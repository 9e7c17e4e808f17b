/// KL234: a KRaft controller whose own id is missing from `controller.quorum.voters`.
public struct ControllerNotInVoters: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL234", name: "controller-not-in-voters", severity: .error,
    summary: """
      A node with the controller role has a `node.id` that `controller.quorum.voters` does not \
      list.
      """,
    rationale: """
      With a static quorum, `controller.quorum.voters` is the complete list of controllers, \
      by node id, and must be identical on every node. A controller whose own `node.id` is \
      not in it could never vote, so Kafka refuses to start it. This happens when ids are \
      renumbered on some nodes only, or when a voter list is copied from another cluster. \
      Make the node's id match its `{id}@host:port` entry. From Kafka 3.9 a controller may \
      leave `controller.quorum.voters` empty and use `controller.quorum.bootstrap.servers` \
      (a dynamic quorum) instead.
      """,
    origin: .kafka(
      message: "If process.roles contains the 'controller' role, the node id <id> must be "
        + "included in the set of voters controller.quorum.voters=Set(<ids>)"),
    triggering: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        ↓node.id=4
        controller.quorum.voters=1@controller-1:9093,2@controller-2:9093,3@controller-3:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """)
    ],
    passing: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=3
        controller.quorum.voters=1@controller-1:9093,2@controller-2:9093,3@controller-3:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """),
      // A dynamic quorum (3.9+) has no static voters to be part of.
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=4
        controller.quorum.bootstrap.servers=controller-1:9093,controller-2:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      guard config.kraftRoleSet?.contains("controller") == true else { continue }
      let voters = config.quorumVoters
      // Malformed voters are KL237's; an empty list is KL224's (or, from 3.9, allowed).
      guard voters.malformed.isEmpty, !voters.voters.isEmpty, let entry = voters.entry,
        let (id, idEntry) = config.validNodeId, voters.voter(withId: id) == nil
      else { continue }
      let list = voters.ids.map(String.init).joined(separator: ", ")
      diagnostics.append(
        metadata.diagnostic(
          "this controller's id \(id) is not one of the voters (\(list)) in "
            + "controller.quorum.voters; "
            + kafkaFails(
              config.version,
              "requirement failed: If process.roles contains the 'controller' role, the node id "
                + "\(id) must be included in the set of voters "
                + "controller.quorum.voters=\(scalaSet(voters.ids))"),
          at: idEntry.keyLocation,
          notes: [.init("controller.quorum.voters is set here", at: entry.keyLocation)]))
    }
    return diagnostics
  }
}
