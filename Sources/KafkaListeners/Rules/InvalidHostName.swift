/// KL308: an advertised host, route host or node host that is not a valid DNS name or IP
/// address.
public struct InvalidHostName: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL308", name: "invalid-host-name", severity: .error,
    summary: "A host name that is neither a valid DNS name (RFC 1123) nor an IP address.",
    rationale: """
      Clients look up every advertised host and, on TLS listeners, send it as the server name \
      and match it against the broker's certificate. A host name is dot-separated labels of 1 \
      to 63 letters, digits and hyphens, not starting or ending with a hyphen, at most 253 \
      characters in all. An underscore (`kafka_1`, Docker Compose v1 container names) resolves \
      through Docker's DNS but cannot be a TLS server name or a certificate name, and some \
      resolvers refuse it. A trailing dot (`kafka.example.com.`) is a valid absolute DNS name, \
      but Java refuses it as a TLS server name ("Server name value of host_name cannot have the \
      trailing dot") and certificates never match it. Routes, Ingresses and TLSRoutes also \
      require lower-case names that are not IP addresses. The rule checks \
      `brokers[].advertisedHost`, `advertisedHostTemplate` and `hostTemplate` as rendered for \
      every broker, `bootstrap.host`, `brokers[].host`, the own format's `advertisedHosts`, node \
      hosts and known addresses, and the advertised hosts of `server.properties` files. Write \
      the name with hyphens and without the trailing dot.
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
                type: loadbalancer
                tls: true
                configuration:
                  advertisedHostTemplate: ↓kafka_{nodeId}.example.com
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
              host: ↓kafka-1.dc1.example.com.
          listeners:
            - name: internal
              port: 9092
              type: host

        """),
      RuleExample(
        "server.properties",
        "listeners=PLAINTEXT://:9092\nadvertised.listeners=↓PLAINTEXT://kafka_1:9092\n"),
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
                type: loadbalancer
                tls: true
                configuration:
                  advertisedHostTemplate: kafka-{nodeId}.example.com
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
        "server.properties",
        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://[2001:db8::10]:9092\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var reported = Set<SourceLocation>()
    // `what` is built only for a host that has a problem: the checks run for every node.
    func report(
      _ what: @autoclosure () -> String, _ host: String, at location: SourceLocation,
      kubernetesHost: Bool, rendered: Bool = false
    ) {
      guard !HostClassifier.isPlaceholder(host), !reported.contains(location),
        let problem = HostName.problem(host)
          ?? (kubernetesHost ? Self.objectHostProblem(host) : nil)
      else { return }
      reported.insert(location)
      let link = rendered ? ", which " : " "
      diagnostics.append(
        metadata.diagnostic("\(what()) \(quoted(host))\(link)\(problem)", at: location))
    }

    for cluster in input.clusters {
      // Ids and pod names only: the templates below need no more of a node.
      let brokers = cluster.nodes.lazy.filter { $0.roles.contains(.broker) }
        .map { (id: $0.id, podName: $0.podName) }.sorted { $0.id < $1.id }
      for index in cluster.nodes.indices {
        if let host = cluster.nodes[index].host {
          report(
            "node \(cluster.nodes[index].id)'s host", host.value, at: host.location,
            kubernetesHost: false)
        }
      }
      for listener in cluster.listeners {
        let name = "listener \(listener.name.value):"
        let configuration = listener.configuration
        // Route, Ingress and TLSRoute hosts only exist for those types; elsewhere Strimzi
        // rejects the fields (KL107) and nothing uses them.
        let objectHosts = [.route, .ingress, .tlsRoute].contains(listener.type.value)
        for (index, host) in configuration.advertisedHosts.enumerated() {
          report(
            "\(name) advertisedHosts[\(index)]", host.value, at: host.location,
            kubernetesHost: false)
        }
        for entry in configuration.brokers {
          let broker = { "brokers[broker \(entry.broker.value)]" }
          if let host = entry.advertisedHost {
            report(
              "\(name) \(broker()).advertisedHost", host.value, at: host.location,
              kubernetesHost: false)
          }
          if let host = entry.host, objectHosts {
            report(
              "\(name) \(broker()).host", host.value, at: host.location, kubernetesHost: true)
          }
        }
        if let host = configuration.bootstrap?.host, objectHosts {
          report("\(name) bootstrap.host", host.value, at: host.location, kubernetesHost: true)
        }
        for (field, template, objectHost) in [
          ("advertisedHostTemplate", configuration.advertisedHostTemplate, false),
          ("hostTemplate", configuration.hostTemplate, true),
        ] {
          guard let template, !objectHost || objectHosts else { continue }
          for node in brokers {
            let host = Templates.renderHost(template.value, nodeId: node.id, podName: node.podName)
            report(
              "\(name) \(field) gives broker \(node.id) the host", host, at: template.location,
              kubernetesHost: objectHost, rendered: true)
          }
        }
      }
      for (node, addresses) in cluster.knownAddresses.nodeAddresses.sorted(by: { $0.key < $1.key })
      {
        for (type, address) in addresses.sorted(by: { $0.key < $1.key }) {
          report(
            "the \(type) address of node \(node)", address.value, at: address.location,
            kubernetesHost: false)
        }
      }
      for (listener, balancers) in cluster.knownAddresses.loadBalancers.sorted(by: {
        $0.key < $1.key
      }) {
        if let host = balancers.bootstrap {
          report(
            "the bootstrap load balancer of listener \(listener)", host.value, at: host.location,
            kubernetesHost: false)
        }
        for (broker, host) in balancers.brokers.sorted(by: { $0.key < $1.key }) {
          report(
            "the load balancer of broker \(broker) on listener \(listener)", host.value,
            at: host.location, kubernetesHost: false)
        }
      }
    }

    for config in input.brokerConfigurations where config.isBroker {
      for endpoint in config.advertisedBrokerEndpoints {
        guard let host = endpoint.host else { continue }
        report(
          "listener \(endpoint.name) advertises the host", host, at: endpoint.location,
          kubernetesHost: false, rendered: true)
      }
    }
    return diagnostics.sorted { $0.location < $1.location }
  }

  /// Hosts of Routes, Ingresses and TLSRoutes are Kubernetes DNS subdomains: lower case and
  /// never IP addresses.
  static func objectHostProblem(_ host: String) -> String? {
    if IPLiteral.kind(host) != nil {
      return "is an IP address; Routes, Ingresses and TLSRoutes need a DNS name"
    }
    if host.contains(where: { $0.isUppercase }) {
      return "contains upper-case letters, which Kubernetes refuses in Route, Ingress and "
        + "TLSRoute hosts; write it in lower case"
    }
    return nil
  }
}
