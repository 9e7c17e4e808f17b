/// Derives every node's listener configuration from a ``Cluster``, the way Strimzi's cluster
/// operator writes it into each node's configuration (`KafkaBrokerConfigurationBuilder`,
/// `KafkaListenersReconciler`). Total: missing data gives placeholders and issues, never a
/// failure; judging the result is the rules' job.
public enum ListenerDerivation {
  /// Issue code for an address Kubernetes only fills in at run time (a note).
  static let runtimeAddress = "KL305"
  /// Issue code for an address this tool cannot know from the description (an error).
  static let unknownAddress = "KL306"
  /// Issue code for an `advertisedPortTemplate` Strimzi rejects.
  static let invalidPortTemplate = "KL307"

  /// The controller listener Strimzi adds on every node.
  public static let controlPlane = (name: "CONTROLPLANE-9090", port: 9090)
  /// The inter-broker listener Strimzi adds on every broker.
  public static let replication = (name: "REPLICATION-9091", port: 9091)

  /// The default Kubernetes cluster DNS domain.
  public static let defaultClusterDomain = "cluster.local"

  /// Derives the configuration of every node.
  public static func derive(_ cluster: Cluster) -> DerivedCluster {
    derive(cluster, parallelFrom: parallelNodeCount)
  }

  /// Derives the configuration of every node, on several processors when the cluster has at
  /// least `parallelFrom` nodes; tests compare the two ways.
  static func derive(_ cluster: Cluster, parallelFrom: Int) -> DerivedCluster {
    var context = Context(cluster: cluster)
    if cluster.namespace == nil && cluster.platform.value == .kubernetes {
      context.issue(
        ListenerDerivation.runtimeAddress, "namespace",
        "metadata.namespace is not set, so host names use 'default', the namespace kubectl "
          + "applies to without -n; the real names use the namespace the resource is applied to",
        cluster.name.location)
    }
    let nodes = context.nodes(cluster.nodes.sorted { $0.id < $1.id }, parallelFrom: parallelFrom)
    context.collectObjects()
    let merged = cluster.listeners.map {
      context.overridesByListener[$0.location] ?? $0.configuration.mergedBrokers
    }
    return DerivedCluster(
      cluster: cluster, nodes: nodes, kubernetesObjects: context.objects, issues: context.issues,
      mergedOverrides: merged)
  }

  /// Clusters with at least this many nodes are derived in chunks on several processors.
  static let parallelNodeCount = 512
  /// Nodes per chunk: enough work to outweigh handing a chunk to a thread.
  static let nodesPerChunk = 256

  private struct Context {
    let cluster: Cluster
    var issues: [ReadIssue] = []
    /// The deduplication key of each of `issues`, so that chunks derived apart can be merged.
    var issueKeys: [String] = []
    var objects: [KubernetesObject] = []
    var reported = Set<String>()
    /// `controller.quorum.voters` is the same on every node: built once, not once per node.
    lazy var voters: String = cluster.controllers.sorted { $0.id < $1.id }.map {
      "\($0.id)@\(internalHost($0.podName)):\(ListenerDerivation.controlPlane.port)"
    }.joined(separator: ",")

    init(cluster: Cluster) { self.cluster = cluster }

    var name: String { cluster.name.value }
    var namespace: String { cluster.namespace?.value ?? "default" }
    var domain: String { cluster.clusterDomain?.value ?? ListenerDerivation.defaultClusterDomain }
    var headless: String { "\(name)-kafka-brokers" }
    var isStrimzi: Bool { cluster.origin == .strimzi }
    var onKubernetes: Bool { cluster.platform.value == .kubernetes }
    /// The protocol of the built-in listeners: Strimzi secures them with the cluster CA; off
    /// Kubernetes no certificates are known, so they are plain.
    var internalProtocol: String { onKubernetes ? "SSL" : "PLAINTEXT" }

