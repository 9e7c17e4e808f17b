/// KL319: brokers that share one machine bind or publish the same port.
public struct HostPortCollision: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL319", name: "host-port-collision", severity: .error,
    summary: "Brokers on one machine bind or publish the same port.",
    rationale: """
      Every node binds every one of its listeners on `0.0.0.0` (the built-in `REPLICATION-9091` \
      on brokers and `CONTROLPLANE-9090` on controllers included), so two nodes that run on \
      one machine, nodes of platform `hosts` (or `docker`) with the same `host`, bind the same \
      ports: the second to start fails with `Socket server failed to bind to 0.0.0.0:9092: \
      Address already in use`. Kafka's exception for one IPv4 and one IPv6 listener on a port \
      (KIP-797) never applies, since both bind the IPv4 wildcard; in Docker, two containers \
      with one name are not two addresses either. Containers published on one Docker host \
      share that host's ports: when brokers advertise one host (`localhost`, the host's \
      address) on different listeners, every advertised port must be published by one \
      container only, or Docker refuses to start the second (`Bind for 0.0.0.0:29093 failed: \
      port is already allocated`). Give every node its own host, and give the listeners that \
      share a host port ranges that do not overlap. Two brokers advertising one `host:port` on \
      the same listener are reported by shared-advertised-address (KL318), and two listeners \
      of one node on one port by listener-port-not-unique (KL102) and forbidden-listener-port \
      (KL103).
      """,
    origin: .kafka(
      message: "Socket server failed to bind to <host>:<port>: Address already in use"),
    triggering: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: payments
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-a.dc1.example.com
            - id: 2
              roles: [broker, controller]
              host: ↓kafka-a.dc1.example.com
            - id: 3
              roles: [broker, controller]
              host: kafka-c.dc1.example.com
          listeners:
            - name: internal
              port: 9092
              type: host
              tls: true

        """),
      // Node N's external port is 29091 + N and its admin port 29092 + N: on the Docker host,
      // node 1's admin port is node 2's external port.
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
            - id: 2
              roles: [broker, controller]
              host: kafka-2
          listeners:
            - name: external
              port: 9092
              type: host
              configuration:
                advertisedHostTemplate: localhost
                advertisedBasePort: 29091
            - name: admin
              port: 9093
              type: host
              configuration:
                advertisedHostTemplate: ↓localhost
                advertisedBasePort: 29092

        """),
    ],
    passing: [
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
            - id: 2
              roles: [broker, controller]
              host: kafka-2
          listeners:
            - name: external
              port: 9092
              type: host
              configuration:
                advertisedHostTemplate: localhost
                advertisedBasePort: 29091
            - name: admin
              port: 9093
              type: host
              configuration:
                advertisedHostTemplate: localhost
                advertisedBasePort: 39091

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for derived in input.derivedClusters where derived.cluster.platform.value != .kubernetes {
      diagnostics += sharedHosts(derived)
      diagnostics += publishedPorts(derived)
    }
    return diagnostics
  }

  /// Nodes with the same `host`: they bind the ports they have in common twice.
  private func sharedHosts(_ derived: DerivedCluster) -> [Diagnostic] {
    let cluster = derived.cluster
    let docker = cluster.platform.value == .docker
    var diagnostics: [Diagnostic] = []
    // Most clusters give every node its own host: only hosts written more than once are looked
    // at further. Each node's lower-cased host is kept for that second pass.
    var keys: [String?] = []
    keys.reserveCapacity(cluster.nodes.count)
    var hostCounts: [String: Int] = [:]
    for node in cluster.nodes {
      let key = node.host?.value.lowercasedIfNeeded
      if let key { hostCounts[key, default: 0] += 1 }
      keys.append(key)
    }
    guard hostCounts.values.contains(where: { $0 > 1 }) else { return [] }
    // The few fields the message needs, not whole nodes.
    var earlier: [String: [(id: Int, host: SourceLocation, ports: Set<Int>)]] = [:]
    // Looked up by id: searching the derived nodes for each node is quadratic.
    var derivedIndex: [Int: Int] = [:]
    for (index, derivedNode) in derived.nodes.enumerated() where derivedIndex[derivedNode.id] == nil {
      derivedIndex[derivedNode.id] = index
    }
    for (node, key) in zip(cluster.nodes, keys) {
      guard let host = node.host, let key else { continue }
      guard let count = hostCounts[key], count > 1 else { continue }
      let ports = derivedIndex[node.id].map { Set(derived.nodes[$0].endpoints.map(\.port)) } ?? []
      defer { earlier[key, default: []].append((node.id, host.location, ports)) }
      guard let others = earlier[key], let first = others.first else { continue }
      let shared = others.reduce(into: Set<Int>()) { $0.formUnion($1.ports.intersection(ports)) }
      let ids = PortChecks.list(others.map(\.id))
      let portList = PortChecks.list(shared.sorted())
      let nodes = (others.count == 1 ? "node " : "nodes ") + ids
      let portsText = (shared.count == 1 ? "port " : "ports ") + portList
      let message: String
      if docker {
        message =
          "node \(node.id) has the host \(quoted(host.value)) of \(nodes): on one Docker network "
          + "a name reaches one container, so clients and the other nodes cannot tell them apart"
          + (shared.isEmpty ? "" : ", and with host networking both bind \(portsText)")
          + "; give every container its own name"
      } else {
        guard !shared.isEmpty else { continue }
        message =
          "node \(node.id) runs on host \(quoted(host.value)) like \(nodes), and both bind "
          + "\(portsText) on every interface: the second to start fails with \"Socket server "
          + "failed to bind to 0.0.0.0:\(shared.min() ?? 0): Address already in use\"; give every "
          + "node its own host"
      }
      diagnostics.append(
        metadata.diagnostic(
          message, at: host.location,
          notes: [.init("node \(first.id) has this host here", at: first.host)]))
    }
    return diagnostics
  }

  /// Brokers that advertise one host on different listeners with the same port: on that host
  /// one port can be published (or bound) once.
  private func publishedPorts(_ derived: DerivedCluster) -> [Diagnostic] {
    let brokers = derived.nodes.filter { $0.roles.contains(.broker) }
    // A broker's endpoint, by position: copying endpoints into the table showed on clusters
    // of thousands.
    struct Use {
      var broker: Int
      var endpoint: Int
    }
    func endpoint(_ use: Use) -> DerivedEndpoint { brokers[use.broker].endpoints[use.endpoint] }
    var first: [AdvertisedAddressKey: Use] = [:]
    first.reserveCapacity(brokers.count * derived.cluster.listeners.count)
    var collisions: [(later: Use, earlier: Use)] = []
    // Listener by listener, so the listener written later is the one reported.
    for listener in derived.cluster.listeners {
      for (brokerIndex, node) in brokers.enumerated() {
        guard let endpointIndex = node.userEndpointIndex(listener.name.value) else { continue }
        let use = Use(broker: brokerIndex, endpoint: endpointIndex)
        let current = endpoint(use)
        if current.isPlaceholder { continue }
        let key = AdvertisedAddressKey(current)
        guard let earlier = first[key] else {
          first[key] = use
          continue
        }
        let previous = endpoint(earlier)
        // One listener of two brokers is KL318's; nodes sharing a host are reported above;
        // two listeners of one broker do not compete for a published port.
        if previous.listener == current.listener || brokers[earlier.broker].id == node.id { continue }
        if previous.hostSource == "the node's host" && current.hostSource == "the node's host" {
          continue
        }
        collisions.append((use, earlier))
      }
    }
    // One diagnostic per input field, so a template shared by several brokers is named once.
    var reported = Set<SourceLocation>()
    var diagnostics: [Diagnostic] = []
    for (laterUse, earlierUse) in collisions
    where reported.insert(endpoint(laterUse).location).inserted {
      let (later, earlier) = (
        (node: brokers[laterUse.broker].id, endpoint: endpoint(laterUse)),
        (node: brokers[earlierUse.broker].id, endpoint: endpoint(earlierUse))
      )
      let address = quoted(later.endpoint.advertisedAddress)
      diagnostics.append(
        metadata.diagnostic(
          "broker \(later.node) advertises \(address) on listener "
            + "\(quoted(later.endpoint.listener)), and broker \(earlier.node) advertises the same "
            + "address on listener \(quoted(earlier.endpoint.listener)): one port of a host is "
            + "published by one container (or bound by one process), so the second fails "
            + "(\"port is already allocated\") and clients of one listener reach the other's; "
            + "give the listeners port ranges that do not overlap",
          at: later.endpoint.location,
          notes: [
            .init(
              "broker \(earlier.node) gets the address on listener "
                + "\(quoted(earlier.endpoint.listener)) here",
              at: earlier.endpoint.location)
          ]))
    }
    return diagnostics
  }
}
