/// KL310: a listener advertises a loopback, link-local or unspecified address to clients that
/// cannot route to it.
public struct UnroutableAdvertisedAddress: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL310", name: "unroutable-advertised-address", severity: .error,
    summary: "A listener advertises a loopback, link-local or unspecified address to clients "
      + "that cannot route to it.",
    rationale: """
      `localhost`, `127.0.0.0/8` and `::1` are every machine's own loopback: a client elsewhere \
      connects to itself, a client in a pod to its own pod. Link-local addresses \
      (`169.254.0.0/16`, `fe80::/10`) only work on the same network link, and `0.0.0.0` and \
      `::` mean "every interface" when binding but nothing to connect to (Kafka refuses to \
      advertise `0.0.0.0`). Bootstrap often works anyway, because the bootstrap address is \
      right, and everything after it times out. Only clients on the brokers' own machine \
      (client group position `host`, for instance with ports published by Docker or forwarded \
      by `kubectl port-forward`) can use the loopback address, and only when all brokers run on \
      that machine. Advertise each broker's own address that the clients reach: its host name, \
      a load balancer, a node address. For server.properties files, KL301 reports loopback \
      addresses. The address is reported here when no client group of the listener can use \
      it; when other groups of the same listener can, KL315 reports the groups that cannot.
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
                tls: false
                configuration:
                  advertisedHostTemplate: ↓127.0.0.1
                  advertisedPortTemplate: "9094 + {nodeId}"
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
            - name: local
              port: 9092
              type: host
              configuration:
                advertisedHostTemplate: ↓localhost
          clients:
            - name: batch
              position: host
              listener: local

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
            - name: external
              port: 9092
              type: host
              configuration:
                advertisedHostTemplate: localhost
                advertisedBasePort: 29091
          clients:
            - name: laptop
              position: host
              listener: external

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    Reachability.findings(input).addresses.filter { $0.failure == .unroutable }.compactMap {
      finding in
      guard let first = finding.groups.first else { return nil }
      let fix = advice(first.broker.kind, first.group)
      return metadata.diagnostic(
        "\(finding.advertises) to \(first.group.audience.listenerPhrase), which cannot connect to "
          + "\(finding.pronoun): \(first.broker.failureReason); \(fix)"
          + finding.alternativeAdvice,
        at: finding.location, notes: finding.otherGroupNotes("connect to"))
    }
  }

  private func advice(_ kind: HostKind, _ group: GroupJudgement) -> String {
    switch kind {
    case .ip(.unspecified):
      return "0.0.0.0 and :: belong in the bind address only; advertise the address clients use"
    case .ip(.linkLocal):
      return "advertise an address that is routed to the brokers"
    case .ip(.nonUnicast):
      return "advertise the broker's own unicast address"
    default:
      if group.audience.position == .host {
        return "advertise each broker's own host name instead, which every machine resolves"
      }
      return "advertise each broker's own address that these clients reach (its host name, a "
        + "load balancer or a node address); the loopback address works only on the brokers' "
        + "own machine"
    }
  }
}
