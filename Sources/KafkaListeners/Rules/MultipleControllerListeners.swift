/// KL229: a broker-only KRaft node names several controller listeners; only the first is used.
public struct MultipleControllerListeners: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL229", name: "multiple-controller-listeners", severity: .warning,
    summary: "A broker-only KRaft node lists more than one name in `controller.listener.names`.",
    rationale: """
      A broker connects to the controllers through the first name in \
      `controller.listener.names` only; Kafka logs a warning and ignores the others. Several \
      names make sense on controllers (for example while migrating the controller listener \
      to TLS), but on a broker the extra names do nothing, and the order decides which \
      protocol the broker uses. Keep the one name the broker should use, first.
      """,
    origin: .kafka(
      message: "controller.listener.names has multiple entries; only the first will be used "
        + "since process.roles=broker: [<names>]"),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,CONTROLLER_TLS:SSL
        controller.listener.names=CONTROLLER,↓CONTROLLER_TLS

        """)
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
      // Controllers may serve several controller listeners.
      RuleExample(
        "server.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093,CONTROLLER_TLS://:9094
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,CONTROLLER_TLS:SSL
        controller.listener.names=CONTROLLER,CONTROLLER_TLS

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.kraftRoleSet == ["broker"] {
      let names = config.effectiveControllerNames
      guard names.count > 1 else { continue }
      let list = "[" + names.map { kraftMessageText($0.text) }.joined(separator: ", ") + "]"
      diagnostics.append(
        metadata.diagnostic(
          "a broker uses only the first controller listener name (\(quoted(names[0].text))); "
            + "the others are ignored; Kafka \(config.version) logs the warning "
            + "\"controller.listener.names has multiple entries; only the first will be used "
            + "since process.roles=broker: \(list)\"",
          at: names[1].location,
          notes: [.init("the name the broker uses", at: names[0].location)]))
    }
    return diagnostics
  }
}
