/// KL303: a `${provider:key}` placeholder with no configured provider.
public struct UnresolvedConfigPlaceholder: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL303", name: "unresolved-config-placeholder", severity: .warning,
    summary: "A `${provider:…}` placeholder names a config provider that is not configured.",
    rationale: """
      Kafka replaces `${provider:[path:]key}` only when the same file declares \
      `config.providers=<provider>` and `config.providers.<provider>.class`. Otherwise the \
      placeholder stays as literal text: in `listeners` or `advertised.listeners` the broker \
      then fails with "Unable to parse … to a broker endpoint", elsewhere the literal text is \
      used as the value. Declare the provider (for environment variables: \
      `config.providers=env` and \
      `config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider`, \
      Kafka 3.5+) or substitute the value before Kafka starts.
      """,
    triggering: [
      RuleExample(
        "server.properties", "advertised.listeners=PLAINTEXT://↓${env:KAFKA_HOST}:9092\n")
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        config.providers=env
        config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
        advertised.listeners=PLAINTEXT://${env:KAFKA_HOST}:9092

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let declared = Set(
        (config.file["config.providers"] ?? "").split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces)
        })
      // The entries Kafka keeps: the last of each key.
      for entry in config.file.effectiveEntries {
        for (offset, provider) in placeholders(in: entry.value) {
          let configured = declared.contains(provider) && config.isSet("config.providers.\(provider).class")
          if configured { continue }
          let missing =
            declared.contains(provider)
            ? "config.providers.\(provider).class is not set"
            : "config provider \(quoted(provider)) is not declared in config.providers"
          diagnostics.append(
            metadata.diagnostic(
              "\(missing), so Kafka keeps this placeholder in \(entry.key) as literal text",
              at: entry.location(ofValueOffset: offset)))
        }
      }
    }
    return diagnostics
  }

  /// Kafka's pattern `\$\{([^}]*?):(([^}]*?):)?([^}]*?)\}`: the UTF-16 offset of each `${` and
  /// the provider name before the first `:`.
  private func placeholders(in value: String) -> [(Int, String)] {
    // Most values have no `$` at all: looking for one costs no allocation.
    guard value.utf8.contains(0x24) else { return [] }
    let units = Array(value.utf16)
    var result: [(Int, String)] = []
    var index = 0
    while index + 1 < units.count {
      guard units[index] == 0x24, units[index + 1] == 0x7B,
        let close = units[(index + 2)...].firstIndex(of: 0x7D)
      else {
        index += 1
        continue
      }
      let body = units[(index + 2)..<close]
      if let colon = body.firstIndex(of: 0x3A) {
        result.append((index, String(decoding: body[..<colon], as: UTF16.self)))
      }
      index = close + 1
    }
    return result
  }
}
