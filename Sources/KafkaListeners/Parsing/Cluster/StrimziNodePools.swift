/// One `KafkaNodePool` resource as read, before it is joined to its `Kafka`.
struct StrimziNodePool {
  /// The pool model (its `nodeIds` are `status.nodeIds` as written).
  var pool: NodePool
  /// `metadata.namespace`.
  var namespace: Located<String>?
  /// `status.nodeIds`, when the status lists them (an empty list counts: Strimzi then scales
  /// up from nothing).
  var statusIds: [Located<Int>]?
  /// `strimzi.io/next-node-ids`, when valid.
  var nextRange: Located<NodeIdRange>?
  /// `strimzi.io/remove-node-ids`, when valid.
  var removeRange: Located<NodeIdRange>?
  /// `spec.replicas` when it is a usable count.
  var replicas: Int?

  static let nextNodeIdsAnnotation = "strimzi.io/next-node-ids"
  static let removeNodeIdsAnnotation = "strimzi.io/remove-node-ids"
  static let specFields = ["replicas", "storage", "roles", "resources", "jvmOptions", "template"]
  /// At most this many ids of a range are kept in the model; Strimzi only ever takes a handful.
  static let modelledRangeIds = 10_000

  /// The pool's name.
  var name: String { pool.name.value }

  /// Whether Strimzi joins this pool to `kafka`: the label names it, in the same namespace (a
  /// resource without a namespace is taken to be in whichever namespace it is applied to).
  func belongs(to kafka: StrimziKafka) -> Bool {
    guard let label = pool.clusterLabel, label.value == kafka.name.value else { return false }
    guard let mine = namespace?.value, let theirs = kafka.cluster.namespace?.value else {
      return true
    }
    return mine == theirs
  }

  /// Reads one `KafkaNodePool` document; `nil` when it has no usable name.
  static func read(_ document: YAMLMapping, reader: inout FieldReader) -> StrimziNodePool? {
    let metadata = reader.mapping(document, "metadata", path: "KafkaNodePool", required: true)
    let name = metadata.flatMap {
      reader.kubernetesString($0, "name", path: "metadata", required: true)
    }
    let namespace = metadata.flatMap { reader.kubernetesString($0, "namespace", path: "metadata") }
    let labels = metadata.map { reader.metadataStrings($0, key: "labels") } ?? [:]
    let annotations = metadata.map { reader.metadataStrings($0) } ?? [:]
    let label = labels[StrimziReader.clusterLabel]
    // A label of the wrong type was reported as such; only a missing one is reported here.
    if let metadata, metadata["labels"]?.mapping?[StrimziReader.clusterLabel] == nil {
      reader.report(
        FieldReader.missingField,
        "metadata.labels is missing \(StrimziReader.clusterLabel), the name of the Kafka the "
          + "pool belongs to; Strimzi joins no cluster to a pool without it",
        at: metadata.keyNode("labels")?.location ?? metadata.location)
    }
    let nextRange = range(annotations[nextNodeIdsAnnotation], nextNodeIdsAnnotation, &reader)
    let removeRange = range(annotations[removeNodeIdsAnnotation], removeNodeIdsAnnotation, &reader)

    var replicas: Located<Int>?
    var roles: [Located<NodeRole>] = []
    if let spec = reader.mapping(document, "spec", path: "KafkaNodePool", required: true) {
      reader.checkKeys(spec, allowed: specFields, path: "spec")
      replicas = reader.integer(spec, "replicas", path: "spec", required: true, range: 0...Int.max)
      if let roleList = reader.sequence(spec, "roles", path: "spec", required: true) {
        roles = roleList.items.enumerated().compactMap { index, node in
          reader.oneOf(node, NodeRole.allCases.map(\.rawValue), path: "spec.roles[\(index)]")
            .flatMap { text in NodeRole(rawValue: text.value).map { Located($0, at: text.location) }
            }
        }
      }
      _ = reader.mapping(spec, "storage", path: "spec", required: true)
    }
    var usableReplicas = replicas?.value
    if let count = replicas, count.value > StrimziReader.maximumReplicas {
      reader.report(
        FieldReader.invalidValue,
        "spec.replicas is \(count.value); this tool models at most "
          + "\(StrimziReader.maximumReplicas) nodes per pool, so the pool is read without new "
          + "nodes", at: count.location)
      usableReplicas = nil
    }

    var statusIds: [Located<Int>]?
    if let status = reader.mapping(document, "status", path: "KafkaNodePool"),
      let ids = reader.sequence(status, "nodeIds", path: "status")
    {
      if ids.items.count > StrimziReader.maximumReplicas {
        reader.report(
          FieldReader.invalidValue,
          "status.nodeIds lists \(ids.items.count) ids; this tool models at most "
            + "\(StrimziReader.maximumReplicas) nodes per pool, so the status is ignored",
          at: ids.location)
      } else {
        statusIds = ids.items.enumerated().compactMap { index, node in
          reader.integer(node, path: "status.nodeIds[\(index)]")
        }
      }
    }

    guard let name else { return nil }
    let pool = NodePool(
      name: name, replicas: replicas, roles: roles, nodeIds: statusIds ?? [],
      nextNodeIds: nextRange.map { Located($0.value.prefix(modelledRangeIds), at: $0.location) },
      removeNodeIds: removeRange.map {
        Located($0.value.prefix(modelledRangeIds), at: $0.location)
      },
      clusterLabel: label, location: document.location)
    return StrimziNodePool(
      pool: pool, namespace: namespace, statusIds: statusIds, nextRange: nextRange,
      removeRange: removeRange, replicas: usableReplicas)
  }

