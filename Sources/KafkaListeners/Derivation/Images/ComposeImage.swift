/// The image families whose entrypoints are emulated.
public enum ImageFlavour: String, Sendable, Hashable, CaseIterable {
  /// `apache/kafka`, `apache/kafka-native`.
  case apache
  /// `confluentinc/cp-kafka`, `cp-server`, `cp-enterprise-kafka`.
  case confluent
  /// `confluentinc/confluent-local`.
  case confluentLocal = "confluent-local"
  /// `bitnami/kafka`, `bitnamilegacy/kafka`, `bitnamisecure/kafka`.
  case bitnami
  /// `wurstmeister/kafka`.
  case wurstmeister
  /// `redpandadata/redpanda`, `vectorized/redpanda`.
  case redpanda
}

/// One property of the configuration a container runs with, and where it came from.
public struct EmulatedSetting: Sendable {
  /// The property key.
  public var key: String
  /// The value the image writes.
  public var value: String
  /// The variable (or flag) that produced the key.
  public var keyLocation: SourceLocation
  /// The compose value that produced the value.
  public var valueLocation: SourceLocation
  /// The variable name, `image default`, or `derived by the image from X`.
  public var provenance: String
  /// Whether the value is not written verbatim in the compose project.
  public var isDerived: Bool
  /// Variables the value depends on that have no value.
  public var unresolved: [String]
}

/// One listener of a compose Kafka service, bind and advertised side together.
public struct ComposeListener: Sendable {
  /// The listener name (upper-cased for Kafka, as written for Redpanda).
  public var name: String
  /// The bind host; empty or `nil` binds every interface.
  public var bindHost: String?
  /// The bind port.
  public var bindPort: Int?
  /// Where the bind endpoint is written.
  public var bindLocation: SourceLocation
  /// The advertised host; `nil` or empty: the container's hostname.
  public var advertisedHost: String?
  /// The advertised port.
  public var advertisedPort: Int?
  /// Where the advertised endpoint is written.
  public var advertisedLocation: SourceLocation
  /// Variables the advertised value depends on that have no value.
  public var unresolved: [String]
  /// Whether it is a KRaft controller listener.
  public var isController: Bool
  /// Whether the listener is advertised to clients at all.
  public var isAdvertised: Bool

  /// `host:port` as advertised.
  public var advertisedAddress: String {
    "\(advertisedHost ?? ""):\(advertisedPort.map(String.init) ?? "?")"
  }
}

/// A Kafka (or Redpanda) service of a compose project with the configuration its image builds.
public struct ComposeBroker: Sendable {
  /// The service.
  public var service: ComposeService
  /// The image family.
  public var flavour: ImageFlavour
  /// The Kafka version the image runs (for Redpanda: the newest, unused).
  public var kafkaVersion: KafkaVersion
  /// The effective properties in the order the image writes them.
  public var settings: [EmulatedSetting]
  /// The properties as Kafka reads them (`nil` for Redpanda), located at compose values.
  public var configuration: BrokerConfiguration?
  /// Listeners for reachability.
  public var listeners: [ComposeListener]
  /// The cluster id the node formats its storage with, when known, and where it is set.
  public var clusterId: (value: String, location: SourceLocation)?
  /// Image findings, each tagged with the rule that reports it.
  public var issues: [ComposeFinding]

  /// The service name.
  public var name: String { service.name.value }
  /// `process.roles` as written, split.
  public var roles: [String] {
    (settings.last { $0.key == "process.roles" }?.value ?? "").split(separator: ",").map {
      $0.composeTrimmed()
    }
  }
  /// Whether the node has the controller role.
  public var isController: Bool { roles.contains("controller") }
  /// `node.id` (or `broker.id`).
  public var nodeId: Int? {
    (settings.last { $0.key == "node.id" } ?? settings.last { $0.key == "broker.id" })
      .flatMap { Int($0.value.composeTrimmed()) }
  }
  /// A property value.
  public func value(_ key: String) -> String? { settings.last { $0.key == key }?.value }
  /// A property setting.
  public func setting(_ key: String) -> EmulatedSetting? { settings.last { $0.key == key } }
}

