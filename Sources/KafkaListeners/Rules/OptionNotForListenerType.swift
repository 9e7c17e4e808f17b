/// KL107: a `configuration` field the listener's type does not support (Strimzi's
/// `ListenersValidator`), one diagnostic per misplaced field.
public struct OptionNotForListenerType: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL107", name: "option-not-for-listener-type", severity: .error,
    summary: "A listener's configuration sets a field that its type does not use.",
    rationale: """
      Most of a listener's `configuration` configures the Kubernetes objects of one exposure \
      type: `class`, `loadBalancerSourceRanges`, `finalizers`, `allocateLoadBalancerNodePorts`, \
      `createBootstrapService: false` and `loadBalancerIP` belong to `loadbalancer` (and \
      `class` also to `ingress`); `externalTrafficPolicy` to `loadbalancer` and `nodeport`; \
      `preferredNodePortAddressType` and `externalIPs` to `nodeport`; `nodePort` to \
      `nodeport` and `loadbalancer`; `hostTemplate`, `bootstrap.host` and `brokers[].host` to \
      `route`, `ingress` and `tlsroute`; `parentRefs` to `tlsroute`; `useServiceDnsDomain` to \
      `internal` and `cluster-ip`; `ipFamilyPolicy`, `ipFamilies`, `publishNotReadyAddresses`, \
      labels and annotations to every type but `internal`. Strimzi's operator rejects a field \
      on the wrong type instead of ignoring it, because it usually means the type is not the \
      one intended (a `hostTemplate` on a `nodeport` listener does not give brokers host \
      names). In a ClusterDescription of brokers on hosts or in containers none of these \
      Kubernetes fields has anything to configure. Remove the field, or change the type. The \
      advertised-address fields (`advertisedHost`, `advertisedPort` and their templates), \
      `maxConnections`, `maxConnectionCreationRate`, `bootstrap.alternativeNames` and \
      `brokerCertChainAndKey` apply to every type.
      """,
    origin: .strimzi(
      message: "listener <L> cannot configure externalTrafficPolicy because it is not "
        + "LoadBalancer or NodePort based listener"),
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
                type: nodeport
                tls: true
                configuration:
                  ↓hostTemplate: broker-{nodeId}.kafka.example.com
                  ↓class: nginx
                  bootstrap:
                    ↓host: bootstrap.kafka.example.com
                    nodePort: 32100
                  brokers:
                    - broker: 0
                      ↓loadBalancerIP: 192.0.2.10
              - name: tls
                port: 9093
                type: internal
                tls: true
                configuration:
                  ↓externalTrafficPolicy: Local
                  bootstrap:
                    ↓annotations:
                      external-dns.alpha.kubernetes.io/hostname: kafka.example.com

        """),
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: vm
        spec:
          platform: hosts
          nodes:
            - id: 0
              roles: [broker, controller]
              host: kafka-0.example.com
          listeners:
            - name: clients
              port: 9092
              type: host
              configuration:
                ↓preferredNodePortAddressType: ExternalDNS
                brokers:
                  - broker: 0
                    advertisedHost: kafka.example.com

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
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: nodeport
                tls: true
                configuration:
                  preferredNodePortAddressType: ExternalDNS
                  externalTrafficPolicy: Local
                  bootstrap:
                    nodePort: 32100
                    alternativeNames: [kafka.example.com]
                  brokers:
                    - broker: 0
                      nodePort: 32000
                      advertisedHost: kafka-0.example.com
              - name: tls
                port: 9093
                type: internal
                tls: true
                configuration:
                  useServiceDnsDomain: true
                  advertisedHostTemplate: kafka-{nodeId}.internal.example.com

        """)
    ])

  /// One row of Strimzi's applicability checks.
  struct FieldCheck: Sendable {
    /// The field as Strimzi's message names it.
    let field: String
    /// The YAML key it is written under.
    let key: String
    /// The types that may set it.
    let allowed: Set<ListenerType>
    /// Strimzi's clause after "because it is ".
    let reason: String
  }

  private static let kubernetesTypes = Set(ListenerType.allCases.filter(\.isStrimziType))
  private static let notInternal = kubernetesTypes.subtracting([.internal])
  private static let hostTypes: Set<ListenerType> = [.route, .ingress, .tlsRoute]
  private static let hostReason = "not TLSRoute, Route, or Ingress based listener"
  private static let labelsReason =
    "not LoadBalancer, NodePort, TLSRoute, Route, Ingress, or ClusterIP based listener"
  private static let templateReason =
    "not LoadBalancer, NodePort, Route, Ingress or ClusterIP based listener"
  private static let loadBalancerReason = "not LoadBalancer based listener"
  private static let nodePortReason = "not NodePort based listener"

  private static func check(
    _ field: String, key: String? = nil, _ allowed: Set<ListenerType>, _ reason: String
  ) -> FieldCheck {
    FieldCheck(
      field: field, key: key ?? String(field.split(separator: ".").last ?? ""),
      allowed: allowed, reason: reason)
  }

  static let useServiceDnsDomain = check(
    "useServiceDnsDomain", [.internal, .clusterIP], "not internal or cluster-ip listener")
  static let ipFamilyPolicy = check("ipFamilyPolicy", notInternal, "internal listener")
  static let ipFamilies = check("ipFamilies", notInternal, "internal listener")
  static let className = check(
    "class", [.ingress, .loadBalancer], "not an Ingress or LoadBalancer based listener")
  static let externalTrafficPolicy = check(
    "externalTrafficPolicy", [.loadBalancer, .nodePort],
    "not LoadBalancer or NodePort based listener")
  static let loadBalancerSourceRanges = check(
    "loadBalancerSourceRanges", [.loadBalancer], loadBalancerReason)
  static let allocateLoadBalancerNodePorts = check(
    "allocateLoadBalancerNodePorts", [.loadBalancer], loadBalancerReason)
  static let finalizers = check("finalizers", [.loadBalancer], loadBalancerReason)
  static let preferredAddressType = check(
    "preferredAddressType", key: "preferredNodePortAddressType", [.nodePort], nodePortReason)
  static let publishNotReadyAddresses = check(
    "publishNotReadyAddresses", notInternal, "internal listener")
  static let createBootstrapService = check(
    "createBootstrapService", [.loadBalancer], "not load balancer listener")
  static let hostTemplate = check("hostTemplate", hostTypes, hostReason)
  static let perBrokerLabelsTemplate = check(
    "perBrokerLabelsTemplate", notInternal, templateReason)
  static let perBrokerAnnotationsTemplate = check(
    "perBrokerAnnotationsTemplate", notInternal, templateReason)
  static let parentRefs = check("parentRefs", [.tlsRoute], "not TLSRoute based listener")
  static let bootstrapHost = check("bootstrap.host", hostTypes, hostReason)
  static let bootstrapLoadBalancerIP = check(
    "bootstrap.loadBalancerIP", [.loadBalancer], loadBalancerReason)
  static let bootstrapNodePort = check(
    "bootstrap.nodePort", [.nodePort, .loadBalancer], nodePortReason)
  static let bootstrapLabels = check("bootstrap.labels", notInternal, labelsReason)
  static let bootstrapAnnotations = check("bootstrap.annotations", notInternal, labelsReason)
  static let bootstrapExternalIPs = check("bootstrap.externalIPs", [.nodePort], nodePortReason)
  static let brokerHost = check("brokers[].host", hostTypes, hostReason)
  static let brokerLoadBalancerIP = check(
    "brokers[].loadBalancerIP", [.loadBalancer], loadBalancerReason)
  static let brokerNodePort = check(
    "brokers[].nodePort", [.nodePort, .loadBalancer], nodePortReason)
  static let brokerLabels = check("brokers[].labels", notInternal, labelsReason)
  static let brokerAnnotations = check("brokers[].annotations", notInternal, labelsReason)
  static let brokerExternalIPs = check("brokers[].externalIPs", [.nodePort], nodePortReason)

  public func check(_ input: LintInput) -> [Diagnostic] {
    let yaml = YAMLIndex(input)
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners {
        let type = listener.type.value
        for (check, location) in Self.occurrences(listener, yaml)
        where !check.allowed.contains(type) {
          diagnostics.append(
            metadata.diagnostic(message(check, listener, cluster), at: location))
        }
      }
    }
    return diagnostics
  }

  private func message(_ check: FieldCheck, _ listener: Listener, _ cluster: Cluster) -> String {
    let name = listener.name.value
    let type = listener.type.value
    if type == .host {
      return "listener \(name) cannot configure \(check.field) because it is a host listener: "
        + "brokers on hosts or in containers have no Kubernetes Service, Ingress, Route or "
        + "Gateway for it to configure; remove it"
    }
    let upstream = "listener \(name) cannot configure \(check.field) because it is \(check.reason)"
    let allowed =
      check.allowed == Self.notInternal
      ? "every type but internal"
      : ListenerType.allCases.filter { check.allowed.contains($0) }.map(\.rawValue)
        .joined(separator: ", ")
    let verdict =
      cluster.origin == .strimzi
      ? "the Strimzi operator rejects the resource" : "Strimzi rejects such a listener"
    // `preferredAddressType` is Strimzi's name in the message only; users write the key.
    let written = check.field.contains(".") ? check.field : check.key
    return upstream + " (type \(type.rawValue); \(written) applies to \(allowed)); remove it "
      + "or change the type: \(verdict)"
  }

  /// Every field the listener sets that Strimzi checks, with where it is written.
  static func occurrences(_ listener: Listener, _ yaml: YAMLIndex) -> [(FieldCheck, SourceLocation)]
  {
    var found: [(FieldCheck, SourceLocation)] = []
    // The model says whether a field is set (a value of the wrong type was reported by the
    // reader and is not in it); the YAML says where its key is.
    func add(_ check: FieldCheck, _ mapping: YAMLMapping?, _ value: SourceLocation?) {
      guard let value else { return }
      found.append((check, mapping?.keyLocation(check.key) ?? value))
    }
    func first(_ values: [Located<String>]) -> SourceLocation? { values.map(\.location).min() }
    func first(_ values: [String: Located<String>]) -> SourceLocation? {
      values.values.map(\.location).min()
    }

    let configuration = listener.configuration
    let mapping = yaml.configuration(of: listener)
    add(useServiceDnsDomain, mapping, configuration.useServiceDnsDomain?.location)
    add(ipFamilyPolicy, mapping, configuration.ipFamilyPolicy?.location)
    add(ipFamilies, mapping, first(configuration.ipFamilies))
    add(className, mapping, configuration.className?.location)
    add(externalTrafficPolicy, mapping, configuration.externalTrafficPolicy?.location)
    add(loadBalancerSourceRanges, mapping, first(configuration.loadBalancerSourceRanges))
    add(
      allocateLoadBalancerNodePorts, mapping, configuration.allocateLoadBalancerNodePorts?.location
    )
    add(finalizers, mapping, first(configuration.finalizers))
    add(preferredAddressType, mapping, configuration.preferredNodePortAddressType?.location)
    add(publishNotReadyAddresses, mapping, configuration.publishNotReadyAddresses?.location)
    // Only turning the bootstrap service off is checked: `true` is the default.
    if let create = configuration.createBootstrapService, !create.value {
      add(createBootstrapService, mapping, create.location)
    }
    add(hostTemplate, mapping, configuration.hostTemplate?.location)
    add(perBrokerLabelsTemplate, mapping, first(configuration.perBrokerLabelsTemplate))
    add(perBrokerAnnotationsTemplate, mapping, first(configuration.perBrokerAnnotationsTemplate))
    add(parentRefs, mapping, configuration.parentRefs.map(\.name.location).min())

    if let bootstrap = configuration.bootstrap {
      let mapping = yaml[bootstrap.location]
      add(bootstrapHost, mapping, bootstrap.host?.location)
      add(bootstrapLoadBalancerIP, mapping, bootstrap.loadBalancerIP?.location)
      add(bootstrapNodePort, mapping, bootstrap.nodePort?.location)
      add(bootstrapLabels, mapping, first(bootstrap.labels))
      add(bootstrapAnnotations, mapping, first(bootstrap.annotations))
      add(bootstrapExternalIPs, mapping, first(bootstrap.externalIPs))
    }
    for entry in configuration.brokers {
      let mapping = yaml[entry.location]
      add(brokerHost, mapping, entry.host?.location)
      add(brokerLoadBalancerIP, mapping, entry.loadBalancerIP?.location)
      add(brokerNodePort, mapping, entry.nodePort?.location)
      add(brokerLabels, mapping, first(entry.labels))
      add(brokerAnnotations, mapping, first(entry.annotations))
      add(brokerExternalIPs, mapping, first(entry.externalIPs))
    }
    return found
  }
}
