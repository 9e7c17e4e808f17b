/// Reads Strimzi `Kafka` and `KafkaNodePool` resources into ``Cluster`` models.
///
/// Checks are those of the CRD schema (what the Kubernetes API server rejects) plus the few
/// operator behaviours needed to know the nodes: which pools join which `Kafka`, and which node
/// ids Strimzi gives them. Everything the operator's `ListenersValidator` checks is left to the
/// listener rules, which read the model.
enum StrimziReader {
  /// Enables node pools on a v1beta2 `Kafka` (Strimzi 0.36–0.45).
  static let nodePoolsAnnotation = "strimzi.io/node-pools"
  /// Enables KRaft (or drives the migration to it) on a v1beta2 `Kafka` (Strimzi ≤ 0.45).
  static let kraftAnnotation = "strimzi.io/kraft"
  /// This tool's inline suppression.
  static let ignoreAnnotation = "kafka-listeners.io/ignore"
  /// The label that attaches a `KafkaNodePool` to its `Kafka`.
  static let clusterLabel = "strimzi.io/cluster"
  /// The most nodes one pool may have here: far above any real cluster, low enough that a
  /// `replicas: 2000000000` cannot make the tool allocate billions of nodes.
  static let maximumReplicas = 10_000
  /// KL017, reported here because only the reader sees which pools join which cluster.
  static let orphanNodePool = "KL017"
  /// KL018.
  static let nodeIdCollision = "KL018"
  static let overlappingNodeIdRange = "KL020"
  /// KL019.
  static let invalidNodeIdRange = "KL019"

  /// Reads every `Kafka` and joins the `KafkaNodePool`s that name it.
  static func read(kafkas: [YAMLMapping], pools: [YAMLMapping], reader: inout FieldReader)
    -> [Cluster]
  {
    let poolResources = readEach(pools, reader: &reader, StrimziNodePool.read).compactMap { $0 }
    let kafkaResources = readEach(kafkas, reader: &reader, StrimziKafka.read).compactMap { $0 }

    // Pools and Kafkas found by the cluster name: a run over a thousand files matched every
    // pool against every Kafka twice, millions of comparisons.
    var poolsByCluster: [String: [Int]] = [:]
    for (index, pool) in poolResources.enumerated() {
      if let label = pool.pool.clusterLabel?.value { poolsByCluster[label, default: []].append(index) }
    }
    var kafkasByName: [String: [Int]] = [:]
    for (index, kafka) in kafkaResources.enumerated() {
      kafkasByName[kafka.name.value, default: []].append(index)
    }

    var attached = Array(repeating: false, count: poolResources.count)
    var clusters: [Cluster] = []
    for kafka in kafkaResources {
      let members = (poolsByCluster[kafka.name.value] ?? []).filter {
        poolResources[$0].belongs(to: kafka)
      }
      var cluster = kafka.cluster
      if kafka.usesNodePools(hasPools: !members.isEmpty) {
        for index in members { attached[index] = true }
        let pools = members.map { poolResources[$0] }
        cluster.pools = pools.map(\.pool)
        cluster.nodes = NodeIdAssignor.assign(pools, cluster: kafka.name.value, reader: &reader)
      } else if let replicas = kafka.replicas {
        let pool = kafka.implicitPool(replicas: replicas)
        cluster.pools = [pool]
        cluster.nodes = (0..<min(replicas.value, maximumReplicas)).map { id in
          ClusterNode(
            id: id, pool: pool.name.value, roles: Set(pool.roles.map(\.value)),
            podName: "\(kafka.name.value)-\(pool.name.value)-\(id)", location: replicas.location)
        }
      }
      clusters.append(cluster)
    }

    if !kafkaResources.isEmpty {
      for pool in poolResources {
        guard let label = pool.pool.clusterLabel,
          !(kafkasByName[label.value] ?? []).contains(where: { pool.belongs(to: kafkaResources[$0]) })
        else { continue }
        reader.issues.append(orphanIssue(pool, label: label, kafkas: kafkaResources))
      }
    }

    // Pools no Kafka takes still get their ids checked, grouped as Strimzi would group them, so
    // a file of pools linted on its own reports colliding ids too.
    var groups: [String: [StrimziNodePool]] = [:]
    var order: [String] = []
    for (index, pool) in poolResources.enumerated() where !attached[index] {
      guard let label = pool.pool.clusterLabel?.value else { continue }
      let key = "\(pool.namespace?.value ?? "")/\(label)"
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(pool)
    }
    for key in order {
      guard let members = groups[key], let label = members.first?.pool.clusterLabel?.value
      else { continue }
      _ = NodeIdAssignor.assign(members, cluster: label, reader: &reader)
    }
    return clusters
  }

