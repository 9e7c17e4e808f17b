/// KL501: a node's server.properties no longer says what its description (or Strimzi resource)
/// derives for it.
public struct ConfigurationDrift: Rule {
  /// The rule's code, for `generate` to turn it off: generating is how drift is repaired.
  static let code = "KL501"

  /// The listener keys compared, in the order they are reported.
  static let keys = [
    "node.id", "process.roles", "controller.listener.names", "controller.quorum.voters",
    "listener.security.protocol.map", "listeners", "advertised.listeners",
    "inter.broker.listener.name",
  ]

  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: ConfigurationDrift.code, name: "configuration-drift", severity: .error,
    summary: "A node's server.properties differs from the listener configuration derived for it.",
    rationale: """
      When a cluster description (or a Strimzi resource) and the server.properties files it \
      generates are linted together, every listener key of each file is compared with the \
      value `generate` derives for that node: `node.id`, `process.roles`, \
      `controller.listener.names`, `controller.quorum.voters`, \
      `listener.security.protocol.map`, `listeners`, `advertised.listeners` and \
      `inter.broker.listener.name`. A difference means the brokers run with addresses the \
      description no longer promises: someone edited the file by hand, or the description \
      changed and the files were not regenerated. Lists are compared element by element \
      (order aside, except `controller.listener.names`, whose first name brokers use), listener \
      names and protocols without regard to case; addresses only known at run time match any \
      value. Name the files in the description (`spec.properties: [{node: 0, file: \
      config/broker-0.properties}]`, relative to the description) or on the command line \
      (`lint --properties 0=config/broker-0.properties`). Regenerate the file \
      (`kafka-listeners generate DESCRIPTION --node 0 --merge-into FILE`) or change the \
      description until they agree. `generate` itself does not report drift.
      """,
    origin: .kafkaListeners,
    triggering: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: orders
        spec:
          platform: docker
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-1
          listeners:
            - name: docker
              port: 19092
              type: host
          # Linted alone, the file is not among the inputs.
          properties:
            - node: 1
              file: ↓config/kafka-1.properties

        """)
    ],
    passing: [
      RuleExample(
        "cluster.yaml",
        """
        # Without spec.properties (or lint --properties NODE=FILE) there is nothing to compare.
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: orders
        spec:
          platform: docker
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-1
          listeners:
            - name: docker
              port: 19092
              type: host

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var files: [String: PropertiesFile] = [:]
    for file in input.propertiesFiles {
      let path = PropertiesReference.normalize(file.path)
      if files[path] == nil { files[path] = file }
    }
    let unreadable = Set(input.unreadableFiles.map { PropertiesReference.normalize($0.path) })
    var diagnostics: [Diagnostic] = []
    var compared = Set<String>()

    // Files a description names.
    for derived in input.derivedClusters {
      let cluster = derived.cluster
      guard !cluster.nodeProperties.isEmpty else { continue }
      // The first node of each id, found by id: a scan per named file was quadratic.
      var nodesById: [Int: DerivedNode] = [:]
      for node in derived.nodes where nodesById[node.id] == nil { nodesById[node.id] = node }
      for (node, path) in cluster.nodeProperties.sorted(by: { $0.key < $1.key }) {
        guard let derivedNode = nodesById[node] else { continue }
        guard let file = files[path.value] else {
          if unreadable.contains(path.value) { continue }  // Reported as unreadable-file.
          diagnostics.append(
            metadata.diagnostic(
              "node \(node)'s server.properties \(quoted(path.value)) was not found, so it "
                + "cannot be compared with the configuration derived from cluster "
                + "\(quoted(cluster.name.value)); write it with kafka-listeners generate "
                + "--node \(node) --output-dir, or correct the path",
              at: path.location))
          continue
        }
        guard compared.insert("\(cluster.location) \(node) \(path.value)").inserted else {
          continue
        }
        let note = Diagnostic.Note(
          "spec.properties names the file for node \(node) of cluster "
            + "\(quoted(cluster.name.value)) here", at: path.location)
        diagnostics += compare(file, with: derivedNode, cluster: cluster, note: note)
      }
    }

