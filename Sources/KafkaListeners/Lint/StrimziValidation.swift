/// Shared logic of the KL1xx rules, which mirror the checks Strimzi's cluster operator makes at
/// reconcile time (`ListenersValidator`, `NodePoolUtils`, `KafkaSpecChecker`) and apply them to
/// ClusterDescriptions where the concept exists.
enum StrimziValidation {
  /// The tail of a message that quotes Strimzi's own text, so a search for the operator's error
  /// finds the diagnostic. A description is not applied by the operator, but one on Kubernetes
  /// describes what a `Kafka` resource would say.
  static func rejection(_ cluster: Cluster, _ message: String) -> String {
    switch cluster.origin {
    case .strimzi: "the Strimzi operator rejects the resource with \"\(message)\""
    case .description: "Strimzi rejects such a listener with \"\(message)\""
    }
  }

  /// Whether the cluster's listeners are Kubernetes listeners (always for Strimzi).
  static func onKubernetes(_ cluster: Cluster) -> Bool {
    cluster.platform.value == .kubernetes
  }

  /// Listeners grouped by a key, in order of first appearance; only groups of two or more.
  static func repeated<Key: Hashable>(
    _ listeners: [Listener], by key: (Listener) -> Key
  ) -> [[Listener]] {
    var groups: [Key: [Listener]] = [:]
    var order: [Key] = []
    for listener in listeners {
      let value = key(listener)
      if groups[value] == nil { order.append(value) }
      groups[value, default: []].append(listener)
    }
    return order.compactMap { groups[$0] }.filter { $0.count > 1 }
  }

  /// Ids as text: `0, 1, 2`; past `limit` ids, the rest is counted instead of listed, so that
  /// a message stays short however many nodes a cluster has.
  static func list(_ ids: [Int], limit: Int = 20) -> String {
    let shown = ids.prefix(limit).map(String.init).joined(separator: ", ")
    return ids.count > limit ? shown + ", … (\(ids.count) in all)" : shown
  }

  /// Ids as sorted runs: `0–2, 5, 7–9`; past `limit` runs, the rest is counted.
  static func ranges(_ ids: [Int], limit: Int = 10) -> String {
    let sorted = Array(Set(ids)).sorted()
    var runs: [String] = []
    var index = 0
    while index < sorted.count {
      var end = index
      while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
      switch end - index {
      case 0: runs.append("\(sorted[index])")
      case 1: runs.append("\(sorted[index]), \(sorted[end])")
      default: runs.append("\(sorted[index])–\(sorted[end])")
      }
      index = end + 1
    }
    let shown = runs.prefix(limit).joined(separator: ", ")
    return runs.count > limit ? shown + ", … (\(sorted.count) in all)" : shown
  }
}

// MARK: - The YAML behind the model

/// The parsed YAML of the documents that define clusters, for what the model does not keep:
/// where a key is written (a diagnostic about a field points at its key), and whether an
/// optional mapping or list was written at all (Strimzi tells `configuration: {}` apart from no
/// configuration, and `brokers: []` from no `brokers`).
struct YAMLIndex {
  /// Where a node starts. Keys are per file, so a lookup hashes two numbers rather than the
  /// file's path: building the index hashed a path for every mapping and scalar, a tenth of
  /// linting 1,000 files.
  private struct Start: Hashable, Comparable {
    var line: Int
    var column: Int

    init(_ location: SourceLocation) {
      line = location.line
      column = location.column
    }

    static func < (a: Start, b: Start) -> Bool {
      (a.line, a.column) < (b.line, b.column)
    }
  }

  private struct FileIndex {
    var mappings: [Start: YAMLMapping] = [:]
    /// The indexed documents, in the order they were added.
    var documents: [YAMLNode] = []
    /// Whether each document starts after the one before, as the documents of one file do.
    /// Two files of the same path (possible through the API) break the order.
    var inFileOrder = true

    mutating func add(document: YAMLNode) {
      if let last = documents.last, !(Start(last.location) < Start(document.location)) {
        inFileOrder = false
      }
      documents.append(document)
      add(document)
    }

