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
        let lower = key.lowercased()
        let candidates = MisspelledConfigKey.knownKeys.compactMap { candidate -> (String, Int)? in
          if lower == candidate { return (candidate, 0) }
          let limit = candidate.count >= 12 ? 2 : 1
          let distance = editDistance(lower, candidate, limit: limit)
          return distance <= limit ? (candidate, distance) : nil
        }
        guard let best = candidates.min(by: { $0.1 < $1.1 }) else { continue }
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

  /// Optimal string alignment distance, stopping early once it exceeds `limit`.
  private func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    if abs(x.count - y.count) > limit { return limit + 1 }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...max(1, x.count) where !x.isEmpty {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...max(1, y.count) where !y.isEmpty {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      previous2 = previous
      previous = current
    }
    return x.isEmpty ? y.count : previous[y.count]
  }
}
