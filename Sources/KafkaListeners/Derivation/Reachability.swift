/// A judgement about one broker address from one client group's position: `yes`, `no` or
/// `unknown`, and why.
public struct ReachabilityVerdict: Sendable, Hashable {
  /// The three answers.
  public enum Status: String, Sendable, Hashable {
    /// The clients can.
    case yes
    /// The clients cannot.
    case no
    /// It depends on something this tool does not know (DNS zones, routes, run-time values).
    case unknown
  }

  /// The answer.
  public var status: Status
  /// Why, in one sentence.
  public var reason: String

  /// Creates a verdict.
  public init(_ status: Status, _ reason: String) {
    self.status = status
    self.reason = reason
  }
}

/// What one client group can reach: the listener it uses, the address each broker sends it to,
/// and whether it can resolve and route to that address from where it sits.
public struct ReachabilityEntry: Sendable {
  /// One broker's address as the group sees it.
  public struct Broker: Sendable {
    /// `node.id`.
    public var nodeId: Int
    /// `host:port` as advertised.
    public var address: String
    /// Which input decided the host (`advertisedHostTemplate`, `the node's host`, …).
    public var source: String
    /// Whether the group can resolve the host.
    public var resolvable: ReachabilityVerdict
    /// Whether the group can route to the address.
    public var routable: ReachabilityVerdict
  }

  /// The cluster's name.
  public var cluster: String
  /// The cluster's namespace, when it has one.
  public var namespace: String?
  /// The file that defines the cluster.
  public var file: String
  /// The client group's name; for an implied group, a description of it.
  public var clientGroup: String
  /// Whether the group is implied by a listener's type (no client groups were described).
  public var isImplied: Bool
  /// `kubernetes`, `network`, `internet`, `host`, or `outside-kubernetes` for implied groups.
  public var position: String
  /// The network of a group at position `network`.
  public var network: String?
  /// The listener's name.
  public var listener: String
  /// The Kafka listener name (`EXTERNAL-9094`).
  public var kafkaListener: String
  /// The listener's type.
  public var listenerType: String
  /// Every broker, by node id.
  public var brokers: [Broker]

  /// `yes` when every broker is resolvable and routable, `no` when none is, `partly` when
  /// some are not, `unknown` otherwise.
  public var reachable: String {
    guard !brokers.isEmpty else { return "unknown" }
    let failing = brokers.filter { $0.resolvable.status == .no || $0.routable.status == .no }
    if failing.count == brokers.count { return "no" }
    if !failing.isEmpty { return "partly" }
    let sure = brokers.allSatisfy { $0.resolvable.status == .yes && $0.routable.status == .yes }
    return sure ? "yes" : "unknown"
  }
}

/// Where an audience of a listener sits: the client-group positions, and the audience a
/// Strimzi listener type implies when no client groups are described.
enum AudiencePosition: String, Sendable, Hashable {
  case kubernetes, network, internet, host
  case outsideKubernetes = "outside-kubernetes"

  init(_ position: ClientGroup.Position) {
    switch position {
    case .kubernetes: self = .kubernetes
    case .network: self = .network
    case .internet: self = .internet
    case .host: self = .host
    }
  }
}

/// A client group, described or implied.
struct Audience: Sendable {
  var name: String
  var position: AudiencePosition
  var network: String?
  var listener: String
  /// The group as described; `nil` for the implied group of a listener.
  var declared: ClientGroup?

  /// `on the internet`, `in network orders_default`, …
  var whereabouts: String {
    switch position {
    case .kubernetes: "inside the Kubernetes cluster"
    case .network: "in network \(network ?? "?")"
    case .internet: "on the internet"
    case .host: "on the brokers' machine"
    case .outsideKubernetes: "outside the Kubernetes cluster"
    }
  }

  /// `client group laptop (on the brokers' machine)` or `clients of listener external
  /// (outside the Kubernetes cluster)`.
  var phrase: String {
    declared == nil
      ? "clients of listener \(listener) (\(whereabouts))" : "client group \(name) (\(whereabouts))"
  }

