/// The listener configuration derived for every node of a cluster, with the Kubernetes objects
/// that expose it.
public struct DerivedCluster: Sendable {
  /// The cluster it was derived from.
  public var cluster: Cluster {
    // The merged overrides were the cluster's: a changed cluster has its own.
    didSet { mergedOverrides = [] }
  }
  /// One entry per node, sorted by id.
  public var nodes: [DerivedNode]
  /// The Services, Routes, Ingresses and TLSRoutes the listeners need (Kubernetes only).
  public var kubernetesObjects: [KubernetesObject]
  /// Placeholders and addresses that could not be derived, tagged with the rule that reports
  /// them.
  public var issues: [ReadIssue]
  /// Per listener (by position), its `brokers[]` entries merged per node id, as derivation
  /// merged them: the computed certificate names read them too, and merging 20,000 entries
  /// again showed in large clusters' TLS checks. Empty when the cluster was changed since.
  var mergedOverrides: [[Int: BrokerOverride]] = []
}

/// The derived configuration of one node.
public struct DerivedNode: Sendable {
  /// `node.id`.
  public var id: Int
  /// The node pool.
  public var pool: String
  /// The roles, broker first.
  public var roles: [NodeRole]
  /// The listener properties in the order they are written.
  public var properties: [(key: String, value: String)]
  /// Every listener of the node with its bind and advertised address and why.
  public var endpoints: [DerivedEndpoint]

  /// The value of one property.
  public subscript(key: String) -> String? {
    properties.first { $0.key == key }?.value
  }
}

extension DerivedNode {
  /// The position in `endpoints` of the node's endpoint for the user listener `name` (not a
  /// built-in one), or `nil` when the node does not serve it. A position rather than the
  /// endpoint, so that callers on large clusters can keep it without copying the endpoint.
  func userEndpointIndex(_ name: String) -> Int? {
    endpoints.firstIndex { $0.type != nil && $0.listener == name }
  }
}

/// One listener of one node.
public struct DerivedEndpoint: Sendable {
  /// The user's listener name (`plain`), or `controlplane`/`replication` for the built-in ones.
  public var listener: String
  /// The Kafka listener name (`PLAIN-9092`).
  public var kafkaName: String
  /// The bind port.
  public var port: Int
  /// The advertised host (or a placeholder when it is only known at run time).
  public var advertisedHost: String
  /// The advertised port, as text (a placeholder when only known at run time).
  public var advertisedPort: String
  /// The security protocol.
  public var securityProtocol: String
  /// Which input decided the advertised host: `brokers[].advertisedHost`, a template, the
  /// type's default, …
  public var hostSource: String
  /// Which input decided the advertised port.
  public var portSource: String
  /// Whether the host or port is a placeholder filled in at run time.
  public var isPlaceholder: Bool
  /// The input field that produced the advertised address, for diagnostics.
  public var location: SourceLocation
  /// The listener's exposure type, `nil` for the built-in listeners.
  public var type: ListenerType?

  /// `host:port` as advertised.
  public var advertisedAddress: String { "\(advertisedHost):\(advertisedPort)" }
}

/// An advertised address as rules compare them: the host ignoring case, the port as written.
/// Host and port stay apart, rather than joined into a new string for every endpoint.
struct AdvertisedAddressKey: Hashable {
  var host: String
  var port: String

  init(_ endpoint: DerivedEndpoint) {
    host = endpoint.advertisedHost.lowercasedIfNeeded
    port = endpoint.advertisedPort
  }
}

/// A Kubernetes object a listener needs.
public struct KubernetesObject: Sendable, Hashable {
  /// `Service`, `Route`, `Ingress` or `TLSRoute`.
  public var kind: String
  /// The object's name, as Strimzi names it.
  public var name: String
  /// Its namespace.
  public var namespace: String
  /// The listener it serves.
  public var listener: String
  /// The node it serves, or `nil` for a bootstrap object.
  public var node: Int?
  /// For Services: `ClusterIP`, `NodePort`, `LoadBalancer` (headless services are `ClusterIP`
  /// with no cluster IP).
  public var serviceType: String?
  /// The host the object answers to (Routes, Ingresses, TLSRoutes) when known.
  public var host: String?
  /// The ports it exposes.
  public var ports: [Int]
}

/// Bounds on what `generate` writes.
public enum GenerateLimits {
  /// The most property text `generate` renders in one run. Each node of a KRaft cluster lists
  /// every controller in `controller.quorum.voters`, so the output grows with nodes times
  /// controllers: 10,000 of each would be gigabytes, held in memory before a byte is written.
  public static let maxOutputBytes = 256 << 20

  /// The bytes of property keys and values the selected nodes hold (the rendered output is
  /// a little larger), counted without rendering anything.
  public static func propertyBytes(_ clusters: [DerivedCluster], node: Int? = nil) -> Int {
    var total = 0
    for cluster in clusters {
      for derived in cluster.nodes where node == nil || derived.id == node {
        for property in derived.properties {
          total += property.key.utf8.count + property.value.utf8.count
        }
      }
    }
    return total
  }
}
