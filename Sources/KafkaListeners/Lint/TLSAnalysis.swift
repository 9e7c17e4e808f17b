/// The TLS inputs the rules read: certificates given on the command line or in the
/// configuration, certificates found in the inputs (Secrets, inline PEM properties, keystores
/// the properties name), and the options of the checks.
public struct TLSInput: Sendable {
  /// Certificates given for one node or for every node (`--certificate [NODE_ID=]FILE`).
  public var given: [GivenCertificate] = []
  /// Certificates cluster descriptions map to their listeners and nodes (`tls:` blocks), read
  /// by the API; they rank below ``given`` and above the server.properties keystores.
  public var described: [DescribedCertificate] = []
  /// Certificate-bearing keys of Kubernetes Secrets among the YAML inputs.
  public var secrets: [KubernetesSecretCertificates.Entry] = []
  /// Keystores that server.properties inputs name (`ssl.keystore.location`), read by the API.
  public var keystores: [PropertiesKeystore] = []
  /// Keystores compose services mount from the project, read by the API; they rank below the
  /// server.properties keystores.
  public var composeKeystores: [ComposeKeystore] = []
  /// Keystores the inputs name that the API looked for and did not find.
  public var missingKeystores: [MissingKeystore] = []
  /// CA certificates clients trust (`lint --ca`), for chain checks.
  public var trustedCertificates: [CertificateSummary] = []
  /// The client libraries whose rules apply.
  public var clients: [HostnameMatcher] = HostnameMatcher.allCases
  /// The moment certificates are judged at (seconds since the epoch).
  public var now: Int64 = TLSOptions.systemNow
  /// A certificate ending within this many days gets a warning.
  public var expiryWarningDays = 30

  /// Creates empty TLS inputs judged at the system clock.
  public init() {}

  mutating func apply(_ options: TLSOptions) {
    given = options.certificates
    keystores = options.keystores
    trustedCertificates = options.trustedCertificates
    clients = options.clients.isEmpty ? HostnameMatcher.allCases : options.clients
    now = options.now ?? TLSOptions.systemNow
    expiryWarningDays = options.expiryWarningDays
  }
}

/// A keystore named by a server.properties input, as read.
public struct PropertiesKeystore: Sendable, Hashable {
  /// The properties file.
  public var propertiesPath: String
  /// The lower-case listener name of a `listener.name.<l>.ssl.keystore.location`, or `nil`.
  public var listener: String?
  /// The keystore's certificates.
  public var file: CertificateFile

  /// Creates a keystore record.
  public init(propertiesPath: String, listener: String?, file: CertificateFile) {
    self.propertiesPath = propertiesPath
    self.listener = listener
    self.file = file
  }
}

/// A keystore a compose service's image reads, found through a bind mount and read.
public struct ComposeKeystore: Sendable, Hashable {
  /// Where the service key is written (it identifies the service within its project).
  public var service: SourceLocation
  /// The keystore's certificates.
  public var file: CertificateFile

  /// Creates a compose keystore record.
  public init(service: SourceLocation, file: CertificateFile) {
    self.service = service
    self.file = file
  }
}

/// Which broker configuration names a keystore: a server.properties file, or a compose service.
public enum KeystoreOwner: Sendable, Hashable {
  /// The server.properties file at this path.
  case properties(String)
  /// The compose service whose key is written here.
  case composeService(SourceLocation)
}

/// A keystore an input names that does not exist where the tool looked.
public struct MissingKeystore: Sendable, Hashable {
  /// The configuration that names it.
  public var owner: KeystoreOwner
  /// The lower-case listener of a `listener.name.<l>.ssl.keystore.location`, or `nil` for the
  /// broker's keystore.
  public var listener: String?
  /// The path looked at.
  public var path: String
  /// Where the input names it (the `ssl.keystore.location` value, the compose variable).
  public var location: SourceLocation
  /// Other places worth showing (the compose volume entry).
  public var notes: [Diagnostic.Note]

  /// Creates a record of a missing keystore.
  public init(
    owner: KeystoreOwner, listener: String?, path: String, location: SourceLocation,
    notes: [Diagnostic.Note] = []
  ) {
    self.owner = owner
    self.listener = listener
    self.path = path
    self.location = location
    self.notes = notes
  }
}

