/// KL302: a broker advertises an endpoint without a host.
public struct EmptyAdvertisedHost: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL302", name: "empty-advertised-host", severity: .warning,
    summary: "A broker advertises an endpoint with an empty host, so it advertises its own host name.",
    rationale: """
      An empty host (`PLAINTEXT://:9092`) binds to every interface, which is right for \
      `listeners`. When it is advertised — written that way in `advertised.listeners`, or \
      because `advertised.listeners` is unset and falls back to `listeners` — Kafka replaces \
      it with `InetAddress.getLocalHost().getCanonicalHostName()`: in a container that is the \
      container id or pod name, which clients elsewhere cannot resolve. Set \
      `advertised.listeners` with the name clients use.
      """,
    triggering: [
      RuleExample("server.properties", "listeners=↓PLAINTEXT://:9092\nlog.dirs=/var/lib/kafka\n"),
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\nadvertised.listeners=↓PLAINTEXT://:9092\n"),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka-0.example.com:9092\n")
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isBroker {
      let source = config.advertisedSource
      for endpoint in config.advertisedBrokerEndpoints where endpoint.host == nil {
        let origin =
          config.advertised == nil
          ? "advertised.listeners is not set, so the empty host of \(config.describe(source)) is "
            + "advertised"
          : "the host is empty"
        let location =
          source.source == .defaulted ? config.location(ofKey: "advertised.listeners") : endpoint.location
        diagnostics.append(
          metadata.diagnostic(
            "listener \(endpoint.name): \(origin); Kafka advertises this machine's canonical "
              + "host name instead, which clients elsewhere may not resolve",
            at: location))
      }
    }
    return diagnostics
  }
}