    private mutating func add(_ node: YAMLNode) {
      switch node {
      case .scalar:
        return
      case .mapping(let mapping):
        // The outer mapping wins when two start at the same place.
        let start = Start(mapping.location)
        if mappings[start] == nil { mappings[start] = mapping }
        for pair in mapping.pairs { add(pair.value) }
      case .sequence(let sequence):
        for item in sequence.items { add(item) }
      }
    }

    /// The mapping with a scalar value that starts at `start`, searched in the one document
    /// that can hold it, the last document starting at or before it. It is asked for rarely
    /// (where a description's implicit pool is written: a node's `pool` or `id`), so it is not
    /// indexed: indexing every scalar's mapping took a tenth of linting 1,000 files.
    func owner(of start: Start) -> YAMLMapping? {
      var owner: YAMLMapping?
      guard inFileOrder else {
        for document in documents { Self.search(document, for: start, owner: &owner) }
        return owner
      }
      var low = 0
      var high = documents.count
      while low < high {
        let middle = (low + high) / 2
        if Start(documents[middle].location) <= start { low = middle + 1 } else { high = middle }
      }
      guard low > 0 else { return nil }
      Self.search(documents[low - 1], for: start, owner: &owner)
      return owner
    }

    /// Visits the tree in the order `add` does and keeps the last match: an alias puts the
    /// same scalar, at the same place, in more than one mapping.
    private static func search(_ node: YAMLNode, for start: Start, owner: inout YAMLMapping?) {
      switch node {
      case .scalar:
        return
      case .mapping(let mapping):
        for pair in mapping.pairs {
          if case .scalar(let scalar) = pair.value, Start(scalar.location) == start {
            owner = mapping
          }
          search(pair.value, for: start, owner: &owner)
        }
      case .sequence(let sequence):
        for item in sequence.items { search(item, for: start, owner: &owner) }
      }
    }
  }

  private var files: [String: FileIndex] = [:]

  /// Indexes the documents of `clusters` and of their Strimzi node pools.
  init(_ input: LintInput, clusters: [Cluster]) {
    var roots = Set(clusters.map(\.location))
    for cluster in clusters { roots.formUnion(cluster.pools.map(\.location)) }
    let paths = Set(roots.map(\.file))
    for file in input.yamlFiles where paths.contains(file.path) {
      var index = files[file.path] ?? FileIndex()
      for document in file.documents where roots.contains(document.location) {
        index.add(document: document)
      }
      files[file.path] = index
    }
  }

  /// Indexes the documents of every cluster of the input, once per input: eight rules read it.
  init(_ input: LintInput) {
    self = input.shared.value(.yamlIndex) { YAMLIndex(input, clusters: input.clusters) }
  }

  /// The mapping that starts at `location` (a listener, a `brokers[]` entry, a `bootstrap`).
  subscript(_ location: SourceLocation) -> YAMLMapping? {
    files[location.file]?.mappings[Start(location)]
  }

  /// The mapping that starts at `location`, or else the one with a scalar value there (a
  /// description's node is located at its `id`).
  func mapping(at location: SourceLocation) -> YAMLMapping? {
    guard let file = files[location.file] else { return nil }
    let start = Start(location)
    return file.mappings[start] ?? file.owner(of: start)
  }

  /// A listener's `configuration` mapping, when one is written.
  func configuration(of listener: Listener) -> YAMLMapping? {
    self[listener.location]?.written("configuration")?.mapping
  }

  /// A listener's `configuration.bootstrap` mapping, when one is written.
  func bootstrap(of listener: Listener) -> YAMLMapping? {
    configuration(of: listener)?.written("bootstrap")?.mapping
  }
}

extension YAMLMapping {
  /// The value of `key` when it is written and not null.
  func written(_ key: String) -> YAMLNode? {
    guard let node = self[key], !node.isNull else { return nil }
    return node
  }

  /// Where `key` is written (its key), when its value is not null.
  func keyLocation(_ key: String) -> SourceLocation? {
    guard written(key) != nil else { return nil }
    return keyNode(key)?.location
  }
}

// MARK: - Node ids