    /// Controllers advertise their listener from Kafka 3.9 (KIP-853); before that Kafka
    /// refused it, so Strimzi wrote none.
    var controllersAdvertise: Bool {
      guard let text = cluster.kafkaVersion?.value, let version = KafkaVersion(text) else {
        return true
      }
      return version >= KafkaVersion(3, 9)
    }

    mutating func issue(_ code: String, _ key: String, _ message: String, _ location: SourceLocation) {
      guard reported.insert(key).inserted else { return }
      issues.append(ReadIssue(code: code, message: message, location: location))
      issueKeys.append(key)
    }

    /// `sorted.map { node($0) }`. A large cluster is cut into chunks derived on several
    /// processors, each from a copy of this context with the caches filled in; the chunks'
    /// issues are then merged in node order, each key kept at its first occurrence, which is
    /// what deriving the nodes one after another reports.
    mutating func nodes(_ sorted: [ClusterNode], parallelFrom: Int) -> [DerivedNode] {
      if sorted.count >= parallelFrom { fillCaches() }
      return Parallel.map(
        sorted, inChunksOf: ListenerDerivation.nodesPerChunk, from: parallelFrom, state: &self,
        start: { chunk in
          chunk.issues = []
          chunk.issueKeys = []
        },
        merge: { context, chunk in
          for (issue, key) in zip(chunk.issues, chunk.issueKeys)
          where context.reported.insert(key).inserted {
            context.issues.append(issue)
            context.issueKeys.append(key)
          }
        }
      ) { node, context in context.node(node) }
    }

    /// Computes what `node(_:)` would otherwise compute on first use, so that copies of the
    /// context share it instead of each building its own.
    mutating func fillCaches() {
      _ = voters
      _ = brokerOrdinals
      for listener in cluster.listeners where overridesByListener[listener.location] == nil {
        overridesByListener[listener.location] = listener.configuration.mergedBrokers
      }
    }

    func internalHost(_ podName: String) -> String {
      onKubernetes ? "\(podName).\(headless).\(namespace).svc" : podName
    }

    /// Each broker's position among the brokers sorted by id, for `advertisedHosts`.
    lazy var brokerOrdinals: [Int: Int] = Dictionary(
      cluster.nodes.brokerIDs.sorted().enumerated().map { ($1, $0) },
      uniquingKeysWith: { first, _ in first })

    mutating func brokerOrdinal(_ node: ClusterNode) -> Int? { brokerOrdinals[node.id] }

    /// Per-broker resource name: `<C>-<pool>-<name>-<N>`, or `<C>-<pool>-<N>` for the
    /// historical `external` listener on 9094.
    func perBrokerName(_ listener: Listener, _ node: ClusterNode) -> String {
      isLegacyExternal(listener)
        ? "\(name)-\(node.pool)-\(node.id)" : "\(name)-\(node.pool)-\(listener.name.value)-\(node.id)"
    }

    func isLegacyExternal(_ listener: Listener) -> Bool {
      listener.name.value == "external" && listener.port.value == 9094
    }

    func bootstrapServiceName(_ listener: Listener) -> String {
      listener.type.value == .internal
        ? "\(name)-kafka-bootstrap" : "\(name)-kafka-\(listener.name.value)-bootstrap"
    }

    func bootstrapRouteName(_ listener: Listener) -> String {
      isLegacyExternal(listener) ? "\(name)-kafka-bootstrap" : "\(name)-kafka-\(listener.name.value)-bootstrap"
    }

