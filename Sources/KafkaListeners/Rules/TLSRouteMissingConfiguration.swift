/// KL110: a `tlsroute` listener without parent references, a bootstrap host or a host for
/// every broker (Strimzi's `ListenersValidator`).
public struct TLSRouteMissingConfiguration: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL110", name: "tlsroute-missing-configuration", severity: .error,
    summary: "A tlsroute listener lacks parentRefs, the bootstrap host or a host for some broker.",
    rationale: """
      A `tlsroute` listener (Strimzi 1.1 and later) makes one Gateway API TLSRoute per broker \
      and one for bootstrapping. Each route must attach to a Gateway listener, named by \
      `configuration.parentRefs`, and match a host name of its own: \
      `configuration.bootstrap.host`, and `hostTemplate` or `brokers[].host` for every broker \
      node id. Strimzi's operator rejects the listener when any of these is missing. With node \
      pools the broker ids are those of the broker pools (`status.nodeIds`), so prefer a \
      `hostTemplate` such as `broker-{nodeId}.kafka.example.com`.
      """,
    origin: .strimzi(
      message: "listener <L> is missing a parent references property which is required for "
        + "TLSRoute based listeners"),
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
              - name: gateway
                port: 9094
                type: tlsroute
                tls: true
                ↓configuration:
                  hostTemplate: broker-{nodeId}.kafka.example.com
                  bootstrap:
                    host: bootstrap.kafka.example.com
              - name: bare
                port: 9095
                type: ↓tlsroute
                tls: true

        """),
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
              - name: gateway
                port: 9094
                type: tlsroute
                tls: true
                configuration:
                  parentRefs:
                    - name: shared-gateway
                  ↓bootstrap:
                    alternativeNames: [kafka.example.com]
                  brokers:
                    - broker: ↓0
                      advertisedHost: broker-0.kafka.example.com
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
        status:
          nodeIds: [0]

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
              - name: gateway
                port: 9094
                type: tlsroute
                tls: true
                configuration:
                  hostTemplate: broker-{nodeId}.kafka.example.com
                  bootstrap:
                    host: bootstrap.kafka.example.com
                  parentRefs:
                    - group: gateway.networking.k8s.io
                      kind: Gateway
                      name: shared-gateway
                      sectionName: kafka-passthrough

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    let yaml = YAMLIndex(input)
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners where listener.type.value == .tlsRoute {
        let name = listener.name.value
        let hosts = RequiredHosts(
          listener: listener, cluster: cluster, yaml: yaml, kind: "TLSRoute")
        let parentReferences =
          "listener \(name) is missing a parent references property which is required for "
          + "TLSRoute based listeners"
        var problems: [RequiredHosts.Problem] = []
        if !hosts.hasConfiguration {
          // Strimzi reports two messages here; one diagnostic carries both.
          problems.append(
            RequiredHosts.Problem(
              upstream: "listener \(name) is missing a configuration with bootstrap and broker "
                + "host properties which are required for TLSRoute based listeners, and "
                + parentReferences,
              fix: "add configuration.parentRefs (the Gateway to attach to), "
                + "configuration.bootstrap.host and configuration.hostTemplate",
              location: listener.type.location))
        } else {
          let written = yaml.configuration(of: listener)?.written("parentRefs")?.sequence
          if listener.configuration.parentRefs.isEmpty, written?.items.isEmpty ?? true {
            problems.append(
              RequiredHosts.Problem(
                upstream: parentReferences,
                fix: "add configuration.parentRefs naming the Gateway (and its TLS passthrough "
                  + "listener) the routes attach to",
                location: hosts.configurationLocation))
          }
          problems += hosts.hostProblems()
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
