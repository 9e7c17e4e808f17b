/// KL224: a KRaft node that is not told where the controller quorum is.
public struct MissingQuorumConfiguration: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL224", name: "missing-quorum-configuration", severity: .error,
    summary: """
      A KRaft node sets neither `controller.quorum.voters` nor (from Kafka 3.9) \
      `controller.quorum.bootstrap.servers`.
      """,
    rationale: """
      Every KRaft broker and controller must know how to reach the controller quorum. Up to \
      Kafka 3.8 that is the static voter list `controller.quorum.voters` \
      (`{id}@{host}:{port}`, the same on every node). From 3.9 (KIP-853) a node may instead \
      name some controllers in `controller.quorum.bootstrap.servers` (`host:port`) and learn \
      the voters from the metadata log. Without either, Kafka refuses to start. \
      `controller.quorum.bootstrap.servers` is ignored before 3.9.
      """,
    origin: .kafka(
      message: "If using process.roles, either controller.quorum.bootstrap.servers must contain "
        + "the set of bootstrap controllers or controller.quorum.voters must contain a parseable "
        + "set of controllers."),
    triggering: [
      RuleExample(
        "server.properties",
        """
        ↓process.roles=broker
        node.id=4
        controller.listener.names=CONTROLLER

        """),
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        ↓controller.quorum.voters=
        controller.quorum.bootstrap.servers=controller-1:9093

        """, kafkaVersion: .v(3, 8)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\ncontroller.quorum.bootstrap.servers=controller-1:9093\n"),
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@controller-1:9093\n",
        kafkaVersion: .v(3, 5)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isKRaft {
      let version = config.version
      let voters = config.quorumVoters
      // A written list with bad elements is KL237's; Kafka fails on it first.
      guard voters.isEmpty else { continue }
      let bootstrap = config.quorumBootstrapServers
      var notes: [Diagnostic.Note] = []
      let message: String
      if version >= .v(3, 9) {
        guard bootstrap.isEmpty else { continue }
        message =
          "KRaft mode (process.roles is set) needs controller.quorum.voters or "
          + "controller.quorum.bootstrap.servers to find the controllers; "
          + kafkaFails(
            version,
            "If using process.roles, either controller.quorum.bootstrap.servers must contain the "
              + "set of bootstrap controllers or controller.quorum.voters must contain a "
              + "parseable set of controllers.")
      } else {
        if let entry = bootstrap.entry {
          notes.append(
            .init(
              "controller.quorum.bootstrap.servers is only used from Kafka 3.9",
              at: entry.keyLocation))
        }
        message =
          "KRaft mode (process.roles is set) needs controller.quorum.voters to find the "
          + "controllers; "
          + kafkaFails(
            version,
            "If using process.roles, controller.quorum.voters must contain a parseable set of "
              + "voters.")
      }
      let location =
        voters.entry?.keyLocation ?? (version >= .v(3, 9) ? bootstrap.entry?.keyLocation : nil)
        ?? SourceLocation.start(of: config.file.path)
      diagnostics.append(metadata.diagnostic(message, at: location, notes: notes))
    }
    return diagnostics
  }
}
