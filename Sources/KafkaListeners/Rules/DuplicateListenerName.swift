/// KL203: two entries of `listeners` (or of `advertised.listeners`) with the same listener name.
public struct DuplicateListenerName: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL203", name: "duplicate-listener-name", severity: .error,
    summary: "Two entries of one listener list use the same listener name.",
    rationale: """
      A listener name identifies one socket: its security protocol, its `listener.name.<name>.*` \
      settings and the address clients get for it. Kafka therefore refuses a `listeners` or \
      `advertised.listeners` value that uses a name twice; names are compared upper-cased, so \
      `plaintext://` and `PLAINTEXT://` clash. Kafka 4.2 first removes entries that repeat \
      another entry exactly (with a warning), so only entries that differ in host or port still \
      fail there. To serve a second port, give it its own name (for example `EXTERNAL`) and map \
      that name in `listener.security.protocol.map`.
      """,
    origin: .kafka(message: "Each listener must have a different name, listeners: <value>"),
    triggering: [
      RuleExample(
        "server.properties", "listeners=PLAINTEXT://:9092,SSL://:9093,↓plaintext://:9094\n"),
      RuleExample(
        "server.properties",
        """
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://a.example.com:9094,\
        ↓EXTERNAL://b.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL

        """),
      // Before 4.2 even an exact repetition fails.
      RuleExample(
        "server.properties", "# Kafka 4.1\nlisteners=PLAINTEXT://:9092,↓PLAINTEXT://:9092\n",
        kafkaVersion: .v(4, 1)),
    ],
    passing: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,SSL://:9093\n"),
      // 4.2 drops the exact repetition (with a warning) before it compares names.
      RuleExample(
        "server.properties", "# Kafka 4.2\nlisteners=PLAINTEXT://:9092,PLAINTEXT://:9092\n",
        kafkaVersion: .v(4, 2)),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      // Kafka's Scala `require` (up to 4.1) prefixes its message; the Java code of 4.2 does not.
      let prefix = config.version < .v(4, 2) ? "requirement failed: " : ""
      for list in [config.listeners, config.advertised].compactMap({ $0 }) {
        guard case .written(let key) = list.source else { continue }
        var first: [String: Endpoint] = [:]
        // An empty name fails earlier, as KL202 reports.
        for endpoint in list.endpoints where !endpoint.name.isEmpty {
          guard let earlier = first[endpoint.name] else {
            first[endpoint.name] = endpoint
            continue
          }
          // Only versions before 4.2 get here with a verbatim repetition.
          let what =
            endpoint.text == earlier.text
            ? "\(quoted(endpoint.text)) is repeated in \(key) (Kafka 4.2 and later drop the "
              + "repetition)"
            : "listener name \(quoted(endpoint.name)) of \(quoted(endpoint.text)) is already "
              + "used by \(quoted(earlier.text)) in \(key)"
          diagnostics.append(
            metadata.diagnostic(
              "\(what); "
                + kafkaFails(
                  config.version,
                  "\(prefix)Each listener must have a different name, listeners: "
                    + list.shownText),
              at: endpoint.location,
              notes: [.init("\(quoted(earlier.text)) uses the name first", at: earlier.location)]))
        }
      }
    }
    return diagnostics
  }
}
