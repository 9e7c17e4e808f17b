/// KL318: two brokers advertise the same host and port on one listener.
public struct SharedAdvertisedAddress: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL318", name: "shared-advertised-address", severity: .error,
    summary: "Two brokers advertise the same `host:port` on one listener.",
    rationale: """
      A client learns every broker's advertised address from the metadata and sends each \
      partition's requests to its leader's address. When two brokers advertise the same \
      `host:port`, every connection to that address reaches the same broker (or whichever one \
      a load balancer picks), so requests meant for the other fail with \
      NOT_LEADER_OR_FOLLOWER and clients retry forever. ZooKeeper-mode Kafka refuses to start \
      the second broker (`Configured end points <host:port> in advertised listeners are \
      already registered by broker <id>`); KRaft does not check. Strimzi does not check it \
      either. The usual causes are an `advertisedHostTemplate` without `{nodeId}`, one \
      `advertisedHost` (or a shared load-balancer address) for every broker without distinct \
      ports, an `advertisedPortTemplate` without `{nodeId}`, and `advertisedHosts` naming one \
      host twice. Give every broker its own host, or its own port on a shared host \
      (`advertisedPortTemplate: "9100 + {nodeId}"`, `brokers[].advertisedPort`, \
      `advertisedBasePort`). Addresses only known at run time are not compared; nodes sharing \
      one `host` are reported once, by host-port-collision (KL319).
      """,
    origin: .kafka(
      message: "Configured end points <host:port> in advertised listeners are already "
        + "registered by broker <id>"),
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
          namespace: kafka
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: cluster-ip
                tls: true
                authentication:
                  type: tls
                configuration:
                  advertisedHostTemplate: ↓kafka-proxy.example.com
                  advertisedPortTemplate: "9100"
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          roles: [controller, broker]
          storage:
            type: ephemeral

        """),
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
              host: kafka-1.dc1.example.com
            - id: 2
              roles: [broker, controller]
              host: kafka-2.dc1.example.com
          listeners:
            - name: public
              port: 9094
              type: host
              tls: true
              authentication:
                type: scram-sha-512
              configuration:
                advertisedHosts:
                  - kafka.payments.example.com
                  - ↓kafka.payments.example.com

        """),
    ],
    passing: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
          namespace: kafka
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: cluster-ip
                tls: true
                authentication:
                  type: tls
                configuration:
                  advertisedHostTemplate: kafka-proxy.example.com
                  advertisedPortTemplate: "9100 + {nodeId}"
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          roles: [controller, broker]
          storage:
            type: ephemeral

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for derived in input.derivedClusters {
      let cluster = derived.cluster
      for listener in cluster.listeners {
        let name = listener.name.value
        // Addresses are counted first, by position, without copying nodes or endpoints: on a
        // cluster of thousands of brokers nearly every address is distinct.
        var positions: [(node: Int, endpoint: Int, address: AdvertisedAddressKey)] = []
        var counts: [AdvertisedAddressKey: Int] = [:]
        for index in derived.nodes.indices where derived.nodes[index].roles.contains(.broker) {
          let endpoints = derived.nodes[index].endpoints
          guard let position = derived.nodes[index].userEndpointIndex(name),
            !endpoints[position].isPlaceholder
          else { continue }
          let address = AdvertisedAddressKey(endpoints[position])
          positions.append((index, position, address))
          counts[address, default: 0] += 1
        }
        guard counts.values.contains(where: { $0 > 1 }) else { continue }
        var groups: [AdvertisedAddressKey: [(node: Int, endpoint: DerivedEndpoint)]] = [:]
        var order: [AdvertisedAddressKey] = []
        for (index, position, key) in positions {
          guard let count = counts[key], count > 1 else { continue }
          let endpoint = derived.nodes[index].endpoints[position]
          if groups[key] == nil { order.append(key) }
          groups[key, default: []].append((derived.nodes[index].id, endpoint))
        }
        for key in order {
          guard let group = groups[key] else { continue }
          // Nodes that share one host are one problem, reported by host-port-collision.
          if group.allSatisfy({ $0.endpoint.hostSource == "the node's host" }) { continue }
          diagnostics += problems(group, listener: listener, cluster: cluster)
        }
      }
    }
    return diagnostics
  }

  /// One diagnostic per input field that produced the shared address: at a template once,
  /// naming every broker; at per-broker fields after the first, with a note at the first.
  private func problems(
    _ group: [(node: Int, endpoint: DerivedEndpoint)], listener: Listener, cluster: Cluster
  ) -> [Diagnostic] {
    var partitions: [(location: SourceLocation, nodes: [Int])] = []
    for (node, endpoint) in group {
      if let index = partitions.firstIndex(where: { $0.location == endpoint.location }) {
        partitions[index].nodes.append(node)
      } else {
        partitions.append((endpoint.location, [node]))
      }
    }
    let address = group[0].endpoint.advertisedAddress
    let cause = self.cause(group.map(\.endpoint), listener: listener)
    var consequence = "clients sent to one of them reach the other"
    if !cluster.isKRaft {
      consequence +=
        "; ZooKeeper-mode Kafka refuses to start the second broker: \"Configured end points "
        + "\(address) in advertised listeners are already registered by broker \(group[0].node)\""
    }
    let fix = "give each broker its own host or its own port"
    guard let anchor = partitions.first else { return [] }
    if partitions.count == 1 {
      let ids = PortChecks.list(anchor.nodes)
      return [
        metadata.diagnostic(
          "brokers \(ids) \(anchor.nodes.count == 2 ? "both" : "all") advertise "
            + "\(quoted(address)) on listener "
            + "\(quoted(listener.name.value))\(cause): \(consequence); \(fix)",
          at: anchor.location)
      ]
    }
    let anchorIDs = PortChecks.list(anchor.nodes)
    let anchorName = (anchor.nodes.count == 1 ? "broker " : "brokers ") + anchorIDs
    let anchorVerb = anchor.nodes.count == 1 ? "gets" : "get"
    return partitions.dropFirst().map { partition in
      let single = partition.nodes.count == 1
      let name = (single ? "broker " : "brokers ") + PortChecks.list(partition.nodes)
      return metadata.diagnostic(
        "\(name) \(single ? "advertises" : "advertise") \(quoted(address)) on listener "
          + "\(quoted(listener.name.value)) like \(anchorName)\(cause): \(consequence); \(fix)",
        at: partition.location,
        notes: [.init("\(anchorName) \(anchorVerb) the address here", at: anchor.location)])
    }
  }

  /// Why the brokers end up with one address, from the inputs that produced it.
  private func cause(_ endpoints: [DerivedEndpoint], listener: Listener) -> String {
    let configuration = listener.configuration
    let hostSources = Set(endpoints.map(\.hostSource))
    let portSources = Set(endpoints.map(\.portSource))
    var reasons: [String] = []
    if hostSources == ["advertisedHostTemplate"],
      let template = configuration.advertisedHostTemplate,
      !template.value.contains("{nodeId}"), !template.value.contains("{nodePodName}")
    {
      reasons.append("advertisedHostTemplate \(quoted(template.value)) has no {nodeId}")
    } else if hostSources.allSatisfy({ $0.hasPrefix("advertisedHosts[") }) {
      reasons.append("advertisedHosts names the host more than once")
    } else if hostSources.allSatisfy({ $0.hasSuffix(".advertisedHost") }) {
      reasons.append("brokers[].advertisedHost gives them one host")
    } else if hostSources.allSatisfy({ $0.hasPrefix("addresses.") }) {
      reasons.append("their addresses under spec.addresses are the same")
    }
    if portSources == ["advertisedPortTemplate"],
      let template = configuration.advertisedPortTemplate,
      !template.value.contains("{nodeId}")
    {
      reasons.append("advertisedPortTemplate \(quoted(template.value)) has no {nodeId}")
    } else if portSources == ["the listener port"] {
      reasons.append("each advertises the listener port \(listener.port.value)")
    } else if portSources.allSatisfy({ $0.hasSuffix(".advertisedPort") }) {
      reasons.append("brokers[].advertisedPort gives them one port")
    }
    return reasons.isEmpty ? "" : " (" + reasons.joined(separator: ", and ") + ")"
  }
}
