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