    mutating func node(_ node: ClusterNode) -> DerivedNode {
      // ZooKeeper-era brokers (Strimzi ≤ 0.45) listen on the control-plane listener too and
      // carry no KRaft keys.
      let zooKeeper = !cluster.isKRaft
      let isBroker = zooKeeper || node.roles.contains(.broker)
      let isController = !zooKeeper && node.roles.contains(.controller)
      var endpoints: [DerivedEndpoint] = []
      if isController || zooKeeper {
        endpoints.append(builtIn("controlplane", ListenerDerivation.controlPlane, node))
      }
      if isBroker {
        endpoints.append(builtIn("replication", ListenerDerivation.replication, node))
        // By index: iterating the listeners copied each (a large value) for every node.
        for index in cluster.listeners.indices {
          endpoints.append(user(cluster.listeners[index], node))
        }
      }
      let roles = zooKeeper ? [.broker] : NodeRole.allCases.filter { node.roles.contains($0) }
      var properties: [(key: String, value: String)] = []
      if zooKeeper {
        properties.append(("broker.id", String(node.id)))
        properties.append(("node.id", String(node.id)))
        properties.append(("zookeeper.connect", "\(name)-zookeeper-client:2181"))
      } else {
        properties.append(("node.id", String(node.id)))
        properties.append(("process.roles", roles.map(\.rawValue).joined(separator: ",")))
        properties.append(("controller.listener.names", ListenerDerivation.controlPlane.name))
        properties.append(("controller.quorum.voters", voters))
      }
      // The map names the control-plane listener on every node: brokers use it to reach the
      // controllers even though they do not listen on it.
      var protocolMap = endpoints.map { "\($0.kafkaName):\($0.securityProtocol)" }
      if !isController && !zooKeeper {
        protocolMap.insert(
          "\(ListenerDerivation.controlPlane.name):\(internalProtocol)", at: 0)
      }
      properties.append(("listener.security.protocol.map", protocolMap.joined(separator: ",")))
      properties.append(
        ("listeners", endpoints.map { "\($0.kafkaName)://0.0.0.0:\($0.port)" }.joined(separator: ",")))
      if zooKeeper {
        properties.append(("control.plane.listener.name", ListenerDerivation.controlPlane.name))
      }
      if isBroker {
        properties.append(("inter.broker.listener.name", ListenerDerivation.replication.name))
      }
      let hideControlPlane = isController && !controllersAdvertise
      var advertised: [String] = []
      for endpoint in endpoints where !(endpoint.listener == "controlplane" && hideControlPlane) {
        advertised.append("\(endpoint.kafkaName)://\(endpoint.advertisedAddress)")
      }
      if !advertised.isEmpty {
        properties.append(("advertised.listeners", advertised.joined(separator: ",")))
      }
      if isStrimzi {
        // Strimzi always writes these two; per-listener values override the empty mechanism list.
        properties.append(("sasl.enabled.mechanisms", ""))
        properties.append(("ssl.endpoint.identification.algorithm", "HTTPS"))
      }
      return DerivedNode(
        id: node.id, pool: node.pool, roles: roles, properties: properties, endpoints: endpoints)
    }

    func builtIn(_ listener: String, _ builtIn: (name: String, port: Int), _ node: ClusterNode)
      -> DerivedEndpoint
    {
      DerivedEndpoint(
        listener: listener, kafkaName: builtIn.name, port: builtIn.port,
        advertisedHost: internalHost(node.podName), advertisedPort: String(builtIn.port),
        securityProtocol: internalProtocol,
        hostSource: onKubernetes ? "the headless service \(headless)" : "the node's host",
        portSource: "the listener port", isPlaceholder: false, location: node.location, type: nil)
    }

