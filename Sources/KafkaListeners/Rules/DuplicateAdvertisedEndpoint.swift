/// KL304: two listeners of one broker advertise the same host and port.
public struct DuplicateAdvertisedEndpoint: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL304", name: "duplicate-advertised-endpoint", severity: .warning,
    summary: "Two listeners of one broker advertise the same host and port.",
    rationale: """
      Kafka does not compare advertised ports (one listener may legitimately advertise a load \
      balancer in front of another). But two listener names advertising one `host:port` send \
      both groups of clients to the same socket, which speaks one listener's protocol: the \
      other group fails the TLS or SASL handshake. This is usually a copy-paste slip in \
      `advertised.listeners`; give each listener the address that reaches its own port.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        advertised.listeners=INTERNAL://kafka-1.example.com:9092,↓EXTERNAL://kafka-1.example.com:9092

        """)
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        advertised.listeners=INTERNAL://kafka-1.internal:9092,EXTERNAL://kafka-1.example.com:9094

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isBroker {
      var first: [String: Endpoint] = [:]
      for endpoint in config.advertisedBrokerEndpoints {
        let key = "\(endpoint.host?.lowercased() ?? ""):\(endpoint.portText)"
        guard let earlier = first[key] else {
          first[key] = endpoint
          continue
        }
        if earlier.name == endpoint.name { continue }  // Same name: duplicate-listener-name.
        diagnostics.append(
          metadata.diagnostic(
            "listeners \(earlier.name) and \(endpoint.name) both advertise "
              + "\(quoted(endpoint.text.dropFirst(endpoint.writtenName.count + 3).description)); "
              + "clients of one of them reach the other's socket",
            at: endpoint.location,
            notes: [.init("\(earlier.name) advertises it here", at: earlier.location)]))
      }
    }
    return diagnostics
  }
}
