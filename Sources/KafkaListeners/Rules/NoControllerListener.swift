/// KL235: a KRaft controller none of whose `controller.listener.names` is a listener it has.
public struct NoControllerListener: Rule {
  /// Creates the rule.
  public init() {}

  static let kafkaMessage =
    "requirement failed: controller.listener.names must contain at least one value appearing "
    + "in the 'listeners' configuration when running the KRaft controller role"

  public let metadata = RuleMetadata(
    code: "KL235", name: "no-controller-listener", severity: .error,
    summary: """
      A node with the controller role has no listener named in `controller.listener.names`.
      """,
    rationale: """
      A controller serves the quorum on the listeners named in `controller.listener.names`, \
      so at least one of them must be in `listeners` (from Kafka 3.9, in \
      `advertised.listeners` or `listeners`). Kafka refuses to start a controller or combined \
      node when none is, typically because `controller.listener.names` is missing, misspelt, \
      written in lower case (Kafka upper-cases listener names but not these) or names a \
      listener that was never added. Add the controller listener, e.g. \
      `CONTROLLER://:9093`, to `listeners` and name it in `controller.listener.names`.
      """,
    origin: .kafka(message: NoControllerListener.kafkaMessage),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        ↓controller.listener.names=controller

        """),
      RuleExample(
        "server.properties",
        """
        ↓process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093

        """, kafkaVersion: .v(3, 7)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """),
      // A missing controller.listener.names is a missing required setting in 4.2 (KL226).
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      guard config.kraftRoleSet?.contains("controller") == true, !config.hasControllerListener
      else { continue }
      let version = config.version
      let names = config.effectiveControllerNames
      // 4.2 reports a missing or empty controller.listener.names first (KL226, KL240).
      if version >= .v(4, 2) && names.isEmpty { continue }
      let listenerNames = Set(config.listeners.endpoints.map(\.name))
      var notes: [Diagnostic.Note] = []
      for name in names {
        let trimmed = name.text.trimmingJava()
        if listenerNames.contains(name.text.uppercased()) {
          notes.append(
            .init(
              "Kafka does not upper-case controller.listener.names; write "
                + "\(quoted(name.text.uppercased()))", at: name.location))
        } else if trimmed != name.text, listenerNames.contains(trimmed.uppercased()) {
          notes.append(
            .init(
              "Kafka \(version) does not trim spaces around commas here; remove them",
              at: name.location))
        }
      }
      let what: String
      if !config.isSet("controller.listener.names") {
        what = "controller.listener.names is not set, so this controller has no controller listener"
      } else if names.isEmpty {
        what = "controller.listener.names is empty, so this controller has no controller listener"
      } else {
        let list = names.map { quoted($0.text) }.joined(separator: ", ")
        let source = version >= .v(3, 9) ? "listeners or advertised.listeners" : "listeners"
        what = "none of the controller listener names (\(list)) is a listener in \(source)"
      }
      diagnostics.append(
        metadata.diagnostic(
          "\(what); " + kafkaFails(version, NoControllerListener.kafkaMessage),
          at: config.location(ofKey: "controller.listener.names"), notes: notes))
    }
    return diagnostics
  }
}
