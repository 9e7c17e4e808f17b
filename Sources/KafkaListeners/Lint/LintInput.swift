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
  /// TLS checks: given certificates, certificates found in the inputs and the options.
  public var tls = TLSInput()

  /// Parses the given files; nothing here throws, problems become data for the rules.
  public init(files: [SourceFile], configuration: Configuration) {
    self.init(files: files, kafkaVersion: configuration.kafkaVersion)
    resolveNames = configuration.resolveNames
    for (node, path) in configuration.nodeProperties { nodeProperties[node] = path }
    configuredClients = configuration.clients
    tls.apply(configuration.tls)
  }

  /// Parses the given files for one Kafka version.
  public init(files: [SourceFile], kafkaVersion: KafkaVersion = .newest) {
    self.kafkaVersion = kafkaVersion
    for file in files {
      switch file.content {
      case .unreadable(let reason):
        unreadableFiles.append((file.path, reason))
      case .bytes(let bytes):
        switch file.kind {
        case .properties:
          let properties = PropertiesReader.read(path: file.path, bytes: bytes)
          propertiesFiles.append(properties)
          if BrokerConfiguration.isBrokerConfiguration(properties) {
            brokerConfigurations.append(
              BrokerConfiguration(file: properties, version: kafkaVersion))
          }
        case .yaml:
          yamlFiles.append(YAMLReader.read(path: file.path, bytes: bytes))
        }
      }
    }
    (clusters, clusterIssues) = ClusterReader.read(yamlFiles)
    derivedClusters = clusters.map(ListenerDerivation.derive)
    tls.secrets = yamlFiles.flatMap(KubernetesSecretCertificates.read)
  }
}