  /// Parses a node-id annotation; KL019 at its value when Strimzi cannot parse it.
  private static func range(
    _ annotation: Located<String>?, _ name: String, _ reader: inout FieldReader
  ) -> Located<NodeIdRange>? {
    guard let annotation else { return nil }
    switch NodeIdRange.parse(annotation.value) {
    case .success(let range):
      return Located(range, at: annotation.location)
    case .failure(let failure):
      let fallback =
        name == nextNodeIdsAnnotation
        ? "new nodes get the lowest free ids instead" : "scale-down removes the highest ids instead"
      reader.report(
        StrimziReader.invalidNodeIdRange,
        "\(name) \(quoted(annotation.value)) is not a node id range like '[0, 5-9]': "
          + "\(failure.reason); Strimzi ignores the annotation with only a log warning, so "
          + fallback, at: annotation.location)
      return nil
    }
  }
}

/// Gives the nodes of a cluster's pools their ids the way Strimzi's `NodeIdAssignor` does:
/// ids in `status.nodeIds` are kept; a pool with more replicas than ids takes new ones from its
/// `strimzi.io/next-node-ids` range (skipping ids in use) or else the lowest unused id; a pool
/// with fewer replicas drops the ids in `strimzi.io/remove-node-ids` first, else its highest.
/// Pools are processed in document order (Strimzi's order is the API server's listing order,
/// which issue #9705 notes is not guaranteed).
struct NodeIdAssignor {
  /// Who holds an id, for notes.
  private struct Holder {
    var pool: Int
    var location: SourceLocation
  }

  private let pools: [StrimziNodePool]
  private var holders: [Int: Holder] = [:]
  private var highest = Int.min
  private var gapCursor = 0

  private init(pools: [StrimziNodePool]) {
    self.pools = pools
  }

  /// The nodes of `pools` (one cluster, named `cluster`), sorted by id; collisions are
  /// reported as KL018.
  static func assign(_ pools: [StrimziNodePool], cluster: String, reader: inout FieldReader)
    -> [ClusterNode]
  {
    var assignor = NodeIdAssignor(pools: pools)
    let current = assignor.claimStatusIds(reader: &reader)
    var nodes: [ClusterNode] = []
    for (index, pool) in pools.enumerated() {
      let desired = assignor.desiredIds(pool: index, current: current[index], reader: &reader)
      let roles = Set(pool.pool.roles.map(\.value))
      for (id, origin) in desired {
        nodes.append(
          ClusterNode(
            id: id, pool: pool.name, roles: roles, podName: "\(cluster)-\(pool.name)-\(id)",
            location: origin.location, isAssigned: origin.isAssigned))
      }
    }
    return nodes.sorted { $0.id < $1.id }
  }

  /// Collects every pool's `status.nodeIds` (all pools first, as Strimzi does); an id listed
  /// twice stops the operator with "Found duplicate node ID".
  private mutating func claimStatusIds(reader: inout FieldReader) -> [[Located<Int>]?] {
    var current: [[Located<Int>]?] = []
    for (index, pool) in pools.enumerated() {
      guard let ids = pool.statusIds else {
        current.append(nil)
        continue
      }
      var owned: [Located<Int>] = []
      for id in ids {
        if let holder = holders[id.value] {
          let other = pools[holder.pool].name
          let whose =
            holder.pool == index ? "this pool lists it twice" : "pool \(quoted(other)) has it"
          reader.issues.append(
            ReadIssue(
              code: StrimziReader.nodeIdCollision,
              message: "node id \(id.value) in status.nodeIds of pool \(quoted(pool.name)) is "
                + "already taken: \(whose); the operator stops with \"Found duplicate node ID "
                + "\(id.value) in node pool \(pool.name)\"",
              location: id.location,
              notes: [
                .init("pool \(quoted(other)) has node id \(id.value) here", at: holder.location)
              ]))
          continue
        }
        claim(id.value, pool: index, at: id.location)
        owned.append(id)
      }
      current.append(owned)
    }
    return current
  }

  private mutating func claim(_ id: Int, pool: Int, at location: SourceLocation) {
    holders[id] = Holder(pool: pool, location: location)
    highest = max(highest, id)
  }

