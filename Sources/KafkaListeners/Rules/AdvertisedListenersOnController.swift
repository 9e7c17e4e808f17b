/// KL231: a controller-only KRaft node sets `advertised.listeners` (Kafka 3.3.2–3.8).
public struct AdvertisedListenersOnController: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL231", name: "advertised-listeners-on-controller", severity: .error,
    summary: "A controller-only KRaft node sets `advertised.listeners` (Kafka 3.3.2 to 3.8).",
    rationale: """
      Before KIP-853 controllers did not advertise anything: brokers and other controllers \
      reach them through the addresses in `controller.quorum.voters`. Kafka 3.3.2 to 3.8 \
      therefore refuse to start a node with `process.roles=controller` when \
      `advertised.listeners` is set at all, even to an empty value. Remove the setting (or \
      upgrade: from 3.9 a controller may advertise its controller listener, which dynamic \
      quorums use). The Apache and Confluent images refuse `KAFKA_ADVERTISED_LISTENERS` on \
      controllers for the same reason.
      """,
    origin: .kafka(
      message: "The advertised.listeners config must be empty when process.roles=controller"),
    versions: .v(3, 3, 2)...KafkaVersion(3, 8, 99),
    triggering: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093
        ↓advertised.listeners=CONTROLLER://controller-1:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 8))
    ],
    passing: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093
        advertised.listeners=CONTROLLER://controller-1:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 9)),
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 8)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.kraftRoleSet == ["controller"] {
      let version = config.version
      guard version >= .v(3, 3, 2), version < .v(3, 9),
        let entry = config.entry("advertised.listeners")
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "a controller-only node must not set advertised.listeners before Kafka 3.9; "
            + kafkaFails(
              version,
              "requirement failed: The advertised.listeners config must be empty when "
                + "process.roles=controller"),
          at: entry.keyLocation))
    }
    return diagnostics
  }
}