/// What the inputs tell about a cluster's node ids: which nodes are brokers, and whether the
/// ids were read (status, annotations, a description's explicit ids) or assigned the way the
/// operator assigns new ones, which issue #9705 shows is not stable across pools.
struct KnownNodes {
  /// Broker node ids, sorted; `nil` when the inputs name no nodes (a `Kafka` without its
  /// node pools).
  let brokerIds: [Int]?
  /// Ids of nodes that are controllers only.
  let controllerOnlyIds: Set<Int>
  /// A note saying which pools' ids were assigned rather than read, when any were.
  let assignedNote: Diagnostic.Note?

  init(_ cluster: Cluster, _ yaml: YAMLIndex) {
    guard !cluster.nodes.isEmpty, Self.isComplete(cluster, yaml) else {
      brokerIds = nil
      controllerOnlyIds = []
      assignedNote = nil
      return
    }
    // ZooKeeper-era nodes are all brokers whatever their pool says.
    let brokers = cluster.isKRaft ? cluster.brokers : cluster.nodes
    brokerIds = brokers.map(\.id).sorted()
    controllerOnlyIds =
      cluster.isKRaft
      ? Set(cluster.nodes.filter { !$0.roles.contains(.broker) }.map(\.id)) : []

    var assignedPools: [NodePool] = []
    for pool in cluster.pools {
      let assigned = cluster.nodes.contains { node in
        node.pool == pool.name.value && node.isAssigned
          && node.location != pool.nextNodeIds?.location
      }
      if assigned { assignedPools.append(pool) }
    }
    guard let first = assignedPools.first else {
      assignedNote = nil
      return
    }
    let names = assignedPools.map { quoted($0.name.value) }.joined(separator: ", ")
    let poolWord = assignedPools.count == 1 ? "pool" : "pools"
    let message: String
    switch cluster.origin {
    case .strimzi:
      message =
        "the node ids of \(poolWord) \(names) are assigned here the way Strimzi assigns new ids "
        + "(lowest unused first, pools in document order); the running cluster may use others: "
        + "give status.nodeIds or the strimzi.io/next-node-ids annotation to pin them"
    case .description:
      message =
        "the node ids of \(poolWord) \(names) are assigned here the way Strimzi assigns new ids "
        + "(lowest unused first); list the pool's nodeIds to pin them"
    }
    assignedNote = Diagnostic.Note(message, at: first.replicas?.location ?? first.location)
  }

  /// The notes to attach to a diagnostic that depends on the ids.
  var notes: [Diagnostic.Note] { assignedNote.map { [$0] } ?? [] }

  /// Whether every pool and node written made it into the model with its roles and replica
  /// count. A pool the reader dropped or read in part (a misspelt role, a quoted replica
  /// count) was reported already; judging the nodes without it would report the same mistake
  /// again as a missing broker or controller.
  static func isComplete(_ cluster: Cluster, _ yaml: YAMLIndex) -> Bool {
    for pool in cluster.pools {
      // Strimzi's implicit pool comes from spec.kafka.replicas; a description's implicit pools
      // gather explicit nodes, checked below.
      if pool.isImplicit { continue }
      // A description's pool named by explicit nodes has no mapping of its own.
      guard let item = yaml[pool.location] else { continue }
      let fields = cluster.origin == .strimzi ? item.written("spec")?.mapping : item
      guard let fields else { return false }
      if fields.written("replicas") != nil, pool.replicas == nil { return false }
      if let roles = fields.written("roles"), roles.sequence?.items.count != pool.roles.count {
        return false
      }
    }
    guard cluster.origin == .description,
      let spec = yaml[cluster.location]?.written("spec")?.mapping
    else { return true }
    let poolLocations = Set(cluster.pools.map(\.location))
    for item in spec.written("nodePools")?.sequence?.items ?? [] {
      guard let mapping = item.mapping, poolLocations.contains(mapping.location) else {
        return false
      }
    }
    let nodeLocations = Set(cluster.nodes.map(\.location))
    for item in spec.written("nodes")?.sequence?.items ?? [] {
      guard let id = item.mapping?.written("id"), nodeLocations.contains(id.location) else {
        return false
      }
    }
    return true
  }
}

// MARK: - Hosts of ingress and tlsroute listeners

