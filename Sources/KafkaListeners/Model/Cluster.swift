/// A Kafka cluster and how it is exposed: one model for Strimzi `Kafka` (+ `KafkaNodePool`)
/// resources and for this tool's own `ClusterDescription`. Every value the user wrote carries its
/// location; values the reader filled in (defaults, assigned node ids) carry the location of the
/// thing they belong to.
public struct Cluster: Sendable {
  /// Where the cluster came from.
  public enum Origin: String, Sendable, Hashable {
    /// A Strimzi `Kafka` resource (and its node pools).
    case strimzi
    /// A `kafka-listeners/v1` `ClusterDescription`.
    case description
  }

  /// Where the brokers run.
  public enum Platform: String, Sendable, Hashable, CaseIterable {
    /// Pods on Kubernetes (always the case for Strimzi).
    case kubernetes
    /// Machines or VMs addressed by host name.
    case hosts
    /// Containers on one or more Docker hosts or Compose projects.
    case docker
  }

  /// Strimzi, or our own format.
  public var origin: Origin
  /// `metadata.name`.
  public var name: Located<String>
  /// `metadata.namespace`, when given.
  public var namespace: Located<String>?
  /// The API version as written (`kafka.strimzi.io/v1`, `kafka-listeners/v1`, …).
  public var apiVersion: Located<String>
  /// Where the brokers run.
  public var platform: Located<Platform>
  /// The Kubernetes cluster DNS domain (Strimzi's `KUBERNETES_SERVICE_DNS_DOMAIN`).
  public var clusterDomain: Located<String>?
  /// The Kafka version, when the resource or description names one.
  public var kafkaVersion: Located<String>?
  /// Whether the cluster runs in KRaft mode (`false` only for ZooKeeper-era Strimzi resources).
  public var isKRaft: Bool
  /// Node pools (a cluster without pools gets one implicit pool named `kafka`).
  public var pools: [NodePool]
  /// Every node, sorted by id.
  public var nodes: [ClusterNode]
  /// User listeners in the order written.
  public var listeners: [Listener]
  /// Where clients sit and which listener they use (own format only).
  public var clientGroups: [ClientGroup]
  /// Known addresses of Kubernetes nodes and load balancers (own format only).
  public var knownAddresses: KnownAddresses
  /// Keys of `spec.kafka.config` (Strimzi), for the keys the operator forbids.
  public var configKeys: [Located<String>] = []
  /// The server.properties file of each node (own format, `spec.properties`), by node id: the
  /// path resolved against the description's directory, located where it is written.
  public var nodeProperties: [Int: Located<String>] = [:]
  /// Rule codes suppressed by the `kafka-listeners.io/ignore` annotation.
  public var ignoredRules: [Located<String>]
  /// Where the resource or description starts.
  public var location: SourceLocation
  /// The lines of the document that defines the cluster (for the ignore annotation).
  public var lines: ClosedRange<Int>?

  /// Creates a cluster.
  public init(
    origin: Origin, name: Located<String>, namespace: Located<String>? = nil,
    apiVersion: Located<String>, platform: Located<Platform>, clusterDomain: Located<String>? = nil,
    kafkaVersion: Located<String>? = nil, isKRaft: Bool = true, pools: [NodePool] = [],
    nodes: [ClusterNode] = [], listeners: [Listener] = [], clientGroups: [ClientGroup] = [],
    knownAddresses: KnownAddresses = KnownAddresses(), ignoredRules: [Located<String>] = [],
    location: SourceLocation
  ) {
    self.origin = origin
    self.name = name
    self.namespace = namespace
    self.apiVersion = apiVersion
    self.platform = platform
    self.clusterDomain = clusterDomain
    self.kafkaVersion = kafkaVersion
    self.isKRaft = isKRaft
    self.pools = pools
    self.nodes = nodes
    self.listeners = listeners
    self.clientGroups = clientGroups
    self.knownAddresses = knownAddresses
    self.ignoredRules = ignoredRules
    self.location = location
  }

  /// Nodes with the broker role.
  public var brokers: [ClusterNode] { nodes.filter { $0.roles.contains(.broker) } }
  /// Nodes with the controller role.
  public var controllers: [ClusterNode] { nodes.filter { $0.roles.contains(.controller) } }
}

