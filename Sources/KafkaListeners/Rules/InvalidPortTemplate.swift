/// KL307: an `advertisedPortTemplate` Strimzi cannot evaluate.
public struct InvalidPortTemplate: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL307", name: "invalid-port-template", severity: .error,
    summary: "An `advertisedPortTemplate` uses something other than `{nodeId}`, numbers, `+ - *` and parentheses.",
    rationale: """
      Strimzi substitutes `{nodeId}` and evaluates the rest as arithmetic with `+`, `-`, `*` \
      and parentheses only; division, other placeholders or text make the reconciliation fail \
      with "Invalid advertised port template". Write, for example, `30000 + {nodeId}`.
      """,
    origin: .strimzi(message: "Invalid advertised port template: <template>"),
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
                tls: false
                configuration:
                  advertisedPortTemplate: ↓"30000 + {nodeId} / 2"
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 1
          roles: [controller, broker]
          storage:
            type: ephemeral

        """)
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
                tls: false
                configuration:
                  advertisedPortTemplate: "30000 + ({nodeId} * 10)"
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 1
          roles: [controller, broker]
          storage:
            type: ephemeral

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.derivedClusters.flatMap(\.issues))
  }
}