/// The certificate a broker presents on one listener, as far as the inputs tell.
struct PresentedCertificate {
  /// For messages: `kafka-1.pem (sha256 3f9a…)` or `Strimzi cluster-CA certificate (computed)`.
  var label: String
  /// The names matched against.
  var names: CertificateNames
  /// The file, or `nil` for a certificate the tool computed.
  var file: CertificateFile?
  /// Set when the mapping is a guess, saying how it was made.
  var guess: String?
}

/// One name a TLS client verifies against one broker's certificate.
struct TLSCheck {
  /// `broker 1 listener EXTERNAL-9094`.
  var subject: String
  /// The broker's node id.
  var node: Int
  /// The listener's Kafka name.
  var listener: String
  /// The host the client dials.
  var host: String
  /// Where the host is written.
  var location: SourceLocation
  /// Whether the host is a bootstrap name (else the broker's advertised host).
  var isBootstrap: Bool
  /// The certificate, when one is known.
  var certificate: PresentedCertificate?
  /// The configuration whose keystore the certificate would come from, when the broker has
  /// one (server.properties or a compose service), so that a missing keystore can name the
  /// listeners it leaves unchecked.
  var owner: KeystoreOwner?
  /// Per client of the run, the certificate name that matches `host` (`nil`: none does);
  /// empty without a certificate. Computed once here, because three rules read it.
  var verdicts: [(client: HostnameMatcher, match: String?)] = []
}

/// Collects what the TLS rules check, from the derived clusters and the server.properties
/// inputs.
enum TLSAnalysis {
  static let tlsProtocols: Set<String> = ["SSL", "SASL_SSL"]

  /// The rules that read ``checks(_:)``, so that a lint where all of them are off does not
  /// compute it ahead of the rules.
  static let ruleCodes: Set<String> = ["KL440", "KL441", "KL445", "KL446", "KL452"]

  /// Every (broker, TLS listener, name) to verify, advertised hosts first.
  static func checks(_ input: LintInput) -> [TLSCheck] {
    input.shared.value(.tlsChecks) { computeChecks(input) }
  }

  private static func computeChecks(_ input: LintInput) -> [TLSCheck] {
    // Appended in place: a check is a few hundred bytes, and copying a large cluster's
    // tens of thousands of them from array to array showed in its TLS analysis.
    var checks: [TLSCheck] = []
    for derived in input.derivedClusters {
      clusterChecks(derived, input, into: &checks)
    }
    let described = Set(input.nodeProperties.values)
      .union(input.clusters.flatMap { $0.nodeProperties.values.map(\.value) })
    for config in input.brokerConfigurations where config.isBroker {
      if described.contains(config.file.path) { continue }
      checks += propertiesChecks(config, input)
    }
    for broker in input.composeBrokers {
      guard let config = broker.configuration, config.isBroker else { continue }
      checks += composeChecks(broker, config, input)
    }
    // Matching is most of the analysis on a large cluster, and it is the longest of the
    // analyses that run ahead of the rules: its chunks go to several processors.
    for (index, verdicts) in verdicts(checks, input.tls.clients).enumerated() {
      checks[index].verdicts = verdicts
    }
    return checks
  }

  /// Each check's verdicts, in order, matched in chunks on several processors. A function of
  /// its own, so that `checks` is borrowed, not copied, while it runs, and is filled in
  /// afterwards without a copy.
  private static func verdicts(
    _ checks: [TLSCheck], _ clients: [HostnameMatcher]
  ) -> [[(client: HostnameMatcher, match: String?)]] {
    Parallel.map(Parallel.chunks(of: 1_024, count: checks.count), minimumCount: 2) { chunk in
      chunk.map { checks[$0].matchVerdicts(clients) }
    }.flatMap { $0 }
  }

  /// Every certificate file the inputs provide, each once, for the certificate-level rules.
  static func certificateFiles(_ input: LintInput) -> [CertificateFile] {
    // Kept for the run: six rules read the list, and finding the inline chains reads every key
    // of every server.properties.
    input.shared.value(.certificateFiles) { computeCertificateFiles(input) }
  }

