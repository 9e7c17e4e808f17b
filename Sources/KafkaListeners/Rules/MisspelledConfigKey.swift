/// KL246: a key that is almost a listener setting, which Kafka silently ignores.
public struct MisspelledConfigKey: Rule {
  /// Creates the rule.
  public init() {}

  /// The settings this tool knows Kafka reads for listeners and KRaft roles.
  static let knownKeys: [String] = [
    "listeners", "advertised.listeners", "listener.security.protocol.map",
    "inter.broker.listener.name", "security.inter.broker.protocol", "controller.listener.names",
    "control.plane.listener.name", "process.roles", "node.id", "broker.id",
    "controller.quorum.voters", "controller.quorum.bootstrap.servers", "early.start.listeners",
    "sasl.enabled.mechanisms", "sasl.mechanism.inter.broker.protocol", "zookeeper.connect",
    "log.dirs", "config.providers",
  ]

  /// Real Kafka keys that are close to a known key but are not mistakes.
  static let vocabulary = Suggestions.Vocabulary(knownKeys)

  static let otherRealKeys: Set<String> = ["log.dir", "broker.rack", "node.id.generation.enable"]

  public let metadata = RuleMetadata(
    code: "KL246", name: "misspelled-config-key", severity: .warning,
    summary: "A key differs from a listener setting by a typo or by letter case.",
    rationale: """
      Kafka ignores keys it does not know, without a log line, and keys are case-sensitive. \
      `advertised.listener=…` or `Listeners=…` therefore has no effect, and the broker runs \
      with the default the author meant to override. Fix the key's spelling.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\n↓advertised.listener=PLAINTEXT://kafka-0.example.com:9092\n"),
      RuleExample("server.properties", "↓Process.Roles=broker\nnode.id=3\n"),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\nlog.dir=/var/lib/kafka\nbroker.rack=eu-west-1a\n")
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let known = Set(MisspelledConfigKey.knownKeys)
    for config in input.brokerConfigurations {
      for entry in config.file.entries {
        let key = entry.key
        if known.contains(key) || MisspelledConfigKey.otherRealKeys.contains(key)
          || key.hasPrefix("listener.name.") || key.count < 6
        {
          continue
        }
        guard let best = Suggestions.closest(to: key, in: MisspelledConfigKey.vocabulary).map({
          ($0.match, $0.distance)
        }) else { continue }
        let why = best.1 == 0 ? "keys are case-sensitive" : "a typo"
        diagnostics.append(
          metadata.diagnostic(
            "\(quoted(key)) is not a Kafka setting (\(why)), so Kafka ignores it; did you mean "
              + "\(best.0)?",
            at: entry.keyLocation))
      }
    }
    return diagnostics
  }
}
