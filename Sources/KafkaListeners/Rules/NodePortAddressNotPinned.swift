/// KL116: a `nodeport` listener that leaves the choice of each broker's advertised address to
/// the operator's default order of node address types.
public struct NodePortAddressNotPinned: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL116", name: "nodeport-address-not-pinned", severity: .warning,
    summary: "A nodeport listener leaves each broker's advertised address to Strimzi's default.",
    rationale: """
      A `nodeport` listener advertises, for each broker, an address of the Kubernetes node its \
      pod runs on. Without `preferredNodePortAddressType`, Strimzi takes the first the node \
      has of ExternalDNS, ExternalIP, InternalDNS, InternalIP and Hostname — on most clusters \
      without external addresses that is the node's InternalIP, which clients outside the \
      cluster's network cannot reach (Strimzi issues #1721, #2109, #8133): the bootstrap \
      connection works, then every request goes to an unreachable address. Say which address \
      clients can reach: `preferredNodePortAddressType` (such as `ExternalIP`), or the address \
      itself with `advertisedHostTemplate` or `brokers[].advertisedHost` for every broker.
      """,
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: ↓nodeport
                tls: false
              - name: partial
                port: 9095
                type: ↓nodeport
                tls: false
                configuration:
                  brokers:
                    - broker: 0
                      advertisedHost: kafka-0.example.com
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 2
          roles: [controller, broker]
          storage:
            type: ephemeral
        status:
          nodeIds: [0, 1]

        """)
    ],
    passing: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: nodeport
                tls: false
                configuration:
                  preferredNodePortAddressType: ExternalDNS
              - name: pinned
                port: 9095
                type: nodeport
                tls: false
                configuration:
                  advertisedHostTemplate: kafka-{nodeId}.example.com
              - name: listed
                port: 9096
                type: nodeport
                tls: false
                configuration:
                  brokers:
                    - broker: 0
                      advertisedHost: kafka-0.example.com
                    - broker: 1
                      advertisedHost: kafka-1.example.com
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 2
          roles: [controller, broker]
          storage:
            type: ephemeral
        status:
          nodeIds: [0, 1]

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    let yaml = YAMLIndex(input)
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters where cluster.listeners.contains(where: { $0.type.value == .nodePort }) {
      let known = KnownNodes(cluster, yaml)
      for listener in cluster.listeners where listener.type.value == .nodePort {
        let configuration = listener.configuration
        guard configuration.preferredNodePortAddressType == nil,
          configuration.advertisedHostTemplate == nil, !Self.misspeltPin(listener, yaml)
        else { continue }
        let pinned = configuration.idsWithAdvertisedHost
        var unpinned: [Int] = []
        if let brokerIds = known.brokerIds {
          // The own format's advertisedHosts gives the n-th broker the n-th host.
          let listed = brokerIds.prefix(configuration.advertisedHosts.count)
          unpinned = brokerIds.filter { !pinned.contains($0) && !listed.contains($0) }
          guard !unpinned.isEmpty else { continue }
        } else if !pinned.isEmpty || !configuration.advertisedHosts.isEmpty {
          // Without the node ids, per-broker addresses may well cover every broker.
          continue
        }
        let which =
          pinned.isEmpty && configuration.advertisedHosts.isEmpty
          ? "each broker"
          : "broker\(unpinned.count == 1 ? "" : "s") \(StrimziValidation.list(unpinned))"
        diagnostics.append(
          metadata.diagnostic(
            "nodeport listener \(quoted(listener.name.value)) sets neither "
              + "preferredNodePortAddressType nor an advertised host for every broker, so "
              + "\(which) advertises the first address its Kubernetes node has of ExternalDNS, "
              + "ExternalIP, InternalDNS, InternalIP and Hostname — often an internal address "
              + "outside clients cannot reach; set preferredNodePortAddressType (such as "
              + "ExternalIP) or advertisedHostTemplate",
            at: listener.type.location, notes: unpinned.isEmpty ? [] : known.notes))
      }
    }
    return diagnostics
  }

  /// Whether the listener tries to pin the address under a misspelt key (reported as an
  /// unknown field), so fixing the spelling fixes this too.
  static func misspeltPin(_ listener: Listener, _ yaml: YAMLIndex) -> Bool {
    let pins = ["preferredNodePortAddressType", "advertisedHostTemplate"]
    for (key, _) in yaml.configuration(of: listener)?.pairs ?? [] {
      guard let name = key.scalar?.text, !pins.contains(name) else { continue }
      if Suggestions.closest(to: name, in: pins) != nil { return true }
    }
    return false
  }
}
