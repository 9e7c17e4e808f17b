/// Reads a `kafka-listeners/v1` `ClusterDescription` (YAML, or JSON through the same reader)
/// into a ``Cluster``.
///
/// The format is described key for key by `Schemas/cluster-description.schema.json`; the keys
/// accepted here are listed in ``allowedKeys``, which a test compares with the schema's
/// properties at every level so the two cannot drift. Every problem becomes a ``ReadIssue``
/// (KL013–KL016, KL018) and the rest of the document is still read.
enum DescriptionReader {
  /// The keys accepted in each mapping of the format, by schema path (`""` is the document,
  /// `[]` marks the items of a list).
  static let allowedKeys: [String: [String]] = [
    "": ["apiVersion", "kind", "metadata", "spec"],
    "metadata": ["name", "namespace", "annotations"],
    "spec": [
      "platform", "kafkaVersion", "clusterDomain", "nodePools", "nodes", "listeners", "addresses",
      "clients", "properties",
    ],
    "spec.nodePools[]": ["name", "roles", "replicas", "nodeIds"],
    "spec.nodes[]": ["id", "roles", "host", "pool", "tls"],
    "spec.nodes[].tls": ["certificate", "ca"],
    "spec.nodes[].tls.certificate": ["file", "secret", "key"],
    "spec.listeners[]": ["name", "port", "type", "tls", "authentication", "configuration"],
    "spec.listeners[].tls": ["certificate", "ca"],
    "spec.listeners[].tls.certificate": ["file", "secret", "key"],
    "spec.listeners[].authentication": ["type", "sasl", "listenerConfig", "secrets"],
    "spec.listeners[].authentication.secrets[]": ["key", "secretName"],
    "spec.listeners[].configuration": [
      "bootstrap", "brokers", "brokerCertChainAndKey", "class", "externalTrafficPolicy",
      "loadBalancerSourceRanges", "ipFamilyPolicy", "ipFamilies", "createBootstrapService",
      "finalizers", "useServiceDnsDomain", "maxConnections", "maxConnectionCreationRate",
      "preferredNodePortAddressType", "publishNotReadyAddresses", "perBrokerAnnotationsTemplate",
      "perBrokerLabelsTemplate", "hostTemplate", "advertisedHostTemplate", "advertisedPortTemplate",
      "allocateLoadBalancerNodePorts", "parentRefs", "advertisedHosts", "advertisedBasePort",
    ],
    "spec.listeners[].configuration.bootstrap": [
      "alternativeNames", "host", "nodePort", "loadBalancerIP", "annotations", "labels",
      "externalIPs",
    ],
    "spec.listeners[].configuration.brokers[]": [
      "broker", "advertisedHost", "advertisedPort", "host", "nodePort", "loadBalancerIP",
      "annotations", "labels", "externalIPs",
    ],
    "spec.listeners[].configuration.brokerCertChainAndKey": ["secretName", "certificate", "key"],
    "spec.listeners[].configuration.parentRefs[]": [
      "group", "kind", "name", "namespace", "port", "sectionName",
    ],
    "spec.addresses": ["nodes", "loadBalancers"],
    "spec.addresses.nodes[]": [
      "node", "ExternalIP", "ExternalDNS", "InternalIP", "InternalDNS", "Hostname",
    ],
    "spec.addresses.loadBalancers[]": ["listener", "bootstrap", "brokers"],
    "spec.addresses.loadBalancers[].brokers[]": ["broker", "host"],
    "spec.clients[]": ["name", "position", "network", "listener"],
    "spec.properties[]": ["node", "file"],
  ]

  /// The annotation whose comma-separated rule codes or names are suppressed in the document.
  static let ignoreAnnotation = "kafka-listeners.io/ignore"

  /// The most nodes one description may define. Node ids are assigned one by one, so a typo
  /// such as `replicas: 3000000000` must not make the tool allocate billions of nodes.
  static let maxReplicas = 10_000

  /// The largest node id: Kafka reads `node.id` as a Java `int`.
  static let maxNodeID = 2_147_483_647

  /// Reads one description document; `nil` when it lacks `metadata.name` or `spec` (reported).
  static func read(_ document: YAMLMapping, reader: inout FieldReader) -> Cluster? {
    var parser = DescriptionParser(reader: reader)
    let cluster = parser.read(document)
    reader = parser.reader
    return cluster
  }
}