    mutating func user(_ listener: Listener, _ node: ClusterNode) -> DerivedEndpoint {
      let configuration = listener.configuration
      let override = mergedOverride(listener, node)
      var placeholder = false

      // Host: brokers[].advertisedHost › advertisedHostTemplate › the type's default.
      var host: String
      var hostSource: String
      var location = listener.type.location
      if let advertisedHost = override?.advertisedHost {
        host = advertisedHost.value
        hostSource = "brokers[\(node.id)].advertisedHost"
        location = advertisedHost.location
      } else if let template = configuration.advertisedHostTemplate {
        host = Templates.renderHost(template.value, nodeId: node.id, podName: node.podName)
        hostSource = "advertisedHostTemplate"
        location = template.location
      } else {
        (host, hostSource, location, placeholder) = defaultHost(listener, node, override)
      }

      // Port: brokers[].advertisedPort › advertisedPortTemplate › base port › the type's default.
      var port: String
      var portSource: String
      if let advertisedPort = override?.advertisedPort {
        port = String(advertisedPort.value)
        portSource = "brokers[\(node.id)].advertisedPort"
      } else if let template = configuration.advertisedPortTemplate {
        if let value = Templates.evaluatePort(template.value, nodeId: node.id) {
          port = String(value)
        } else {
          issue(
            ListenerDerivation.invalidPortTemplate, "template \(listener.identifier)",
            "Invalid advertised port template: \(template.value)", template.location)
          port = String(listener.port.value)
        }
        portSource = "advertisedPortTemplate"
      } else if let base = configuration.advertisedBasePort {
        port = String(base.value + node.id)
        portSource = "advertisedBasePort + node id"
      } else {
        var portPlaceholder = false
        (port, portSource, portPlaceholder) = defaultPort(listener, node, override)
        placeholder = placeholder || portPlaceholder
      }
      return DerivedEndpoint(
        listener: listener.name.value, kafkaName: listener.kafkaName, port: listener.port.value,
        advertisedHost: host, advertisedPort: port, securityProtocol: listener.securityProtocol,
        hostSource: hostSource, portSource: portSource, isPlaceholder: placeholder,
        location: location, type: listener.type.value)
    }

    /// Strimzi takes each per-broker field from the first `brokers[]` entry for the node that
    /// sets it (`ListenersUtils`), so entries for one id combine field by field.
    /// Each listener's `brokers[]` entries merged per node id, built once per listener and keyed
    /// by where its mapping is written: a lookup per node would make derivation quadratic in
    /// the number of brokers.
    var overridesByListener: [SourceLocation: [Int: BrokerOverride]] = [:]

    /// The listener's `brokers[]` entries for `node`, merged field by field in order, as
    /// Strimzi's `ListenersUtils` reads them (the first entry that sets a field wins).
    mutating func mergedOverride(_ listener: Listener, _ node: ClusterNode) -> BrokerOverride? {
      // A listener's mapping is written once, so its position identifies the listener. Not
      // its name's: two listeners can take one name from a YAML alias, which the composer
      // places at the anchor. A whole listener repeated through an alias is the same mapping,
      // with the same entries.
      let key = listener.location
      if let merged = overridesByListener[key] { return merged[node.id] }
      let merged = listener.configuration.mergedBrokers
      overridesByListener[key] = merged
      return merged[node.id]
    }

