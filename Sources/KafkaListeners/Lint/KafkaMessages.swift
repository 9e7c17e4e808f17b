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

extension BrokerConfiguration {
  /// Whether a listener name set by a single-name key (`inter.broker.listener.name`,
  /// `control.plane.listener.name`) fails Kafka's protocol lookup for a reason no other rule
  /// reports first: the map parses (else KL207), has no entry for the name (an entry with an
  /// unknown protocol is KL208's), and no endpoint uses the name (parsing `listeners` would
  /// fail first, KL206).
  func lacksProtocolOnly(_ name: String) -> Bool {
    let map = securityMap
    guard map.malformed.isEmpty, map.effective[name] == nil else { return false }
    if map.mappings.contains(where: { $0.name == name }) { return false }
    return ![listeners, advertised].compactMap { $0 }.contains { list in
      list.endpoints.contains { $0.name == name }
    }
  }

  /// Why the protocol map has no entry for a name, for messages.
  var missingMappingReason: String {
    securityMap.entry == nil
      ? "listener.security.protocol.map is not set, and its default maps only PLAINTEXT, "
        + "SSL, SASL_PLAINTEXT and SASL_SSL"
      : "listener.security.protocol.map has no entry for it"
  }

  /// A note pointing at the written protocol map, when there is one.
  var securityMapNotes: [Diagnostic.Note] {
    securityMap.entry.map {
      [.init("listener.security.protocol.map is set here", at: $0.keyLocation)]
    } ?? []
  }
}
