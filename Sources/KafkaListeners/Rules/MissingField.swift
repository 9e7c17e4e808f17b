/// KL015: A required field of a Strimzi resource or cluster description is missing.
public struct MissingField: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL015", name: "missing-field", severity: .error,
    summary: "A required field of a Strimzi resource or cluster description is missing.",
    rationale: """
      The CRD requires `name`, `port`, `type` and `tls` on every listener, `spec.kafka.listeners` itself, `replicas` and `roles` on a node pool, and `broker` on each `brokers[]` entry; Kubernetes rejects the resource without them. The diagnostic points at the mapping that lacks the field.
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
              - ↓name: plain
                port: 9092
                type: internal

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
              - name: plain
                port: 9092
                type: internal
                tls: false

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.clusterIssues)
  }
}
