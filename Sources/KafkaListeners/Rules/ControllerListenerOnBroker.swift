/// KL227: a broker-only KRaft node that opens a controller listener.
public struct ControllerListenerOnBroker: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL227", name: "controller-listener-on-broker", severity: .error,
    summary: "A broker-only KRaft node has a listener named in `controller.listener.names`.",
    rationale: """
      On a node with `process.roles=broker`, `controller.listener.names` only tells the broker \
      which listener name (and so which security protocol) to use when it connects to the \
      controllers; the broker itself serves no controller listener. Kafka therefore refuses to \
      start when `listeners` contains one of those names. This usually comes from copying a \
      combined node's `listeners` to a broker. Remove the controller entry from the broker's \
      `listeners` (keep `controller.listener.names`).
      """,
    origin: .kafka(
      message: "controller.listener.names must not contain a value appearing in the 'listeners' "
        + "configuration when running KRaft with just the broker role"),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        listeners=PLAINTEXT://:9092,↓CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """)
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        listeners=PLAINTEXT://:9092
        controller.listener.names=CONTROLLER

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.kraftRoleSet == ["broker"] {
      let names = config.effectiveControllerNames
      for endpoint in config.listeners.endpoints {
        // Kafka compares the upper-cased listener name with the names exactly as written.
        guard let name = names.first(where: { $0.text == endpoint.name }) else { continue }
        diagnostics.append(
          metadata.diagnostic(
            "\(quoted(endpoint.writtenName)) is a controller listener, which a broker-only node "
              + "must not open; "
              + kafkaFails(
                config.version,
                "requirement failed: controller.listener.names must not contain a value "
                  + "appearing in the 'listeners' configuration when running KRaft with just the "
                  + "broker role"),
            at: endpoint.location,
            notes: [.init("named in controller.listener.names here", at: name.location)]))
      }
    }
    return diagnostics
  }
}