  private static func computeCertificateFiles(_ input: LintInput) -> [CertificateFile] {
    // A described CA is a truststore, not a server certificate: only its problems are listed,
    // so that `unreadable-certificate` reports them.
    var files =
      input.tls.given.map(\.file) + input.tls.described.map(\.certificate.file)
      + input.tls.described.compactMap { $0.ca?.problem == nil ? nil : $0.ca }
      + input.tls.secrets.map(\.file) + input.tls.keystores.map(\.file)
      + input.tls.composeKeystores.map(\.file)
    for config in input.brokerConfigurations {
      files += inlineChains(config).map(\.file)
    }
    var seen = Set<String>()
    return files.filter {
      seen.insert("\($0.location)|\($0.leaf?.sha256 ?? $0.problem ?? "")").inserted
    }
  }

  // MARK: - Derived clusters

  private static func clusterChecks(
    _ derived: DerivedCluster, _ input: LintInput, into checks: inout [TLSCheck]
  ) {
    let cluster = derived.cluster
    // About one TLS endpoint per broker is usual: room for that at once. Only for the first
    // cluster: reserving exactly for each of many clusters would copy the array every time.
    if checks.isEmpty { checks.reserveCapacity(derived.nodes.count) }
    // Positions, not copies: a table of whole nodes copied every node of a large cluster.
    let listenerPositions = Dictionary(
      cluster.listeners.indices.map { (cluster.listeners[$0].kafkaName, $0) },
      uniquingKeysWith: { first, _ in first })
    let nodePositions = Dictionary(
      cluster.nodes.indices.map { (cluster.nodes[$0].id, $0) },
      uniquingKeysWith: { first, _ in first })
    var index: StrimziCertificateNames.Index?
    // Computed names by node id: every TLS listener of a node presents the same certificate.
    var computed: [Int: CertificateNames] = [:]
    for node in derived.nodes where node.roles.contains(.broker) {
      guard let nodePosition = nodePositions[node.id] else { continue }
      let owner =
        cluster.origin == .description
        ? (cluster.nodeProperties[node.id]?.value ?? input.nodeProperties[node.id]).map {
          KeystoreOwner.properties($0)
        } : nil
      for endpoint in node.endpoints where tlsProtocols.contains(endpoint.securityProtocol) {
        let listener = listenerPositions[endpoint.kafkaName].map { cluster.listeners[$0] }
        let certificate = presented(
          derived: derived, node: cluster.nodes[nodePosition], listener: listener,
          host: endpoint.advertisedHost, input: input, index: &index, computed: &computed)
        let subject = "broker \(node.id) listener \(endpoint.kafkaName)"
        if !endpoint.isPlaceholder {
          checks.append(
            TLSCheck(
              subject: subject, node: node.id, listener: endpoint.kafkaName,
              host: endpoint.advertisedHost, location: endpoint.location, isBootstrap: false,
              certificate: certificate))
        }
        guard let listener else { continue }
        for name in bootstrapNames(listener) {
          checks.append(
            TLSCheck(
              subject: subject, node: node.id, listener: endpoint.kafkaName, host: name.value,
              location: name.location, isBootstrap: true, certificate: certificate,
              owner: owner))
        }
      }
    }
  }

  /// Names clients use to bootstrap through a listener, which every broker behind it must
  /// carry: `bootstrap.host` (route, ingress, tlsroute) and `bootstrap.alternativeNames`.
  static func bootstrapNames(_ listener: Listener) -> [Located<String>] {
    guard let bootstrap = listener.configuration.bootstrap else { return [] }
    return (bootstrap.host.map { [$0] } ?? []) + bootstrap.alternativeNames
  }

