/// KL014: A field has the wrong type, such as a quoted port or `yes` for a boolean.
public struct WrongType: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL014", name: "wrong-type", severity: .error,
    summary: "A field has the wrong type, such as a quoted port or `yes` for a boolean.",
    rationale: """
      The Strimzi CRDs declare `port`, `nodePort`, `advertisedPort` and `broker` as integers \
      and `tls` as a boolean, and the Kubernetes API server rejects `port: "9094"` (a string) \
      or `port: 9092.0`. Values are read from the raw YAML text the way kubectl and the API \
      server read them: `yes`/`on` count as booleans in Kubernetes manifests (kubectl parses \
      YAML 1.1) but not in cluster descriptions, which are read as strict YAML 1.2 and JSON.
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
              - name: plain
                port: ↓"9092"
                type: internal
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
