/// KL016: A field's value is outside what the schema allows: an unknown listener type, a port below 9092, a bad enum value.
public struct InvalidValue: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL016", name: "invalid-value", severity: .error,
    summary: "A field's value is outside what the schema allows: an unknown listener type, a port below 9092, a bad enum value.",
    rationale: """
      The CRD constrains listener names to `^[a-z0-9]{1,11}$`, ports to 9092 and above, `type` to its known exposure types and fields such as `externalTrafficPolicy` or `preferredNodePortAddressType` to fixed values; the API server or the operator rejects anything else. The message suggests the closest allowed value.
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
                type: ↓node-port
                tls: false

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

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.clusterIssues)
  }
}