/// The state of reading one description: the issues so far and what later sections depend on
/// (the platform, the node ids, the listener names).
struct DescriptionParser {
  var reader: FieldReader
  var platform: Cluster.Platform = .kubernetes
  var clusterName = "cluster"
  /// Every listener name written, including those of listeners that could not be read, so a
  /// reference to one is not reported a second time.
  var writtenListenerNames: Set<String> = []

  init(reader: FieldReader) {
    self.reader = reader
  }

  func keys(_ path: String) -> [String] { DescriptionReader.allowedKeys[path] ?? [] }

  mutating func read(_ document: YAMLMapping) -> Cluster? {
    reader.checkKeys(document, allowed: keys(""), path: "the ClusterDescription")
    let apiVersion = Located(
      document["apiVersion"]?.scalar?.text ?? ClusterReader.descriptionVersion,
      at: document["apiVersion"]?.location ?? document.location)
    let metadata = rootMapping(document, "metadata")
    let spec = rootMapping(document, "spec")

    // The platform decides what other fields may say, so it is read before everything else.
    var platformValue = Located(
      Cluster.Platform.kubernetes, at: spec?.location ?? document.location)
    if let spec,
      let written = reader.oneOf(
        spec, "platform", Cluster.Platform.allCases.map(\.rawValue), path: "spec"),
      let value = Cluster.Platform(rawValue: written.value)
    {
      platformValue = Located(value, at: written.location)
    }
    platform = platformValue.value

    var name: Located<String>?
    var namespace: Located<String>?
    var ignoredRules: [Located<String>] = []
    if let metadata {
      reader.checkKeys(metadata, allowed: keys("metadata"), path: "metadata")
      name = string(metadata, "name", path: "metadata", required: true)
      if let written = name {
        if Self.isDNSLabel(written.value) {
          clusterName = written.value
        } else {
          reader.report(
            FieldReader.invalidValue,
            "metadata.name must be lower-case letters, digits and '-', starting and ending with a "
              + "letter or digit, not \(quoted(written.value)): it becomes part of node and pod "
              + "names",
            at: written.location)
          name = nil
        }
      }
      namespace = self.namespace(metadata)
      ignoredRules = self.ignoredRules(metadata)
    }

    guard let spec else { return nil }
    reader.checkKeys(spec, allowed: keys("spec"), path: "spec")
    let kafkaVersion = self.kafkaVersion(spec)
    let clusterDomain = self.clusterDomain(spec)
    let (pools, nodes) = self.nodes(spec)
    let brokerIDs = nodes.brokerIDs
    let listeners = self.listeners(spec, brokerIDs: brokerIDs)
    let knownAddresses = addresses(
      spec, nodeIDs: nodes.map(\.id), brokerIDs: brokerIDs, listeners: listeners)
    let clientGroups = clients(spec, listeners: listeners)
    let nodeProperties = self.nodeProperties(spec, nodeIDs: nodes.map(\.id))

    guard let name else { return nil }
    var cluster = Cluster(
      origin: .description, name: name, namespace: namespace, apiVersion: apiVersion,
      platform: platformValue, clusterDomain: clusterDomain, kafkaVersion: kafkaVersion,
      isKRaft: true, pools: pools, nodes: nodes, listeners: listeners,
      clientGroups: clientGroups, knownAddresses: knownAddresses, ignoredRules: ignoredRules,
      location: document.location)
    cluster.nodeProperties = nodeProperties
    return cluster
  }

  /// `metadata` or `spec`: required mappings of the document.
  mutating func rootMapping(_ document: YAMLMapping, _ key: String) -> YAMLMapping? {
    guard let node = document[key], !node.isNull else {
      reader.report(
        FieldReader.missingField,
        "the ClusterDescription is missing the required field \(quoted(key))",
        at: document.location)
      return nil
    }
    guard let mapping = node.mapping else {
      reader.report(
        FieldReader.wrongType, "\(key) must be a mapping, not \(node.kindDescription)",
        at: node.location)
      return nil
    }
    return mapping
  }