/// The host checks Strimzi makes for `ingress` (V38–V41) and `tlsroute` (V42–V46) listeners:
/// a bootstrap host, and a host per broker from `hostTemplate` or `brokers[].host`.
struct RequiredHosts {
  /// One problem: Strimzi's message, how to fix it, where, and notes.
  struct Problem {
    var upstream: String
    var fix: String
    var location: SourceLocation
    var notes: [Diagnostic.Note] = []
  }

  let listener: Listener
  let cluster: Cluster
  let yaml: YAMLIndex
  /// `Ingress` or `TLSRoute`, as Strimzi's messages name the type.
  let kind: String

  /// Whether the listener has a `configuration` at all; without the YAML (it should always be
  /// there), whether the model holds any of it.
  var hasConfiguration: Bool {
    if let mapping = yaml[listener.location] { return mapping.written("configuration") != nil }
    let configuration = listener.configuration
    return configuration.bootstrap != nil || !configuration.brokers.isEmpty
      || configuration.hostTemplate != nil || !configuration.parentRefs.isEmpty
  }

  /// Where to point at the configuration as a whole.
  var configurationLocation: SourceLocation {
    yaml[listener.location]?.keyLocation("configuration") ?? listener.type.location
  }

  /// The bootstrap and per-broker host problems of a listener that has a configuration.
  func hostProblems() -> [Problem] {
    let name = listener.name.value
    let configuration = listener.configuration
    let mapping = yaml.configuration(of: listener)
    var problems: [Problem] = []

    let bootstrapMapping = yaml.bootstrap(of: listener)
    if configuration.bootstrap?.host == nil, bootstrapMapping?.written("host") == nil {
      problems.append(
        Problem(
          upstream: "listener \(name) is missing a bootstrap host property which is required "
            + "for \(kind) based listeners",
          fix: "set configuration.bootstrap.host to the name clients bootstrap from",
          location: mapping?.keyLocation("bootstrap") ?? configurationLocation))
    }

    if configuration.hostTemplate != nil || mapping?.written("hostTemplate") != nil {
      return problems
    }
    guard mapping?.written("brokers") != nil || !configuration.brokers.isEmpty else {
      problems.append(
        Problem(
          upstream: "listener \(name) is missing a broker configuration with host properties "
            + "which are required for \(kind) based listeners",
          fix: "set configuration.hostTemplate (such as broker-{nodeId}.kafka.example.com) or "
            + "brokers[].host for every broker",
          location: configurationLocation))
      return problems
    }
    let known = KnownNodes(cluster, yaml)
    guard let brokerIds = known.brokerIds else { return problems }
    var notes = known.notes
    // Sets, not array searches: 10,000 entries on 10,000 brokers made those quadratic.
    let brokerSet = Set(brokerIds)
    let strangers = configuration.brokers.filter { !brokerSet.contains($0.broker.value) }
    if let stranger = strangers.first {
      var ids: [Int] = []
      var seen = Set<Int>()
      for entry in strangers where seen.insert(entry.broker.value).inserted {
        ids.append(entry.broker.value)
      }
      notes.insert(
        .init(
          (ids.count == 1
            ? "brokers[] configures node id \(ids[0]), which is not a broker id"
            : "brokers[] configures node ids \(StrimziValidation.list(ids)), which are not "
              + "broker ids") + "; the brokers are \(StrimziValidation.ranges(brokerIds))",
          at: stranger.broker.location), at: 0)
    }
    // Strimzi looks at the first entry for the id only. Found by id, not by a scan per broker.
    var firstEntry: [Int: BrokerOverride] = [:]
    for entry in configuration.brokers where firstEntry[entry.broker.value] == nil {
      firstEntry[entry.broker.value] = entry
    }
    for id in brokerIds {
      let entry = firstEntry[id]
      if let entry, entry.host != nil || yaml[entry.location]?.written("host") != nil { continue }
      problems.append(
        Problem(
          upstream: "listener \(name) is missing a broker host property for broker with ID "
            + "\(id) which is required for \(kind) based listeners",
          fix: entry == nil
            ? "add a brokers[] entry with broker: \(id) and its host, or use hostTemplate"
            : "give this entry a host, or use hostTemplate",
          location: entry?.broker.location ?? mapping?.keyLocation("brokers")
            ?? configurationLocation,
          notes: notes))
    }
    return problems
  }
}
