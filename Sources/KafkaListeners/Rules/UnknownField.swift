/// KL013: A Strimzi resource or cluster description has a field its schema does not define.
public struct UnknownField: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL013", name: "unknown-field", severity: .warning,
    summary: "A Strimzi resource or cluster description has a field its schema does not define.",
    rationale: """
      Kubernetes drops fields a CRD does not define (or, with strict field validation, rejects the resource), and this tool's description format has no such field either. A misspelled `advertisedHost` or a field at the wrong level silently does nothing: the setting the author meant never reaches the brokers. The message suggests the closest known field.
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
                type: nodeport
                tls: false
                configuration:
                  ↓preferedNodePortAddressType: InternalIP

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
                  preferredNodePortAddressType: InternalIP

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.clusterIssues)
  }
}
