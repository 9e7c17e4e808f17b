/// A `server.properties` (or broker/controller properties) file as Kafka of one version reads
/// it: every listener-related setting parsed, located, and with Kafka's defaults applied where
/// the file relies on them.
///
/// Building it never fails; what Kafka would reject is left for the rules to report, with the
/// pieces they need (malformed list elements, parse errors) kept here.
public struct BrokerConfiguration: Sendable {
  /// Where a value came from.
  public enum Source: Sendable, Hashable {
    /// Written in the file under this key.
    case written(String)
    /// Not written; Kafka's default (or a fallback from another key) applies.
    case defaulted
  }

  /// A parsed endpoint list (`listeners` or `advertised.listeners`).
  public struct EndpointList: Sendable {
    /// Where the list came from.
    public var source: Source
    /// The entry it was read from, when written.
    public var entry: PropertyEntry?
    /// The elements as Kafka splits them for this version.
    public var elements: [ListElement]
    /// The well-formed endpoints, in order, after 4.2's removal of exact duplicates.
    public var endpoints: [Endpoint]
    /// Elements that do not parse as endpoints.
    public var malformed: [ListElement]
    /// Exact duplicate strings Kafka 4.2+ removes with a warning.
    public var droppedDuplicates: [ListElement]
    /// The raw text Kafka quotes in its messages.
    public var rawText: String

    /// `rawText` as messages show it: cut after 200 characters. Kafka quotes the whole value,
    /// and a rule that reports each of thousands of listeners would otherwise repeat it in
    /// every message (quadratic time and output).
    public var shownText: String {
      rawText.utf8.count <= 200 ? rawText : rawText.prefix(200) + "…"
    }
  }

  /// A parsed `listener.security.protocol.map`.
  public struct SecurityMap: Sendable {
    /// A `NAME:PROTOCOL` element.
    public struct Mapping: Sendable, Hashable {
      /// The upper-cased listener name.
      public var name: String
      /// The protocol as written (trimmed).
      public var protocolText: String
      /// The protocol, when it is one Kafka knows (case-insensitive).
      public var securityProtocol: String?
      /// Where the element is.
      public var location: SourceLocation
    }

    /// The entry it was read from, when written.
    public var entry: PropertyEntry?
    /// Written mappings in order (a later duplicate wins in `effective`).
    public var mappings: [Mapping]
    /// Elements Kafka cannot split into name and protocol, with the JDK's error detail.
    public var malformed: [(element: ListElement, detail: String)]
    /// Controller names mapped to PLAINTEXT implicitly (KRaft, no explicit map).
    public var implicitControllerMappings: [String]
    /// The map Kafka uses: listener name (upper-cased) to protocol.
    public var effective: [String: String]
  }