/// Recognises images and runs the matching emulation.
enum ComposeImages {
  /// The repository path (registry and `library/` dropped) and tag of an image reference.
  static func parse(_ image: String) -> (repository: String, tag: String?) {
    var reference = image
    if let at = reference.firstIndex(of: "@") { reference = String(reference[..<at]) }
    var tag: String?
    if let colon = reference.lastIndex(of: ":"),
      !reference[reference.index(after: colon)...].contains("/")
    {
      tag = String(reference[reference.index(after: colon)...])
      reference = String(reference[..<colon])
    }
    var parts = reference.lowercased().split(separator: "/").map(String.init)
    if parts.count > 1, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost"
    {
      parts.removeFirst()
    }
    if parts.first == "library" { parts.removeFirst() }
    return (parts.joined(separator: "/"), tag)
  }

  /// The flavour of a repository path.
  static func flavour(ofRepository repository: String) -> ImageFlavour? {
    switch repository {
    case "apache/kafka", "apache/kafka-native": .apache
    case "confluentinc/cp-kafka", "confluentinc/cp-server", "confluentinc/cp-enterprise-kafka":
      .confluent
    case "confluentinc/confluent-local": .confluentLocal
    case "bitnami/kafka", "bitnamilegacy/kafka", "bitnamisecure/kafka": .bitnami
    case "wurstmeister/kafka": .wurstmeister
    case "redpandadata/redpanda", "vectorized/redpanda": .redpanda
    default: nil
    }
  }

  /// Leading `major.minor[.patch]` of a tag.
  static func leadingVersion(_ tag: String) -> (Int, Int, Int)? {
    let numeric = tag.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    let parts = numeric.split(separator: ".").compactMap { Int($0) }
    guard parts.count >= 2 else { return nil }
    return (parts[0], parts[1], parts.count > 2 ? parts[2] : 0)
  }

  /// The Kafka version an image tag runs; `nil` when the tag does not say.
  static func kafkaVersion(_ flavour: ImageFlavour, tag: String?) -> KafkaVersion? {
    guard let tag else { return nil }
    switch flavour {
    case .apache, .bitnami:
      guard let (major, minor, patch) = leadingVersion(tag) else { return nil }
      return clamp(KafkaVersion(major, minor, patch))
    case .confluent, .confluentLocal:
      guard let (major, minor, _) = leadingVersion(tag) else { return nil }
      switch major {
      case 8...: return clamp(KafkaVersion(4, minor))
      case 7: return clamp(KafkaVersion(3, minor))
      default: return KafkaVersion.supportedRange.lowerBound
      }
    case .wurstmeister:
      guard let dash = tag.firstIndex(of: "-"),
        let (major, minor, patch) = leadingVersion(String(tag[tag.index(after: dash)...]))
      else { return nil }
      return clamp(KafkaVersion(major, minor, patch))
    case .redpanda:
      return nil
    }
  }

  static func clamp(_ version: KafkaVersion) -> KafkaVersion {
    min(
      max(version, KafkaVersion.supportedRange.lowerBound), KafkaVersion.supportedRange.upperBound)
  }