  /// `read` of each document, in order. Many documents (a run over a thousand files) are read
  /// in chunks on several processors, each chunk by a copy of `reader` that starts without
  /// issues: reading a document changes nothing in the reader but its issues, so appending the
  /// chunks' issues in order gives what reading the documents one after another appends.
  static func readEach<Resource: Sendable>(
    _ documents: [YAMLMapping], reader: inout FieldReader,
    parallelFrom: Int = parallelDocumentCount,
    _ read: @Sendable (YAMLMapping, inout FieldReader) -> Resource?
  ) -> [Resource?] {
    Parallel.map(
      documents, inChunksOf: documentsPerChunk, from: parallelFrom, state: &reader,
      start: { $0.issues = [] }, merge: { $0.issues += $1.issues }, read)
  }

  /// Documents of one kind read in chunks on several processors from this many on.
  static let parallelDocumentCount = 64
  /// Documents per chunk: a resource takes tens of microseconds to read.
  static let documentsPerChunk = 32

  /// KL017 for a pool whose label names no `Kafka` given (in its namespace).
  private static func orphanIssue(
    _ pool: StrimziNodePool, label: Located<String>, kafkas: [StrimziKafka]
  ) -> ReadIssue {
    let poolName = quoted(pool.pool.name.value)
    let sameName = kafkas.filter { $0.name.value == label.value }
    if let other = sameName.first, let namespace = other.cluster.namespace?.value {
      let poolNamespace = pool.namespace.map { " in namespace \(quoted($0.value))" } ?? ""
      return ReadIssue(
        code: orphanNodePool,
        message: "KafkaNodePool \(poolName)\(poolNamespace) names cluster "
          + "\(quoted(label.value)), but that Kafka is in namespace \(quoted(namespace)); "
          + "Strimzi joins a pool only to a Kafka in the same namespace, so its nodes never start",
        location: label.location,
        notes: [
          .init("the Kafka \(quoted(label.value)) is defined here", at: other.cluster.location)
        ])
    }
    var message =
      "KafkaNodePool \(poolName) belongs to cluster \(quoted(label.value)) by its "
      + "\(clusterLabel) label, but no Kafka of that name is given"
    let names = kafkas.map(\.name.value)
    if let suggestion = Suggestions.closest(to: label.value, in: names) {
      message += "; did you mean \(quoted(suggestion.match))?"
    } else {
      message += " (Kafka resources given: \(names.map { quoted($0) }.joined(separator: ", ")))"
    }
    return ReadIssue(
      code: orphanNodePool, message: message, location: label.location)
  }
}

/// One `Kafka` resource as read, before its pools are joined.
struct StrimziKafka {
  /// The cluster without pools and nodes.
  var cluster: Cluster
  /// `kafka.strimzi.io/v1` (else v1beta2).
  var isV1: Bool
  /// `strimzi.io/node-pools: enabled` (v1beta2).
  var nodePoolsEnabled: Bool
  /// ZooKeeper mode: v1beta2 with `spec.zookeeper` and without `strimzi.io/kraft: enabled`.
  var isZooKeeper: Bool
  /// `spec.kafka.replicas` (v1beta2, clusters without node pools).
  var replicas: Located<Int>?
  /// Where `spec.kafka` starts.
  var kafkaLocation: SourceLocation

  /// `metadata.name`.
  var name: Located<String> { cluster.name }

  /// Whether the nodes come from `KafkaNodePool`s: always for v1; for v1beta2 when the
  /// annotation enables them, when there is no `spec.kafka.replicas` to make an implicit pool
  /// from (Strimzi 0.46+ needs no annotation), or in KRaft mode when pools name the cluster.
  func usesNodePools(hasPools: Bool) -> Bool {
    if isV1 || nodePoolsEnabled || replicas == nil { return true }
    return !isZooKeeper && hasPools
  }

  /// The pool Strimzi models a cluster without node pools as: named `kafka`, ids from 0.
  func implicitPool(replicas: Located<Int>) -> NodePool {
    let roles: [NodeRole] = isZooKeeper ? [.broker] : [.controller, .broker]
    return NodePool(
      name: Located("kafka", at: replicas.location), replicas: replicas,
      roles: roles.map { Located($0, at: replicas.location) }, isImplicit: true,
      location: kafkaLocation)
  }