extension [ClusterNode] {
  /// The ids of the nodes with the broker role, in node order, without copying the nodes as
  /// `Cluster.brokers` does.
  var brokerIDs: [Int] { compactMap { $0.roles.contains(.broker) ? $0.id : nil } }
}

/// A KRaft process role.
public enum NodeRole: String, Sendable, Hashable, CaseIterable, Comparable {
  /// Serves clients.
  case broker
  /// Runs the metadata quorum.
  case controller

  public static func < (a: NodeRole, b: NodeRole) -> Bool { a.rawValue < b.rawValue }
}

/// A group of nodes with the same roles (Strimzi `KafkaNodePool`).
public struct NodePool: Sendable {
  /// The pool's name (`kafka` for the implicit pool of a cluster without node pools).
  public var name: Located<String>
  /// `spec.replicas`.
  public var replicas: Located<Int>?
  /// `spec.roles`.
  public var roles: [Located<NodeRole>]
  /// Node ids from `status.nodeIds`, or given explicitly in a description.
  public var nodeIds: [Located<Int>]
  /// `strimzi.io/next-node-ids`, parsed.
  public var nextNodeIds: Located<[Int]>?
  /// `strimzi.io/remove-node-ids`, parsed.
  public var removeNodeIds: Located<[Int]>?
  /// The `strimzi.io/cluster` label, for pools (where the pool says which cluster it joins).
  public var clusterLabel: Located<String>?
  /// Whether the pool is the implicit one of a cluster without node pools.
  public var isImplicit: Bool
  /// Where the pool is defined.
  public var location: SourceLocation

  /// Creates a pool.
  public init(
    name: Located<String>, replicas: Located<Int>? = nil, roles: [Located<NodeRole>] = [],
    nodeIds: [Located<Int>] = [], nextNodeIds: Located<[Int]>? = nil,
    removeNodeIds: Located<[Int]>? = nil, clusterLabel: Located<String>? = nil,
    isImplicit: Bool = false, location: SourceLocation
  ) {
    self.name = name
    self.replicas = replicas
    self.roles = roles
    self.nodeIds = nodeIds
    self.nextNodeIds = nextNodeIds
    self.removeNodeIds = removeNodeIds
    self.clusterLabel = clusterLabel
    self.isImplicit = isImplicit
    self.location = location
  }
}

/// One Kafka node.
public struct ClusterNode: Sendable, Hashable {
  /// `node.id`.
  public var id: Int
  /// The pool it belongs to.
  public var pool: String
  /// Its roles.
  public var roles: Set<NodeRole>
  /// The pod name on Kubernetes (`<cluster>-<pool>-<id>`), or the node's name elsewhere.
  public var podName: String
  /// The address other nodes and in-network clients use (own format, hosts and docker).
  public var host: Located<String>?
  /// Where the id came from: the line that lists it, or the pool it was assigned in.
  public var location: SourceLocation
  /// Whether the id was assigned the way Strimzi assigns new ids (no status to read it from).
  public var isAssigned: Bool
  /// Own format: the certificate the node presents on every TLS listener (`spec.nodes[].tls`),
  /// overriding the listeners' own.
  public var certificate: CertificateSource?

  /// Creates a node.
  public init(
    id: Int, pool: String, roles: Set<NodeRole>, podName: String, host: Located<String>? = nil,
    location: SourceLocation, isAssigned: Bool = false
  ) {
    self.id = id
    self.pool = pool
    self.roles = roles
    self.podName = podName
    self.host = host
    self.location = location
    self.isAssigned = isAssigned
  }
}

/// The exposure type of a listener: Strimzi's vocabulary plus `host` for brokers outside
/// Kubernetes.
public enum ListenerType: String, Sendable, Hashable, CaseIterable {
  /// Headless-service DNS names inside Kubernetes.
  case `internal`
  /// One ClusterIP service per broker.
  case clusterIP = "cluster-ip"
  /// One NodePort service per broker.
  case nodePort = "nodeport"
  /// One LoadBalancer service per broker.
  case loadBalancer = "loadbalancer"
  /// OpenShift Routes (TLS passthrough, port 443).
  case route
  /// Ingress with TLS passthrough (port 443; deprecated by Strimzi).
  case ingress
  /// Gateway API TLSRoutes (port 443).
  case tlsRoute = "tlsroute"
  /// Brokers on hosts or containers, addressed by the per-node addresses given (own format).
  case host