  /// Reports a field that only means something on another platform; `true` when it may stay.
  mutating func allowedOnPlatform(
    _ parent: YAMLMapping, _ key: String, path: String, only allowed: Cluster.Platform,
    because reason: String
  ) -> Bool {
    guard platform != allowed, let keyNode = parent.keyNode(key), parent[key]?.isNull == false
    else { return true }
    reader.report(
      FieldReader.invalidValue,
      "\(path).\(key) applies only to platform \(allowed.rawValue), not \(platform.rawValue): "
        + reason,
      at: keyNode.location)
    return false
  }

  mutating func namespace(_ metadata: YAMLMapping) -> Located<String>? {
    guard
      allowedOnPlatform(
        metadata, "namespace", path: "metadata", only: .kubernetes,
        because: "brokers on hosts or in containers have no Kubernetes namespace"),
      let value = string(metadata, "namespace", path: "metadata")
    else { return nil }
    guard Self.isDNSLabel(value.value), value.value.count <= 63 else {
      reader.report(
        FieldReader.invalidValue,
        "metadata.namespace must be a Kubernetes namespace name (lower-case letters, digits and "
          + "'-', at most 63 characters), not \(quoted(value.value))",
        at: value.location)
      return nil
    }
    return value
  }

  /// The codes of `kafka-listeners.io/ignore`, each located where it is written.
  mutating func ignoredRules(_ metadata: YAMLMapping) -> [Located<String>] {
    let annotations = stringMap(metadata, "annotations", path: "metadata")
    guard let annotation = annotations[DescriptionReader.ignoreAnnotation],
      let node = metadata["annotations"]?.mapping?[DescriptionReader.ignoreAnnotation],
      let scalar = node.scalar
    else { return [] }
    // Columns of the individual codes are exact for single-line values; an escape sequence in
    // a quoted value can shift them, which only moves the caret within the same value.
    let singleLine = !scalar.text.contains("\n")
    let start = annotation.location.column + (scalar.isQuoted ? 1 : 0)
    var result: [Located<String>] = []
    var offset = 0
    var current = ""
    var currentStart = 0
    func flush() {
      guard !current.isEmpty else { return }
      var location = annotation.location
      if singleLine { location.column = start + currentStart }
      result.append(Located(current, at: location))
      current = ""
    }
    for character in scalar.text.unicodeScalars {
      if character == "," || character == " " || character == "\t" || character == "\n" {
        flush()
      } else {
        if current.isEmpty { currentStart = offset }
        current.unicodeScalars.append(character)
      }
      offset += 1
    }
    flush()
    return result
  }

  mutating func kafkaVersion(_ spec: YAMLMapping) -> Located<String>? {
    guard let value = string(spec, "kafkaVersion", path: "spec") else { return nil }
    guard value.value.wholeMatch(of: /[0-9]+\.[0-9]+(\.[0-9]+)?/) != nil else {
      reader.report(
        FieldReader.invalidValue,
        "spec.kafkaVersion must be a Kafka version such as \"3.9\" or \"4.1.0\", not "
          + quoted(value.value),
        at: value.location)
      return nil
    }
    return value
  }

  mutating func clusterDomain(_ spec: YAMLMapping) -> Located<String>? {
    guard
      allowedOnPlatform(
        spec, "clusterDomain", path: "spec", only: .kubernetes,
        because: "it is the DNS domain of a Kubernetes cluster"),
      let value = string(spec, "clusterDomain", path: "spec")
    else { return nil }
    guard Self.isDNSName(value.value) else {
      reader.report(
        FieldReader.invalidValue,
        "spec.clusterDomain must be a DNS domain such as cluster.local, not \(quoted(value.value))",
        at: value.location)
      return nil
    }
    return value
  }
}

// MARK: - Nodes and pools

extension DescriptionParser {
  /// A node id as written, for collision checks.
  private struct WrittenID {
    var id: Int
    var location: SourceLocation
    var owner: Owner

    /// Who wrote the id, put into words only for a message: a description of ten thousand
    /// nodes has no collision to report.
    enum Owner: Equatable {
      case pool(String)
      case node(index: Int)
      case assigned

      var words: String {
        switch self {
        case .pool(let name): "pool \(quoted(name))"
        case .node(let index): "spec.nodes[\(index)]"
        case .assigned: ""
        }
      }
    }
  }