  /// The phrase in a sentence that already names the listener: `its clients (outside the
  /// Kubernetes cluster)` for an implied group.
  var listenerPhrase: String {
    declared == nil ? "its clients (\(whereabouts))" : phrase
  }
}

/// Why an audience cannot use an address, by the rule that reports it.
enum ReachabilityFailure: Sendable, Hashable {
  /// A name the audience cannot resolve (KL309).
  case internalName
  /// An address the audience cannot route to (KL310).
  case unroutable
  /// A private address given to internet clients (KL311, a warning).
  case privateForInternet
}

/// One broker address judged for one audience.
struct BrokerJudgement: Sendable {
  var nodeId: Int
  var endpoint: DerivedEndpoint
  var kind: HostKind
  /// Where the address comes from (the field that produced it).
  var location: SourceLocation
  var resolvable: ReachabilityVerdict
  var routable: ReachabilityVerdict
  var failure: ReachabilityFailure?

  /// The reason of the failing verdict.
  var failureReason: String {
    resolvable.status == .no ? resolvable.reason : routable.reason
  }
}

/// One audience and what it gets from its listener.
struct GroupJudgement: Sendable {
  var audience: Audience
  var listener: Listener
  var brokers: [BrokerJudgement]
  /// The group is outside Kubernetes but uses an internal or cluster-ip listener whose brokers
  /// advertise only cluster names: KL314 reports it, the address rules leave it alone.
  var listenerCannotServe: Bool
  /// Other listeners of the cluster whose every address this group can use.
  var alternatives: [Listener]
}

/// Every audience of one cluster.
struct ClusterJudgement: Sendable {
  var derived: DerivedCluster
  var groups: [GroupJudgement]
  /// Listeners of an external type whose brokers all advertise cluster-internal names
  /// (KL314 reports them as a whole, so KL309 does not report their addresses).
  var internalOnlyExternalListeners: Set<String>
  /// The network taken as the brokers' own (platforms docker and hosts).
  var brokersNetwork: String?

  var cluster: Cluster { derived.cluster }
}

/// An address some audiences cannot use, reported at the address (KL309, KL310, KL311).
struct AddressFinding: Sendable {
  var failure: ReachabilityFailure
  var cluster: ClusterJudgement
  var listener: Listener
  var location: SourceLocation
  /// The brokers' judgements for the first failing group, in node order.
  var brokers: [BrokerJudgement]
  /// Their node ids, for a constant-time check (a template may serve thousands of brokers).
  var nodeIds: Set<Int> = []
  /// The failing audiences, each with its own judgement of the first address.
  var groups: [(group: GroupJudgement, broker: BrokerJudgement)]

  /// The distinct hosts, in node order.
  var hosts: [String] {
    var seen = Set<String>()
    return brokers.map(\.endpoint.advertisedHost).filter { seen.insert($0).inserted }
  }
}

/// A group that cannot use addresses which other groups of the same listener can (KL315).
struct GroupFinding: Sendable {
  var cluster: ClusterJudgement
  var group: GroupJudgement
  var failing: [BrokerJudgement]
  var working: [Audience]
}

/// Judges advertised addresses from where each client group sits.
public enum Reachability {
  /// The reachability report for every client group of every cluster.
  public static func analyze(_ input: LintInput) -> [ReachabilityEntry] {
    judge(input).flatMap { judgement in
      judgement.groups.map { group in
        ReachabilityEntry(
          cluster: judgement.cluster.name.value, namespace: judgement.cluster.namespace?.value,
          file: judgement.cluster.location.file,
          clientGroup: group.audience.declared == nil
            ? group.audience.phrase : group.audience.name,
          isImplied: group.audience.declared == nil,
          position: group.audience.position.rawValue, network: group.audience.network,
          listener: group.listener.name.value, kafkaListener: group.listener.kafkaName,
          listenerType: group.listener.type.value.rawValue,
          brokers: group.brokers.map {
            ReachabilityEntry.Broker(
              nodeId: $0.nodeId, address: $0.endpoint.advertisedAddress,
              source: $0.endpoint.hostSource, resolvable: $0.resolvable, routable: $0.routable)
          })
      }
    }
  }