    mutating func defaultHost(_ listener: Listener, _ node: ClusterNode, _ override: BrokerOverride?)
      -> (String, String, SourceLocation, Bool)
    {
      let configuration = listener.configuration
      let withDomain = configuration.useServiceDnsDomain?.value ?? false
      let suffix = withDomain ? ".\(domain)" : ""
      let at = listener.type.location
      switch listener.type.value {
      case .internal:
        return ("\(node.podName).\(headless).\(namespace).svc\(suffix)", "the headless service", at, false)
      case .clusterIP:
        return (
          "\(perBrokerName(listener, node)).\(namespace).svc\(suffix)", "the per-broker ClusterIP service",
          at, false
        )
      case .nodePort:
        let preferred = configuration.preferredNodePortAddressType?.value
        if isStrimzi {
          let key = preferred.map { "nodeport.\($0.lowercased()).address" } ?? "nodeport.default.address"
          issue(
            ListenerDerivation.runtimeAddress, "nodeport host \(listener.identifier)",
            "listener \(listener.name.value): the advertised host of each broker is the address of the "
              + "Kubernetes node its pod runs on; Strimzi's init container writes it to "
              + "/opt/kafka/init/external.address when the pod starts",
            at)
          return (
            "${strimzifile:/opt/kafka/init/external.address:\(key)}", "the node address (run time)", at,
            true
          )
        }
        let order = (preferred.map { [$0] } ?? []) + ["ExternalDNS", "ExternalIP", "InternalDNS", "InternalIP", "Hostname"]
        if let addresses = cluster.knownAddresses.nodeAddresses[node.id] {
          for type in order {
            if let address = addresses.first(where: { $0.key.lowercased() == type.lowercased() })?.value {
              return (address.value, "addresses.nodes[\(node.id)].\(type)", address.location, false)
            }
          }
        }
        issue(
          ListenerDerivation.unknownAddress, "nodeport \(listener.identifier) \(node.id)",
          "listener \(listener.name.value): the address of the Kubernetes node that runs broker "
            + "\(node.id) is not known; add it under spec.addresses.nodes or set "
            + "brokers[].advertisedHost",
          at)
        return ("<address of the node running \(node.podName)>", "unknown", at, true)
      case .loadBalancer:
        let service = perBrokerName(listener, node)
        if isStrimzi {
          issue(
            ListenerDerivation.runtimeAddress, "lb host \(listener.identifier)",
            "listener \(listener.name.value): each broker advertises the address of its LoadBalancer "
              + "service, which Strimzi waits for after creating the service and then writes into "
              + "the broker's configuration",
            at)
          return ("<address of LoadBalancer service \(namespace)/\(service)>", "the load balancer (run time)", at, true)
        }
        if let known = cluster.knownAddresses.loadBalancers[listener.name.value]?.brokers[node.id] {
          return (known.value, "addresses.loadBalancers[\(listener.name.value)].brokers[\(node.id)]", known.location, false)
        }
        issue(
          ListenerDerivation.unknownAddress, "lb \(listener.identifier) \(node.id)",
          "listener \(listener.name.value): the load-balancer address of broker \(node.id) is not "
            + "known; add it under spec.addresses.loadBalancers or set brokers[].advertisedHost",
          at)
        return ("<address of LoadBalancer service \(namespace)/\(service)>", "unknown", at, true)
      case .route, .ingress, .tlsRoute:
        if let host = override?.host {
          return (host.value, "brokers[\(node.id)].host", host.location, false)
        }
        if let template = configuration.hostTemplate {
          return (
            Templates.renderHost(template.value, nodeId: node.id, podName: node.podName), "hostTemplate",
            template.location, false
          )
        }
        let resource = perBrokerName(listener, node)
        if listener.type.value == .route {
          issue(
            ListenerDerivation.runtimeAddress, "route host \(listener.identifier)",
            "listener \(listener.name.value): without hostTemplate or brokers[].host, OpenShift "
              + "gives each Route the host <route>-<namespace>.<router domain>, known once the "
              + "Route is admitted",
            at)
          return ("\(resource)-\(namespace).<router domain>", "the OpenShift router (run time)", at, true)
        }
        // For Strimzi resources the operator's own validation reports this (KL109, KL110).
        if !isStrimzi {
          issue(
            ListenerDerivation.unknownAddress, "host \(listener.identifier) \(node.id)",
            "listener \(listener.name.value): broker \(node.id) has no host; "
              + "\(listener.type.value.rawValue) listeners need hostTemplate or brokers[].host",
            at)
        }
        return ("<host of \(resource)>", "missing", at, true)
      case .host:
        if let ordinal = brokerOrdinal(node), ordinal < configuration.advertisedHosts.count {
          let host = configuration.advertisedHosts[ordinal]
          return (host.value, "advertisedHosts[\(ordinal)]", host.location, false)
        }
        if let host = node.host {
          return (host.value, "the node's host", host.location, false)
        }
        issue(
          ListenerDerivation.unknownAddress, "host \(listener.identifier) \(node.id)",
          "listener \(listener.name.value): node \(node.id) has no address; give the node a host, "
            + "or the listener advertisedHosts, advertisedHostTemplate or brokers[].advertisedHost",
          at)
        return ("<address of node \(node.id)>", "unknown", at, true)
      }
    }