  /// Whether clients of this type sit outside the Kubernetes cluster.
  public var servesExternalClients: Bool {
    switch self {
    case .internal, .clusterIP: false
    case .nodePort, .loadBalancer, .route, .ingress, .tlsRoute: true
    case .host: true
    }
  }

  /// Whether Strimzi supports the type (everything but `host`).
  public var isStrimziType: Bool { self != .host }
}

/// `authentication.type` of a listener.
public enum AuthenticationType: String, Sendable, Hashable, CaseIterable {
  /// Mutual TLS.
  case tls
  /// SCRAM-SHA-512 over SASL.
  case scramSha512 = "scram-sha-512"
  /// Custom authentication (`sasl` says whether it is SASL).
  case custom
  /// OAuth (Strimzi ≤ 0.51, v1beta2 only).
  case oauth
}

/// One user listener.
public struct Listener: Sendable {
  /// `name` (`^[a-z0-9]{1,11}$` in Strimzi).
  public var name: Located<String>
  /// `port`.
  public var port: Located<Int>
  /// `type`.
  public var type: Located<ListenerType>
  /// `tls`.
  public var tls: Located<Bool>?
  /// `authentication.type`.
  public var authentication: Located<AuthenticationType>?
  /// `authentication.sasl` for custom authentication.
  public var customSasl: Located<Bool>?
  /// `configuration`.
  public var configuration: ListenerConfiguration
  /// Own format: the certificate every broker presents on the listener (`tls` written as a
  /// mapping), unless its node names its own.
  public var certificate: CertificateSource?
  /// Where the listener's list item starts.
  public var location: SourceLocation

  /// Creates a listener.
  public init(
    name: Located<String>, port: Located<Int>, type: Located<ListenerType>,
    tls: Located<Bool>? = nil, authentication: Located<AuthenticationType>? = nil,
    customSasl: Located<Bool>? = nil, configuration: ListenerConfiguration = ListenerConfiguration(),
    location: SourceLocation
  ) {
    self.name = name
    self.port = port
    self.type = type
    self.tls = tls
    self.authentication = authentication
    self.customSasl = customSasl
    self.configuration = configuration
    self.location = location
  }

  /// Whether TLS is on (`tls: true`).
  public var isTLS: Bool { tls?.value ?? false }

  /// Strimzi's identifier `<name>-<port>`.
  public var identifier: String { "\(name.value)-\(port.value)" }

  /// The Kafka listener name: the identifier upper-cased (`PLAIN-9092`).
  public var kafkaName: String { identifier.uppercased() }

  /// The security protocol Strimzi gives the listener.
  public var securityProtocol: String {
    let sasl: Bool
    switch authentication?.value {
    case .scramSha512, .oauth: sasl = true
    case .custom: sasl = customSasl?.value ?? false
    case .tls, nil: sasl = false
    }
    return (sasl ? "SASL_" : "") + (isTLS ? "SSL" : "PLAINTEXT")
  }
}

