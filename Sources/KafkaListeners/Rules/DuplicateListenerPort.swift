/// KL204: two `listeners` entries bound to the same port, outside the one IPv4 + one IPv6
/// exception Kafka 3.6 introduced (KIP-797).
public struct DuplicateListenerPort: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL204", name: "duplicate-listener-port", severity: .error,
    summary: "Two entries of `listeners` bind the same port.",
    rationale: """
      Each listener opens its own server socket, so two listeners cannot bind one port, and \
      Kafka checks this before it binds anything. Since Kafka 3.6 (KIP-797) a port may be shared \
      by exactly two listeners whose hosts are IP literals, one IPv4 and one IPv6 (`0.0.0.0` \
      and `::` count); an empty host or a host name never shares. Port 0 (an ephemeral port) is \
      exempt. `advertised.listeners` is not checked: one listener may advertise another's \
      address, for instance behind a load balancer. Give every listener its own port and, \
      where clients see a different port, put that one in `advertised.listeners`.
      """,
    origin: .kafka(message: "Each listener must have a different port, listeners: <value>"),
    triggering: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,↓SSL://:9092\n"),
      RuleExample(
        "server.properties",
        "listeners=INTERNAL://10.0.0.5:9092,↓EXTERNAL://192.0.2.5:9092\n"),
      RuleExample(
        "server.properties",
        "listeners=INTERNAL://kafka-0:9092,↓EXTERNAL://192.0.2.5:9092\n"),
      // Before KIP-797 even an IPv4 and an IPv6 listener may not share a port.
      RuleExample(
        "server.properties", "# Kafka 3.5\nlisteners=V4://0.0.0.0:9092,↓V6://[::]:9092\n",
        kafkaVersion: .v(3, 5)),
    ],
    passing: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,SSL://:9093\n"),
      RuleExample(
        "server.properties", "# Kafka 3.6 and later\nlisteners=V4://0.0.0.0:9092,V6://[::]:9092\n",
        kafkaVersion: .v(3, 6)),
      RuleExample("server.properties", "listeners=PLAINTEXT://:0,SSL://:0\n"),
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://lb.example.com:443\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let list = config.listeners
      guard case .written = list.source else { continue }
      // Ports that overflow an int never parse (KL205); port 0 is ephemeral and exempt.
      var groups: [Int: [Endpoint]] = [:]
      var order: [Int] = []
      for endpoint in list.endpoints {
        guard let port = endpoint.port, port != 0 else { continue }
        // A repeated entry (same name, host and port) is KL203's: deleting it fixes both.
        let repeats = groups[port, default: []].contains {
          $0.name == endpoint.name && $0.host == endpoint.host
        }
        if repeats { continue }
        if groups[port] == nil { order.append(port) }
        groups[port, default: []].append(endpoint)
      }
      for port in order {
        guard let group = groups[port], group.count > 1 else { continue }
        diagnostics += problems(port: port, group: group, list: list, version: config.version)
      }
    }
    return diagnostics
  }

  /// Every entry of a port group that has to move, with Kafka's message for the group.
  private func problems(
    port: Int, group: [Endpoint], list: BrokerConfiguration.EndpointList, version: KafkaVersion
  ) -> [Diagnostic] {
    // Scala's `require` (up to 4.1) prefixes "requirement failed: "; a plain throw does not.
    let required = version < .v(4, 2) ? "requirement failed: " : ""
    let differentPort = "Each listener must have a different port, listeners: \(list.shownText)"
    let kept: [Endpoint]
    let message: String
    var hint = ""
    if version < .v(3, 6) {
      kept = [group[0]]
      message = required + differentPort
    } else {
      let literals = group.filter { $0.isIPv4 || $0.isIPv6 }
      let others = group.filter { !($0.isIPv4 || $0.isIPv6) }
      let pair =
        "If you have two listeners on the same port then one needs to be IPv4 and the "
        + "other IPv6, listeners: \(list.shownText), port: \(port)"
      // Kafka checks the non-literal hosts first, then the IP literals.
      if others.count > 1 {
        message = required + differentPort
      } else if literals.count == 2 {
        let valid = literals.contains(where: \.isIPv4) && literals.contains(where: \.isIPv6)
        message = valid ? pair : required + pair
      } else {
        message =
          "Each listener must have a different port unless exactly one listener has an IPv4 "
          + "address and the other IPv6 address, listeners: \(list.shownText), port: \(port)"
      }
      // The first IPv4 and the first IPv6 literal may stay together; everything else moves.
      if let v4 = literals.first(where: \.isIPv4), let v6 = literals.first(where: \.isIPv6) {
        kept = [v4, v6]
      } else {
        kept = [group[0]]
      }
      hint = "; listeners may share a port only as one IPv4 and one IPv6 address literal"
    }
    let anchor = kept[0]
    return group.filter { endpoint in !kept.contains(endpoint) }.map { endpoint in
      metadata.diagnostic(
        "\(quoted(endpoint.text)) binds port \(port), which \(quoted(anchor.text)) in "
          + "listeners already binds\(hint); " + kafkaFails(version, message),
        at: endpoint.location,
        notes: [.init("\(quoted(anchor.text)) binds port \(port) here", at: anchor.location)])
    }
  }
}