  /// Reads one `Kafka` document; `nil` when it has no usable name (the problems are reported).
  static func read(_ document: YAMLMapping, reader: inout FieldReader) -> StrimziKafka? {
    let apiVersionNode = document["apiVersion"]
    let apiVersion = Located(
      apiVersionNode?.scalar?.text ?? ClusterReader.strimziVersions[0],
      at: apiVersionNode?.location ?? document.location)
    let isV1 = apiVersion.value == "kafka.strimzi.io/v1"

    let metadata = reader.mapping(document, "metadata", path: "Kafka", required: true)
    let name = metadata.flatMap {
      reader.kubernetesString($0, "name", path: "metadata", required: true)
    }
    let namespace = metadata.flatMap { reader.kubernetesString($0, "namespace", path: "metadata") }
    let annotations = metadata.map { reader.metadataStrings($0) } ?? [:]

    var nodePoolsEnabled = false
    var kraftEnabled = false
    if !isV1 {
      nodePoolsEnabled = reader.switchAnnotation(
        annotations[StrimziReader.nodePoolsAnnotation], StrimziReader.nodePoolsAnnotation,
        allowed: ["enabled", "disabled"])
      kraftEnabled = reader.switchAnnotation(
        annotations[StrimziReader.kraftAnnotation], StrimziReader.kraftAnnotation,
        allowed: ["enabled", "disabled", "migration", "rollback"])
    }

    let spec = reader.mapping(document, "spec", path: "Kafka", required: true)
    let kafkaSpec = spec.flatMap { reader.mapping($0, "kafka", path: "spec", required: true) }
    let hasZooKeeper = spec.map { $0["zookeeper"].map { !$0.isNull } ?? false } ?? false

    var listeners: [Listener] = []
    var kafkaVersion: Located<String>?
    var replicas: Located<Int>?
    var configKeys: [Located<String>] = []
    if let kafkaSpec {
      reader.checkListenersSpelling(kafkaSpec)
      // Only the keys matter here, for the keys the operator ignores (KL115).
      for (key, _) in kafkaSpec["config"]?.mapping?.pairs ?? [] {
        if let scalar = key.scalar { configKeys.append(Located(scalar.text, at: scalar.location)) }
      }
      kafkaVersion = reader.kubernetesString(kafkaSpec, "version", path: "spec.kafka")
      if !isV1 {
        replicas = reader.integer(
          kafkaSpec, "replicas", path: "spec.kafka", range: 1...Int.max)
        if let count = replicas, count.value > StrimziReader.maximumReplicas {
          reader.report(
            FieldReader.invalidValue,
            "spec.kafka.replicas is \(count.value); this tool models at most "
              + "\(StrimziReader.maximumReplicas) nodes per pool, so the cluster is read "
              + "without nodes", at: count.location)
          replicas = nil
        }
      }
      let listenerReader = StrimziListenerReader(isV1: isV1)
      listeners = listenerReader.listeners(in: kafkaSpec, reader: &reader)
    }

    guard let name else { return nil }
    var cluster = Cluster(
      origin: .strimzi, name: name, namespace: namespace, apiVersion: apiVersion,
      platform: Located(.kubernetes, at: document.location), kafkaVersion: kafkaVersion,
      isKRaft: isV1 || !hasZooKeeper || kraftEnabled, listeners: listeners,
      ignoredRules: ignoredRules(annotations[StrimziReader.ignoreAnnotation]),
      location: document.location)
    cluster.configKeys = configKeys
    return StrimziKafka(
      cluster: cluster, isV1: isV1, nodePoolsEnabled: nodePoolsEnabled,
      isZooKeeper: !cluster.isKRaft, replicas: replicas,
      kafkaLocation: kafkaSpec?.location ?? document.location)
  }

  /// The codes of `kafka-listeners.io/ignore: "KL301, KL302"`, each located at the value.
  static func ignoredRules(_ annotation: Located<String>?) -> [Located<String>] {
    guard let annotation else { return [] }
    return annotation.value.split { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\n" }
      .map { Located(String($0), at: annotation.location) }
  }
}

extension FieldReader {
  /// A string field; like ``string(_:_:path:required:)`` but also reports unquoted numbers
  /// such as `4.0`, which a Kubernetes API server reads as a number, not as text.
  mutating func kubernetesString(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool = false
  ) -> Located<String>? {
    guard let node = value(parent, key, path: path, required: required) else { return nil }
    return kubernetesString(node, path: "\(path).\(key)")
  }

  /// A string node (see ``kubernetesString(_:_:path:required:)``).
  mutating func kubernetesString(_ node: YAMLNode, path: String) -> Located<String>? {
    if let scalar = node.scalar, !scalar.isQuoted, !scalar.isNull, scalar.integerValue == nil,
      StrimziKafka.looksLikeFloat(scalar.text)
    {
      report(
        Self.wrongType,
        "\(path) must be a string, not a number (\(scalar.text)); quote it (\"\(scalar.text)\")",
        at: node.location)
      return nil
    }
    return string(node, path: path)
  }

