/// KL243: `controller.quorum.auto.join.enable=true` on a node without the controller role.
public struct AutoJoinWithoutController: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL243", name: "auto-join-without-controller", severity: .error,
    summary: "`controller.quorum.auto.join.enable` is true on a node that is not a controller.",
    rationale: """
      `controller.quorum.auto.join.enable` (Kafka 4.2+) lets a new controller add itself to the \
      KRaft voter set. Only controllers vote, so Kafka refuses to start a broker-only node that \
      enables it. It usually comes from one shared template for brokers and controllers: set \
      it in the controllers' configuration only, or set it to `false` on brokers.
      """,
    origin: .kafka(
      message: "controller.quorum.auto.join.enable is only supported when process.roles "
        + "contains the 'controller' role."),
    versions: .from(.v(4, 2)),
    triggering: [
      RuleExample(
        "broker.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.bootstrap.servers=controller-0:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:9092
        ↓controller.quorum.auto.join.enable=true

        """)
    ],
    passing: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=3000
        controller.quorum.bootstrap.servers=controller-0:9093
        controller.listener.names=CONTROLLER
        listeners=CONTROLLER://:9093
        controller.quorum.auto.join.enable=true

        """),
      RuleExample(
        "broker.properties",
        """
        process.roles=broker
        node.id=1
        controller.quorum.bootstrap.servers=controller-0:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:9092
        controller.quorum.auto.join.enable=false

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isKRaft && !config.isController {
      // Roles Kafka does not know fail first (KL220).
      guard config.roleElements.allSatisfy({ $0.text == "broker" || $0.text == "controller" }),
        let entry = config.entry("controller.quorum.auto.join.enable"),
        entry.value.trimmingJava().lowercased() == "true"  // ConfigDef BOOLEAN ignores case.
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "controller.quorum.auto.join.enable is true, but this node is not a controller "
            + "(process.roles=\(config.roleElements.map(\.text).joined(separator: ","))); "
            + "enable it on controllers only; "
            + kafkaFails(
              config.version,
              "requirement failed: controller.quorum.auto.join.enable is only supported when "
                + "process.roles contains the 'controller' role."),
          at: entry.keyLocation))
    }
    return diagnostics
  }
}
