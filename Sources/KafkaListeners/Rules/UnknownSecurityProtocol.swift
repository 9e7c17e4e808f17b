/// KL208: a `listener.security.protocol.map` entry whose protocol is not one Kafka knows.
public struct UnknownSecurityProtocol: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL208", name: "unknown-security-protocol", severity: .error,
    summary: "A `listener.security.protocol.map` entry names an unknown security protocol.",
    rationale: """
      The value after the last `:` of each entry must be one of Kafka's four security \
      protocols: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (in any case). Anything else, \
      such as `TLS`, `SCRAM`, `SASL` or an empty value, stops the broker. Authentication \
      mechanisms (SCRAM-SHA-512, PLAIN, OAUTHBEARER) are not protocols: choose SASL_SSL or \
      SASL_PLAINTEXT here and list the mechanisms in `sasl.enabled.mechanisms`. When a name \
      appears twice, only the last entry counts, so a bad protocol overridden later is ignored.
      """,
    origin: .kafka(
      message: "Invalid security protocol `<protocol>` defined in listener.security.protocol.map"),
    triggering: [
      RuleExample(
        "server.properties",
        "listener.security.protocol.map=INTERNAL:PLAINTEXT,↓EXTERNAL:TLS\n"),
      RuleExample(
        "server.properties",
        "listener.security.protocol.map=↓CLIENT:SCRAM-SHA-512,BROKER:SSL\n"),
      RuleExample("server.properties", "listener.security.protocol.map=↓EXTERNAL:\n"),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "listener.security.protocol.map=INTERNAL:plaintext,EXTERNAL:Sasl_Ssl\n"),
      // The last entry for a name wins; the earlier one is never read.
      RuleExample(
        "server.properties",
        "listener.security.protocol.map=EXTERNAL:TLS,EXTERNAL:SSL\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      guard let entry = config.securityMap.entry else { continue }
      for element in winningElements(entry) {
        let units = Array(element.text.utf16)
        guard let colon = units.lastIndex(of: 0x3A) else { continue }
        let name = String(decoding: units[..<colon], as: UTF16.self).trimmingJava()
        let value = String(decoding: units[(colon + 1)...], as: UTF16.self).trimmingJava()
        guard !BrokerConfiguration.securityProtocols.contains(value.uppercased()) else {
          continue
        }
        diagnostics.append(
          metadata.diagnostic(
            "\(quoted(value)) in \(quoted(element.text)) is not a security protocol (PLAINTEXT, "
              + "SSL, SASL_PLAINTEXT or SASL_SSL) for listener \(quoted(name.uppercased())); "
              + kafkaFails(
                config.version,
                "Invalid security protocol `\(value)` defined in listener.security.protocol.map"),
            at: element.location))
      }
    }
    return diagnostics
  }

  /// The elements `Csv.parseCsvMap` keeps: it splits as the model does and puts each entry in a
  /// hash map keyed by the name as written (trimmed, case kept), so a later entry for the same
  /// name replaces an earlier one before any protocol is looked at.
  private func winningElements(_ entry: PropertyEntry) -> [ListElement] {
    var elements = ListSplitting.listKeepingEmpty.split(entry)
    while let last = elements.last, last.text.isEmpty { elements.removeLast() }
    var lastIndex: [String: Int] = [:]
    for (index, element) in elements.enumerated() {
      let units = Array(element.text.utf16)
      guard let colon = units.lastIndex(of: 0x3A) else { continue }
      lastIndex[String(decoding: units[..<colon], as: UTF16.self).trimmingJava()] = index
    }
    return elements.enumerated().compactMap { index, element in
      let units = Array(element.text.utf16)
      guard let colon = units.lastIndex(of: 0x3A) else { return nil }
      let name = String(decoding: units[..<colon], as: UTF16.self).trimmingJava()
      return lastIndex[name] == index ? element : nil
    }
  }
}
