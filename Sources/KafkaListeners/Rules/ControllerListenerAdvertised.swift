/// KL232: a controller listener in `advertised.listeners` where Kafka (before 3.9) forbids it.
public struct ControllerListenerAdvertised: Rule {
  /// Creates the rule.
  public init() {}

  static let brokerRoleMessage =
    "requirement failed: The advertised.listeners config must not contain KRaft controller "
    + "listeners from controller.listener.names when process.roles contains the broker role "
    + "because Kafka clients that send requests via advertised listeners do not send requests "
    + "to KRaft controllers -- they only send requests to KRaft brokers."

  public let metadata = RuleMetadata(
    code: "KL232", name: "controller-listener-advertised", severity: .error,
    summary: """
      `advertised.listeners` contains a controller listener, which Kafka rejects before 3.9.
      """,
    rationale: """
      Clients learn brokers' addresses from `advertised.listeners`, and they never talk to \
      controllers, so before KIP-853 Kafka kept controller listeners out of it: Kafka 2.8 \
      and 3.0 reject an advertised entry identical to a controller listener, and 3.1 to 3.8 \
      reject any entry whose name is in `controller.listener.names` on a node with the broker \
      role. From Kafka 3.9 a controller listener may (and for dynamic quorums should) be \
      advertised; Kafka separates it from the broker's advertised listeners. On older \
      versions remove the controller entry from `advertised.listeners`.
      """,
    origin: .kafka(message: ControllerListenerAdvertised.brokerRoleMessage),
    versions: .through(.v(3, 8)),
    triggering: [
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        advertised.listeners=PLAINTEXT://localhost:9092,↓CONTROLLER://localhost:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 8)),
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        advertised.listeners=PLAINTEXT://localhost:9092,↓CONTROLLER://:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 0)),
    ],
    passing: [
      // Kafka 3.9's shipped server.properties advertises the controller listener.
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        advertised.listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 9)),
      // 3.0 compared whole endpoints: a different host passed.
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:9093
        listeners=PLAINTEXT://:9092,CONTROLLER://:9093
        advertised.listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093
        controller.listener.names=CONTROLLER

        """, kafkaVersion: .v(3, 0)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let version = config.version
      guard version < .v(3, 9), let advertised = config.advertised,
        case .written("advertised.listeners") = advertised.source
      else { continue }
      let names = config.effectiveControllerNames
      for endpoint in advertised.endpoints {
        guard let name = names.first(where: { $0.text == endpoint.name }) else { continue }
        let message: String
        if version < .v(3, 1) {
          // advertisedListeners.exists(controllerListeners.contains): whole-endpoint equality.
          guard
            config.listeners.endpoints.contains(where: {
              $0.name == endpoint.name && $0.host == endpoint.host && $0.port == endpoint.port
            })
          else { continue }
          message =
            "\(quoted(endpoint.text)) repeats the controller listener; Kafka \(version) keeps "
            + "controller listeners out of advertised.listeners; "
            + kafkaFails(
              version,
              "requirement failed: advertised.listeners cannot contain any of "
                + "controller.listener.names")
        } else {
          // Controller-only nodes are KL231's (3.3.2–3.8) and KL230's (3.1–3.3.1).
          guard config.kraftRoleSet?.contains("broker") == true else { continue }
          message =
            "\(quoted(endpoint.writtenName)) is a controller listener, which Kafka \(version) "
            + "does not allow in advertised.listeners on a node with the broker role (3.9+ "
            + "does); " + kafkaFails(version, ControllerListenerAdvertised.brokerRoleMessage)
        }
        diagnostics.append(
          metadata.diagnostic(
            message, at: endpoint.location,
            notes: [.init("named in controller.listener.names here", at: name.location)]))
      }
    }
    return diagnostics
  }
}
