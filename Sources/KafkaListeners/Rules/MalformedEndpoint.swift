/// KL201: a `listeners` or `advertised.listeners` entry that does not parse as an endpoint.
public struct MalformedEndpoint: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL201", name: "malformed-endpoint", severity: .error,
    summary: "A listener entry is not of the form `NAME://host:port`.",
    rationale: """
      Kafka parses each entry of `listeners` and `advertised.listeners` with the regular \
      expression `^(.*)://\\[?([0-9a-zA-Z\\-%._:]*)\\]?:(-?[0-9]+)` and refuses to start when \
      one does not match: a missing port (`PLAINTEXT://host`), a host with characters outside \
      letters, digits and `-%._:` (a path, a space, an unresolved `${…}` placeholder), or a \
      missing `://`. IPv6 hosts may be written with or without brackets; an empty host means \
      every interface (or, when advertised, the canonical host name).
      """,
    origin: .kafka(message: "Error creating broker listeners from '<value>': Unable to parse <entry> to a broker endpoint"),
    triggering: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,↓SSL://broker-1\n"),
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\nadvertised.listeners=↓PLAINTEXT://kafka.example.com:9092/\n"),
      RuleExample("server.properties", "listeners=↓PLAINTEXT://${env:HOST}:9092\n"),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092,SSL://[::1]:9093,SASL_SSL://fe80::1%eth0:9094\n"),
      RuleExample("server.properties", "listeners=PLAINTEXT://my_host.example:9092\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      for list in [config.listeners, config.advertised].compactMap({ $0 }) {
        guard case .written(let key) = list.source else { continue }
        for element in list.malformed {
          diagnostics.append(
            metadata.diagnostic(
              "\(quoted(element.text)) in \(key) is not NAME://host:port; "
                + kafkaFails(
                  config.version,
                  "Error creating broker listeners from '\(list.shownText)': Unable to parse "
                    + "\(element.text) to a broker endpoint"),
              at: element.location))
        }
      }
    }
    return diagnostics
  }
}