/// `configuration` of a listener: Strimzi's fields, plus the per-node address mechanisms of the
/// own format.
public struct ListenerConfiguration: Sendable {
  /// `bootstrap`.
  public var bootstrap: BootstrapConfiguration?
  /// `brokers[]`.
  public var brokers: [BrokerOverride] = []
  /// `brokerCertChainAndKey`.
  public var brokerCertChainAndKey: CertificateReference?
  /// `class`.
  public var className: Located<String>?
  /// `externalTrafficPolicy`.
  public var externalTrafficPolicy: Located<String>?
  /// `loadBalancerSourceRanges`.
  public var loadBalancerSourceRanges: [Located<String>] = []
  /// `ipFamilyPolicy`.
  public var ipFamilyPolicy: Located<String>?
  /// `ipFamilies`.
  public var ipFamilies: [Located<String>] = []
  /// `createBootstrapService`.
  public var createBootstrapService: Located<Bool>?
  /// `finalizers`.
  public var finalizers: [Located<String>] = []
  /// `useServiceDnsDomain`.
  public var useServiceDnsDomain: Located<Bool>?
  /// `maxConnections`.
  public var maxConnections: Located<Int>?
  /// `maxConnectionCreationRate`.
  public var maxConnectionCreationRate: Located<Int>?
  /// `preferredNodePortAddressType` (`ExternalIP`, `ExternalDNS`, `InternalIP`, `InternalDNS`,
  /// `Hostname`).
  public var preferredNodePortAddressType: Located<String>?
  /// `publishNotReadyAddresses`.
  public var publishNotReadyAddresses: Located<Bool>?
  /// `perBrokerAnnotationsTemplate`.
  public var perBrokerAnnotationsTemplate: [String: Located<String>] = [:]
  /// `perBrokerLabelsTemplate`.
  public var perBrokerLabelsTemplate: [String: Located<String>] = [:]
  /// `hostTemplate`.
  public var hostTemplate: Located<String>?
  /// `advertisedHostTemplate`.
  public var advertisedHostTemplate: Located<String>?
  /// `advertisedPortTemplate`.
  public var advertisedPortTemplate: Located<String>?
  /// `allocateLoadBalancerNodePorts`.
  public var allocateLoadBalancerNodePorts: Located<Bool>?
  /// `parentRefs` (Gateway API).
  public var parentRefs: [ParentReference] = []
  /// `externalIPs` on the listener (nodeport), when given outside `bootstrap`/`brokers`.
  public var externalIPs: [Located<String>] = []
  /// Own format: per-node advertised hosts by ordinal (the n-th broker gets the n-th host).
  public var advertisedHosts: [Located<String>] = []
  /// Own format: the first per-node port; node N advertises `advertisedBasePort + N`.
  public var advertisedBasePort: Located<Int>?

  /// An empty configuration.
  public init() {}

  /// The broker ids that some `brokers[]` entry gives an `advertisedHost`.
  var idsWithAdvertisedHost: Set<Int> {
    Set(brokers.lazy.filter { $0.advertisedHost != nil }.map(\.broker.value))
  }

  /// The `brokers[]` entries of each broker id, merged field by field in order, as Strimzi's
  /// `ListenersUtils` reads them: for each field, the first entry of the id that sets it wins.
  /// The derived addresses and the computed certificate names both read these.
  public var mergedBrokers: [Int: BrokerOverride] {
    var merged: [Int: BrokerOverride] = [:]
    for entry in brokers {
      guard var current = merged[entry.broker.value] else {
        merged[entry.broker.value] = entry
        continue
      }
      current.advertisedHost = current.advertisedHost ?? entry.advertisedHost
      current.advertisedPort = current.advertisedPort ?? entry.advertisedPort
      current.host = current.host ?? entry.host
      current.nodePort = current.nodePort ?? entry.nodePort
      current.loadBalancerIP = current.loadBalancerIP ?? entry.loadBalancerIP
      merged[entry.broker.value] = current
    }
    return merged
  }
}

/// `configuration.bootstrap`.
public struct BootstrapConfiguration: Sendable {
  /// `alternativeNames`.
  public var alternativeNames: [Located<String>] = []
  /// `host`.
  public var host: Located<String>?
  /// `nodePort`.
  public var nodePort: Located<Int>?
  /// `loadBalancerIP`.
  public var loadBalancerIP: Located<String>?
  /// `externalIPs`.
  public var externalIPs: [Located<String>] = []
  /// `annotations`.
  public var annotations: [String: Located<String>] = [:]
  /// `labels`.
  public var labels: [String: Located<String>] = [:]
  /// Where the mapping starts.
  public var location: SourceLocation

  /// Creates an empty bootstrap configuration at `location`.
  public init(location: SourceLocation) {
    self.location = location
  }
}

/// One `configuration.brokers[]` entry.
public struct BrokerOverride: Sendable {
  /// `broker`: the node id it applies to.
  public var broker: Located<Int>
  /// `advertisedHost`.
  public var advertisedHost: Located<String>?
  /// `advertisedPort`.
  public var advertisedPort: Located<Int>?
  /// `host`.
  public var host: Located<String>?
  /// `nodePort`.
  public var nodePort: Located<Int>?
  /// `loadBalancerIP`.
  public var loadBalancerIP: Located<String>?
  /// `externalIPs`.
  public var externalIPs: [Located<String>] = []
  /// `annotations`.
  public var annotations: [String: Located<String>] = [:]
  /// `labels`.
  public var labels: [String: Located<String>] = [:]
  /// Where the entry starts.
  public var location: SourceLocation