  private static func presented(
    derived: DerivedCluster, node: ClusterNode, listener: Listener?, host: String,
    input: LintInput, index: inout StrimziCertificateNames.Index?,
    computed: inout [Int: CertificateNames]
  ) -> PresentedCertificate? {
    let cluster = derived.cluster
    let listenerName = listener?.kafkaName
    if let given = given(node.id, listenerName, input), givenApplies(cluster, listener) {
      return given
    }
    if cluster.origin == .description {
      if let described = described(cluster, node: node.id, listener: listenerName, input) {
        return described
      }
      let path = cluster.nodeProperties[node.id]?.value ?? input.nodeProperties[node.id]
      if let path, let listenerName,
        let config = input.brokerConfigurations.first(where: { $0.file.path == path }),
        let file = propertiesCertificate(config, listener: listenerName, input)
      {
        return PresentedCertificate(
          label: file.label, names: file.leaf?.names ?? CertificateNames(), file: file)
      }
    }
    if let reference = listener?.configuration.brokerCertChainAndKey {
      let entry = input.tls.secrets.first {
        $0.secretName == reference.secretName.value && $0.key == reference.certificate.value
      }
      guard let entry else { return nil }
      return PresentedCertificate(
        label: "\(entry.file.label) from Secret \(entry.secretName) key \(entry.key)",
        names: entry.file.leaf?.names ?? CertificateNames(), file: entry.file)
    }
    guard cluster.origin == .strimzi else { return guessed(host, input) }
    let podKey = "\(node.podName).crt"
    if let entry = input.tls.secrets.first(where: {
      $0.key == podKey
        && ($0.secretName == node.podName || $0.secretName == "\(cluster.name.value)-kafka-brokers")
    }) {
      return PresentedCertificate(
        label: "\(entry.file.label) from Secret \(entry.secretName) key \(entry.key)",
        names: entry.file.leaf?.names ?? CertificateNames(), file: entry.file)
    }
    let names =
      computed[node.id]
      ?? StrimziCertificateNames.names(derived, node: node, index: cachedIndex(&index, derived))
    computed[node.id] = names
    return PresentedCertificate(
      label: "the Strimzi cluster-CA certificate of \(node.podName) (computed)", names: names,
      file: nil)
  }

  private static func cachedIndex(
    _ index: inout StrimziCertificateNames.Index?, _ derived: DerivedCluster
  ) -> StrimziCertificateNames.Index {
    if let index { return index }
    let built = StrimziCertificateNames.Index(derived)
    index = built
    return built
  }

  /// Whether a certificate given for a node is the one it presents on `listener`. Strimzi
  /// serves its built-in and internal listeners with its own cluster-CA certificate, so a given
  /// certificate stands for the custom one: on listeners with `brokerCertChainAndKey`, or on
  /// the external listeners when none has it.
  private static func givenApplies(_ cluster: Cluster, _ listener: Listener?) -> Bool {
    guard cluster.origin == .strimzi else { return true }
    guard let listener else { return false }
    if listener.configuration.brokerCertChainAndKey != nil { return true }
    let anyCustom = cluster.listeners.contains { $0.configuration.brokerCertChainAndKey != nil }
    return !anyCustom && listener.type.value.servesExternalClients
  }

  private static func given(_ node: Int?, _ listener: String?, _ input: LintInput)
    -> PresentedCertificate?
  {
    mostSpecific(input.tls.given, node: node, listener: listener).map(presented)
  }

  /// §2.1 item 1 in the description: the node's own `tls` first (it overrides the listener's,
  /// as a per-broker exception to a listener-wide certificate), then the listener's.
  private static func described(
    _ cluster: Cluster, node: Int, listener: String?, _ input: LintInput
  ) -> PresentedCertificate? {
    let mappings = input.tls.described.filter { $0.cluster == cluster.location }.map(\.certificate)
    return mostSpecific(mappings, node: node, listener: listener).map(presented)
  }

  /// The mapping for (node, listener): both named, then the node's, then the listener's, then
  /// one for everything.
  private static func mostSpecific(
    _ mappings: [GivenCertificate], node: Int?, listener: String?
  ) -> GivenCertificate? {
    func sameListener(_ mapping: GivenCertificate) -> Bool {
      guard let name = mapping.listener, let listener else { return false }
      return name.lowercased() == listener.lowercased()
    }
    func sameNode(_ mapping: GivenCertificate) -> Bool { node != nil && mapping.node == node }
    return mappings.first { sameNode($0) && sameListener($0) }
      ?? mappings.first { sameNode($0) && $0.listener == nil }
      ?? mappings.first { $0.node == nil && sameListener($0) }
      ?? mappings.first { $0.node == nil && $0.listener == nil }
  }

  private static func presented(_ mapping: GivenCertificate) -> PresentedCertificate {
    PresentedCertificate(
      label: mapping.file.label, names: mapping.file.leaf?.names ?? CertificateNames(),
      file: mapping.file)
  }

