/// KL101: two listeners with the same name (Strimzi's `ListenersValidator`).
public struct ListenerNameNotUnique: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL101", name: "listener-name-not-unique", severity: .error,
    summary: "Two listeners of one cluster have the same name.",
    rationale: """
      A listener's name names everything made for it: the Kafka listener `<NAME>-<port>`, the \
      Kubernetes port `tcp-<name>`, the bootstrap and per-broker services, and the client groups \
      of a description that say which listener they use. Strimzi's operator therefore rejects a \
      `Kafka` resource whose listeners repeat a name, and nothing is reconciled until it is \
      fixed. Rename one of the listeners; the diagnostic points at every repeat and a note at \
      the first use.
      """,
    origin: .strimzi(message: "every listener needs to have a unique name"),
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
              - name: tls
                port: 9093
                type: internal
                tls: true
              - name: ↓tls
                port: 9094
                type: nodeport
                tls: true

        """),
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: vm
        spec:
          platform: hosts
          nodes:
            - id: 0
              roles: [broker, controller]
              host: kafka-0.example.com
          listeners:
            - name: clients
              port: 9092
              type: host
            - name: ↓clients
              port: 9093
              type: host

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
              - name: tls
                port: 9093
                type: internal
                tls: true
              - name: external
                port: 9094
                type: nodeport
                tls: true

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for group in StrimziValidation.repeated(cluster.listeners, by: \.name.value) {
        let first = group[0]
        let reason =
          StrimziValidation.onKubernetes(cluster)
          ? StrimziValidation.rejection(cluster, "every listener needs to have a unique name")
          : "client groups and the Kafka listener names refer to listeners by name, so every "
            + "listener needs a unique name"
        for duplicate in group.dropFirst() {
          diagnostics.append(
            metadata.diagnostic(
              "listener name \(quoted(first.name.value)) is used by another listener too; "
                + reason,
              at: duplicate.name.location,
              notes: [.init("the first listener with this name is here", at: first.name.location)]
            ))
        }
      }
    }
    return diagnostics
  }
}
