/// KL205: a listener port that is not a TCP port: too large for Kafka to parse, negative, or
/// above 65535.
public struct PortOutOfRange: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL205", name: "port-out-of-range", severity: .error,
    summary: "A listener port is negative, above 65535 or too large to parse.",
    rationale: """
      Kafka's endpoint syntax accepts any run of digits with an optional minus sign, so a typo \
      such as `:90920` passes its configuration checks. A port beyond the range of a Java `int` \
      fails at once (`For input string: "<port>"`). A negative port or one above 65535 fails \
      later: in `listeners` when the broker binds the socket (`port out of range:<port>`), in \
      `advertised.listeners` of a KRaft node when it registers with the controllers \
      (`Cannot serialize invalid port number <port> in ListenerInfo.`, or `Invalid value \
      <port> for unsigned short field.` before 3.7). ZooKeeper-mode brokers register such an \
      advertised port without complaint and clients then cannot connect. Port 0 is fine: it \
      asks for an ephemeral port, and Kafka advertises the port it bound. Use a port between 1 \
      and 65535.
      """,
    origin: .kafka(
      message: "Error creating broker listeners from '<value>': For input string: \"<port>\""),
    triggering: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,↓SSL://:909300000000\n"),
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,↓SSL://:90930\n"),
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.bootstrap.servers=controller-1:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:9092
        advertised.listeners=↓PLAINTEXT://kafka-4.example.com:-9092

        """),
    ],
    passing: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,SSL://:0\n"),
      RuleExample(
        "server.properties",
        """
        process.roles=broker
        node.id=4
        controller.quorum.bootstrap.servers=controller-1:9093
        controller.listener.names=CONTROLLER
        listeners=PLAINTEXT://:0
        advertised.listeners=PLAINTEXT://kafka-4.example.com:0

        """),
      // ZooKeeper mode has no registration check on advertised ports.
      RuleExample(
        "server.properties",
        """
        # Kafka 3.9, ZooKeeper mode
        zookeeper.connect=zk-1:2181
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://kafka-0:90920

        """, kafkaVersion: .v(3, 9)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      diagnostics += overflowingPorts(config)
      diagnostics += unbindablePorts(config)
      diagnostics += unregistrablePorts(config)
    }
    return diagnostics
  }

  /// Ports `Integer.parseInt` rejects, in either written list.
  private func overflowingPorts(_ config: BrokerConfiguration) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for list in [config.listeners, config.advertised].compactMap({ $0 }) {
      // Values built from the pre-3.0 `port` keys fail as INT configurations instead.
      guard case .written(let key) = list.source,
        key == "listeners" || key == "advertised.listeners"
      else { continue }
      for endpoint in list.endpoints where endpoint.port == nil {
        diagnostics.append(
          metadata.diagnostic(
            "port \(quoted(endpoint.portText)) of \(quoted(endpoint.text)) in \(key) is not a "
              + "number Kafka can read (the largest TCP port is 65535); "
              + kafkaFails(
                config.version,
                "Error creating broker listeners from '\(list.shownText)': "
                  + "For input string: \"\(endpoint.portText)\""),
            at: endpoint.location))
      }
    }
    return diagnostics
  }

  /// `listeners` ports the JDK refuses when the socket is bound.
  private func unbindablePorts(_ config: BrokerConfiguration) -> [Diagnostic] {
    let list = config.listeners
    var key = "listeners"
    if case .defaulted = list.source {
      // Before 3.0 the default listener takes the `port` key.
      guard config.entry("port") != nil else { return [] }
      key = "port"
    }
    return list.endpoints.compactMap { endpoint in
      guard let port = endpoint.port, port < 0 || port > 65535 else { return nil }
      let location =
        key == "port" ? config.location(ofValue: "port") : endpoint.location
      return metadata.diagnostic(
        "port \(port) of \(quoted(endpoint.text)) in \(key) is outside 0–65535, so the broker "
          + "cannot bind it; " + kafkaFails(config.version, "port out of range:\(port)"),
        at: location)
    }
  }

  /// Written advertised ports a KRaft node cannot register.
  private func unregistrablePorts(_ config: BrokerConfiguration) -> [Diagnostic] {
    guard config.isKRaft, let advertised = config.advertised,
      case .written("advertised.listeners") = advertised.source
    else { return [] }
    let controllers = config.controllerNameSet
    var registered: [Endpoint] = []
    if config.isBroker {
      // Up to 3.8 a controller name here is its own error (KL232); from 3.9 it is moved to the
      // controller side.
      registered += advertised.endpoints.filter { !controllers.contains($0.name) }
    }
    if config.isController && config.version >= .v(3, 9) {
      registered += config.advertisedControllerEndpoints.filter { !$0.derived }.map(\.endpoint)
    }
    return registered.compactMap { endpoint in
      guard let port = endpoint.port, port < 0 || port > 65535 else { return nil }
      let inner: String
      if config.version < .v(3, 7) {
        inner = "Invalid value \(port) for unsigned short field."
      } else if port < 0 {
        inner = "Cannot serialize negative port number \(port) in ListenerInfo."
      } else {
        inner = "Cannot serialize invalid port number \(port) in ListenerInfo."
      }
      return metadata.diagnostic(
        "advertised port \(port) of \(quoted(endpoint.text)) is outside 0–65535, so the node "
          + "cannot register it with the controllers; " + kafkaFails(config.version, inner),
        at: endpoint.location)
    }
  }
}