    mutating func defaultPort(_ listener: Listener, _ node: ClusterNode, _ override: BrokerOverride?)
      -> (String, String, Bool)
    {
      switch listener.type.value {
      case .internal, .clusterIP, .loadBalancer, .host:
        return (String(listener.port.value), "the listener port", false)
      case .route, .ingress, .tlsRoute:
        return ("443", "the \(listener.type.value.rawValue) port 443", false)
      case .nodePort:
        if let nodePort = override?.nodePort {
          return (String(nodePort.value), "brokers[\(node.id)].nodePort", false)
        }
        let service = perBrokerName(listener, node)
        issue(
          isStrimzi ? ListenerDerivation.runtimeAddress : ListenerDerivation.unknownAddress,
          "nodeport port \(listener.identifier)",
          "listener \(listener.name.value): without brokers[].nodePort, Kubernetes allocates each "
            + "broker's node port when it creates the service; set brokers[].nodePort to know it "
            + "in advance",
          listener.type.location)
        return ("<nodePort of service \(namespace)/\(service)>", "allocated by Kubernetes", true)
      }
    }

    /// The Services, Routes, Ingresses and TLSRoutes Strimzi creates for the listeners.
    mutating func collectObjects() {
      guard onKubernetes else { return }
      defer {
        // Internal listeners share one bootstrap service; keep each object once.
        var seen = Set<String>()
        objects = objects.filter { seen.insert("\($0.kind)/\($0.name)").inserted }
      }
      // The headless service and the shared bootstrap service always exist; internal
      // listeners add their ports to both (KafkaCluster.getHeadlessServicePorts/getServicePorts).
      let internalPorts = cluster.listeners.filter { $0.type.value == .internal }.map(\.port.value)
      objects.append(
        KubernetesObject(
          kind: "Service", name: headless, namespace: namespace, listener: "*", node: nil,
          serviceType: "ClusterIP", host: nil,
          ports: [ListenerDerivation.controlPlane.port, ListenerDerivation.replication.port, 8443]
            + internalPorts))
      objects.append(
        KubernetesObject(
          kind: "Service", name: "\(name)-kafka-bootstrap", namespace: namespace, listener: "*",
          node: nil, serviceType: "ClusterIP", host: nil,
          ports: [ListenerDerivation.replication.port] + internalPorts))
      let brokers = cluster.brokers.sorted { $0.id < $1.id }
      for listener in cluster.listeners {
        let type = listener.type.value
        let port = listener.port.value
        let serviceType: String? =
          switch type {
          case .nodePort: "NodePort"
          case .loadBalancer: "LoadBalancer"
          default: "ClusterIP"
          }
        let wantsBootstrapService =
          type != .loadBalancer || (listener.configuration.createBootstrapService?.value ?? true)
        if type != .internal && wantsBootstrapService {
          objects.append(
            KubernetesObject(
              kind: "Service", name: bootstrapServiceName(listener), namespace: namespace,
              listener: listener.name.value, node: nil, serviceType: serviceType, host: nil,
              ports: [port]))
        }
        if type == .internal { continue }
        let routeKind: String? =
          switch type {
          case .route: "Route"
          case .ingress: "Ingress"
          case .tlsRoute: "TLSRoute"
          default: nil
          }
        if let routeKind {
          objects.append(
            KubernetesObject(
              kind: routeKind, name: bootstrapRouteName(listener), namespace: namespace,
              listener: listener.name.value, node: nil, serviceType: nil,
              host: listener.configuration.bootstrap?.host?.value, ports: [443]))
        }
        for node in brokers {
          let resource = perBrokerName(listener, node)
          objects.append(
            KubernetesObject(
              kind: "Service", name: resource, namespace: namespace, listener: listener.name.value,
              node: node.id, serviceType: serviceType, host: nil, ports: [port]))
          if let routeKind {
            let override = mergedOverride(listener, node)
            let host =
              override?.host?.value
              ?? listener.configuration.hostTemplate.map {
                Templates.renderHost($0.value, nodeId: node.id, podName: node.podName)
              }
            objects.append(
              KubernetesObject(
                kind: routeKind, name: resource, namespace: namespace, listener: listener.name.value,
                node: node.id, serviceType: nil, host: host, ports: [443]))
          }
        }
      }
    }
  }
}
