import Foundation

/// Everything the rules may read: the parsed inputs and the options they were linted with.
public struct LintInput: Sendable {
  /// Every `.properties` input, in the order given.
  public var propertiesFiles: [PropertiesFile] = []
  /// Every YAML or JSON input, in the order given.
  public var yamlFiles: [YAMLFile] = []
  /// The clusters described by Strimzi resources and `ClusterDescription`s among the YAML inputs.
  public var clusters: [Cluster] = []
  /// Problems found while reading those clusters, each tagged with the rule that reports it.
  public var clusterIssues: [ReadIssue] = []
  /// Every cluster's derived per-node listener configuration.
  public var derivedClusters: [DerivedCluster] = []
  /// Inputs that could not be read, with the reason.
  public var unreadableFiles: [(path: String, reason: String)] = []
  /// The `.properties` inputs that configure a broker or controller, read as Kafka
  /// `kafkaVersion` reads them (clients', Connect's and loggers' files are left out).
  public var brokerConfigurations: [BrokerConfiguration] = []
  /// The Kafka version whose checks apply.
  public var kafkaVersion: KafkaVersion = .newest
  /// Whether rules may resolve names with the system resolver (`--resolve`).
  public var resolveNames = false
  /// Properties files named for description nodes (`--properties NODE=FILE`), by node id.
  public var nodeProperties: [Int: String] = [:]
  /// Client groups of the configuration, for the server.properties inputs.
  public var configuredClients: [ConfiguredClientGroup] = []
  /// Analyses several rules read (the reachability judgement, the YAML index), computed once
  /// per lint run and shared by every copy of this input.
  var shared = SharedAnalyses()
  /// The Docker Compose projects among the YAML inputs.
  public var composeProjects: [ComposeProject] = []
  /// Every Kafka service of those projects with the configuration its image builds.
  public var composeBrokers: [ComposeBroker] = []
  /// Problems found in compose projects, each tagged with the rule that reports it.
  public var composeIssues: [ComposeFinding] = []
  /// The bytes of the YAML inputs, so compose values can be located in them.
  var yamlSources: [String: [UInt8]] = [:]
  /// TLS checks: given certificates, certificates found in the inputs and the options.
  public var tls = TLSInput()

  /// Whether the rules are worth running on several processors: many files, many clusters
  /// (in one file of many documents), many nodes or a long properties file. For a typical
  /// file, handing the rules to threads costs more than running them.
  var isLarge: Bool {
    if yamlFiles.count + propertiesFiles.count >= 8 || clusters.count >= 16 { return true }
    let nodes = derivedClusters.reduce(0) { $0 + $1.nodes.count }
    let entries = propertiesFiles.reduce(0) { $0 + $1.entries.count }
    return nodes >= 200 || entries >= 5_000
  }

  /// This input with no analyses computed yet.
  func withNewAnalyses() -> LintInput {
    var copy = self
    copy.shared = SharedAnalyses()
    return copy
  }

  /// Parses the given files; nothing here throws, problems become data for the rules.
  public init(files: [SourceFile], configuration: Configuration) {
    self.init(
      files: files, kafkaVersion: configuration.kafkaVersion, composeConfiguration: configuration)
    resolveNames = configuration.resolveNames
    for (node, path) in configuration.nodeProperties { nodeProperties[node] = path }
    configuredClients = configuration.clients
    tls.apply(configuration.tls)
  }

  /// Parses the given files for one Kafka version.
  public init(files: [SourceFile], kafkaVersion: KafkaVersion = .newest) {
    self.init(
      files: files, kafkaVersion: kafkaVersion,
      composeConfiguration: Configuration(kafkaVersion: kafkaVersion))
  }