  /// Creates an override for one node.
  public init(broker: Located<Int>, location: SourceLocation) {
    self.broker = broker
    self.location = location
  }
}

/// `brokerCertChainAndKey`.
public struct CertificateReference: Sendable, Hashable {
  /// `secretName`.
  public var secretName: Located<String>
  /// `certificate`.
  public var certificate: Located<String>
  /// `key`.
  public var key: Located<String>
}

/// A certificate a cluster description maps to a listener or a node (`tls.certificate` and
/// `tls.ca`). Paths are resolved against the description's directory and located where they are
/// written; the API reads the files (rules read none).
public struct CertificateSource: Sendable, Hashable {
  /// How the certificate is stored.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// `certificate.file`: a PEM, DER, JKS or PKCS#12 file.
    case file
    /// `certificate.secret`: a Kubernetes Secret manifest (YAML or JSON).
    case secret
  }

  /// `file` or `secret`.
  public var kind: Kind
  /// The resolved path, located at its value in the description.
  public var path: Located<String>
  /// `certificate.key`: the Secret's data key holding the certificate (`tls.crt` by default).
  public var key: Located<String>?
  /// `ca`: the resolved path of the CA certificate the certificate must chain to.
  public var ca: Located<String>?

  /// Creates a certificate source.
  public init(
    kind: Kind, path: Located<String>, key: Located<String>? = nil, ca: Located<String>? = nil
  ) {
    self.kind = kind
    self.path = path
    self.key = key
    self.ca = ca
  }
}

/// A Gateway API `ParentReference`.
public struct ParentReference: Sendable {
  /// `group`.
  public var group: Located<String>?
  /// `kind`.
  public var kind: Located<String>?
  /// `name` (required).
  public var name: Located<String>
  /// `namespace`.
  public var namespace: Located<String>?
  /// `port`.
  public var port: Located<Int>?
  /// `sectionName`.
  public var sectionName: Located<String>?
}

/// Where a group of clients sits and which listener it uses (own format).
public struct ClientGroup: Sendable {
  /// Where clients are, relative to the brokers.
  public enum Position: String, Sendable, Hashable, CaseIterable {
    /// Inside the same Kubernetes cluster (can resolve `*.svc` names).
    case kubernetes
    /// In a named network (a Docker network, a VPC): resolves only that network's names.
    case network
    /// On the public internet: resolves only public DNS.
    case internet
    /// On the same machine as the brokers (can use `localhost` and published ports).
    case host
  }

  /// The group's name.
  public var name: Located<String>
  /// Where the clients are.
  public var position: Located<Position>
  /// For `network`: the network's name.
  public var network: Located<String>?
  /// The listener name they connect to.
  public var listener: Located<String>
  /// Where the group is defined.
  public var location: SourceLocation

  /// Creates a client group.
  public init(
    name: Located<String>, position: Located<Position>, network: Located<String>? = nil,
    listener: Located<String>, location: SourceLocation
  ) {
    self.name = name
    self.position = position
    self.network = network
    self.listener = listener
    self.location = location
  }
}

/// Addresses the operator only learns at run time, given in a description so the generator can
/// write concrete values where Strimzi writes placeholders.
public struct KnownAddresses: Sendable {
  /// Addresses of the Kubernetes node each broker runs on, by node id and address type
  /// (`ExternalIP`, `ExternalDNS`, `InternalIP`, `InternalDNS`, `Hostname`).
  public var nodeAddresses: [Int: [String: Located<String>]] = [:]
  /// Load-balancer addresses per listener name: `bootstrap` and per node id.
  public var loadBalancers: [String: LoadBalancerAddresses] = [:]

  /// No known addresses.
  public init() {}
}

/// Known load-balancer addresses of one listener.
public struct LoadBalancerAddresses: Sendable {
  /// The bootstrap load balancer's host name or IP.
  public var bootstrap: Located<String>?
  /// Per-broker load balancer host name or IP, by node id.
  public var brokers: [Int: Located<String>] = [:]

  /// Creates known addresses.
  public init(bootstrap: Located<String>? = nil, brokers: [Int: Located<String>] = [:]) {
    self.bootstrap = bootstrap
    self.brokers = brokers
  }
}
