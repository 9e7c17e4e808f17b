/// KL007: a key set more than once; the last one silently wins.
public struct DuplicateKey: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL007", name: "duplicate-key", severity: .warning,
    summary: "A key is set more than once; Kafka silently uses the last value.",
    rationale: """
      `Properties.load` keeps the last occurrence without a warning, so an edit to the first \
      occurrence has no effect. This usually happens when a generated block is appended to a \
      file that already sets the key. Keep one occurrence.
      """,
    origin: .javaProperties(message: nil),
    triggering: [
      RuleExample(
        "server.properties",
        """
        listeners=PLAINTEXT://:9092
        num.network.threads=3
        ↓listeners=PLAINTEXT://:9092,SSL://:9093

        """)
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        listeners=PLAINTEXT://:9092,SSL://:9093
        advertised.listeners=PLAINTEXT://broker-0:9092,SSL://broker-0:9093

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for file in input.propertiesFiles {
      // Keys are compared by UTF-16 code units, as Java's Hashtable compares them (keys that
      // are only canonically equivalent stay apart); the reader pairs the entries up once.
      for (index, earlierIndex) in file.earlierIndexWithSameKey.enumerated()
      where earlierIndex >= 0 {
        let entry = file.entries[index]
        let earlier = file.entries[earlierIndex]
        let same = earlier.valueUTF16 == entry.valueUTF16 ? " (with the same value)" : ""
        diagnostics.append(
          metadata.diagnostic(
            "\(quoted(entry.key)) is set again\(same); Kafka silently uses the last value "
              + "and ignores line \(earlier.keyLocation.line)",
            at: entry.keyLocation,
            notes: [.init("set before here", at: earlier.keyLocation)]))
      }
    }
    return diagnostics
  }
}