  /// Parses the given files; compose projects are read with the variables and env files of
  /// `composeConfiguration`.
  init(files: [SourceFile], kafkaVersion: KafkaVersion, composeConfiguration: Configuration) {
    self.kafkaVersion = kafkaVersion
    // Files are parsed on several processors when there are many; they are added in order.
    let parsed = Parallel.map(files, minimumCount: 8) { file -> Parsed in
      switch file.content {
      case .unreadable(let reason):
        return .unreadable(reason)
      case .bytes(let bytes):
        switch file.kind {
        case .properties:
          let (properties, configuration) = Self.parseProperties(
            path: file.path, bytes: bytes, kafkaVersion: kafkaVersion)
          return .properties(properties, configuration)
        case .yaml:
          return .yaml(YAMLReader.read(path: file.path, bytes: bytes), bytes)
        }
      }
    }
    for (file, result) in zip(files, parsed) {
      switch result {
      case .unreadable(let reason):
        unreadableFiles.append((file.path, reason))
      case .properties(let properties, let configuration):
        add(properties, configuration)
      case .yaml(let yaml, let bytes):
        yamlFiles.append(yaml)
        yamlSources[file.path] = bytes
      }
    }
    (clusters, clusterIssues) = ClusterReader.read(yamlFiles)
    derivedClusters = Parallel.map(clusters, minimumCount: 8, ListenerDerivation.derive)
    tls.secrets = yamlFiles.flatMap(KubernetesSecretCertificates.read)
    readCompose(composeConfiguration)
  }

  /// Adds `.properties` inputs found after the others were parsed: the server.properties files
  /// that descriptions name for their nodes.
  mutating func addProperties(_ files: [SourceFile]) {
    for file in files {
      switch file.content {
      case .unreadable(let reason): unreadableFiles.append((file.path, reason))
      case .bytes(let bytes): addProperties(path: file.path, bytes: bytes)
      }
    }
  }

  private mutating func addProperties(path: String, bytes: [UInt8]) {
    let (properties, configuration) = Self.parseProperties(
      path: path, bytes: bytes, kafkaVersion: kafkaVersion)
    add(properties, configuration)
  }

  private mutating func add(_ properties: PropertiesFile, _ configuration: BrokerConfiguration?) {
    propertiesFiles.append(properties)
    if let configuration { brokerConfigurations.append(configuration) }
  }

  /// One parsed input file.
  private enum Parsed: Sendable {
    case unreadable(String)
    case properties(PropertiesFile, BrokerConfiguration?)
    case yaml(YAMLFile, [UInt8])
  }

  /// A properties file, and its broker configuration when it configures a broker or controller.
  private static func parseProperties(path: String, bytes: [UInt8], kafkaVersion: KafkaVersion)
    -> (PropertiesFile, BrokerConfiguration?)
  {
    let properties = PropertiesReader.read(path: path, bytes: bytes)
    let configuration =
      BrokerConfiguration.isBrokerConfiguration(properties)
      ? BrokerConfiguration(file: properties, version: kafkaVersion) : nil
    return (properties, configuration)
  }
}

/// Analyses that several rules derive from the same input, each computed on first use and kept
/// for every copy of the input. The reachability judgement, for instance, classifies every
/// advertised address for every client group; done once per rule it cost eight times as much.
final class SharedAnalyses: @unchecked Sendable {
  /// What is kept; analyses that depend on `--resolve` are kept per setting.
  enum Key: Hashable {
    case resolutions(resolveNames: Bool)
    case judgements(resolveNames: Bool)
    case findings(resolveNames: Bool)
    case tlsChecks
    case certificateFiles
    case yamlIndex
  }

  private let lock = NSLock()
  private var values: [Key: Any] = [:]
  /// One lock per analysis, held while it is computed: rules run in parallel, and a rule that
  /// needs an analysis another rule is computing waits for it instead of computing it again.
  private var computing: [Key: NSLock] = [:]

  /// The analysis kept under `key`, computed by `compute` the first time.
  func value<Value>(_ key: Key, _ compute: () -> Value) -> Value {
    if let cached = lock.withLock({ values[key] }) as? Value { return cached }
    let keyLock = lock.withLock {
      if let existing = computing[key] { return existing }
      let created = NSLock()
      computing[key] = created
      return created
    }
    // Only the analysis's own lock is held while computing: one analysis reads another
    // (findings read the judgement, which reads the resolutions), never itself.
    return keyLock.withLock {
      if let cached = lock.withLock({ values[key] }) as? Value { return cached }
      let computed = compute()
      lock.withLock { values[key] = computed }
      return computed
    }
  }
}