  /// The flavour a service runs, or `nil` when it is not a Kafka broker. Unknown images that
  /// carry broker variables are reported once (KL601) and assumed from the variable dialect.
  static func recognise(_ service: ComposeService) -> (ImageFlavour, String?, [ComposeFinding])? {
    if let declared = service.declaredFlavour {
      if declared.value == "none" { return nil }
      if let flavour = ImageFlavour(rawValue: declared.value) {
        return (flavour, service.image.flatMap { parse($0.text).tag }, [])
      }
    }
    if let image = service.image, let flavour = flavour(ofRepository: parse(image.text).repository)
    {
      return (flavour, parse(image.text).tag, [])
    }
    let hint: ImageFlavour?
    if service.environment["KAFKA_CFG_ADVERTISED_LISTENERS"] != nil {
      hint = .bitnami
    } else if service.environment["KAFKA_ADVERTISED_LISTENERS"] != nil {
      hint = .apache
    } else if service.command.contains(where: { $0.text.hasPrefix("--advertise-kafka-addr") }) {
      hint = .redpanda
    } else {
      hint = nil
    }
    guard let hint else { return nil }
    let what = service.image.map { "image \(quoted($0.text))" } ?? "a custom build"
    let issue = ComposeFinding(
      code: "KL601",
      message: "service \(service.name.value) runs \(what), which is not a recognised Kafka image; "
        + "assuming \(hint.rawValue) from its variables",
      location: service.image?.location ?? service.location,
      notes: [
        .init(
          "say which image family it is with `x-kafka-listeners: {image: \(hint.rawValue), "
            + "kafka-version: \"3.9\"}` on the service, or `image: none` if it is not a broker")
      ])
    return (hint, nil, [issue])
  }

  /// Emulates every Kafka service of a project.
  static func brokers(of project: ComposeProject, sources: [String: [UInt8]]) -> [ComposeBroker] {
    var brokers: [ComposeBroker] = []
    var indexes: [String: LineIndex] = [:]
    for service in project.services {
      guard let (flavour, tag, recognitionIssues) = recognise(service) else { continue }
      var issues = recognitionIssues
      var version = kafkaVersion(flavour, tag: tag)
      if let declared = service.declaredKafkaVersion {
        if let parsed = KafkaVersion(declared.value) { version = parsed }
      }
      let resolved = version ?? KafkaVersion.newest
      if version == nil, flavour != .redpanda, recognitionIssues.isEmpty {
        issues.append(
          ComposeFinding(
            code: "KL609",
            message: "image tag \(quoted(tag ?? "latest")) does not name a Kafka version; "
              + "judging service \(service.name.value) as Kafka \(resolved)",
            location: service.image?.location ?? service.location,
            notes: [.init("pin a version tag so that upgrades are deliberate")]))
      }
      var context = ImageContext(service: service, version: resolved, tag: tag)
      switch flavour {
      case .apache: ApacheImage.emulate(&context)
      case .confluent, .confluentLocal:
        ConfluentImage.emulate(&context, local: flavour == .confluentLocal)
      case .bitnami: BitnamiImage.emulate(&context, project: project)
      case .wurstmeister: WurstmeisterImage.emulate(&context)
      case .redpanda: RedpandaImage.emulate(&context)
      }
      let configuration =
        flavour == .redpanda
        ? nil
        : BrokerConfiguration(
          file: SyntheticProperties.file(
            context.settings, path: service.location.file, sources: sources, indexes: &indexes),
          version: resolved)
      var broker = ComposeBroker(
        service: service, flavour: flavour, kafkaVersion: resolved, settings: context.settings,
        configuration: configuration, listeners: context.listeners, clusterId: context.clusterId,
        issues: issues + context.issues)
      if let configuration {
        broker.listeners = listeners(configuration, settings: context.settings)
      }
      brokers.append(broker)
    }
    return brokers
  }

  /// The listeners of a Kafka configuration, bind and advertised side paired by name.
  static func listeners(_ config: BrokerConfiguration, settings: [EmulatedSetting])
    -> [ComposeListener]
  {
    let controllers = config.controllerNameSet
    let advertisedSetting = settings.last { $0.key == "advertised.listeners" }
    let listenerSetting = settings.last { $0.key == "listeners" }
    return config.listeners.endpoints.map { endpoint in
      let advertisedList = config.advertised?.endpoints
      let advertised =
        advertisedList.map { list in list.first { $0.name == endpoint.name } }
        ?? endpoint
      return ComposeListener(
        name: endpoint.name, bindHost: endpoint.host, bindPort: endpoint.port,
        bindLocation: endpoint.location, advertisedHost: advertised?.host,
        advertisedPort: advertised?.port,
        advertisedLocation: advertised?.location ?? endpoint.location,
        unresolved: (advertisedList == nil ? listenerSetting : advertisedSetting)?.unresolved ?? [],
        isController: controllers.contains(endpoint.name),
        isAdvertised: advertised != nil)
    }
  }
}

