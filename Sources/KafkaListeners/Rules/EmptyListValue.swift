/// KL240: Kafka 4.2+ rejects an empty list, or an empty element of a list, in `listeners`,
/// `advertised.listeners`, `controller.listener.names` and `process.roles`.
public struct EmptyListValue: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL240", name: "empty-list-value", severity: .error,
    summary: "A listener list is set to an empty value or has an empty element (Kafka 4.2+).",
    rationale: """
      Kafka 4.2 (KIP-1161) made `listeners`, `advertised.listeners` and \
      `controller.listener.names` LIST settings validated like `process.roles`: a value that is \
      empty once trimmed, and an empty element such as the one after a trailing comma or \
      between two commas, are configuration errors. Up to 4.1 Kafka silently dropped empty \
      elements of `listeners` and `advertised.listeners` and read an empty value as an empty \
      list, so files that started fine may stop a 4.2 broker. Remove the stray comma, and \
      remove a key rather than setting it to nothing.
      """,
    origin: .kafka(message: "Configuration '<name>' values must not be empty."),
    versions: .from(.v(4, 2)),
    triggering: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092,CONTROLLER://:9093↓,\n"),
      RuleExample(
        "server.properties",
        """
        listeners=PLAINTEXT://:9092,SSL://:9093
        advertised.listeners=PLAINTEXT://kafka-0:9092,↓,SSL://kafka-0:9093

        """),
      RuleExample("server.properties", "↓advertised.listeners=\n"),
      RuleExample(
        "server.properties", "↓process.roles= \ncontroller.listener.names=CONTROLLER\n"),
      RuleExample("server.properties", "controller.listener.names=CONTROLLER↓,\n"),
    ],
    passing: [
      RuleExample("server.properties", "listeners=PLAINTEXT://:9092, CONTROLLER://:9093\n"),
      // Up to 4.1 the empty element is dropped.
      RuleExample(
        "server.properties", "# Kafka 4.1\nlisteners=PLAINTEXT://:9092,CONTROLLER://:9093,\n",
        kafkaVersion: .v(4, 1)),
    ])

  private static let keys = [
    "listeners", "advertised.listeners", "controller.listener.names", "process.roles",
  ]

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.version >= .v(4, 2) {
      for key in EmptyListValue.keys {
        guard let entry = config.entry(key) else { continue }
        let elements = ListSplitting.listKeepingEmpty.split(entry)
        if elements.isEmpty {
          let valid = key == "process.roles" ? "[broker, controller]" : "any non-empty value"
          diagnostics.append(
            metadata.diagnostic(
              "\(key) is set to an empty value; remove the line to use the default or give it "
                + "a value; "
                + kafkaFails(
                  config.version,
                  "Configuration '\(key)' must not be empty. Valid values include: \(valid)"),
              at: entry.keyLocation))
          continue
        }
        for location in strayCommas(entry) {
          diagnostics.append(
            metadata.diagnostic(
              "\(key) has an empty element at this comma; "
                + kafkaFails(config.version, "Configuration '\(key)' values must not be empty."),
              at: location))
        }
      }
    }
    return diagnostics
  }

  /// For every empty element, the comma that makes it: the one after it, or for a trailing
  /// empty element the one before. ConfigDef splits on `\s*,\s*` after trimming the value.
  private func strayCommas(_ entry: PropertyEntry) -> [SourceLocation] {
    let units = Array(entry.value.utf16)
    var start = 0
    var end = units.count
    while start < end && units[start] <= 0x20 { start += 1 }
    while end > start && units[end - 1] <= 0x20 { end -= 1 }
    let commas = (start..<end).filter { units[$0] == 0x2C }
    guard !commas.isEmpty else { return [] }
    let bounds = [start - 1] + commas + [end]
    var offsets: [Int] = []
    for index in 0..<(bounds.count - 1) {
      let content = units[(bounds[index] + 1)..<bounds[index + 1]]
      guard content.allSatisfy(javaRegexWhitespace) else { continue }
      let comma = index + 1 < bounds.count - 1 ? bounds[index + 1] : bounds[index]
      if offsets.last != comma { offsets.append(comma) }
    }
    return offsets.map { entry.location(ofValueRange: $0, $0 + 1) }
  }
}