  /// The ids the pool ends up with, each with where it came from.
  private mutating func desiredIds(
    pool index: Int, current: [Located<Int>]?, reader: inout FieldReader
  ) -> [(Int, (location: SourceLocation, isAssigned: Bool))] {
    let pool = pools[index]
    let replicasLocation = pool.pool.replicas?.location ?? pool.pool.location
    var desired: [Int: (location: SourceLocation, isAssigned: Bool)] = [:]
    for id in current ?? [] { desired[id.value] = (id.location, false) }
    let existing = desired.count
    guard let replicas = pool.replicas else { return desired.sorted { $0.key < $1.key } }

    if current != nil, replicas < existing {
      let sorted = desired.keys.sorted()
      var present = Set(sorted)
      var last = sorted.count - 1
      var range = pool.removeRange?.value.ids
      for _ in 0..<(existing - replicas) {
        if let id = range?.next(amongSorted: sorted, present: present) {
          present.remove(id)
          continue
        }
        // Strimzi's `pollLast`: the highest id still there.
        while last >= 0, !present.contains(sorted[last]) { last -= 1 }
        guard last >= 0 else { break }
        present.remove(sorted[last])
      }
      desired = desired.filter { present.contains($0.key) }
    } else if replicas > existing {
      var range = pool.nextRange?.value.ids
      var skipped: [(id: Int, holder: Holder)] = []
      var added: [Int] = []
      for _ in 0..<(replicas - existing) {
        let (id, location) = nextId(pool: index, range: &range, skipped: &skipped)
        claim(id, pool: index, at: location ?? replicasLocation)
        desired[id] = (location ?? replicasLocation, true)
        added.append(id)
      }
      if let annotation = pool.nextRange, !skipped.isEmpty {
        reader.issues.append(collision(pool: pool, annotation: annotation, skipped, added: added))
      }
    }
    return desired.sorted { $0.key < $1.key }
  }

  /// Strimzi's `provideNextId`: the next id of the range that nobody holds, else the next
  /// unused id. Ids of the range held by other pools are collected for the report.
  private mutating func nextId(
    pool: Int, range: inout NodeIdRange.Iterator?, skipped: inout [(id: Int, holder: Holder)]
  ) -> (Int, SourceLocation?) {
    if var iterator = range {
      defer { range = iterator }
      while let id = iterator.next() {
        guard let holder = holders[id] else { return (id, pools[pool].nextRange?.location) }
        if holder.pool != pool { skipped.append((id, holder)) }
      }
    }
    return (nextUnusedId(), nil)
  }

  /// Strimzi's `nextUnusedId`: one past the highest id when the ids in use have no gaps,
  /// otherwise the lowest unused id from 0. Ids are only ever added, so the lowest unused id
  /// never moves backwards and the search resumes where it stopped.
  private mutating func nextUnusedId() -> Int {
    if holders.isEmpty { return 0 }
    if holders.count == highest &+ 1 { return highest + 1 }
    while holders[gapCursor] != nil { gapCursor += 1 }
    return gapCursor
  }

  private func collision(
    pool: StrimziNodePool, annotation: Located<NodeIdRange>,
    _ skipped: [(id: Int, holder: Holder)], added: [Int]
  ) -> ReadIssue {
    var owners: [Int] = []
    for entry in skipped where !owners.contains(entry.holder.pool) {
      owners.append(entry.holder.pool)
    }
    let ids = skipped.map(\.id)
    let idText = ids.count == 1 ? "node id \(ids[0])" : "node ids " + list(ids)
    let ownerNames = owners.map { quoted(pools[$0].name) }
    let ownerText =
      (owners.count == 1 ? "pool " : "pools ")
      + (ownerNames.count <= 2
        ? ownerNames.joined(separator: " and ")
        : ownerNames.dropLast().joined(separator: ", ") + " and " + (ownerNames.last ?? ""))
    let gets = added.count == 1 ? "node id \(added[0])" : "node ids " + list(added)
    let notes = owners.compactMap { owner -> Diagnostic.Note? in
      guard let first = skipped.first(where: { $0.holder.pool == owner }) else { return nil }
      return .init(
        "pool \(quoted(pools[owner].name)) has node id \(first.id) here", at: first.holder.location)
    }
    return ReadIssue(
      code: StrimziReader.overlappingNodeIdRange,
      message: "\(StrimziNodePool.nextNodeIdsAnnotation) of pool \(quoted(pool.name)) asks for "
        + "\(idText), already used by \(ownerText); Strimzi skips used ids, so this pool gets "
        + "\(gets) instead of the range it names",
      location: annotation.location, notes: notes)
  }

  private func list(_ ids: [Int]) -> String {
    let shown = ids.prefix(10).map(String.init).joined(separator: ", ")
    return ids.count > 10 ? shown + ", …" : shown
  }
}