  /// Reads `nodePools` and `nodes`, assigns the ids of pools that give only `replicas` the way
  /// Strimzi assigns new ids (lowest unused first, pools in document order), and reports ids
  /// used twice.
  mutating func nodes(_ spec: YAMLMapping) -> (pools: [NodePool], nodes: [ClusterNode]) {
    let hasPools = spec["nodePools"].map { !$0.isNull } ?? false
    let hasNodes = spec["nodes"].map { !$0.isNull } ?? false
    if !hasPools && !hasNodes {
      reader.report(
        FieldReader.missingField,
        "spec is missing the required field 'nodePools' or 'nodes': a cluster needs at least one "
          + "broker and one controller",
        at: spec.location)
    }

    for key in ["nodePools", "nodes"] {
      if let sequence = spec[key]?.sequence, sequence.items.isEmpty {
        reader.report(
          FieldReader.invalidValue,
          "spec.\(key) must not be empty; list at least one or leave it out",
          at: sequence.location)
      }
    }

    var pools: [NodePool] = []
    var written: [WrittenID] = []
    var poolNames: [String: SourceLocation] = [:]
    for (index, item) in items(spec, "nodePools", path: "spec") {
      let path = "spec.nodePools[\(index)]"
      guard let pool = nodePool(item, path: path) else { continue }
      if let first = poolNames[pool.name.value] {
        reader.issues.append(
          ReadIssue(
            code: FieldReader.invalidValue,
            message: "\(path).name \(quoted(pool.name.value)) is already the name of another pool; "
              + "pod names are <cluster>-<pool>-<id>, so pool names must be unique",
            location: pool.name.location,
            notes: [Diagnostic.Note("the pool is first defined here", at: first)]))
      } else {
        poolNames[pool.name.value] = pool.name.location
      }
      for id in pool.nodeIds {
        written.append(
          WrittenID(id: id.value, location: id.location, owner: .pool(pool.name.value)))
      }
      pools.append(pool)
    }

    var explicit: [(node: ClusterNode, poolWritten: Located<String>?)] = []
    let nodeItems = items(spec, "nodes", path: "spec")
    for (index, read) in zip(nodeItems.map(\.index), explicitNodes(nodeItems, poolNames: poolNames)) {
      guard let read else { continue }
      written.append(WrittenID(id: read.id, location: read.idLocation, owner: .node(index: index)))
      if let node = read.node { explicit.append((node, read.pool)) }
    }

    // Ids written twice: the later one is reported, with a note at the first.
    var used: [Int: WrittenID] = [:]
    var rejected: Set<SourceLocation> = []
    for entry in written.sorted(by: { $0.location < $1.location }) {
      if let first = used[entry.id] {
        reader.issues.append(
          ReadIssue(
            code: NodeIDCollision.code,
            message: first.owner == entry.owner
              ? "node id \(entry.id) is listed twice in \(entry.owner.words)"
              : "node id \(entry.id) of \(entry.owner.words) is already used by "
                + "\(first.owner.words); node ids are unique across all pools and nodes of a "
                + "cluster",
            location: entry.location,
            notes: [Diagnostic.Note("node id \(entry.id) is first used here", at: first.location)]))
        rejected.insert(entry.location)
      } else {
        used[entry.id] = entry
      }
    }

    var nodes: [ClusterNode] = []
    var total = used.count
    for index in pools.indices {
      let pool = pools[index]
      let roles = Set(pool.roles.map(\.value))
      let poolName = pool.name.value
      if pool.nodeIds.isEmpty {
        // Strimzi gives a pool without status the lowest ids no other node uses.
        let count = pool.replicas?.value ?? 0
        guard total + count <= DescriptionReader.maxReplicas else {
          reader.report(
            FieldReader.invalidValue,
            "spec.nodePools[\(index)].replicas brings the cluster to more than "
              + "\(DescriptionReader.maxReplicas) nodes, more than this tool models",
            at: pool.replicas?.location ?? pool.location)
          continue
        }
        total += count
        var candidate = 0
        for _ in 0..<count {
          while used[candidate] != nil { candidate += 1 }
          used[candidate] = WrittenID(id: candidate, location: pool.location, owner: .assigned)
          nodes.append(
            ClusterNode(
              id: candidate, pool: poolName, roles: roles,
              podName: podName(pool: poolName, id: candidate, host: nil), location: pool.location,
              isAssigned: true))
        }
      } else {
        for id in pool.nodeIds where !rejected.contains(id.location) {
          nodes.append(
            ClusterNode(
              id: id.value, pool: poolName, roles: roles,
              podName: podName(pool: poolName, id: id.value, host: nil), location: id.location))
        }
      }
    }

    // Explicit nodes form pools of their own, named by `pool` (Strimzi's `kafka` when absent).
    var explicitPools: [String: Int] = [:]
    for (node, poolWritten) in explicit where rejected.isEmpty || !rejected.contains(node.location) {
      nodes.append(node)
      guard poolNames[node.pool] == nil else { continue }
      if let index = explicitPools[node.pool] {
        pools[index].nodeIds.append(Located(node.id, at: node.location))
        for role in node.roles.sorted()
        where !pools[index].roles.contains(where: { $0.value == role }) {
          pools[index].roles.append(Located(role, at: node.location))
        }
      } else {
        explicitPools[node.pool] = pools.count
        pools.append(
          NodePool(
            name: poolWritten ?? Located(node.pool, at: node.location),
            roles: node.roles.sorted().map { Located($0, at: node.location) },
            nodeIds: [Located(node.id, at: node.location)], isImplicit: poolWritten == nil,
            location: poolWritten?.location ?? node.location))
      }
    }
    nodes.sort { $0.id < $1.id }
    return (pools, nodes)
  }