    // Files named on the command line (`--properties NODE=FILE`).
    for (node, path) in input.nodeProperties.sorted(by: { $0.key < $1.key }) {
      let normalized = PropertiesReference.normalize(path)
      guard let file = files[normalized] else { continue }  // Unreadable: reported already.
      let owners = input.derivedClusters.filter { $0.nodes.contains { $0.id == node } }
      guard owners.count == 1, let derived = owners.first,
        let derivedNode = derived.nodes.first(where: { $0.id == node })
      else {
        let names = PortChecks.list(owners.map { quoted($0.cluster.name.value) })
        let message =
          input.derivedClusters.isEmpty
          ? "--properties names this file for node \(node), but no Strimzi resource or cluster "
            + "description is among the inputs to compare it with"
          : owners.isEmpty
            ? "--properties names this file for node \(node), but no cluster among the inputs "
              + "has node \(node)"
            : "--properties names this file for node \(node), which clusters \(names) each have; "
              + "lint one cluster at a time"
        diagnostics.append(metadata.diagnostic(message, at: .start(of: file.path)))
        continue
      }
      let cluster = derived.cluster
      guard compared.insert("\(cluster.location) \(node) \(normalized)").inserted else { continue }
      let note = Diagnostic.Note(
        "--properties names the file for node \(node) of cluster \(quoted(cluster.name.value)), "
          + "defined here", at: cluster.location)
      diagnostics += compare(file, with: derivedNode, cluster: cluster, note: note)
    }
    return diagnostics
  }

  /// A diagnostic for every compared key whose value in the file differs from the derived one.
  private func compare(
    _ file: PropertiesFile, with node: DerivedNode, cluster: Cluster, note: Diagnostic.Note
  ) -> [Diagnostic] {
    let placeholders = Set(
      node.endpoints.filter { $0.isPlaceholder && $0.advertisedAddress.contains("<") }
        .map(\.kafkaName))
    var diagnostics: [Diagnostic] = []
    let from = "cluster \(quoted(cluster.name.value))"
    for key in ConfigurationDrift.keys {
      let derived = node[key]
      let entry = file.entry(key)
      let difference: String
      switch (entry, derived) {
      case (nil, nil):
        continue
      case (let entry?, nil):
        difference =
          "\(key) is set to \(quoted(entry.value, limit: 200)), but \(from) derives no \(key) "
          + "for node \(node.id)"
      case (nil, let derived?):
        difference =
          "\(key) is missing; \(from) derives \(key)=\(quoted(derived, limit: 1000)) for node "
          + "\(node.id)"
      case (let entry?, let derived?):
        guard let detail = Self.difference(key, entry.value, derived, placeholders: placeholders)
        else { continue }
        difference =
          "\(key) differs from what \(from) derives for node \(node.id) (\(detail)); derived: "
          + "\(key)=\(quoted(derived, limit: 1000))"
      }
      diagnostics.append(
        metadata.diagnostic(
          difference, at: entry?.valueLocation ?? .start(of: file.path), notes: [note]))
    }
    return diagnostics
  }

  /// What differs between a written and a derived value, or `nil` when they mean the same.
  static func difference(
    _ key: String, _ written: String, _ derived: String, placeholders: Set<String>
  ) -> String? {
    switch key {
    case "node.id", "inter.broker.listener.name":
      let (a, b) = (written.trimmingJava(), derived.trimmingJava())
      let same = key == "node.id" ? a == b : a.uppercased() == b.uppercased()
      return same ? nil : "it is \(quoted(a, limit: 200))"
    case "controller.listener.names":
      let (a, b) = (elements(written), elements(derived))
      return a == b ? nil : "it is \(quoted(a.joined(separator: ","), limit: 200))"
    default:
      let normalize: (String) -> String
      switch key {
      case "listeners": normalize = normalizedEndpoint
      case "advertised.listeners":
        // An address only known at run time matches any address for that listener name.
        normalize = { element in
          let name = listenerName(element)
          return placeholders.contains(name) ? name + "://*" : normalizedEndpoint(element)
        }
      case "listener.security.protocol.map": normalize = { $0.uppercased() }
      default: normalize = { $0.lowercased() }
      }
      let writtenElements = elements(written)
      let derivedElements = elements(derived)
      let writtenSet = Set(writtenElements.map(normalize))
      let derivedSet = Set(derivedElements.map(normalize))
      let extra = writtenElements.filter { !derivedSet.contains(normalize($0)) }
      let missing = derivedElements.filter { !writtenSet.contains(normalize($0)) }
      if extra.isEmpty && missing.isEmpty { return nil }
      var parts: [String] = []
      if !extra.isEmpty {
        parts.append("not derived: " + extra.map { quoted($0, limit: 200) }.joined(separator: ", "))
      }
      if !missing.isEmpty {
        parts.append("missing: " + missing.map { quoted($0, limit: 200) }.joined(separator: ", "))
      }
      return parts.joined(separator: "; ")
    }
  }

  /// The comma-separated elements of a list value, trimmed, empty ones dropped.
  private static func elements(_ value: String) -> [String] {
    value.split(separator: ",", omittingEmptySubsequences: true).map {
      String($0).trimmingJava()
    }.filter { !$0.isEmpty }
  }

  /// `NAME://host:port` with the name upper-cased and the host lower-cased.
  private static func normalizedEndpoint(_ element: String) -> String {
    guard let separator = element.firstRange(of: "://") else { return element.lowercased() }
    return element[..<separator.lowerBound].uppercased() + "://"
      + element[separator.upperBound...].lowercased()
  }

  /// The listener name of an endpoint, upper-cased.
  private static func listenerName(_ element: String) -> String {
    guard let separator = element.firstRange(of: "://") else { return element.uppercased() }
    return element[..<separator.lowerBound].uppercased()
  }
}