  /// Checks keys like ``checkKeys(_:allowed:path:)``; in a v1beta2 resource, the fields that
  /// exist only in `kafka.strimzi.io/v1` are reported with the release that added them.
  mutating func checkKeys(
    _ mapping: YAMLMapping, allowed: [String], v1Only: [(field: String, since: String)],
    isV1: Bool, path: String
  ) {
    let all = allowed + v1Only.map(\.field)
    if !isV1 {
      for (key, _) in mapping.pairs {
        guard let name = key.scalar?.text, let entry = v1Only.first(where: { $0.field == name })
        else { continue }
        report(
          Self.unknownField,
          "field \(quoted(name)) in \(path) exists only in kafka.strimzi.io/v1 (Strimzi "
            + "\(entry.since) and later); the v1beta2 CRD does not define it, so Kubernetes "
            + "drops it", at: key.location)
      }
    }
    checkKeys(mapping, allowed: all, path: path)
  }

  /// `metadata.annotations` (or `labels`) as strings. Values must be strings to Kubernetes; an
  /// unquoted `[0-2]` is a YAML list, so the hint says how to quote it.
  mutating func metadataStrings(_ metadata: YAMLMapping, key: String = "annotations")
    -> [String: Located<String>]
  {
    guard let mapping = mapping(metadata, key, path: "metadata") else { return [:] }
    var result: [String: Located<String>] = [:]
    for (keyNode, valueNode) in mapping.pairs {
      guard let name = keyNode.scalar?.text else {
        report(
          Self.wrongType,
          "metadata.\(key) has a key that is \(keyNode.kindDescription), not a string",
          at: keyNode.location)
        continue
      }
      if let sequence = valueNode.sequence {
        let items = sequence.items.map { $0.scalar?.text ?? "…" }.joined(separator: ", ")
        report(
          Self.wrongType,
          "metadata.\(key).\(name) must be a string, not a list; quote it: \(quoted("[\(items)]"))",
          at: valueNode.location)
        continue
      }
      // Kubernetes reads a null value as an empty string; nothing to check or keep.
      if valueNode.isNull { continue }
      if let value = kubernetesString(valueNode, path: "metadata.\(key).\(name)") {
        result[name] = value
      }
    }
    return result
  }

  /// Whether an `enabled`/`disabled` annotation is `enabled` (Strimzi compares in lower case);
  /// values Strimzi does not know are reported.
  mutating func switchAnnotation(
    _ annotation: Located<String>?, _ name: String, allowed: [String]
  ) -> Bool {
    guard let annotation else { return false }
    let value = annotation.value.lowercased()
    if !allowed.contains(value) {
      var message =
        "annotation \(name) must be one of \(allowed.joined(separator: ", ")), not "
        + "\(quoted(annotation.value)); Strimzi reads anything but 'enabled' as disabled"
      if let suggestion = Suggestions.closest(to: annotation.value, in: allowed) {
        message += "; did you mean \(quoted(suggestion.match))?"
      }
      report(Self.invalidValue, message, at: annotation.location)
    }
    return value == "enabled"
  }

  /// `spec.kafka` is not checked field by field (its `config`, `storage`, `template` … are the
  /// operator's business), except for a misspelt `listeners`, which loses every listener.
  mutating func checkListenersSpelling(_ kafkaSpec: YAMLMapping) {
    for (key, _) in kafkaSpec.pairs {
      guard let name = key.scalar?.text, name != "listeners",
        Suggestions.closest(to: name, in: ["listeners"]) != nil
      else { continue }
      report(
        Self.unknownField,
        "unknown field \(quoted(name)) in spec.kafka; did you mean 'listeners'?",
        at: key.location)
    }
  }
}

extension StrimziKafka {
  /// Whether an unquoted scalar is a YAML number with a fraction or exponent (`4.0`, `1e3`,
  /// `.5`), which Kubernetes reads as a number.
  static func looksLikeFloat(_ text: String) -> Bool {
    // Every string field of every resource comes here, and most are names and hosts: a byte
    // that no number has decides it without copying the text, unless the text is short
    // enough to be `.inf` or `-.NaN`.
    if text.utf8.count > 5, text.utf8.contains(where: { !isNumberByte($0) }) { return false }
    return looksLikeFloatByScalars(text)
  }

  /// `looksLikeFloat` for any text, scalar by scalar; tests hold the byte check to it.
  static func looksLikeFloatByScalars(_ text: String) -> Bool {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "-" || scalars.first == "+" { scalars.removeFirst() }
    let body = String(String.UnicodeScalarView(scalars)).lowercased()
    if body == ".inf" || body == ".nan" { return true }
    let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
    var mantissa = scalars[...]
    var exponent: ArraySlice<Unicode.Scalar>?
    if let e = scalars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = scalars[..<e]
      var rest = scalars[(e + 1)...]
      if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
      exponent = rest
    }
    if let exponent, exponent.isEmpty || !exponent.allSatisfy(isDigit) { return false }
    let dots = mantissa.filter { $0 == "." }.count
    let digits = mantissa.filter(isDigit).count
    guard dots <= 1, digits > 0, digits + dots == mantissa.count else { return false }
    return dots == 1 || exponent != nil
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"),
      UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
      true
    default: false
    }
  }
}
