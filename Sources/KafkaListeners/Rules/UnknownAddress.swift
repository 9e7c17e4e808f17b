/// KL306: a description that leaves a broker's advertised address unknowable.
public struct UnknownAddress: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL306", name: "unknown-address", severity: .error,
    summary: "A cluster description does not say what a broker should advertise.",
    rationale: """
      A ClusterDescription exists to produce concrete, deployable values, so an address the \
      generator would have to guess is an error, never a silent placeholder: a `host` listener \
      needs each node's `host`, `advertisedHosts`, `advertisedHostTemplate` or \
      `brokers[].advertisedHost`; a `nodeport` listener needs the node addresses \
      (`spec.addresses.nodes`) and node ports; a `loadbalancer` listener needs the load-balancer \
      addresses (`spec.addresses.loadBalancers`); `ingress` and `tlsroute` need hosts.
      """,
    triggering: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: vms
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-1.example.com
            - id: 2
              roles: [broker, controller]
          listeners:
            - name: clients
              port: 9092
              type: ↓host

        """)
    ],
    passing: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: vms
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-1.example.com
            - id: 2
              roles: [broker, controller]
              host: kafka-2.example.com
          listeners:
            - name: clients
              port: 9092
              type: host

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.derivedClusters.flatMap(\.issues))
  }
}
