/// What a user can set in `.kafka-listeners.yaml` (or through the library): the Kafka version
/// and per-rule settings.
public struct Configuration: Sendable {
  /// The setting of one rule.
  public enum RuleSetting: Sendable, Hashable {
    /// The rule does not run.
    case off
    /// The rule runs at this severity instead of its default.
    case severity(Severity)
  }

  /// The file the configuration came from, when it came from one.
  public var path: String?
  /// The Kafka version whose startup checks apply.
  public var kafkaVersion: KafkaVersion
  /// Settings by rule code (`KL003`).
  public var rules: [String: RuleSetting]
  /// Whether advertised names are also resolved with the system resolver (`lint --resolve`).
  public var resolveNames: Bool = false
  /// The server.properties files that belong to description nodes, for drift checks
  /// (`lint --properties NODE=FILE`).
  public var nodeProperties: [(node: Int, path: String)] = []
  /// Where the clients of the server.properties inputs sit (`clients:`), which a properties
  /// file cannot say itself.
  public var clients: [ConfiguredClientGroup] = []
  /// Certificates and options of the TLS certificate-name checks (`tls:`, `--certificate`).
  public var tls = TLSOptions()

  /// Creates a configuration; the defaults run every rule for the newest Kafka.
  public init(
    path: String? = nil, kafkaVersion: KafkaVersion = .newest, rules: [String: RuleSetting] = [:]
  ) {
    self.path = path
    self.kafkaVersion = kafkaVersion
    self.rules = rules
  }

  /// The file name searched for upward from the working directory.
  public static let fileName = ".kafka-listeners.yaml"
}

/// A client group declared in `.kafka-listeners.yaml`, for `server.properties` inputs:
/// `{name: apps, position: internet, listener: EXTERNAL}`.
public struct ConfiguredClientGroup: Sendable, Hashable {
  /// The group's name.
  public var name: String
  /// Where the clients are.
  public var position: ClientGroup.Position
  /// For `network`: the network's name.
  public var network: String?
  /// The Kafka listener name the group uses, upper-cased as Kafka compares names; `nil` when
  /// the group may use any listener.
  public var listener: String?
  /// Where the group is declared.
  public var location: SourceLocation

  /// Creates a group.
  public init(
    name: String, position: ClientGroup.Position, network: String? = nil, listener: String? = nil,
    location: SourceLocation
  ) {
    self.name = name
    self.position = position
    self.network = network
    self.listener = listener?.uppercased()
    self.location = location
  }
}
