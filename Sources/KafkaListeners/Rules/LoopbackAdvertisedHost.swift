/// KL301: a broker advertises a loopback or unspecified address.
public struct LoopbackAdvertisedHost: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL301", name: "loopback-advertised-host", severity: .warning,
    summary: "A broker advertises `localhost`, a `127.x` address, `::1` or `::`.",
    rationale: """
      Clients connect to the bootstrap address, then to exactly the address each broker \
      advertises. `localhost` and `127.0.0.1` make every client on another host, container or \
      pod connect to itself: bootstrap works and everything after it times out. `::` is a bind \
      address, not one to connect to, and Kafka (unlike for `0.0.0.0`) does not reject it. \
      Advertise a name or address the clients can reach; keep `localhost` only for a \
      single-machine setup whose clients run on that machine.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://0.0.0.0:9092\nadvertised.listeners=↓PLAINTEXT://localhost:9092\n"),
      RuleExample("server.properties", "listeners=↓PLAINTEXT://127.0.0.1:9092\n"),
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\nadvertised.listeners=↓PLAINTEXT://[::]:9092\n"),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://0.0.0.0:9092\n"
          + "advertised.listeners=PLAINTEXT://kafka-0.kafka.svc.cluster.local:9092\n"),
      RuleExample(
        "server.properties",
        "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@localhost:9093\n"
          + "listeners=PLAINTEXT://kafka-1:9092,CONTROLLER://localhost:9093\n"
          + "controller.listener.names=CONTROLLER\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.isBroker {
      let source = config.advertisedSource
      for endpoint in config.advertisedBrokerEndpoints {
        guard let host = endpoint.host,
          IPAddress.isLoopback(host) || (host != "0.0.0.0" && IPAddress.isUnspecified(host))
        else { continue }
        var notes: [Diagnostic.Note] = []
        if config.advertised == nil {
          notes.append(.init("advertised.listeners is not set, so Kafka advertises listeners"))
        }
        let what = IPAddress.isLoopback(host) ? "the loopback address" : "the unspecified address"
        diagnostics.append(
          metadata.diagnostic(
            "listener \(endpoint.name) advertises \(what) \(quoted(host)) from "
              + "\(config.describe(source)); clients on any other host connect to themselves",
            at: endpoint.location, notes: notes))
      }
    }
    return diagnostics
  }
}