/// The state an image emulation builds: the environment it reads and the settings it writes.
struct ImageContext {
  let service: ComposeService
  let version: KafkaVersion
  let tag: String?
  var settings: [EmulatedSetting] = []
  var listeners: [ComposeListener] = []
  var clusterId: (value: String, location: SourceLocation)?
  var issues: [ComposeFinding] = []

  init(service: ComposeService, version: KafkaVersion, tag: String?) {
    self.service = service
    self.version = version
    self.tag = tag
  }

  /// Where findings about the whole service point: its image, else its name.
  var anchor: SourceLocation { service.image?.location ?? service.location }

  /// Variables with a value, sorted by name for deterministic output.
  var variables: [ComposeVariable] {
    service.environment.values.filter { $0.value != nil }.sorted { $0.name < $1.name }
  }

  func variable(_ name: String) -> ComposeVariable? {
    service.environment[name].flatMap { $0.value == nil ? nil : $0 }
  }

  /// Sets `key` from a variable, replacing an earlier value (Kafka's last key wins).
  mutating func set(_ key: String, from variable: ComposeVariable) {
    guard let value = variable.value else { return }
    put(
      EmulatedSetting(
        key: key, value: value.text, keyLocation: variable.nameLocation,
        valueLocation: value.location, provenance: variable.name, isDerived: false,
        unresolved: value.unresolved))
  }

  /// Sets `key` to a value the image computes, located at `location`.
  mutating func set(
    _ key: String, derived value: String, at location: SourceLocation, provenance: String,
    unresolved: [String] = []
  ) {
    put(
      EmulatedSetting(
        key: key, value: value, keyLocation: location, valueLocation: location,
        provenance: provenance, isDerived: true, unresolved: unresolved))
  }

  private mutating func put(_ setting: EmulatedSetting) {
    if let index = settings.firstIndex(where: { $0.key == setting.key }) {
      settings[index] = setting
    } else {
      settings.append(setting)
    }
  }

  mutating func report(
    _ code: String, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = [],
    severity: Severity? = nil
  ) {
    issues.append(
      ComposeFinding(
        code: code, severity: severity, message: message, location: location, notes: notes))
  }

  /// The Kafka-derived `listeners` the apache and Confluent ≤ 8.0 scripts build from the
  /// advertised value: every `://` up to the next `:` becomes `://0.0.0.0:`.
  static func sedListeners(_ advertised: String) -> String {
    var out = ""
    var rest = Substring(advertised)
    while let range = firstRange(of: "://", in: rest) {
      out += rest[..<range.lowerBound]
      let after = rest[range.upperBound...]
      if let colon = after.firstIndex(of: ":") {
        out += "://0.0.0.0:"
        rest = after[after.index(after: colon)...]
      } else {
        out += "://"
        rest = after
      }
    }
    return out + rest
  }

  static func firstRange(of needle: String, in text: Substring) -> Range<Substring.Index>? {
    var index = text.startIndex
    while index < text.endIndex {
      if text[index...].hasPrefix(needle) {
        return index..<text.index(index, offsetBy: needle.count)
      }
      index = text.index(after: index)
    }
    return nil
  }

