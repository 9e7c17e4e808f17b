/// KL230: a controller-only KRaft node with a listener that is not a controller listener.
public struct NonControllerListenerOnController: Rule {
  /// Creates the rule.
  public init() {}

  static func kafkaMessage(_ key: String) -> String {
    "requirement failed: The \(key) config must only contain KRaft controller listeners from "
      + "controller.listener.names when process.roles=controller"
  }

  public let metadata = RuleMetadata(
    code: "KL230", name: "non-controller-listener-on-controller", severity: .error,
    summary: """
      A controller-only KRaft node has a listener (or, from Kafka 3.9, an advertised listener) \
      that is not named in `controller.listener.names`.
      """,
    rationale: """
      A node with `process.roles=controller` serves only the controller listeners; clients \
      and brokers' replication traffic go to brokers. Kafka (3.1 and later) refuses to start \
      a controller whose `listeners` contains anything else, such as the \
      `PLAINTEXT://:9092` of a copied broker file (or the default `listeners` when it is not \
      set at all). From 3.9 the check applies to `advertised.listeners` when that is set. In \
      3.1–3.3.1 a controller with `advertised.listeners` set failed with the same message \
      naming `advertised.listeners`. Keep only the controller listener(s) on controllers.
      """,
    origin: .kafka(message: kafkaMessage("listeners")),
    versions: .from(.v(3, 1)),
    triggering: [
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=↓PLAINTEXT://:9092,CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """),
      // The default listeners (PLAINTEXT://:9092) apply when listeners is not set.
      RuleExample(
        "controller.properties",
        """
        ↓process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 8)),
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=CONTROLLER://:9093
        advertised.listeners=↓CONTROLLER://controller-1:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 2)),
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

        """),
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=1
        controller.quorum.voters=1@controller-1:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 0)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.kraftRoleSet == ["controller"] {
      let version = config.version
      guard version >= .v(3, 1) else { continue }
      let names = Set(config.effectiveControllerNames.map(\.text))
      // Without controller names every listener would count; KL235 reports that cause.
      guard !names.isEmpty else { continue }
      let advertised = config.advertised.flatMap { list -> BrokerConfiguration.EndpointList? in
        guard case .written("advertised.listeners") = list.source else { return nil }
        return list
      }
      // A listener that a name matches only up to case or spaces is KL235's or KL236's, which
      // point at the name and say why.
      let nearNames = Set(names.map { $0.trimmingJava().uppercased() })
      let nonController: (Endpoint) -> Bool = {
        !names.contains($0.name) && !nearNames.contains($0.name)
      }
      var offenders: [(Endpoint, key: String)] = []
      if version >= .v(3, 9) {
        // effectiveAdvertisedBrokerListeners: the advertised list when set, else listeners.
        let list = advertised ?? config.listeners
        offenders = list.endpoints.filter(nonController).map { ($0, key: "listeners") }
      } else {
        offenders = config.listeners.endpoints.filter(nonController).map { ($0, key: "listeners") }
        if version < .v(3, 3, 2), let advertised {
          // effectiveAdvertisedListeners was the whole advertised list, controllers included.
          offenders += advertised.endpoints.map { ($0, key: "advertised.listeners") }
        }
      }
      for (endpoint, key) in offenders {
        let what: String
        if key == "advertised.listeners" {
          what =
            "Kafka \(version) rejects any advertised.listeners entry on a controller-only node "
            + "(\(quoted(endpoint.text)))"
        } else if case .defaulted = config.listeners.source, advertised == nil {
          what =
            "listeners is not set, so this controller-only node would open Kafka's default "
            + "\(config.listeners.shownText), which is not a controller listener"
        } else {
          what =
            "\(quoted(endpoint.writtenName)) is not in controller.listener.names, and a "
            + "controller-only node may only have controller listeners"
        }
        diagnostics.append(
          metadata.diagnostic(
            "\(what); "
              + kafkaFails(version, NonControllerListenerOnController.kafkaMessage(key)),
            at: endpoint.location,
            notes: [
              .init(
                "controller listener names are set here",
                at: config.location(ofKey: "controller.listener.names"))
            ]))
      }
    }
    return diagnostics
  }
}