  /// Every cluster's audiences with their judgements.
  static func judge(_ input: LintInput) -> [ClusterJudgement] {
    input.shared.value(.judgements(resolveNames: input.resolveNames)) {
      let resolutions = self.resolutions(input)
      return input.derivedClusters.map { judge($0, resolutions: resolutions) }
    }
  }

  /// What the resolver answered for the names of ``namesToResolve(_:)``, by lower-cased name.
  /// Without --resolve, only the names RFC 6761 answers (localhost, .invalid) are looked up.
  static func resolutions(_ input: LintInput) -> [String: ResolutionResult] {
    input.shared.value(.resolutions(resolveNames: input.resolveNames)) {
      NameResolution.resolve(namesToResolve(input, specialOnly: !input.resolveNames))
    }
  }

  /// The names `--resolve` looks up: advertised hosts and node hosts that public or private
  /// DNS may know. Kubernetes-internal and single-label names are skipped, since the machine
  /// running the linter is rarely inside the cluster or the Docker network that knows them.
  /// With `specialOnly`, only the names of those that RFC 6761 answers; they are picked out
  /// before classifying, which otherwise cost as much as judging every address.
  static func namesToResolve(_ input: LintInput, specialOnly: Bool = false) -> [String] {
    var names: [String] = []
    func consider(_ host: String, _ classifier: HostClassifier) {
      if specialOnly && !NameResolution.maySpecial(host) { return }
      switch classifier.kind(host) {
      case .qualified, .privateUse, .loopbackName: names.append(host)
      default: break
      }
    }
    for derived in input.derivedClusters {
      let classifier = HostClassifier(
        kubernetesNames: KubernetesNames(of: derived.cluster))
      for node in derived.nodes {
        for endpoint in node.endpoints where endpoint.type != nil {
          consider(endpoint.advertisedHost, classifier)
        }
      }
      for node in derived.cluster.nodes {
        if let host = node.host { consider(host.value, classifier) }
      }
    }
    let plain = HostClassifier()
    for config in input.brokerConfigurations where config.isBroker {
      for endpoint in config.advertisedBrokerEndpoints {
        if let host = endpoint.host { consider(host, plain) }
      }
    }
    return specialOnly ? names.filter { NameResolution.special($0) != nil } : names
  }

  /// Where an advertised address comes from: the field that produced it, or the listener's
  /// type when every node advertises its own `host` (one place to change them all).
  static func addressLocation(_ endpoint: DerivedEndpoint, _ listener: Listener) -> SourceLocation {
    endpoint.hostSource == "the node's host" ? listener.type.location : endpoint.location
  }

  static func judge(
    _ derived: DerivedCluster, resolutions: [String: ResolutionResult]
  ) -> ClusterJudgement {
    let cluster = derived.cluster
    var judge = Judge(derived: derived, resolutions: resolutions)
    let audiences = self.audiences(of: cluster)
    judge.brokersNetwork = brokersNetwork(derived, audiences: audiences)

    var internalOnly = Set<String>()
    if cluster.platform.value == .kubernetes {
      for listener in cluster.listeners
      where listener.type.value.servesExternalClients && listener.type.value != .host {
        let kinds = judge.endpoints(of: listener).map { judge.kind($0.advertisedHost) }
        let allInternal =
          !kinds.isEmpty
          && kinds.allSatisfy {
            if case .kubernetes = $0 { return true }
            return false
          }
        if allInternal { internalOnly.insert(listener.name.value) }
      }
    }

    var groups: [GroupJudgement] = []
    for audience in audiences {
      guard let listener = cluster.listeners.first(where: { $0.name.value == audience.listener })
      else { continue }
      let brokers = judge.brokers(of: listener, for: audience)
      let outside = [.network, .internet, .host].contains(audience.position)
      let cannotServe =
        cluster.platform.value == .kubernetes && audience.declared != nil && outside
        && !listener.type.value.servesExternalClients && !brokers.isEmpty
        && brokers.allSatisfy {
          if case .kubernetes = $0.kind { return true }
          return false
        }
      // Only a group that cannot use its listener is told about another one.
      let needsAlternative = cannotServe || brokers.contains { $0.failure != nil }
      let alternatives = cluster.listeners.filter { other in
        guard needsAlternative, other.name.value != listener.name.value else { return false }
        if outside && cluster.platform.value == .kubernetes
          && !other.type.value.servesExternalClients
        {
          return false
        }
        let judged = judge.brokers(of: other, for: audience)
        return !judged.isEmpty
          && judged.allSatisfy { $0.failure == nil && $0.resolvable.status != .no }
      }
      groups.append(
        GroupJudgement(
          audience: audience, listener: listener, brokers: brokers,
          listenerCannotServe: cannotServe,
          alternatives: alternatives))
    }
    return ClusterJudgement(
      derived: derived, groups: groups, internalOnlyExternalListeners: internalOnly,
      brokersNetwork: judge.brokersNetwork)
  }