  /// Checks shared by the apache and Confluent images: R10, R11's warnings, the storage-format
  /// failure of a controller without static voters, legacy and wrong-dialect variables.
  mutating func commonChecks(image: String, derivedListeners: Bool) {
    let roles = variable("KAFKA_PROCESS_ROLES")?.value?.text
    if roles == "controller", let advertised = variable("KAFKA_ADVERTISED_LISTENERS"),
      let value = advertised.value, !value.text.isEmpty
    {
      report(
        "KL603",
        "service \(service.name.value) is a KRaft controller with KAFKA_ADVERTISED_LISTENERS set; "
          + "the \(image) image exits with \"KAFKA_ADVERTISED_LISTENERS is not supported on a "
          + "KRaft controller.\"",
        at: value.location,
        notes: [
          .init(
            "remove KAFKA_ADVERTISED_LISTENERS: other nodes reach controllers through "
              + "controller.quorum.voters")
        ])
    }
    if isControllerRole(roles), variable("KAFKA_CONTROLLER_QUORUM_VOTERS") == nil,
      let bootstrap = variable("KAFKA_CONTROLLER_QUORUM_BOOTSTRAP_SERVERS")?.value
    {
      report(
        "KL327",
        "service \(service.name.value) is a controller with only "
          + "controller.quorum.bootstrap.servers; the \(image) image formats storage without "
          + "--standalone and exits with \"Because controller.quorum.voters is not set on this "
          + "controller, you must specify one of the following: --standalone, "
          + "--initial-controllers, or --no-initial-controllers.\"",
        at: bootstrap.location,
        notes: [.init("set KAFKA_CONTROLLER_QUORUM_VOTERS (id@host:port of every controller)")])
    }
    for variable in variables where variable.name.hasPrefix("KAFKA_CFG_") {
      let suggestion = "KAFKA_" + variable.name.dropFirst("KAFKA_CFG_".count)
      report(
        "KL607",
        "\(variable.name) is the Bitnami dialect; the \(image) image turns it into "
          + "\(quoted(ApacheImage.key(variable.name, version: version) ?? "")), which Kafka "
          + "ignores",
        at: variable.nameLocation, notes: [.init("did you mean \(suggestion)?")])
    }
    if let listeners = settings.last(where: { $0.key == "listeners" }), derivedListeners {
      var reasons: [String] = []
      let derived = listeners.value.split(separator: ",").map { $0.composeTrimmed() }
      let ports = derived.compactMap { $0.split(separator: ":").last.flatMap { Int($0) } }
      for port in ports {
        let mapped = service.ports.filter { $0.hostPorts?.contains(port) == true }
        if let mapping = mapped.first, !mapping.containerPorts.contains(port) {
          reasons.append(
            "it binds \(port), but the published mapping targets container port "
              + "\(mapping.containerPorts.lowerBound)")
        }
      }
      if Set(ports).count < ports.count { reasons.append("two listeners bind the same port") }
      if listeners.value.contains("0.0.0.0::") || listeners.value.contains("]") {
        reasons.append("a bracketed IPv6 host is mangled")
      }
      if isControllerRole(roles), !isControllerOnly(roles) {
        reasons.append(
          "the controller listener is not advertised, so it is missing from listeners")
      }
      if !reasons.isEmpty {
        report(
          "KL604",
          "KAFKA_LISTENERS is not set, so the \(image) image derives listeners="
            + "\(listeners.value) from KAFKA_ADVERTISED_LISTENERS: "
            + reasons.joined(separator: "; "),
          at: listeners.valueLocation,
          notes: [.init("set KAFKA_LISTENERS explicitly, e.g. binding `:PORT` for every listener")])
      }
    }
  }

  func isControllerRole(_ roles: String?) -> Bool {
    (roles ?? "").split(separator: ",").contains { $0.composeTrimmed() == "controller" }
  }

  func isControllerOnly(_ roles: String?) -> Bool {
    let list = (roles ?? "").split(separator: ",").map { $0.composeTrimmed() }
    return list == ["controller"]
  }