  /// One `nodePools[]` entry; its `nodeIds` are the explicit ones only.
  mutating func nodePool(_ item: YAMLMapping, path: String) -> NodePool? {
    reader.checkKeys(item, allowed: keys("spec.nodePools[]"), path: path)
    var name = string(item, "name", path: path, required: true)
    if let written = name, !Self.isDNSLabel(written.value) {
      reader.report(
        FieldReader.invalidValue,
        "\(path).name must be lower-case letters, digits and '-', starting and ending with a "
          + "letter or digit, not \(quoted(written.value)): it becomes part of pod names",
        at: written.location)
      name = nil
    }
    let roles = self.roles(item, path: path)
    let replicas = reader.integer(
      item, "replicas", path: path, range: 0...DescriptionReader.maxReplicas)
    var nodeIDs: [Located<Int>] = []
    var seen: [Int: SourceLocation] = [:]
    if let sequence = reader.sequence(item, "nodeIds", path: path) {
      for (index, node) in sequence.items.enumerated() {
        guard
          let id = reader.integer(
            node, path: "\(path).nodeIds[\(index)]", range: 0...DescriptionReader.maxNodeID)
        else { continue }
        if seen[id.value] == nil { seen[id.value] = id.location }
        nodeIDs.append(id)
      }
    }
    let hasReplicas = item["replicas"].map { !$0.isNull } ?? false
    let hasNodeIDs = item["nodeIds"].map { !$0.isNull } ?? false
    if !hasReplicas && !hasNodeIDs {
      reader.report(
        FieldReader.missingField,
        "\(path) is missing the required field 'replicas' (or 'nodeIds', the pool's node ids)",
        at: item.location)
    }
    if let replicas, hasNodeIDs, let sequence = item["nodeIds"]?.sequence,
      replicas.value != sequence.items.count
    {
      reader.report(
        FieldReader.invalidValue,
        "\(path).replicas is \(replicas.value) but nodeIds lists \(sequence.items.count) "
          + "id\(sequence.items.count == 1 ? "" : "s"); give the same number, or leave replicas "
          + "out",
        at: replicas.location)
    }
    guard let name, let roles else { return nil }
    return NodePool(
      name: name, replicas: replicas, roles: roles,
      nodeIds: nodeIDs, location: item.location)
  }

  /// One `nodes[]` entry: the node (when complete), where its id is written, and its `pool`.
  /// The id alone is returned for a node with bad roles so that collisions are still found.
  /// What ``explicitNode(_:path:poolNames:)`` reads from one entry of `spec.nodes`.
  typealias ExplicitNode = (node: ClusterNode?, id: Int, idLocation: SourceLocation, pool: Located<String>?)

  /// Lists at least this long are read in chunks on several processors.
  static let parallelNodeCount = 1_024
  /// Entries per chunk.
  static let nodesPerChunk = 512

