/// KL233: a controller-only node sets `inter.broker.listener.name` to a controller listener.
public struct InterBrokerListenerIsController: Rule {
  /// Creates the rule.
  public init() {}

  static let kafkaMessage =
    "controller.listener.names must not contain an explicitly set inter.broker.listener.name "
    + "configuration value when process.roles=controller'"

  public let metadata = RuleMetadata(
    code: "KL233", name: "inter-broker-listener-is-controller", severity: .error,
    summary: """
      A controller-only node sets `inter.broker.listener.name` to one of its controller \
      listeners (Kafka 4.0+).
      """,
    rationale: """
      The inter-broker listener is the broker listener that brokers replicate over; \
      controllers do not serve it. A controller-only node that names its controller listener \
      as `inter.broker.listener.name` (often a leftover from a shared template) is refused by \
      Kafka 4.0 and later (KAFKA-18305). Remove `inter.broker.listener.name` from controller \
      files; it belongs in the brokers' configuration.
      """,
    origin: .kafka(message: InterBrokerListenerIsController.kafkaMessage),
    versions: .from(.v(4, 0)),
    triggering: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=↓CONTROLLER

        """)
    ],
    passing: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """),
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=CONTROLLER

        """, kafkaVersion: .v(3, 9)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.kraftRoleSet == ["controller"] {
      guard config.version >= .v(4, 0), let entry = config.entry("inter.broker.listener.name")
      else { continue }
      // Kafka upper-cases the inter-broker name but compares controller names as written.
      let name = entry.value.trimmingJava().uppercased()
      guard let controller = config.effectiveControllerNames.first(where: { $0.text == name })
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "inter.broker.listener.name names the controller listener \(quoted(name)) on a "
            + "controller-only node; remove it from controller configurations; "
            + kafkaFails(
              config.version,
              "requirement failed: " + InterBrokerListenerIsController.kafkaMessage),
          at: entry.valueLocation,
          notes: [.init("named in controller.listener.names here", at: controller.location)]))
    }
    return diagnostics
  }
}