  /// The security protocols Kafka knows.
  public static let securityProtocols = ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]

  /// The file.
  public let file: PropertiesFile
  /// The Kafka version the file is judged for.
  public let version: KafkaVersion

  /// `process.roles` elements as written.
  public let roleElements: [ListElement]
  /// Whether the node has the broker role (ZooKeeper-mode nodes always do).
  public let isBroker: Bool
  /// Whether the node has the controller role.
  public let isController: Bool
  /// Whether `process.roles` is set to something, which selects KRaft mode.
  public let isKRaft: Bool

  /// `listeners`, written or default.
  public let listeners: EndpointList
  /// `advertised.listeners` when written (or, before 3.0, built from `advertised.host.name`).
  public let advertised: EndpointList?
  /// The security protocol map.
  public let securityMap: SecurityMap
  /// `controller.listener.names` elements, exactly as Kafka of this version splits them (not
  /// upper-cased: Kafka compares them to upper-cased listener names as they are).
  public let controllerNames: [ListElement]
  /// The inter-broker listener name (upper-cased) and where it was set.
  public let interBrokerListener: (name: String, location: SourceLocation?, key: String?)

  /// The entry Kafka uses for `key` (the last one in the file).
  public func entry(_ key: String) -> PropertyEntry? { file.entry(key) }

  /// Whether the user wrote `key` (Kafka's "originals").
  public func isSet(_ key: String) -> Bool { file.entry(key) != nil }

  /// Keys whose presence marks a properties file as a broker or controller configuration.
  static let brokerKeys: Set<String> = [
    "listeners", "advertised.listeners", "listener.security.protocol.map",
    "inter.broker.listener.name", "security.inter.broker.protocol", "controller.listener.names",
    "control.plane.listener.name", "process.roles", "node.id", "broker.id",
    "controller.quorum.voters", "controller.quorum.bootstrap.servers", "zookeeper.connect",
    "log.dirs", "log.dir", "advertised.host.name", "advertised.port",
  ]

  /// Whether a properties file configures a broker or controller (and not a client, Connect
  /// worker or logger), so that broker rules apply to it.
  public static func isBrokerConfiguration(_ file: PropertiesFile) -> Bool {
    file.entries.contains { brokerKeys.contains($0.key) }
  }

  /// Reads the listener settings of `file` as Kafka `version` does.
  public init(file: PropertiesFile, version: KafkaVersion) {
    self.file = file
    self.version = version
    let start = SourceLocation.start(of: file.path)

    // process.roles: LIST; an empty value is an empty list, which means ZooKeeper mode in 3.x.
    let roles = file.entry("process.roles").map { ListSplitting.listKeepingEmpty.split($0) } ?? []
    roleElements = roles
    isKRaft = !roles.isEmpty
    isController = roles.contains { $0.text == "controller" }
    isBroker = !isKRaft || roles.contains { $0.text == "broker" }

    let listSplitting: ListSplitting =
      version >= KafkaVersion(4, 2) ? .listKeepingEmpty : .csvDroppingEmpty
    let namesSplitting: ListSplitting =
      version >= KafkaVersion(4, 2)
      ? .listKeepingEmpty : version >= KafkaVersion(4, 1) ? .commaTrimmingParts
      : .commaWithoutTrimming
    controllerNames = file.entry("controller.listener.names").map { namesSplitting.split($0) } ?? []

    // listeners: before 3.0 an unset value falls back to host.name and port.
    if let entry = file.entry("listeners") {
      listeners = BrokerConfiguration.endpoints(
        entry.value, source: .written("listeners"), entry: entry,
        elements: listSplitting.split(entry), version: version)
    } else {
      var value = "PLAINTEXT://:9092"
      if version < KafkaVersion(3, 0) {
        value = "PLAINTEXT://\(file["host.name"] ?? ""):\(file["port"] ?? "9092")"
      }
      listeners = BrokerConfiguration.endpoints(
        value, source: .defaulted, entry: nil,
        elements: listSplitting.split(value, at: start), version: version)
    }

    if let entry = file.entry("advertised.listeners") {
      advertised = BrokerConfiguration.endpoints(
        entry.value, source: .written("advertised.listeners"), entry: entry,
        elements: listSplitting.split(entry), version: version)
    } else if version < KafkaVersion(3, 0),
      let legacy = file.entry("advertised.host.name") ?? file.entry("advertised.port")
    {
      let host = file["advertised.host.name"] ?? file["host.name"] ?? ""
      let port = file["advertised.port"] ?? file["port"] ?? "9092"
      let value = "PLAINTEXT://\(host):\(port)"
      advertised = BrokerConfiguration.endpoints(
        value, source: .written(legacy.key), entry: legacy,
        elements: listSplitting.split(value, at: legacy.keyLocation), version: version)
    } else {
      advertised = nil
    }

    securityMap = BrokerConfiguration.securityMap(
      file: file, version: version, isKRaft: !roles.isEmpty, controllerNames: controllerNames,
      listeners: listeners)

    if let entry = file.entry("inter.broker.listener.name") {
      interBrokerListener = (
        entry.value.trimmingJava().uppercased(), entry.valueLocation, "inter.broker.listener.name"
      )
    } else if let entry = file.entry("security.inter.broker.protocol") {
      interBrokerListener = (
        entry.value.trimmingJava().uppercased(), entry.valueLocation,
        "security.inter.broker.protocol"
      )
    } else {
      interBrokerListener = ("PLAINTEXT", nil, nil)
    }
  }

  /// The names of the controller listeners, as Kafka compares them.
  public var controllerNameSet: Set<String> { Set(controllerNames.map(\.text)) }

  /// The advertised endpoints clients get from this node's broker side: the advertised list
  /// (or `listeners` when it is unset) without the controller listeners.
  public var advertisedBrokerEndpoints: [Endpoint] {
    let controllers = controllerNameSet
    if version < KafkaVersion(3, 9), let advertised { return advertised.endpoints }
    return (advertised ?? listeners).endpoints.filter { !controllers.contains($0.name) }
  }

  /// The list the broker-side advertised endpoints come from.
  public var advertisedSource: EndpointList { advertised ?? listeners }

  /// For 3.9+: each controller listener's advertised endpoint, from `advertised.listeners`
  /// when it names the listener, else from `listeners`; `derived` says which.
  public var advertisedControllerEndpoints: [(endpoint: Endpoint, derived: Bool)] {
    controllerNames.compactMap { name in
      if let written = advertised?.endpoints.first(where: { $0.name == name.text }) {
        return (written, false)
      }
      return listeners.endpoints.first { $0.name == name.text }.map { ($0, true) }
    }
  }

  /// Parsed `node.id`, or `broker.id` when only that is set (Kafka copies one to the other).
  public var nodeId: (value: Int?, entry: PropertyEntry)? {
    guard let entry = file.entry("node.id") ?? file.entry("broker.id") else { return nil }
    return (Int32(entry.value.trimmingJava(), radix: 10).map(Int.init), entry)
  }

  private static func endpoints(
    _ raw: String, source: Source, entry: PropertyEntry?, elements: [ListElement],
    version: KafkaVersion
  ) -> EndpointList {
    var endpoints: [Endpoint] = []
    var malformed: [ListElement] = []
    var dropped: [ListElement] = []
    var seen = Set<String>()
    for element in elements where !element.text.isEmpty {
      if version >= KafkaVersion(4, 2) {
        guard seen.insert(element.text).inserted else {
          dropped.append(element)
          continue
        }
      }
      switch Endpoint.parse(element) {
      case .endpoint(let endpoint): endpoints.append(endpoint)
      case .malformed(let element): malformed.append(element)
      }
    }
    // 4.2 quotes the list after removing exact repetitions.
    var kept = Set<String>()
    let rawText =
      version >= KafkaVersion(4, 2)
      ? "[" + elements.filter { kept.insert($0.text).inserted }.map(\.text).joined(separator: ", ")
        + "]"
      : raw.trimmingJava()
    return EndpointList(
      source: source, entry: entry, elements: elements, endpoints: endpoints,
      malformed: malformed, droppedDuplicates: dropped, rawText: rawText)
  }

  private static func securityMap(
    file: PropertiesFile, version: KafkaVersion, isKRaft: Bool, controllerNames: [ListElement],
    listeners: EndpointList
  ) -> SecurityMap {
    var map = SecurityMap(
      entry: nil, mappings: [], malformed: [], implicitControllerMappings: [], effective: [:])
    guard let entry = file.entry("listener.security.protocol.map") else {
      for name in securityProtocols { map.effective[name] = name }
      // KRaft maps controller listeners to PLAINTEXT when nothing says otherwise
      // (KafkaConfig.effectiveListenerSecurityProtocolMap): unless a controller name, or the
      // upper-cased name of a `listeners` entry, is exactly SSL, SASL_SSL or SASL_PLAINTEXT.
      // The names are keyed as written: `new ListenerName(name)` does not upper-case.
      let secure: Set<String> = ["SSL", "SASL_SSL", "SASL_PLAINTEXT"]
      let listenerNames = listeners.endpoints.map(\.name)
      if isKRaft && version >= KafkaVersion(3, 0)
        && !controllerNames.contains(where: { secure.contains($0.text) })
        && !listenerNames.contains(where: { secure.contains($0) })
      {
        for name in controllerNames where !name.text.isEmpty && name.text != "PLAINTEXT" {
          map.implicitControllerMappings.append(name.text)
          map.effective[name.text] = "PLAINTEXT"
        }
      }
      return map
    }
    map.entry = entry
    // Csv.parseCsvMap: split on \s*,\s* (trailing empty strings dropped), then at the last ':'.
    var elements = ListSplitting.listKeepingEmpty.split(entry)
    while let last = elements.last, last.text.isEmpty { elements.removeLast() }
    for element in elements {
      let units = Array(element.text.utf16)
      guard let colon = units.lastIndex(of: 0x3A) else {
        map.malformed.append(
          (element, "begin 0, end -1, length \(units.count)"))
        continue
      }
      let name = String(decoding: units[..<colon], as: UTF16.self).trimmingJava().uppercased()
      let protocolText = String(decoding: units[(colon + 1)...], as: UTF16.self).trimmingJava()
      let upper = protocolText.uppercased()
      let known = securityProtocols.contains(upper) ? upper : nil
      map.mappings.append(
        .init(
          name: name, protocolText: protocolText, securityProtocol: known,
          location: element.location))
      if let known { map.effective[name] = known }
    }
    return map
  }
}

extension String {
  /// Java's `String.trim()`: removes every character up to U+0020 at both ends.
  func trimmingJava() -> String {
    let units = Array(utf16)
    var start = 0
    var end = units.count
    while start < end && units[start] <= 0x20 { start += 1 }
    while end > start && units[end - 1] <= 0x20 { end -= 1 }
    return String(decoding: units[start..<end], as: UTF16.self)
  }
}
