/// KL109: an `ingress` listener without a bootstrap host or without a host for every broker
/// (Strimzi's `ListenersValidator`).
public struct IngressMissingHosts: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL109", name: "ingress-missing-hosts", severity: .error,
    summary: "An ingress listener lacks the bootstrap host or a host for some broker.",
    rationale: """
      An Ingress routes Kafka connections by the TLS server name, so every broker needs a host \
      name of its own, plus one for bootstrapping: `configuration.bootstrap.host`, and \
      `hostTemplate` or a `brokers[].host` for every broker. Strimzi's operator checks this \
      against the broker node ids, which with node pools are rarely 0, 1, 2: ids come from \
      `status.nodeIds`, the `strimzi.io/next-node-ids` annotation or the order pools are \
      created in, so entries written for 0, 1, 2 miss brokers 3, 4, 5 after a move to node \
      pools. The diagnostic names each id without a host; a `hostTemplate` such as \
      `broker-{nodeId}.kafka.example.com` covers every id, present and future.
      """,
    origin: .strimzi(
      message: "listener <L> is missing a broker host property for broker with ID <N> which is "
        + "required for Ingress based listeners"),
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
                type: ingress
                tls: true
                ↓configuration:
                  class: nginx
                  brokers:
                    - broker: 0
                      host: broker-0.kafka.example.com
                    - broker: ↓1
                      advertisedHost: broker-1.kafka.example.com
              - name: other
                port: 9095
                type: ↓ingress
                tls: true
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 2
          roles: [controller, broker]
          storage:
            type: ephemeral

        """),
      // With node pools the broker ids are those of the broker pool, not 0, 1, 2.
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
                type: ingress
                tls: true
                configuration:
                  bootstrap:
                    host: bootstrap.kafka.example.com
                  ↓↓brokers:
                    - broker: 0
                      host: broker-0.kafka.example.com
                    - broker: 1
                      host: broker-1.kafka.example.com
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: controllers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 1
          roles: [controller]
          storage:
            type: ephemeral
        status:
          nodeIds: [0]
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 2
          roles: [broker]
          storage:
            type: ephemeral
        status:
          nodeIds: [100, 101]

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
                type: ingress
                tls: true
                configuration:
                  class: nginx
                  hostTemplate: broker-{nodeId}.kafka.example.com
                  bootstrap:
                    host: bootstrap.kafka.example.com
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

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    let yaml = YAMLIndex(input)
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners where listener.type.value == .ingress {
        let hosts = RequiredHosts(listener: listener, cluster: cluster, yaml: yaml, kind: "Ingress")
        var problems: [RequiredHosts.Problem]
        if hosts.hasConfiguration {
          problems = hosts.hostProblems()
        } else {
          problems = [
            RequiredHosts.Problem(
              upstream: "listener \(listener.name.value) is missing a configuration with host "
                + "properties which are required for Ingress based listeners",
              fix: "add configuration.bootstrap.host and configuration.hostTemplate (or "
                + "brokers[].host for every broker)",
              location: listener.type.location)
          ]
        }
        let verdict =
          cluster.origin == .strimzi
          ? "the Strimzi operator rejects the resource" : "Strimzi rejects such a listener"
        for problem in problems {
          diagnostics.append(
            metadata.diagnostic(
              "\(problem.upstream): \(problem.fix); \(verdict)", at: problem.location,
              notes: problem.notes))
        }
      }
    }
    return diagnostics
  }
}
