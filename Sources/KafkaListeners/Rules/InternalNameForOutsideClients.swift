/// KL309: a listener advertises names its clients cannot resolve from where they sit.
public struct InternalNameForOutsideClients: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL309", name: "internal-name-for-outside-clients", severity: .error,
    summary: "A listener advertises names that only resolve where its clients are not.",
    rationale: """
      Clients reach the bootstrap address, then connect to exactly the host each broker \
      advertises, so they must resolve it from where they sit. `*.svc`, `*.svc.cluster.local` \
      and pod or headless-service names resolve only through the Kubernetes cluster's DNS; a \
      compose service or container name only inside its Docker network (never on the Docker \
      host); a short host name only through its network's search domain; names under \
      `.internal`, `.local` or `.home.arpa` never in public DNS. The symptom is bootstrap \
      working and then `Failed to resolve 'kafka-0.kafka-brokers.default.svc'` or `kafka-1: \
      Name or service not known`. Where the clients sit comes from the description's client \
      groups, and for Strimzi resources from the listener type (`internal` and `cluster-ip` \
      serve clients inside Kubernetes, the others clients outside it). Advertise names those \
      clients resolve (`advertisedHostTemplate`, `brokers[].advertisedHost`, `advertisedHosts`), \
      serve them from a listener of an external type, or, when a hand-written name uses another \
      cluster domain, let `useServiceDnsDomain: true` append the cluster's own. The address is \
      reported here when no client group of the listener can resolve it; when other groups of \
      the same listener can, KL315 reports the groups that cannot.
      """,
    triggering: [
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
          listeners:
            - name: external
              port: 9092
              type: ↓host
          clients:
            - name: laptop
              position: host
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
              - name: external
                port: 9094
                type: loadbalancer
                tls: true
                configuration:
                  brokers:
                    - broker: 0
                      advertisedHost: ↓my-cluster-dual-role-0.my-cluster-kafka-brokers.default.svc
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
          name: ledger
          namespace: fin
        spec:
          clusterDomain: corp.example
          nodePools:
            - name: dual-role
              roles: [controller, broker]
              replicas: 3
          listeners:
            - name: plain
              port: 9092
              type: internal
              configuration:
                advertisedHostTemplate: ↓"{nodePodName}.ledger-kafka-brokers.fin.svc.cluster.local"
          clients:
            - name: apps
              position: kubernetes
              listener: plain

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
          listeners:
            - name: docker
              port: 19092
              type: host
            - name: external
              port: 9092
              type: host
              configuration:
                advertisedHostTemplate: localhost
                advertisedBasePort: 29091
          clients:
            - name: services
              position: network
              network: orders_default
              listener: docker
            - name: laptop
              position: host
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
              - name: plain
                port: 9092
                type: internal
                tls: false
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
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    Reachability.findings(input).addresses.filter { $0.failure == .internalName }.compactMap {
      finding in
      guard let first = finding.groups.first else { return nil }
      return metadata.diagnostic(
        "\(finding.advertises) to \(first.group.audience.listenerPhrase), which cannot resolve "
          + "\(finding.pronoun): \(first.broker.failureReason); \(advice(finding))"
          + finding.alternativeAdvice,
        at: finding.location, notes: finding.otherGroupNotes("resolve"))
    }
  }

  private func advice(_ finding: AddressFinding) -> String {
    guard let first = finding.groups.first else { return "" }
    let audience = first.group.audience
    let platform = finding.cluster.cluster.platform.value
    switch first.broker.kind {
    case .kubernetes(.qualified(let domain)) where audience.position == .kubernetes:
      return "write the name without '.\(domain)' (a '.svc' name resolves through the pods' "
        + "search path) or set useServiceDnsDomain: true, which appends the cluster's own domain"
    case .kubernetes:
      var text =
        "advertise names these clients resolve (advertisedHostTemplate or "
        + "brokers[].advertisedHost)"
      if !finding.listener.type.value.servesExternalClients {
        text +=
          ", or serve them from a listener of an external type (nodeport, loadbalancer, "
          + "route, ingress or tlsroute)"
      }
      return text
    case .singleLabel where platform == .docker && audience.position == .host:
      return "for clients on the Docker host, advertise localhost with the ports compose "
        + "publishes (advertisedHostTemplate: localhost with advertisedBasePort or "
        + "advertisedPortTemplate)"
    case .singleLabel where audience.position == .network:
      let brokers = finding.cluster.brokersNetwork ?? "the brokers' network"
      return "attach these clients to network \(brokers) (or the brokers to network "
        + "\(audience.network ?? "?")), or give them a listener that advertises names their "
        + "network resolves"
    case .singleLabel where audience.position == .kubernetes:
      return "advertise names or addresses the Kubernetes cluster resolves (advertisedHosts or "
        + "advertisedHostTemplate)"
    default:
      return "advertise names in public DNS (advertisedHosts, advertisedHostTemplate or "
        + "brokers[].advertisedHost)"
    }
  }
}
