/// KL236: a KRaft controller's `controller.listener.names` names a listener it does not have.
public struct UnknownControllerListener: Rule {
  /// Creates the rule.
  public init() {}

  static let kafkaMessage =
    "requirement failed: controller.listener.names must only contain values appearing in the "
    + "'listeners' configuration when running the KRaft controller role"

  public let metadata = RuleMetadata(
    code: "KL236", name: "unknown-controller-listener", severity: .error,
    summary: """
      A node with the controller role names a listener in `controller.listener.names` that \
      `listeners` does not define.
      """,
    rationale: """
      On controllers and combined nodes every name in `controller.listener.names` must be the \
      name of an entry in `listeners`, compared exactly: Kafka upper-cases the names in \
      `listeners` but not these, so `controller` does not match `CONTROLLER://:9093`, and up \
      to Kafka 4.0 a space after a comma (`CONTROLLER, CONTROLLER_TLS`) is part of the \
      name. Kafka refuses to start such a node. Write the names in upper case, without \
      spaces, and add a listener for each. (When no name matches at all, KL235 reports it.)
      """,
    origin: .kafka(message: UnknownControllerListener.kafkaMessage),
    triggering: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093,CONTROLLER_TLS://:9094
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,CONTROLLER_TLS:SSL
        controller.listener.names=CONTROLLER,↓controller_tls

        """),
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093,CONTROLLER_TLS://:9094
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,CONTROLLER_TLS:SSL
        controller.listener.names=CONTROLLER,↓ CONTROLLER_TLS

        """, kafkaVersion: .v(3, 9)),
    ],
    passing: [
      // Kafka 4.1 trims the names, so the space after the comma no longer matters.
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093,CONTROLLER_TLS://:9094
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,CONTROLLER_TLS:SSL
        controller.listener.names=CONTROLLER, CONTROLLER_TLS

        """, kafkaVersion: .v(4, 1)),
      // A broker only uses the names to reach the controllers.
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.voters=1@controller-1:9093
        listeners=PLAINTEXT://:9092
        controller.listener.names=CONTROLLER

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      // When no name matches at all, Kafka fails on the earlier check (KL235).
      guard config.kraftRoleSet?.contains("controller") == true, config.hasControllerListener
      else { continue }
      let version = config.version
      let listenerNames = Set(config.listeners.endpoints.map(\.name))
      let advertisedNames = Set(config.advertised?.endpoints.map(\.name) ?? [])
      for name in config.effectiveControllerNames where !listenerNames.contains(name.text) {
        let trimmed = name.text.trimmingJava()
        var notes: [Diagnostic.Note] = []
        let what: String
        if name.text.isEmpty {
          what = "controller.listener.names has an empty name (a doubled comma)"
        } else if listenerNames.contains(name.text.uppercased()) {
          what =
            "\(quoted(name.text)) does not match the listener \(quoted(name.text.uppercased())): "
            + "Kafka upper-cases listener names but compares controller.listener.names as written"
          notes.append(
            .init(
              "controller.listener.names is not upper-cased; write "
                + "\(quoted(name.text.uppercased()))"))
        } else if trimmed != name.text, listenerNames.contains(trimmed.uppercased()) {
          what =
            "\(quoted(name.text)) keeps the space after the comma: Kafka \(version) does not "
            + "trim the names in controller.listener.names"
          notes.append(.init("remove the space, or upgrade to Kafka 4.1, which trims it"))
        } else if advertisedNames.contains(name.text) {
          what = "\(quoted(name.text)) is advertised but is not a listener in listeners"
        } else {
          what = "\(quoted(name.text)) is not the name of any entry in listeners"
        }
        diagnostics.append(
          metadata.diagnostic(
            "\(what); " + kafkaFails(version, UnknownControllerListener.kafkaMessage),
            at: name.location, notes: notes))
      }
    }
    return diagnostics
  }
}
