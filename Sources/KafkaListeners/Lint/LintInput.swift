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
  /// Analyses several rules read (the reachability judgement), computed once and shared by
  /// every copy of this input.
  let shared = SharedAnalyses()
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
    for file in files {
      switch file.content {
      case .unreadable(let reason):
        unreadableFiles.append((file.path, reason))
      case .bytes(let bytes):
        switch file.kind {
        case .properties:
          addProperties(path: file.path, bytes: bytes)
        case .yaml:
          yamlFiles.append(YAMLReader.read(path: file.path, bytes: bytes))
          yamlSources[file.path] = bytes
        }
      }
    }
    (clusters, clusterIssues) = ClusterReader.read(yamlFiles)
    derivedClusters = clusters.map(ListenerDerivation.derive)
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
    let properties = PropertiesReader.read(path: path, bytes: bytes)
    propertiesFiles.append(properties)
    if BrokerConfiguration.isBrokerConfiguration(properties) {
      brokerConfigurations.append(BrokerConfiguration(file: properties, version: kafkaVersion))
    }
  }
}

/// Results that several rules derive from the same input, computed on first use. The
/// reachability judgement classifies every advertised address for every client group; done
/// once per rule it cost eight times as much.
final class SharedAnalyses: @unchecked Sendable {
  private let lock = NSLock()
  private var judgements: [Bool: [ClusterJudgement]] = [:]
  private var findings: [Bool: (addresses: [AddressFinding], groups: [GroupFinding])] = [:]
  private var tlsChecks: [TLSCheck]?

  /// The broker, listener and name triples the TLS rules verify, computed the first time.
  func tlsChecks(_ compute: () -> [TLSCheck]) -> [TLSCheck] {
    lock.lock()
    defer { lock.unlock() }
    if let tlsChecks { return tlsChecks }
    let computed = compute()
    tlsChecks = computed
    return computed
  }

  /// The judgement for `resolveNames`, computed by `compute` the first time.
  func judgements(resolveNames: Bool, _ compute: () -> [ClusterJudgement]) -> [ClusterJudgement] {
    lock.lock()
    defer { lock.unlock() }
    if let cached = judgements[resolveNames] { return cached }
    let computed = compute()
    judgements[resolveNames] = computed
    return computed
  }

  /// The address and group findings for `resolveNames`, computed by `compute` the first time.
  func findings(
    resolveNames: Bool, _ compute: () -> (addresses: [AddressFinding], groups: [GroupFinding])
  ) -> (addresses: [AddressFinding], groups: [GroupFinding]) {
    if let cached = lock.withLock({ findings[resolveNames] }) { return cached }
    // Computed outside the lock: it reads the judgement, which takes the lock itself.
    let computed = compute()
    lock.withLock { findings[resolveNames] = computed }
    return computed
  }
}