  /// The described client groups; without any, on Kubernetes, one implied group per listener
  /// whose position the listener's type says.
  static func audiences(of cluster: Cluster) -> [Audience] {
    if !cluster.clientGroups.isEmpty {
      return cluster.clientGroups.map {
        Audience(
          name: $0.name.value, position: AudiencePosition($0.position.value),
          network: $0.network?.value, listener: $0.listener.value, declared: $0)
      }
    }
    guard cluster.platform.value == .kubernetes else { return [] }
    return cluster.listeners.map { listener in
      let outside = listener.type.value.servesExternalClients
      let audience = Audience(
        name: "", position: outside ? .outsideKubernetes : .kubernetes, network: nil,
        listener: listener.name.value, declared: nil)
      return audience
    }
  }

  /// Off Kubernetes, the network whose names the nodes' hosts are: a description does not say
  /// which networks the brokers are attached to, so it is taken from the first client group in
  /// a network that uses a listener advertising the nodes' own hosts, else the first client
  /// group in a network.
  static func brokersNetwork(_ derived: DerivedCluster, audiences: [Audience]) -> String? {
    guard derived.cluster.platform.value != .kubernetes else { return nil }
    let inNetworks = audiences.filter { $0.position == .network && $0.network != nil }
    let ownHosts = inNetworks.first { audience in
      derived.nodes.contains { node in
        node.endpoints.contains {
          $0.listener == audience.listener && $0.type != nil && $0.hostSource == "the node's host"
        }
      }
    }
    return (ownHosts ?? inNetworks.first)?.network
  }

  /// The findings reported at addresses (KL309–KL311) and at client groups (KL315).
  static func findings(_ input: LintInput) -> (addresses: [AddressFinding], groups: [GroupFinding])
  {
    input.shared.value(.findings(resolveNames: input.resolveNames)) { computeFindings(input) }
  }

  private static func computeFindings(_ input: LintInput)
    -> (addresses: [AddressFinding], groups: [GroupFinding])
  {
    var addresses: [AddressFinding] = []
    var groupFindings: [GroupFinding] = []
    for judgement in judge(input) {
      for listener in judgement.cluster.listeners {
        let groups = judgement.groups.filter {
          $0.listener.name.value == listener.name.value && !$0.listenerCannotServe
        }
        guard let count = groups.first?.brokers.count else { continue }
        let skipInternal = judgement.internalOnlyExternalListeners.contains(listener.name.value)
        var byAddress: [String: Int] = [:]
        var failingByGroup = Array(repeating: [BrokerJudgement](), count: groups.count)
        for index in 0..<count {
          var hard: [Int] = []
          for (g, group) in groups.enumerated() {
            let broker = group.brokers[index]
            guard let failure = broker.failure else { continue }
            if failure == .internalName && skipInternal { continue }
            if failure == .privateForInternet {
              record(&addresses, &byAddress, failure, judgement, listener, group, broker)
            } else {
              hard.append(g)
            }
          }
          if !hard.isEmpty && hard.count == groups.count {
            for g in hard {
              let broker = groups[g].brokers[index]
              record(
                &addresses, &byAddress, broker.failure ?? .unroutable, judgement, listener,
                groups[g], broker)
            }
          } else {
            for g in hard { failingByGroup[g].append(groups[g].brokers[index]) }
          }
        }
        // Per group, whether each node's (first) address fails there: looked up by id, a
        // scan per failing broker made a large cluster with one failing group quadratic.
        var failsIn: [[Int: Bool]] = []
        if failingByGroup.contains(where: { !$0.isEmpty }) {
          failsIn = groups.map { group in
            var fails: [Int: Bool] = [:]
            for broker in group.brokers where fails[broker.nodeId] == nil {
              fails[broker.nodeId] = broker.failure != nil
            }
            return fails
          }
        }
        for (g, failing) in failingByGroup.enumerated() where !failing.isEmpty {
          // A node the other group does not list does not fail there.
          let working = groups.enumerated().filter { other in
            other.offset != g
              && failing.allSatisfy { failsIn[other.offset][$0.nodeId] != true }
          }.map(\.element.audience)
          groupFindings.append(
            GroupFinding(cluster: judgement, group: groups[g], failing: failing, working: working))
        }
      }
    }
    return (addresses, groupFindings)
  }

