/// KL314: clients outside the Kubernetes cluster (or outside the brokers' networks) have no
/// listener that advertises addresses they can use.
public struct MissingExternalListener: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL314", name: "missing-external-listener", severity: .error,
    summary: "Clients outside the Kubernetes cluster use a listener that only advertises names "
      + "inside it, or a listener meant for them advertises only such names.",
    rationale: """
      `internal` and `cluster-ip` listeners advertise `*.svc` names, which only the cluster's \
      DNS resolves: clients outside it bootstrap (through a port-forward, a VPN, a \
      `bootstrap.alternativeNames` entry) and then fail with "Failed to resolve \
      'my-cluster-kafka-0.my-cluster-kafka-brokers.kafka.svc'". The rule reports a client group \
      at position network, internet or host that uses such a listener on Kubernetes; a listener \
      of an external type (nodeport, loadbalancer, route, ingress, tlsroute) whose every broker \
      advertises a cluster-internal name (an `advertisedHostTemplate` copied from an internal \
      listener); an internal or cluster-ip listener of a resource without client groups whose \
      `bootstrap.alternativeNames` names a host outside the cluster while its brokers advertise \
      cluster names; and a server.properties file that advertises only internal names \
      (`*.svc`, loopback, single-label names for internet clients) while `.kafka-listeners.yaml` \
      declares clients outside (`clients: [{name: apps, position: internet, listener: \
      EXTERNAL}]`). Add a listener of an external type for those clients and point them at it, \
      or advertise names they resolve (`advertisedHostTemplate`, `brokers[].advertisedHost`). \
      Addresses of such listeners are not reported again by KL309.
      """,
    triggering: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: events
          namespace: streaming
        spec:
          nodePools:
            - name: dual-role
              roles: [controller, broker]
              replicas: 3
          listeners:
            - name: plain
              port: 9092
              type: internal
            - name: tls
              port: 9093
              type: internal
              tls: true
          clients:
            - name: apps
              position: kubernetes
              listener: plain
            - name: partners
              position: internet
              listener: ↓tls

        """),
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
                tls: true
                configuration:
                  advertisedHostTemplate: "{nodePodName}.my-cluster-kafka-brokers.default.svc"
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
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: tls
                port: 9093
                type: cluster-ip
                tls: true
                configuration:
                  bootstrap:
                    alternativeNames: [↓kafka.example.com]
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
    ],
    passing: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: events
          namespace: streaming
        spec:
          nodePools:
            - name: dual-role
              roles: [controller, broker]
              replicas: 3
          listeners:
            - name: plain
              port: 9092
              type: internal
            - name: external
              port: 9094
              type: route
              tls: true
              configuration:
                hostTemplate: "events-{nodeId}.apps.example.com"
          clients:
            - name: apps
              position: kubernetes
              listener: plain
            - name: partners
              position: internet
              listener: external

        """),
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
              - name: proxied
                port: 9096
                type: cluster-ip
                tls: true
                configuration:
                  advertisedHostTemplate: kafka-proxy.example.com
                  advertisedPortTemplate: "9100 + {nodeId}"
                  bootstrap:
                    alternativeNames: [kafka-proxy.example.com]
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
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for judgement in Reachability.judge(input) {
      diagnostics += groupsWithoutExternalListener(judgement)
      diagnostics += internalOnlyExternalListeners(judgement)
      diagnostics += alternativeNamesOutside(judgement)
    }
    diagnostics += propertiesWithoutOutsideListener(input)
    return diagnostics
  }

  /// Described groups outside Kubernetes on an internal or cluster-ip listener.
  private func groupsWithoutExternalListener(_ judgement: ClusterJudgement) -> [Diagnostic] {
    judgement.groups.filter(\.listenerCannotServe).compactMap { group in
      guard let declared = group.audience.declared else { return nil }
      let listener = group.listener
      let hosts = quotedList(uniqueHosts(group.brokers))
      let external = judgement.cluster.listeners.filter {
        $0.type.value.servesExternalClients && $0.type.value != .host
      }
      let fix: String
      if let working = group.alternatives.first {
        fix = "point it at listener \(working.name.value) (\(working.type.value.rawValue)) instead"
      } else if let other = external.first {
        fix =
          "point it at listener \(other.name.value) (\(other.type.value.rawValue)) and give "
          + "that listener addresses these clients reach"
      } else {
        fix =
          "add a listener of an external type (nodeport, loadbalancer, route, ingress or "
          + "tlsroute) and point the group at it"
      }
      return metadata.diagnostic(
        "\(group.audience.phrase) uses listener \(listener.name.value), "
          + "\(listener.type.value == .internal ? "an" : "a") \(listener.type.value.rawValue) "
          + "listener whose brokers advertise names that resolve "
          + "only inside the Kubernetes cluster (\(hosts)); \(fix)",
        at: declared.listener.location,
        notes: [
          .init("listener \(listener.name.value) is defined here", at: listener.type.location)
        ])
    }
  }

  /// Listeners of an external type whose every broker advertises a cluster-internal name.
  private func internalOnlyExternalListeners(_ judgement: ClusterJudgement) -> [Diagnostic] {
    judgement.cluster.listeners.filter {
      judgement.internalOnlyExternalListeners.contains($0.name.value)
    }.map { listener in
      let endpoints = Judge(derived: judgement.derived, resolutions: [:]).endpoints(of: listener)
      var seen = Set<String>()
      let hosts = endpoints.map(\.advertisedHost).filter { seen.insert($0).inserted }
      var places: [SourceLocation] = []
      for endpoint in endpoints {
        let location = Reachability.addressLocation(endpoint, listener)
        if !places.contains(location) { places.append(location) }
      }
      return metadata.diagnostic(
        "listener \(listener.name.value) has type \(listener.type.value.rawValue), which serves "
          + "clients outside the Kubernetes cluster, but every broker advertises a name that "
          + "resolves only inside it (\(quotedList(hosts))): outside clients bootstrap and then "
          + "reach no broker; advertise names they resolve (advertisedHostTemplate or "
          + "brokers[].advertisedHost), or drop the override to advertise the "
          + "\(listener.type.value.rawValue) addresses",
        at: listener.type.location,
        notes: places.map { .init("the names come from here", at: $0) })
    }
  }

  /// Internal or cluster-ip listeners (of clusters without client groups) whose bootstrap
  /// certificate names a host outside the cluster while the brokers advertise cluster names.
  private func alternativeNamesOutside(_ judgement: ClusterJudgement) -> [Diagnostic] {
    let cluster = judgement.cluster
    guard cluster.clientGroups.isEmpty, cluster.platform.value == .kubernetes else { return [] }
    var diagnostics: [Diagnostic] = []
    let classifier = HostClassifier(kubernetesNames: KubernetesNames(of: cluster))
    for group in judgement.groups {
      let listener = group.listener
      guard !listener.type.value.servesExternalClients, !group.brokers.isEmpty,
        group.brokers.allSatisfy({
          if case .kubernetes = $0.kind { return true }
          return false
        })
      else { continue }
      let names = listener.configuration.bootstrap?.alternativeNames ?? []
      guard
        let outside = names.first(where: {
          switch classifier.kind($0.value) {
          case .qualified, .ip(.global), .ip(.privateNetwork), .ip(.sharedAddressSpace): true
          default: false
          }
        })
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "listener \(listener.name.value) (\(listener.type.value.rawValue)) lists "
            + "\(quoted(outside.value)) in bootstrap.alternativeNames, a name for clients outside "
            + "the Kubernetes cluster, but its brokers advertise names that resolve only inside "
            + "it (\(quotedList(uniqueHosts(group.brokers)))): outside clients bootstrap and "
            + "then reach no broker; use a listener of an external type (nodeport, loadbalancer, "
            + "route, ingress or tlsroute), or advertise names they resolve "
            + "(advertisedHostTemplate)",
          at: outside.location))
    }
    return diagnostics
  }

  /// server.properties files whose advertised listeners the configured outside clients
  /// cannot use.
  private func propertiesWithoutOutsideListener(_ input: LintInput) -> [Diagnostic] {
    let outside = input.configuredClients.filter {
      $0.position == .network || $0.position == .internet
    }
    guard !outside.isEmpty else { return [] }
    var diagnostics: [Diagnostic] = []
    let classifier = HostClassifier()
    for config in input.brokerConfigurations where config.isBroker {
      let endpoints = config.advertisedBrokerEndpoints
      let source = config.advertisedSource
      let at = source.entry?.keyLocation ?? .start(of: config.file.path)
      for group in outside {
        let note = Diagnostic.Note(
          "client group \(group.name) is declared here", at: group.location)
        let whereabouts =
          group.position == .internet ? "on the internet" : "in network \(group.network ?? "?")"
        if let name = group.listener {
          guard let endpoint = endpoints.first(where: { $0.name == name }) else {
            diagnostics.append(
              metadata.diagnostic(
                "client group \(group.name) (\(whereabouts)) uses listener \(name), which "
                  + "\(config.describe(source)) does not advertise; add it for these clients",
                at: at, notes: [note]))
            continue
          }
          if let host = endpoint.host, let why = internalOnly(classifier.kind(host), group.position)
          {
            diagnostics.append(
              metadata.diagnostic(
                "listener \(name) advertises \(quoted(host)), \(why), but client group "
                  + "\(group.name) (\(whereabouts)) uses it; advertise a name or address they "
                  + "reach",
                at: endpoint.location, notes: [note]))
          }
          continue
        }
        let judged = endpoints.map { endpoint in
          (endpoint, endpoint.host.flatMap { internalOnly(classifier.kind($0), group.position) })
        }
        guard !judged.isEmpty, judged.allSatisfy({ $0.1 != nil }) else { continue }
        let hosts = quotedList(endpoints.compactMap(\.host))
        diagnostics.append(
          metadata.diagnostic(
            "every listener in \(config.describe(source)) advertises an address that clients "
              + "\(whereabouts) cannot use (\(hosts); \(judged[0].1 ?? "")), but client group "
              + "\(group.name) sits there; add a listener that advertises a name or address "
              + "they reach",
            at: at, notes: [note]))
      }
    }
    return diagnostics
  }

  /// Why clients at `position` cannot use an address of this kind, when they definitely cannot.
  private func internalOnly(_ kind: HostKind, _ position: ClientGroup.Position) -> String? {
    switch kind {
    case .kubernetes:
      return "a name that resolves only inside a Kubernetes cluster"
    case .loopbackName, .ip(.loopback):
      return "the loopback address"
    case .ip(.linkLocal):
      return "a link-local address"
    case .ip(.unspecified):
      return "the unspecified address"
    case .singleLabel where position == .internet:
      return "a single-label name, which public DNS does not have"
    case .privateUse(let suffix) where position == .internet:
      return "a name under .\(suffix), which public DNS does not have"
    case .ip(.privateNetwork) where position == .internet,
      .ip(.sharedAddressSpace) where position == .internet:
      return "a private address, not routed on the internet"
    default:
      return nil
    }
  }

  private func uniqueHosts(_ brokers: [BrokerJudgement]) -> [String] {
    var seen = Set<String>()
    return brokers.map(\.endpoint.advertisedHost).filter { seen.insert($0).inserted }
  }
}