  /// R13 for images where the legacy variables are ignored (warning) or fatal (error).
  mutating func legacyVariables(fatal: Set<String>, ignored: Set<String>, image: String) {
    for variable in variables {
      if fatal.contains(variable.name) {
        let key = variable.name.dropFirst("KAFKA_".count).lowercased().split(separator: "_")
          .joined(separator: ".")
        report(
          "KL606",
          "\(variable.name) makes the \(image) image exit (\"\(key) is deprecated. Please use "
            + "KAFKA_ADVERTISED_LISTENERS instead.\")",
          at: variable.nameLocation,
          notes: [.init("remove it and put the host and port in KAFKA_ADVERTISED_LISTENERS")],
          severity: .error)
      } else if ignored.contains(variable.name), version >= KafkaVersion(3, 0) {
        report(
          "KL606",
          "\(variable.name) is ignored by Kafka since 3.0 (this image runs Kafka \(version))",
          at: variable.nameLocation,
          notes: [.init("remove it and put the host and port in KAFKA_ADVERTISED_LISTENERS")])
      }
    }
  }

  /// R9's format check and the id itself.
  mutating func clusterId(from variable: ComposeVariable?) {
    guard let variable, let value = variable.value else { return }
    clusterId = (value.text, value.location)
    guard value.isKnown else { return }
    let valid =
      value.text.count == 22
      && value.text.allSatisfy {
        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
      }
    if !valid {
      report(
        "KL602",
        "cluster id \(quoted(value.text)) is not a 22-character base64url UUID; "
          + "kafka-storage format rejects it",
        at: value.location,
        notes: [.init("generate one with `kafka-storage random-uuid`")])
    }
  }
}

/// Builds a `PropertiesFile` whose entries point at the compose values that produced them, so
/// the Kafka startup rules report compose locations.
enum SyntheticProperties {
  static func file(
    _ settings: [EmulatedSetting], path: String, sources: [String: [UInt8]],
    indexes: inout [String: LineIndex]
  ) -> PropertiesFile {
    let bytes = sources[path] ?? []
    if indexes[path] == nil { indexes[path] = LineIndex(bytes: bytes) }
    let fileIndex = indexes[path] ?? LineIndex(bytes: bytes)
    var entries: [PropertyEntry] = []
    for setting in settings {
      let file = setting.valueLocation.file
      if indexes[file] == nil { indexes[file] = LineIndex(bytes: sources[file] ?? []) }
      let index = indexes[file] ?? fileIndex
      let source = sources[file] ?? []
      let start = byteOffset(of: setting.valueLocation, in: source, index: index)
      let units = setting.value.utf16.count
      let value = Array(setting.value.utf8)
      var span = SourceSpan(
        unitOffset: 0, byteOffset: start, count: max(units, 1), isEscape: true, width: 0)
      if !setting.isDerived, setting.unresolved.isEmpty, value.allSatisfy({ $0 < 0x80 }) {
        for skip in [0, 1] where start + skip + value.count <= source.count {
          if Array(source[(start + skip)..<(start + skip + value.count)]) == value {
            span = SourceSpan(
              unitOffset: 0, byteOffset: start + skip, count: units, isEscape: false, width: 1)
            break
          }
        }
      }
      var valueLocation = setting.valueLocation
      if !span.isEscape {
        let (line, column) = index.position(of: span.byteOffset)
        valueLocation = SourceLocation(file: file, line: line, column: column)
      }
      entries.append(
        PropertyEntry(
          key: setting.key, value: setting.value, keyLocation: setting.keyLocation,
          valueLocation: valueLocation, separator: .character("="),
          lines: setting.keyLocation.line...max(setting.keyLocation.line, setting.keyLocation.line),
          isIndented: false, exactKey: nil, exactValue: nil, valueSpans: [span], file: file,
          lineIndex: index))
    }
    return PropertiesFile(
      path: path, bytes: bytes, lineIndex: fileIndex, entries: entries, comments: [], issues: [])
  }

  /// The byte offset of a 1-based line and a column counted in Unicode scalars.
  static func byteOffset(of location: SourceLocation, in bytes: [UInt8], index: LineIndex) -> Int {
    guard location.line >= 1, location.line <= index.lines.count else { return 0 }
    let line = index.lines[location.line - 1]
    var offset = line.start
    var column = 1
    while column < location.column, offset < line.contentEnd {
      offset += 1
      while offset < line.contentEnd, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      column += 1
    }
    return offset
  }
}
