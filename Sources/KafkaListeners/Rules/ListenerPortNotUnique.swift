/// KL102: two listeners with the same port (Strimzi's `ListenersValidator`).
public struct ListenerPortNotUnique: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL102", name: "listener-port-not-unique", severity: .error,
    summary: "Two listeners of one cluster use the same port.",
    rationale: """
      Every listener is bound on every broker at its `port`, so two listeners with one port \
      would bind the same socket twice; Kafka refuses to start with such a `listeners` list, and \
      Strimzi's operator rejects the `Kafka` resource before it gets that far. The port is the \
      container port the broker binds, not what clients see: nodeport, loadbalancer, route, \
      ingress and tlsroute listeners are reached through other ports, so two of them still \
      need different `port` values. Give one listener another port (9092 and up, avoiding \
      9404 and 9999 on Kubernetes).
      """,
    origin: .strimzi(message: "every listener needs to have a unique port number"),
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
                port: 9092
                type: internal
                tls: false
              - name: external
                port: ↓9092
                type: loadbalancer
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
            - name: internal
              port: 9092
              type: host
            - name: external
              port: ↓9092
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
              - name: plain
                port: 9092
                type: internal
                tls: false
              - name: external
                port: 9094
                type: loadbalancer
                tls: true

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for group in StrimziValidation.repeated(cluster.listeners, by: \.port.value) {
        let first = group[0]
        let port = first.port.value
        let reason =
          StrimziValidation.onKubernetes(cluster)
          ? StrimziValidation.rejection(
            cluster, "every listener needs to have a unique port number")
          : "both would bind port \(port) on every broker, and Kafka refuses two listeners on one "
            + "port"
        for duplicate in group.dropFirst() {
          diagnostics.append(
            metadata.diagnostic(
              "port \(port) of listener \(quoted(duplicate.name.value)) is already the port of "
                + "listener \(quoted(first.name.value)); " + reason,
              at: duplicate.port.location,
              notes: [
                .init(
                  "listener \(quoted(first.name.value)) uses port \(port) here",
                  at: first.port.location)
              ]))
        }
      }
    }
    return diagnostics
  }
}