  private static func record(
    _ findings: inout [AddressFinding], _ index: inout [String: Int],
    _ failure: ReachabilityFailure, _ judgement: ClusterJudgement, _ listener: Listener,
    _ group: GroupJudgement, _ broker: BrokerJudgement
  ) {
    let key = "\(failure) \(broker.location)"
    if let at = index[key] {
      if findings[at].nodeIds.insert(broker.nodeId).inserted {
        findings[at].brokers.append(broker)
      }
      if !findings[at].groups.contains(where: {
        $0.group.audience.name == group.audience.name
          && $0.group.audience.listener == group.audience.listener
      }) {
        findings[at].groups.append((group, broker))
      }
      return
    }
    index[key] = findings.count
    findings.append(
      AddressFinding(
        failure: failure, cluster: judgement, listener: listener, location: broker.location,
        brokers: [broker], nodeIds: [broker.nodeId], groups: [(group, broker)]))
  }
}

/// Quotes up to three hosts: `'a', 'b' and 'c'`, `'a', 'b', 'c' and 2 more`.
func quotedList(_ items: [String]) -> String {
  let shown = items.prefix(3).map { quoted($0) }
  let rest = items.count - shown.count
  if rest > 0 { return shown.joined(separator: ", ") + " and \(rest) more" }
  if shown.count <= 1 { return shown.first ?? "" }
  return shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
}

/// Judges addresses of one cluster for an audience.
struct Judge {
  let derived: DerivedCluster
  let resolutions: [String: ResolutionResult]
  let classifier: HostClassifier
  var brokersNetwork: String?
  let nodeHosts: Set<String>
  /// The distinct machines the brokers run on (platform hosts).
  let brokerMachines: [String]
  /// The kind of every advertised host, classified once.
  let kinds: [String: HostKind]

  var cluster: Cluster { derived.cluster }
  var platform: Cluster.Platform { cluster.platform.value }

  init(derived: DerivedCluster, resolutions: [String: ResolutionResult]) {
    self.derived = derived
    self.resolutions = resolutions
    classifier = HostClassifier(
      kubernetesNames: KubernetesNames(of: derived.cluster))
    // One pass over the nodes, by position (a loop over the array copied every node), with
    // the tables sized up front: a large cluster has thousands of distinct hosts.
    let nodes = derived.cluster.nodes
    var hosts = Set<String>(minimumCapacity: nodes.count)
    var machines: [String] = []
    var seen = Set<String>()
    for index in nodes.indices {
      guard let host = nodes[index].host?.value.lowercasedIfNeeded else { continue }
      hosts.insert(host)
      if nodes[index].roles.contains(.broker), seen.insert(host).inserted {
        machines.append(host)
      }
    }
    nodeHosts = hosts
    brokerMachines = machines
    var kinds: [String: HostKind] = [:]
    kinds.reserveCapacity(derived.nodes.count)
    for node in derived.nodes {
      for endpoint in node.endpoints where endpoint.type != nil {
        let host = endpoint.advertisedHost
        if kinds[host] == nil { kinds[host] = classifier.kind(host) }
      }
    }
    self.kinds = kinds
  }