  /// §2.2: a Secret nobody maps is used for a host only when it is the one leaf that matches.
  private static func guessed(_ host: String, _ input: LintInput) -> PresentedCertificate? {
    var candidates: [KubernetesSecretCertificates.Entry] = []
    for entry in input.tls.secrets where entry.key != "ca.crt" {
      guard let leaf = entry.file.leaf, !leaf.isCertificateAuthority,
        HostnameMatcher.java.matches(host: host, names: leaf.names)
      else { continue }
      if !candidates.contains(where: { $0.file.leaf?.sha256 == leaf.sha256 }) {
        candidates.append(entry)
      }
    }
    guard candidates.count == 1, let entry = candidates.first else { return nil }
    return PresentedCertificate(
      label: "\(entry.file.label) from Secret \(entry.secretName) key \(entry.key)",
      names: entry.file.leaf?.names ?? CertificateNames(), file: entry.file,
      guess: "no mapping names this broker's certificate; it was chosen because its names match")
  }

  // MARK: - server.properties

  private static func propertiesChecks(_ config: BrokerConfiguration, _ input: LintInput)
    -> [TLSCheck]
  {
    let chains = inlineChains(config)
    return endpointChecks(config, input, owner: .properties(config.file.path)) { listener in
      propertiesCertificate(config, listener: listener, input, chains: chains)
    }
  }

  /// §2.1 item 3: a compose service's TLS listeners all present the keystore its image reads
  /// from the bind-mounted secrets directory, unless `--certificate` names one.
  private static func composeChecks(
    _ broker: ComposeBroker, _ config: BrokerConfiguration, _ input: LintInput
  ) -> [TLSCheck] {
    let service = broker.service.location
    let keystore = input.tls.composeKeystores.first { $0.service == service }?.file
    return endpointChecks(
      config, input, owner: .composeService(service), service: broker.name
    ) { _ in keystore }
  }

  /// A check per advertised TLS endpoint of a broker configuration: the certificate given on
  /// the command line for the node, else `certificate(listener)`.
  private static func endpointChecks(
    _ config: BrokerConfiguration, _ input: LintInput, owner: KeystoreOwner,
    service: String? = nil, certificate fromConfiguration: (String) -> CertificateFile?
  ) -> [TLSCheck] {
    var checks: [TLSCheck] = []
    let node = config.nodeId?.value ?? -1
    for endpoint in config.advertisedBrokerEndpoints {
      guard let host = endpoint.host, !host.isEmpty,
        let protocolName = config.securityMap.effective[endpoint.name],
        tlsProtocols.contains(protocolName)
      else { continue }
      var certificate = given(config.nodeId?.value, endpoint.name, input)
      if certificate == nil {
        certificate = fromConfiguration(endpoint.name).map {
          PresentedCertificate(
            label: $0.label, names: $0.leaf?.names ?? CertificateNames(), file: $0)
        }
      }
      let who: String
      switch (node >= 0, service) {
      case (true, let service?): who = "broker \(node) (service \(service)) "
      case (true, nil): who = "broker \(node) "
      case (false, let service?): who = "service \(service) "
      case (false, nil): who = ""
      }
      let subject = who + "listener \(endpoint.name)"
      checks.append(
        TLSCheck(
          subject: subject, node: node, listener: endpoint.name, host: host,
          location: endpoint.location, isBootstrap: false, certificate: certificate,
          owner: owner))
    }
    return checks
  }

  /// §2.1 item 2: the listener's `listener.name.<l>.` keystore first, then the broker's.
  private static func propertiesCertificate(
    _ config: BrokerConfiguration, listener: String, _ input: LintInput,
    chains: [(listener: String?, file: CertificateFile)]? = nil
  ) -> CertificateFile? {
    let lower = listener.lowercased()
    let chains = chains ?? inlineChains(config)
    return chains.first { $0.listener == lower }?.file
      ?? chains.first { $0.listener == nil }?.file
      ?? input.tls.keystores.first {
        $0.propertiesPath == config.file.path && $0.listener == lower
      }?.file
      ?? input.tls.keystores.first {
        $0.propertiesPath == config.file.path && $0.listener == nil
      }?.file
  }

