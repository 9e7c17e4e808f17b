/// What the port, security-posture and drift rules (KL316–KL319, KL401, KL402, KL501) share:
/// the node ports a cluster asks Kubernetes for, who a listener serves, and IP classification.
enum PortChecks {
  /// Kubernetes' default `--service-node-port-range`.
  static let nodePortRange = 30000...32767

  /// One node port a listener asks for: the bootstrap service's or one broker's.
  struct NodePortUse {
    /// The listener's name.
    var listener: String
    /// The broker, `nil` for the bootstrap service.
    var node: Int?
    /// The port as written.
    var port: Located<Int>
    /// The Service that would carry it, when Strimzi's naming gives one.
    var service: String?

    /// `the bootstrap service of listener 'x'` or `broker 3 of listener 'x'`, for messages.
    var owner: String {
      let who = node.map { "broker \($0)" } ?? "the bootstrap service"
      let name = service.map { " (Service \($0))" } ?? ""
      return "\(who) of listener \(quoted(listener))\(name)"
    }
  }

  /// The node ports a Kubernetes cluster's listeners ask for, in the order written. Only the
  /// types that create NodePort services (nodeport, and loadbalancer, whose services also get
  /// node ports) count; `brokers[]` entries for ids that are not brokers create no service, and
  /// of several entries for one broker the first that sets `nodePort` is used, as in Strimzi.
  static func nodePortUses(_ derived: DerivedCluster) -> [NodePortUse] {
    let cluster = derived.cluster
    guard cluster.platform.value == .kubernetes else { return [] }
    var uses: [NodePortUse] = []
    let brokers = Set(cluster.nodes.brokerIDs)
    for listener in cluster.listeners {
      let type = listener.type.value
      guard type == .nodePort || type == .loadBalancer else { continue }
      let name = listener.name.value
      // The Service of each node, looked up by id: searching them per `brokers[]` entry made
      // 20,000 entries on 10,000 nodes take seconds.
      var bootstrapService: String?
      var serviceByNode: [Int: String] = [:]
      for object in derived.kubernetesObjects where object.kind == "Service" && object.listener == name {
        if let node = object.node {
          if serviceByNode[node] == nil { serviceByNode[node] = object.name }
        } else if bootstrapService == nil {
          bootstrapService = object.name
        }
      }
      let configuration = listener.configuration
      let hasBootstrap =
        type == .nodePort || (configuration.createBootstrapService?.value ?? true)
      if hasBootstrap, let port = configuration.bootstrap?.nodePort {
        uses.append(NodePortUse(listener: name, node: nil, port: port, service: bootstrapService))
      }
      var seen = Set<Int>()
      for entry in configuration.brokers {
        let id = entry.broker.value
        guard brokers.contains(id), let port = entry.nodePort, seen.insert(id).inserted else {
          continue
        }
        uses.append(NodePortUse(listener: name, node: id, port: port, service: serviceByNode[id]))
      }
    }
    return uses.sorted { $0.port.location < $1.port.location }
  }

  /// Why a listener's clients are outside the brokers' network, or `nil` when nothing says so:
  /// Kubernetes types that expose brokers outside the cluster, and any listener that a client
  /// group on the internet uses, or (on Kubernetes) a group in a named network outside the
  /// cluster. On hosts and Docker a named network is taken to be the brokers' own (the hosts'
  /// network, the Compose network), which the description cannot say otherwise. `host`
  /// listeners (every listener off Kubernetes, the brokers' own one included) count only
  /// through client groups.
  static func outsideAudience(_ listener: Listener, in cluster: Cluster)
    -> (reason: String, notes: [Diagnostic.Note])?
  {
    let onKubernetes = cluster.platform.value == .kubernetes
    let groups = cluster.clientGroups.filter {
      $0.listener.value == listener.name.value
        && ($0.position.value == .internet || ($0.position.value == .network && onKubernetes))
    }
    // A network group without a name is reported by the reader; it is still a network.
    func network(_ group: ClientGroup) -> String {
      group.network.map { "network \(quoted($0.value))" } ?? "a network"
    }
    let notes = groups.map { group in
      Diagnostic.Note(
        "client group \(quoted(group.name.value)) "
          + (group.position.value == .internet ? "on the internet" : "in \(network(group))")
          + " uses it",
        at: group.listener.location)
    }
    let type = listener.type.value
    if type != .host && type.servesExternalClients {
      return ("a \(type.rawValue) listener serves clients outside the Kubernetes cluster", notes)
    }
    guard let first = groups.first else { return nil }
    let reason =
      "client group \(quoted(first.name.value)) uses it from "
      + (first.position.value == .internet ? "the internet" : network(first))
    return (reason, Array(notes.dropFirst()))
  }

  /// Whether `host` is an IP literal of a public (globally routed) address: not private,
  /// shared (CGNAT), loopback, link-local, unspecified, multicast or reserved. Documentation
  /// ranges count as public, since examples use them to stand for public addresses.
  static func isPublicIPLiteral(_ host: String) -> Bool {
    if IPAddress.isIPv4(host) {
      let octets = host.split(separator: ".").compactMap { Int($0) }
      guard octets.count == 4 else { return false }
      let (a, b) = (octets[0], octets[1])
      switch a {
      case 0, 10, 127: return false
      case 100 where (64...127).contains(b): return false
      case 169 where b == 254: return false
      case 172 where (16...31).contains(b): return false
      case 192 where b == 168: return false
      case 224...255: return false
      default: return true
      }
    }
    guard IPAddress.isIPv6(host) else { return false }
    let address = host.split(separator: "%").first.map(String.init) ?? host
    // Global unicast is 2000::/3: the first group is 2xxx or 3xxx written in full.
    let first = address.split(separator: ":", omittingEmptySubsequences: false).first ?? ""
    guard first.count == 4, let digit = first.first else { return false }
    return digit == "2" || digit == "3"
  }

  /// `1, 2 and 3`, for messages.
  static func list<T>(_ items: [T]) -> String {
    let texts = items.map { "\($0)" }
    guard texts.count > 1, let last = texts.last else { return texts.first ?? "" }
    return texts.dropLast().joined(separator: ", ") + " and " + last
  }
}
