/// Helpers shared by the rules that mirror Kafka's startup checks.
extension BrokerConfiguration {
  /// The location to report for a key: its entry's key when written, else the start of the
  /// file (the problem is that the key is missing or defaulted).
  func location(ofKey key: String) -> SourceLocation {
    entry(key)?.keyLocation ?? .start(of: file.path)
  }

  /// The location of a key's value when written, else the start of the file.
  func location(ofValue key: String) -> SourceLocation {
    entry(key)?.valueLocation ?? .start(of: file.path)
  }

  /// Where an endpoint list came from, for messages about defaults.
  func describe(_ list: EndpointList) -> String {
    switch list.source {
    case .written(let key): key
    case .defaulted: "listeners (not set; Kafka's default \(list.rawText))"
    }
  }
}

/// Formats Kafka's own message for a diagnostic: `Kafka 3.9 fails with "…"`.
func kafkaFails(_ version: KafkaVersion, _ message: String) -> String {
  "Kafka \(version) fails with \"\(message)\""
}

/// Scala's `Set(…)` rendering, as Kafka's messages show sets of ids.
func scalaSet<T>(_ items: [T]) -> String {
  "Set(" + items.map { "\($0)" }.joined(separator: ", ") + ")"
}

extension KafkaVersion {
  /// Shorthand for version ranges in rule metadata.
  static func v(_ major: Int, _ minor: Int, _ patch: Int = 0) -> KafkaVersion {
    KafkaVersion(major, minor, patch)
  }

  /// Every supported version from `lower`.
  static func from(_ lower: KafkaVersion) -> ClosedRange<KafkaVersion> {
    lower...KafkaVersion.supportedRange.upperBound
  }

  /// Every supported version up to and including `upper` (its patch releases included).
  static func through(_ upper: KafkaVersion) -> ClosedRange<KafkaVersion> {
    KafkaVersion.supportedRange.lowerBound...KafkaVersion(upper.major, upper.minor, 99)
  }
}

extension ClosedRange where Bound == KafkaVersion {
  /// Every supported version from `lower`, for `versions: .from(.v(3, 6))` in rule metadata.
  static func from(_ lower: KafkaVersion) -> ClosedRange<KafkaVersion> { KafkaVersion.from(lower) }

  /// Every supported version up to `upper` and its patch releases.
  static func through(_ upper: KafkaVersion) -> ClosedRange<KafkaVersion> {
    KafkaVersion.through(upper)
  }

  /// `lower` through `upper` and its patch releases.
  static func between(_ lower: KafkaVersion, _ upper: KafkaVersion) -> ClosedRange<KafkaVersion> {
    lower...KafkaVersion(upper.major, upper.minor, 99)
  }
}