  private static let chainKey = "ssl.keystore.certificate.chain"

  /// `ssl.keystore.certificate.chain` values (PEM keystores), per listener or for all.
  static func inlineChains(_ config: BrokerConfiguration) -> [(
    listener: String?, file: CertificateFile
  )] {
    var chains: [(String?, CertificateFile)] = []
    for entry in config.file.effectiveEntries {
      let key = entry.key
      // Most keys end otherwise: one byte comparison settles them before any string search.
      guard key.utf8.last == UInt8(ascii: "n"), key.utf8.count >= chainKey.utf8.count else {
        continue
      }
      let listener: String?
      if key == chainKey {
        listener = nil
      } else if key.hasPrefix("listener.name."), key.hasSuffix("." + chainKey) {
        listener = String(
          key.dropFirst("listener.name.".count).dropLast(chainKey.count + 1))
      } else {
        continue
      }
      let file = CertificateReader.read(
        path: config.file.path, bytes: Array(entry.value.utf8), location: entry.valueLocation)
      chains.append((listener, file))
    }
    return chains
  }
}

/// The names Strimzi's cluster operator puts in the broker certificates it issues from its
/// cluster CA (`KafkaCluster.buildKafkaNodeCertsSubject`, `KafkaListenersReconciler`).
public enum StrimziCertificateNames {
  /// The subjectAltName entries and CN of the certificate of `node`.
  public static func names(_ derived: DerivedCluster, node: ClusterNode) -> CertificateNames {
    names(derived, node: node, index: Index(derived))
  }

  /// What every node's names share, and lookups by node id, built once per cluster: found by
  /// scanning, they made the names of every node cost time proportional to the cluster's size,
  /// and built per node, the service names were most of a large cluster's TLS checks.
  struct Index {
    /// Positions in `derived.nodes` by node id (the first node of an id).
    var derivedNodes: [Int: Int] = [:]
    /// Per listener (by position), the `brokers[]` entries of each node id, merged as the
    /// operator merges them for the addresses it puts in the certificate.
    var overrides: [[Int: BrokerOverride]] = []
    /// The bootstrap and headless Service names every node's certificate starts with,
    /// without repeats, split into DNS names and IP addresses as in ``CertificateNames``.
    var sharedDNSNames: [String] = []
    var sharedIPAddresses: [[UInt8]] = []
    var shared: Set<String> = []
    /// `.<cluster>-kafka-brokers.<namespace>.svc`, which follows a pod name.
    var podSuffix: String
    var domain: String
    var commonNames: [String]
    /// Per listener (by position), the names of its bootstrap Service (cluster-ip listeners).
    var bootstrapServices: [[String]]

    init(_ derived: DerivedCluster) {
      let cluster = derived.cluster
      let name = cluster.name.value
      let namespace = cluster.namespace?.value ?? "default"
      let domain = cluster.clusterDomain?.value ?? "cluster.local"
      func service(_ service: String) -> [String] {
        [
          service, "\(service).\(namespace)", "\(service).\(namespace).svc",
          "\(service).\(namespace).svc.\(domain)",
        ]
      }
      for value in service("\(name)-kafka-bootstrap") + service("\(name)-kafka-brokers")
      where shared.insert(value).inserted {
        if let ip = IPText.parse(value) { sharedIPAddresses.append(ip) } else {
          sharedDNSNames.append(value)
        }
      }
      self.domain = domain
      podSuffix = ".\(name)-kafka-brokers.\(namespace).svc"
      commonNames = ["\(name)-kafka"]
      bootstrapServices = cluster.listeners.map { listener in
        listener.type.value == .clusterIP
          ? service("\(name)-kafka-\(listener.name.value)-bootstrap") : []
      }
      for (position, node) in derived.nodes.enumerated() where derivedNodes[node.id] == nil {
        derivedNodes[node.id] = position
      }
      overrides =
        derived.mergedOverrides.count == cluster.listeners.count
        ? derived.mergedOverrides : cluster.listeners.map(\.configuration.mergedBrokers)
    }
  }

