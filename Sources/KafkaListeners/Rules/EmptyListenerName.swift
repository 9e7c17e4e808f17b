/// KL202: a listener entry (or, from Kafka 3.6, a `listener.security.protocol.map` entry) whose
/// listener name is empty, such as `://host:9092`.
public struct EmptyListenerName: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL202", name: "empty-listener-name", severity: .error,
    summary: "A listener entry has nothing before `://`, so it has no listener name.",
    rationale: """
      Every entry of `listeners` and `advertised.listeners` needs a name before `://`: the name \
      selects the security protocol (through `listener.security.protocol.map`) and the \
      `listener.name.<name>.*` settings. An entry such as `://:9094` usually comes from a \
      template whose variable was empty. Kafka 3.6 and later reject it with "The provided \
      listener name is null or empty string"; older versions look the empty name up in the \
      security map and fail with "No security protocol defined for listener " (ending in a \
      space). From 3.6 a `listener.security.protocol.map` entry with an empty name (`:SSL`) \
      fails the same way. Write the listener's name, e.g. `EXTERNAL://:9094`, and map it.
      """,
    origin: .kafka(
      message: "Error creating broker listeners from '<value>': The provided listener name is "
        + "null or empty string"),
    triggering: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,↓://:9094\n"),
      RuleExample(
        "server.properties",
        """
        # Kafka 3.5
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,↓://kafka.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL

        """, kafkaVersion: .v(3, 5)),
      RuleExample(
        "server.properties",
        "# Kafka 3.6 and later\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,↓:SSL\n",
        kafkaVersion: .v(3, 6)),
    ],
    passing: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,EXTERNAL://:9094\n"),
      // Before 3.6 an empty name is looked up like any other, so mapping it lets it through.
      RuleExample(
        "server.properties",
        """
        # Kafka 3.5
        listeners=PLAINTEXT://:9092,://:9094
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,:SSL

        """, kafkaVersion: .v(3, 5)),
    ])

  private static let emptyNameMessage = "The provided listener name is null or empty string"

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let rejectsEmptyNames = config.version >= .v(3, 6)
      for list in [config.listeners, config.advertised].compactMap({ $0 }) {
        guard case .written(let key) = list.source else { continue }
        for endpoint in list.endpoints where endpoint.name.isEmpty {
          let inner: String
          if rejectsEmptyNames {
            inner = EmptyListenerName.emptyNameMessage
          } else if config.securityMap.effective[""] == nil {
            inner = "No security protocol defined for listener "
          } else {
            // Kafka before 3.6 accepts an empty name that the security map maps.
            continue
          }
          diagnostics.append(
            metadata.diagnostic(
              "\(quoted(endpoint.text)) in \(key) has no listener name before '://'; "
                + kafkaFails(
                  config.version,
                  "Error creating broker listeners from '\(list.shownText)': \(inner)"),
              at: endpoint.location))
        }
      }
      // The map's names go through the same ListenerName check, outside any wrapper.
      if rejectsEmptyNames {
        for mapping in config.securityMap.mappings where mapping.name.isEmpty {
          diagnostics.append(
            metadata.diagnostic(
              "an entry of listener.security.protocol.map has no listener name before ':'; "
                + kafkaFails(config.version, EmptyListenerName.emptyNameMessage),
              at: mapping.location))
        }
      }
    }
    return diagnostics
  }
}
