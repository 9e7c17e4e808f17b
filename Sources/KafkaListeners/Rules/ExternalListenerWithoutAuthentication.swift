/// KL402: a listener that serves clients outside the brokers' network without authentication.
public struct ExternalListenerWithoutAuthentication: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL402", name: "external-listener-without-authentication", severity: .warning,
    summary: "A listener for clients outside the cluster's network does not authenticate them.",
    rationale: """
      A listener without `authentication` gives every client the principal `ANONYMOUS`: unless \
      an authorizer denies that principal, anyone who can open a connection can read, write \
      and delete topics, and even with an authorizer nobody can be told apart or audited. TLS \
      alone encrypts but does not identify the client. A listener counts as external when its \
      type exposes it outside Kubernetes (`nodeport`, `loadbalancer`, `route`, `ingress`, \
      `tlsroute`) or when a client group on the `internet` uses it, or on Kubernetes a group \
      in a `network` (outside the cluster); on hosts and Docker a `network` group is taken to \
      share the brokers' network. In a server.properties, an advertised listener whose host is a public IP address is reported \
      when its protocol is PLAINTEXT, or SSL without `ssl.client.auth=required`; names are \
      not judged, since whether a name is public depends on the DNS that clients use. Add \
      `authentication` (`tls`, `scram-sha-512` or `custom`), or use SASL_SSL or SSL with \
      required client certificates.
      """,
    origin: .kafkaListeners,
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
          namespace: kafka
        spec:
          kafka:
            listeners:
              - name: ↓external
                port: 9094
                type: nodeport
                tls: true
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

        """),
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@10.0.0.5:9093
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=CONTROLLER:SSL,INTERNAL:SSL,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        listeners=CONTROLLER://10.0.0.5:9093,INTERNAL://10.0.0.5:9092,EXTERNAL://0.0.0.0:9094
        advertised.listeners=INTERNAL://10.0.0.5:9092,↓EXTERNAL://203.0.113.5:9094
        ssl.client.auth=requested

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
          namespace: kafka
        spec:
          kafka:
            listeners:
              - name: plain
                port: 9092
                type: internal
                tls: false
              - name: external
                port: 9094
                type: nodeport
                tls: true
                authentication:
                  type: tls
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

        """),
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@10.0.0.5:9093
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=CONTROLLER:SSL,INTERNAL:SSL,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        listeners=CONTROLLER://10.0.0.5:9093,INTERNAL://10.0.0.5:9092,EXTERNAL://0.0.0.0:9094
        advertised.listeners=INTERNAL://10.0.0.5:9092,EXTERNAL://203.0.113.5:9094
        listener.name.external.ssl.client.auth=required

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners where listener.authentication == nil {
        guard let audience = PortChecks.outsideAudience(listener, in: cluster) else { continue }
        diagnostics.append(
          metadata.diagnostic(
            "listener \(quoted(listener.name.value)) has no authentication although "
              + "\(audience.reason): every client connects as ANONYMOUS; add authentication "
              + "(tls, scram-sha-512 or custom)",
            at: listener.name.location, notes: audience.notes))
      }
    }
    for config in input.brokerConfigurations where config.isBroker {
      for endpoint in config.advertisedBrokerEndpoints {
        guard let host = endpoint.host, PortChecks.isPublicIPLiteral(host),
          let securityProtocol = config.securityProtocol(of: endpoint.name)
        else { continue }
        let why: String
        switch securityProtocol {
        case "PLAINTEXT":
          why = "security protocol PLAINTEXT, which authenticates nobody"
        case "SSL" where !config.requiresClientCertificates(endpoint.name):
          why =
            "security protocol SSL without ssl.client.auth=required, so clients need no "
            + "certificate"
        default: continue
        }
        diagnostics.append(
          metadata.diagnostic(
            "listener \(endpoint.name) advertises the public address \(quoted(host)) with \(why): "
              + "every client connects as ANONYMOUS; use SASL_SSL, or SSL with "
              + "ssl.client.auth=required",
            at: endpoint.location))
      }
    }
    return diagnostics
  }
}
