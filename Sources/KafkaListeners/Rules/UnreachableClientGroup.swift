/// KL315: a client group uses a listener whose addresses serve other groups but not it.
public struct UnreachableClientGroup: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL315", name: "unreachable-client-group", severity: .error,
    summary: "A client group uses a listener whose brokers advertise addresses that other "
      + "groups of the listener can use but it cannot resolve or reach.",
    rationale: """
      A listener advertises one address per broker, so it suits clients in one place: \
      compose service names suit containers on the compose network, `localhost` with \
      published ports suits programs on the Docker host, `*.svc` names suit pods. When groups \
      in different places share a listener, the address is right for some and wrong for the \
      others; the listener is not wrong, the group is on the wrong listener. This rule reports \
      such a group where it names its listener, with the brokers it cannot reach and why, and \
      the listener that would serve it when one exists. Give every place clients sit in its \
      own listener (the usual pattern is one listener per network) and point each group at \
      the one advertising addresses it can use. When no group of a listener can use an \
      address, the address itself is wrong and KL309 or KL310 reports it instead; the \
      reachability section of the JSON report lists every group's verdict per broker. On \
      platforms docker and hosts the brokers' own network is the network of the first client \
      group on a listener that advertises the nodes' hosts (else the first group in a network).
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
            - name: scripts
              position: host
              listener: ↓docker

        """)
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
            - name: scripts
              position: host
              listener: external

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    Reachability.findings(input).groups.compactMap { finding in
      guard let declared = finding.group.audience.declared, let first = finding.failing.first
      else { return nil }
      let listener = finding.group.listener
      var seen = Set<String>()
      let hosts = finding.failing.map(\.endpoint.advertisedHost).filter { seen.insert($0).inserted }
      let verb = first.failure == .unroutable ? "connect to" : "resolve"
      let others = finding.working.map(\.name)
      let sharing =
        others.isEmpty
        ? ""
        : "; \(others.count == 1 ? "client group" : "client groups") "
          + "\(others.joined(separator: ", ")) can use \(hosts.count == 1 ? "it" : "them")"
      let fix: String
      if let alternative = finding.group.alternatives.first {
        fix =
          "point \(declared.name.value) at listener \(alternative.name.value), whose "
          + "addresses it can use"
      } else {
        fix =
          "give \(declared.name.value) a listener of its own that advertises addresses it "
          + "can use"
      }
      var places: [SourceLocation] = []
      for broker in finding.failing where !places.contains(broker.location) {
        places.append(broker.location)
      }
      return metadata.diagnostic(
        "\(finding.group.audience.phrase) cannot reach \(finding.failing.brokerList) through "
          + "listener \(listener.name.value): it cannot \(verb) \(quotedList(hosts)) "
          + "(\(first.failureReason))\(sharing); \(fix)",
        at: declared.listener.location,
        notes: places.map {
          .init("listener \(listener.name.value) gets the addresses from here", at: $0)
        })
    }
  }
}