  /// The kind of an advertised host.
  func kind(_ host: String) -> HostKind {
    kinds[host] ?? classifier.kind(host)
  }

  /// The endpoints of a user listener on every broker, in node order.
  func endpoints(of listener: Listener) -> [DerivedEndpoint] {
    // Loops rather than `filter` and `compactMap`: filtering first copied every node.
    let name = listener.name.value
    var endpoints: [DerivedEndpoint] = []
    for node in derived.nodes where node.roles.contains(.broker) {
      if let index = node.userEndpointIndex(name) { endpoints.append(node.endpoints[index]) }
    }
    return endpoints
  }

  func brokers(of listener: Listener, for audience: Audience) -> [BrokerJudgement] {
    let name = listener.name.value
    var brokers: [BrokerJudgement] = []
    for node in derived.nodes where node.roles.contains(.broker) {
      guard let index = node.userEndpointIndex(name) else { continue }
      let endpoint = node.endpoints[index]
      let kind = self.kind(endpoint.advertisedHost)
      let (resolvable, routable, failure) = judge(endpoint, kind: kind, audience: audience)
      brokers.append(
        BrokerJudgement(
          nodeId: node.id, endpoint: endpoint, kind: kind,
          location: Reachability.addressLocation(endpoint, listener), resolvable: resolvable,
          routable: routable, failure: failure))
    }
    return brokers
  }

  typealias Verdicts = (ReachabilityVerdict, ReachabilityVerdict, ReachabilityFailure?)

  func judge(_ endpoint: DerivedEndpoint, kind: HostKind, audience: Audience) -> Verdicts {
    let position = audience.position
    switch kind {
    case .placeholder:
      let source = endpoint.hostSource
      let reason: String
      if source.hasSuffix(" (run time)") {
        reason = "filled in at run time: \(source.dropLast(" (run time)".count))"
      } else if source == "unknown" || source == "missing" {
        reason = "not known from the inputs (KL306)"
      } else if endpoint.advertisedHost.contains("${") {
        reason =
          "a config-provider placeholder, replaced when the broker starts if a provider "
          + "resolves it"
      } else {
        reason = "a template placeholder left as written (KL312)"
      }
      return (.init(.unknown, reason), .init(.unknown, reason), nil)
    case .invalid:
      let reason = "not a valid host name (KL308)"
      return (.init(.unknown, reason), .init(.unknown, reason), nil)
    case .ip(let ip):
      let (routable, failure) = route(ip, audience)
      return (.init(.yes, "an IP address: nothing to resolve"), routable, failure)
    case .loopbackName:
      let (routable, failure) = route(.loopback, audience)
      return (
        .init(.yes, "'localhost' is the loopback address on every machine"), routable, failure
      )
    case .kubernetes(let name):
      return kubernetes(name, audience)
    case .singleLabel:
      return singleLabel(endpoint.advertisedHost, audience)
    case .privateUse(let suffix):
      if position == .internet {
        return (
          .init(
            .no, "names under .\(suffix) are reserved for private use and are not in public DNS"),
          .init(.unknown, "the name does not resolve there"), .internalName
        )
      }
      return (
        .init(.unknown, "resolves only where a private DNS zone for .\(suffix) is served"),
        .init(.unknown, "depends on the addresses the name resolves to"), nil
      )
    case .qualified:
      return resolved(endpoint.advertisedHost, audience)
    }
  }

