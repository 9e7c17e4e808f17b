/// KL226: a KRaft broker (from Kafka 4.2, any node) without `controller.listener.names`.
public struct MissingControllerListenerNames: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL226", name: "missing-controller-listener-names", severity: .error,
    summary: """
      `controller.listener.names` is missing on a broker-only KRaft node (on every node from \
      Kafka 4.2).
      """,
    rationale: """
      A KRaft broker connects to the controllers with the first listener named in \
      `controller.listener.names`, using that name's entry in \
      `listener.security.protocol.map` for the protocol. Without the setting Kafka refuses to \
      start a broker-only node; from Kafka 4.2 the setting is required on every node, \
      controllers and combined nodes included. Set it to the controllers' listener name, \
      usually `CONTROLLER`.
      """,
    origin: .kafka(
      message: "controller.listener.names must contain at least one value when running KRaft "
        + "with just the broker role"),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        ↓controller.listener.names=

        """, kafkaVersion: .v(3, 9)),
      RuleExample(
        "server.properties",
        """
        ↓process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093

        """),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        controller.listener.names=CONTROLLER

        """),
      // Before 4.2 only broker-only nodes need it (a controller fails differently, KL235).
      RuleExample(
        "server.properties",
        "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@controller-1:9093\n",
        kafkaVersion: .v(4, 1)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let version = config.version
      if version >= .v(4, 2) {
        // ConfigDef: no default. A written but empty value is an empty list value (KL240).
        guard !config.isSet("controller.listener.names") else { continue }
        diagnostics.append(
          metadata.diagnostic(
            "controller.listener.names is not set; Kafka \(version) requires it on every node; "
              + kafkaFails(
                version,
                "Missing required configuration \"controller.listener.names\" which has no "
                  + "default value."),
            at: SourceLocation.start(of: config.file.path)))
        continue
      }
      guard config.kraftRoleSet == ["broker"], config.controllerNames.isEmpty else { continue }
      let what =
        config.isSet("controller.listener.names")
        ? "controller.listener.names is empty" : "controller.listener.names is not set"
      diagnostics.append(
        metadata.diagnostic(
          "\(what); a KRaft broker needs it to know which listener reaches the controllers; "
            + kafkaFails(
              version,
              "requirement failed: controller.listener.names must contain at least one value "
                + "when running KRaft with just the broker role"),
          at: config.location(ofKey: "controller.listener.names")))
    }
    return diagnostics
  }
}