  static func names(_ derived: DerivedCluster, node: ClusterNode, index: Index)
    -> CertificateNames
  {
    let cluster = derived.cluster
    // The names after the shared ones, in the operator's order; a name already given is
    // skipped. A node adds a handful, so a linear search finds repeats.
    var names: [String] = []
    // Past a few dozen names (a node with many listeners), repeats are found by hashing.
    var seen: Set<String>?
    func add(_ value: String) {
      if index.shared.contains(value) { return }
      if seen == nil && names.count >= 32 { seen = Set(names) }
      if seen != nil {
        if seen?.insert(value).inserted == true { names.append(value) }
      } else if !names.contains(value) {
        names.append(value)
      }
    }
    let pod = node.podName + index.podSuffix
    add(pod)
    add("\(pod).\(index.domain)")
    if node.roles.contains(.broker), let position = index.derivedNodes[node.id] {
      let endpoints = derived.nodes[position].endpoints
      for (position, listener) in cluster.listeners.enumerated() {
        let configuration = listener.configuration
        for alternative in configuration.bootstrap?.alternativeNames ?? [] { add(alternative.value) }
        let type = listener.type.value
        let override = index.overrides[position][node.id]
        switch type {
        case .internal, .clusterIP:
          guard listener.isTLS else { continue }
          if let host = override?.advertisedHost?.value { add(host) }
          for service in index.bootstrapServices[position] { add(service) }
        case .nodePort:
          if let host = override?.advertisedHost?.value { add(host) }
        case .loadBalancer, .route, .ingress, .tlsRoute, .host:
          if let host = override?.advertisedHost?.value { add(host) }
          if let host = configuration.bootstrap?.host?.value { add(host) }
          if let ip = configuration.bootstrap?.loadBalancerIP?.value { add(ip) }
        }
        // The per-broker address Strimzi reads back from the Service, Route or Ingress.
        for endpoint in endpoints
        where endpoint.kafkaName == listener.kafkaName && !endpoint.isPlaceholder {
          let fromTemplate = endpoint.hostSource == "advertisedHostTemplate"
          switch type {
          case .nodePort: if fromTemplate { add(endpoint.advertisedHost) }
          case .internal, .clusterIP:
            if listener.isTLS { add(endpoint.advertisedHost) }
          default: add(endpoint.advertisedHost)
          }
        }
      }
    }
    var dns = index.sharedDNSNames
    var ips = index.sharedIPAddresses
    for value in names {
      if let ip = IPText.parse(value) { ips.append(ip) } else { dns.append(value) }
    }
    return CertificateNames(commonNames: index.commonNames, dnsNames: dns, ipAddresses: ips)
  }
}

extension TLSCheck {
  /// The host as current clients verify it: JDK 17.0.7+/19+ and librdkafka 2.13+ strip one
  /// trailing dot first (older ones fail on it, which `host-unusable-for-tls-verification`
  /// reports).
  var verifiedHost: String { host.hasSuffix(".") ? String(host.dropLast()) : host }

  /// Each selected client's verdict: the certificate name that matched, or `nil`.
  func matchVerdicts(_ clients: [HostnameMatcher])
    -> [(client: HostnameMatcher, match: String?)]
  {
    guard let names = certificate?.names else { return [] }
    return clients.map { ($0, $0.matchingName(host: verifiedHost, names: names)) }
  }

  /// Notes shared by the TLS-name diagnostics: how the certificate was found.
  var certificateNotes: [Diagnostic.Note] {
    var notes: [Diagnostic.Note] = []
    if let guess = certificate?.guess { notes.append(.init(guess)) }
    if let file = certificate?.file { notes.append(.init("certificate", at: file.location)) }
    return notes
  }

  /// `DNS:a, DNS:b, IP:c` (at most eight), or `no names`.
  var coveredNames: String {
    guard let names = certificate?.names else { return "no names" }
    // Java and OpenSSL ignore the CN once a DNS subjectAltName exists, so it is not listed then.
    var shown = names
    if !shown.dnsNames.isEmpty { shown.commonNames = [] }
    let all = shown.descriptions
    if all.isEmpty { return "no names" }
    return all.prefix(8).joined(separator: ", ") + (all.count > 8 ? ", …" : "")
  }

  /// Whether the certificate could be read (unreadable ones are reported once, elsewhere).
  var hasReadableCertificate: Bool {
    guard let certificate else { return false }
    return certificate.file == nil || certificate.file?.leaf != nil
  }
}