  /// Whether the audience can route to an address of this kind.
  func route(_ ip: IPKind, _ audience: Audience) -> (ReachabilityVerdict, ReachabilityFailure?) {
    let position = audience.position
    switch ip {
    case .unspecified:
      return (
        .init(
          .no, "0.0.0.0 and :: mean 'every interface' when binding; a client cannot connect to them"
        ),
        .unroutable
      )
    case .nonUnicast:
      return (.init(.no, "clients connect to unicast addresses only"), .unroutable)
    case .loopback:
      switch position {
      case .host:
        if platform == .hosts && brokerMachines.count > 1 {
          return (
            .init(
              .no,
              "the brokers run on \(brokerMachines.count) machines "
                + "(\(quotedList(brokerMachines))); on one of them the loopback address reaches "
                + "only that machine's broker"),
            .unroutable
          )
        }
        return (
          .init(.yes, "on the brokers' machine the loopback address reaches their published ports"),
          nil
        )
      case .kubernetes:
        return (.init(.no, "inside a pod the loopback address is the pod itself"), .unroutable)
      default:
        return (
          .init(.no, "a client's loopback address is the client's own machine"), .unroutable
        )
      }
    case .linkLocal:
      if position == .host {
        return (
          .init(.yes, "a link-local address of the brokers' machine, used on that machine"), nil
        )
      }
      return (
        .init(.no, "a link-local address is reachable only on the same network link"), .unroutable
      )
    case .privateNetwork, .sharedAddressSpace:
      switch position {
      case .internet:
        return (.init(.no, "\(ip.phrase) is not routed on the internet"), .privateForInternet)
      case .outsideKubernetes:
        return (
          .init(.unknown, "\(ip.phrase): reachable from the same private network or a VPN only"),
          nil
        )
      default:
        return (.init(.yes, "\(ip.phrase), routable inside the private network"), nil)
      }
    case .global:
      return (.init(.yes, "a public address"), nil)
    }
  }

  func kubernetes(_ name: KubernetesName, _ audience: Audience) -> Verdicts {
    let what: String
    switch name {
    case .service: what = "a '.svc' service name"
    case .qualified(let domain): what = "a '.svc.\(domain)' service name"
    case .shortName: what = "a pod or service name"
    }
    if platform == .kubernetes && audience.position == .kubernetes {
      if case .qualified(let domain) = name, let written = cluster.clusterDomain?.value,
        domain != written.lowercased()
      {
        return (
          .init(
            .no,
            "the cluster's DNS domain is \(written), so names under '.svc.\(domain)' do not "
              + "resolve"),
          .init(.unknown, "the name does not resolve"), .internalName
        )
      }
      if name == .shortName {
        return (
          .init(.unknown, "\(what) without '.svc' resolves only from pods in the same namespace"),
          .init(.yes, "pod and service addresses are routable inside the cluster"), nil
        )
      }
      return (
        .init(.yes, "resolved by the Kubernetes cluster DNS"),
        .init(.yes, "pod and service addresses are routable inside the cluster"), nil
      )
    }
    let reason =
      audience.position == .kubernetes
      ? "\(what), but the brokers do not run in Kubernetes"
      : "\(what) resolves only inside the Kubernetes cluster, through its DNS"
    return (.init(.no, reason), .init(.unknown, "the name does not resolve there"), .internalName)
  }

  func singleLabel(_ host: String, _ audience: Audience) -> Verdicts {
    let unresolved = ReachabilityVerdict(.unknown, "the name does not resolve there")
    let maybe = ReachabilityVerdict(.unknown, "depends on the address the name resolves to")
    let routed = ReachabilityVerdict(.yes, "the brokers' network routes to its own members")
    let network = brokersNetwork.map { "network \($0)" } ?? "the brokers' network"
    switch (platform, audience.position) {
    case (.kubernetes, .kubernetes):
      return (
        .init(
          .unknown,
          "a single-label name resolves only to a service of that name in the "
            + "client's own namespace"), maybe, nil
      )
    case (_, .internet):
      return (
        .init(
          .no,
          "a single-label name (a container, service or short host name) is not in "
            + "public DNS"), unresolved, .internalName
      )
    case (.kubernetes, _):
      return (
        .init(
          .unknown,
          "a single-label name resolves only through the search domains of the "
            + "client's resolver"), maybe, nil
      )
    case (.docker, .network):
      if audience.network == brokersNetwork {
        return (
          .init(.yes, "a container or compose service name of \(network), the brokers' network"),
          routed, nil
        )
      }
      return (
        .init(
          .no,
          "container and compose service names resolve only inside \(network), the "
            + "brokers' network"), unresolved, .internalName
      )
    case (.docker, .host):
      return (
        .init(
          .no,
          "the Docker host does not use Docker's embedded DNS, so container and compose "
            + "service names do not resolve there"), unresolved, .internalName
      )
    case (.docker, _):
      return (
        .init(
          .no,
          "container and compose service names resolve only inside \(network), the "
            + "brokers' network"), unresolved, .internalName
      )
    case (.hosts, .network):
      if audience.network == brokersNetwork {
        return (
          .init(
            .yes,
            "a short host name, resolved through the search domain of \(network), the "
              + "brokers' network"), routed, nil
        )
      }
      return (
        .init(
          .no,
          "short host names resolve only through the search domain of \(network), the "
            + "brokers' network"), unresolved, .internalName
      )
    case (.hosts, .host):
      if nodeHosts.contains(host.lowercasedIfNeeded) {
        return (
          .init(.yes, "the brokers resolve each other's host names on their own machines"), routed,
          nil
        )
      }
      return (
        .init(.unknown, "a short host name resolves only through the machine's search domains"),
        maybe, nil
      )
    case (.hosts, _):
      return (
        .init(
          .unknown,
          "a short host name resolves only through the search domains of the "
            + "client's resolver"), maybe, nil
      )
    }
  }