  /// `explicitNode` of each item, in order. A long list is cut into chunks read on several
  /// processors, each by a copy of this parser that starts without issues: reading an entry
  /// changes nothing but the issues, so appending the chunks' issues in order gives what
  /// reading the entries one after another appends.
  mutating func explicitNodes(
    _ items: [(index: Int, mapping: YAMLMapping)], poolNames: [String: SourceLocation],
    parallelFrom: Int = parallelNodeCount
  ) -> [ExplicitNode?] {
    Parallel.map(
      items, inChunksOf: Self.nodesPerChunk, from: parallelFrom, state: &self,
      start: { $0.reader.issues = [] }, merge: { $0.reader.issues += $1.reader.issues }
    ) { item, parser in
      parser.explicitNode(item.mapping, path: "spec.nodes[\(item.index)]", poolNames: poolNames)
    }
  }

  mutating func explicitNode(
    _ item: YAMLMapping, path: String, poolNames: [String: SourceLocation]
  ) -> ExplicitNode? {
    reader.checkKeys(item, allowed: keys("spec.nodes[]"), path: path)
    let id = reader.integer(
      item, "id", path: path, required: true, range: 0...DescriptionReader.maxNodeID)
    let roles = self.roles(item, path: path)
    var host: Located<String>?
    if platform == .kubernetes, let keyNode = item.keyNode("host"), item["host"]?.isNull == false {
      reader.report(
        FieldReader.invalidValue,
        "\(path).host applies only to platforms hosts and docker, not kubernetes: a pod's "
          + "addresses come from its listeners and spec.addresses",
        at: keyNode.location)
    } else {
      host = string(item, "host", path: path, nonEmpty: true)
    }
    var pool = string(item, "pool", path: path)
    if let written = pool {
      if !Self.isDNSLabel(written.value) {
        reader.report(
          FieldReader.invalidValue,
          "\(path).pool must be lower-case letters, digits and '-', starting and ending with a "
            + "letter or digit, not \(quoted(written.value))",
          at: written.location)
        pool = nil
      } else if let declared = poolNames[written.value] {
        reader.issues.append(
          ReadIssue(
            code: FieldReader.invalidValue,
            message: "\(path).pool \(quoted(written.value)) is a pool of spec.nodePools, whose "
              + "nodes come from its nodeIds or replicas; list this id there or name another pool",
            location: written.location,
            notes: [Diagnostic.Note("the pool is defined here", at: declared)]))
      }
    }
    var certificate: CertificateSource?
    if let tls = reader.mapping(item, "tls", path: path) {
      certificate = certificateSource(tls, path: "\(path).tls", keysPath: "spec.nodes[].tls")
    }
    guard let id else { return nil }
    guard let roles else { return (nil, id.value, id.location, pool) }
    let poolName = pool?.value ?? "kafka"
    var node = ClusterNode(
      id: id.value, pool: poolName, roles: Set(roles.map(\.value)),
      podName: podName(pool: poolName, id: id.value, host: host?.value), host: host,
      location: id.location)
    node.certificate = certificate
    return (node, id.value, id.location, pool)
  }

  /// `roles`: required, at least one, each `broker` or `controller`, no repeats.
  mutating func roles(_ item: YAMLMapping, path: String) -> [Located<NodeRole>]? {
    guard let sequence = reader.sequence(item, "roles", path: path, required: true) else {
      return nil
    }
    if sequence.items.isEmpty {
      reader.report(
        FieldReader.invalidValue,
        "\(path).roles must list at least one role (broker, controller)", at: sequence.location)
      return nil
    }
    var roles: [Located<NodeRole>] = []
    var valid = true
    for (index, node) in sequence.items.enumerated() {
      guard
        let written = reader.oneOf(
          node, NodeRole.allCases.map(\.rawValue), path: "\(path).roles[\(index)]"),
        let role = NodeRole(rawValue: written.value)
      else {
        valid = false
        continue
      }
      if roles.contains(where: { $0.value == role }) {
        reader.report(
          FieldReader.invalidValue, "\(path).roles lists \(quoted(role.rawValue)) twice",
          at: written.location)
        continue
      }
      roles.append(Located(role, at: written.location))
    }
    return valid ? roles : nil
  }

  /// The node's name: Strimzi's pod name on Kubernetes, else its host or `<cluster>-<id>`.
  func podName(pool: String, id: Int, host: String?) -> String {
    if platform == .kubernetes { return "\(clusterName)-\(pool)-\(id)" }
    return host ?? "\(clusterName)-\(id)"
  }
}

/// The rule code of ``NodeIdCollision``, without instantiating the rule.
private enum NodeIDCollision {
  static let code = "KL018"
}
