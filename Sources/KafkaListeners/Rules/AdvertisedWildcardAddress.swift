/// KL215: an advertised endpoint (written, or inherited from `listeners`) has host `0.0.0.0`.
public struct AdvertisedWildcardAddress: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL215", name: "advertised-wildcard-address", severity: .error,
    summary: "An advertised endpoint uses the non-routable address `0.0.0.0`.",
    rationale: """
      `0.0.0.0` in `listeners` means "bind to every interface"; as an advertised address it \
      means nothing a client can connect to, so Kafka refuses to start. Because \
      `advertised.listeners` falls back to `listeners` when unset, binding to `0.0.0.0` without \
      setting `advertised.listeners` fails the same way. Keep `0.0.0.0` (or an empty host) in \
      `listeners` and advertise the name or IP address clients use. The check covers every \
      role; from 3.9 it also covers the controller listeners' advertised endpoints, except \
      that 3.9.1 and 4.0 and later accept a controller listener inherited from `listeners` \
      (KAFKA-18281) and advertise the host's canonical name instead. Kafka does not reject \
      `::` or an empty host here.
      """,
    origin: .kafka(
      message: "advertised.listeners cannot use the nonroutable meta-address 0.0.0.0. Use a "
        + "routable IP address."),
    triggering: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://0.0.0.0:9092
        advertised.listeners=↓PLAINTEXT://0.0.0.0:9092

        """, kafkaVersion: .v(3, 6)),
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        listeners=↓PLAINTEXT://0.0.0.0:9092,CONTROLLER://kafka-1:9093
        controller.listener.names=CONTROLLER

        """),
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=3000
        controller.quorum.bootstrap.servers=controller-0:9093
        listeners=↓CONTROLLER://0.0.0.0:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 9)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@kafka-1:9093
        listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093
        advertised.listeners=PLAINTEXT://kafka-1.example.com:9092
        controller.listener.names=CONTROLLER

        """),
      // Before 3.9 controller listeners are not advertised, so their bind address is not checked.
      RuleExample(
        "controller.properties",
        """
        process.roles=controller
        node.id=3000
        controller.quorum.voters=3000@controller-0:9093
        listeners=CONTROLLER://0.0.0.0:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 8)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      var found: [(endpoint: Endpoint, inherited: Bool)] = config.advertisedBrokerEndpoints
        .filter { $0.host == "0.0.0.0" }.map { ($0, config.advertised == nil) }
      if config.version >= .v(3, 9) {
        for (endpoint, derived) in config.advertisedControllerEndpoints
        where endpoint.host == "0.0.0.0" {
          // KAFKA-18281: an inherited 0.0.0.0 is cleared and resolved at registration.
          if derived && config.version >= .v(3, 9, 1) { continue }
          found.append((endpoint, derived))
        }
      }
      for (endpoint, inherited) in found {
        diagnostics.append(diagnostic(config, endpoint: endpoint, inherited: inherited))
      }
    }
    return diagnostics
  }

  private func diagnostic(
    _ config: BrokerConfiguration, endpoint: Endpoint, inherited: Bool
  ) -> Diagnostic {
    var message =
      "\(quoted(endpoint.text)) advertises 0.0.0.0, the bind-all address, which no client can "
      + "connect to"
    var notes: [Diagnostic.Note] = []
    if inherited {
      if let advertised = config.advertised, case .written(let key) = advertised.source {
        message +=
          " (\(key) has no \(endpoint.name) entry, so Kafka advertises this listeners "
          + "entry); add a \(endpoint.name) entry with a routable host to \(key)"
        notes.append(
          .init("\(key) has no \(endpoint.name) entry", at: config.location(ofKey: key)))
      } else {
        message +=
          " (advertised.listeners is not set, so Kafka advertises this listeners "
          + "entry); set advertised.listeners to the name or address clients use"
        notes.append(.init("advertised.listeners is not set; it falls back to listeners"))
      }
      if config.controllerNameSet.contains(endpoint.name) {
        notes.append(
          .init(
            "Kafka 3.9.1 and 4.0 accept this for a controller listener inherited from listeners"))
      }
    } else {
      message += "; advertise the name or IP address clients use"
    }
    return metadata.diagnostic(
      message + "; "
        + kafkaFails(
          config.version,
          "requirement failed: advertised.listeners cannot use the nonroutable meta-address "
            + "0.0.0.0. Use a routable IP address."),
      at: endpoint.location, notes: notes)
  }
}