  func resolved(_ host: String, _ audience: Audience) -> Verdicts {
    var name = host.lowercasedIfNeeded
    if name.hasSuffix(".") { name.removeLast() }
    switch resolutions[name] {
    case .addresses(let addresses)?:
      let resolvable = ReachabilityVerdict(
        .yes, "resolves from this machine to \(addresses.prefix(4).joined(separator: ", "))")
      let kinds = Set(addresses.compactMap(IPLiteral.kind))
      guard kinds.count == 1, let only = kinds.first, only != .global else {
        return (resolvable, .init(.unknown, "depends on the route to \(addresses[0])"), nil)
      }
      // Resolved addresses inform the report; the rules judge what the inputs say.
      let (verdict, _) = route(only, audience)
      return (
        resolvable, .init(verdict.status, "it resolves to \(only.phrase): " + verdict.reason), nil
      )
    case .notFound(let why)?:
      return (
        .init(.no, "does not resolve from this machine: \(why) (KL313)"),
        .init(.unknown, "the name does not resolve"), nil
      )
    case .unknown(let why)?:
      return (
        .init(.unknown, why), .init(.unknown, "depends on the addresses the name resolves to"), nil
      )
    case nil:
      return (
        .init(
          .unknown,
          "a DNS name: resolvable wherever its zone is served (lint --resolve checks it "
            + "from this machine)"),
        .init(.unknown, "depends on the addresses the name resolves to"), nil
      )
    }
  }
}

// MARK: - Message pieces shared by the reachability rules

extension AddressFinding {
  /// `listener docker advertises 'kafka-1', 'kafka-2' and 'kafka-3' (from the node's host)`.
  var advertises: String {
    let source = brokers.first?.endpoint.hostSource ?? "?"
    return "listener \(listener.name.value) advertises \(quotedList(hosts)) (from \(source))"
  }

  /// `it` or `them`.
  var pronoun: String { hosts.count == 1 ? "it" : "them" }

  /// Notes for the other failing groups: what each of them cannot do, at its definition.
  func otherGroupNotes(_ verb: String) -> [Diagnostic.Note] {
    groups.dropFirst().map { entry in
      Diagnostic.Note(
        "\(entry.group.audience.listenerPhrase) cannot \(verb) \(pronoun) either: "
          + entry.broker.failureReason,
        at: entry.group.audience.declared?.location)
    }
  }

  /// `; or point laptop at listener external, whose addresses it can use`, when a described
  /// group has a listener that works for it.
  var alternativeAdvice: String {
    guard let first = groups.first, let declared = first.group.audience.declared,
      let alternative = first.group.alternatives.first
    else { return "" }
    return
      "; or point \(declared.name.value) at listener \(alternative.name.value), whose addresses "
      + "it can use"
  }
}

extension Array where Element == BrokerJudgement {
  /// `broker 1` or `brokers 1, 2 and 3`.
  var brokerList: String {
    let ids = map { String($0.nodeId) }
    if ids.count == 1 { return "broker \(ids[0])" }
    return "brokers " + (ids.dropLast().joined(separator: ", ") + " and " + (ids.last ?? ""))
  }
}
