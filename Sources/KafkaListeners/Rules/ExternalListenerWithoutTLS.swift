/// KL401: a listener that serves clients outside the brokers' network without TLS.
public struct ExternalListenerWithoutTLS: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL401", name: "external-listener-without-tls", severity: .warning,
    summary: "A listener for clients outside the cluster's network does not use TLS.",
    rationale: """
      Without TLS, records, SASL exchanges (SASL/PLAIN sends the password itself) and metadata \
      cross every network between client and broker in clear text, and anyone on the path can \
      read or change them. Inside a Kubernetes cluster or a private network that may be an \
      accepted risk; towards other networks it rarely is. A listener counts as external when \
      its type exposes it outside Kubernetes (`nodeport`, `loadbalancer`) or when a client \
      group on the `internet` uses it, or on Kubernetes a group in a `network` (outside the \
      cluster); on hosts and Docker a `network` group is taken to share the brokers' \
      network (the hosts' network, the Compose network). `route` and `ingress` listeners \
      require TLS anyway (exposure-requires-tls, KL104), and a `tlsroute` without `tls` has \
      TLS terminated by the Gateway. In a server.properties, an advertised listener whose host \
      is a public IP address and whose security protocol is PLAINTEXT or SASL_PLAINTEXT is \
      reported; names are not judged, since whether a name is public depends on the DNS that \
      clients use. Set `tls: true` (or map the listener to SSL or SASL_SSL).
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
              - name: external
                port: 9094
                type: loadbalancer
                tls: ↓false
                authentication:
                  type: scram-sha-512
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
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: payments
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-1.payments.example.com
          listeners:
            - name: ↓public
              port: 9094
              type: host
              authentication:
                type: scram-sha-512
          clients:
            - name: partners
              position: internet
              listener: public

        """),
      RuleExample(
        "server.properties",
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@10.0.0.5:9093
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=CONTROLLER:SSL,INTERNAL:SSL,EXTERNAL:SASL_PLAINTEXT
        inter.broker.listener.name=INTERNAL
        listeners=CONTROLLER://10.0.0.5:9093,INTERNAL://10.0.0.5:9092,EXTERNAL://0.0.0.0:9094
        advertised.listeners=INTERNAL://10.0.0.5:9092,↓EXTERNAL://203.0.113.5:9094

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
                type: loadbalancer
                tls: true
                authentication:
                  type: scram-sha-512
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
        listener.security.protocol.map=CONTROLLER:SSL,INTERNAL:PLAINTEXT,EXTERNAL:SASL_SSL
        inter.broker.listener.name=INTERNAL
        listeners=CONTROLLER://10.0.0.5:9093,INTERNAL://10.0.0.5:9092,EXTERNAL://0.0.0.0:9094
        advertised.listeners=INTERNAL://10.0.0.5:9092,EXTERNAL://203.0.113.5:9094

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      for listener in cluster.listeners where !listener.isTLS {
        // Route and ingress need TLS (KL104); a TLSRoute without it terminates TLS at the
        // Gateway, so clients still use TLS.
        let type = listener.type.value
        if type == .route || type == .ingress || type == .tlsRoute { continue }
        guard let audience = PortChecks.outsideAudience(listener, in: cluster) else { continue }
        diagnostics.append(
          metadata.diagnostic(
            "listener \(quoted(listener.name.value)) does not use TLS although \(audience.reason): "
              + "records and credentials cross the network in clear text; set tls: true",
            at: listener.tls?.location ?? listener.name.location, notes: audience.notes))
      }
    }
    for config in input.brokerConfigurations where config.isBroker {
      for endpoint in config.advertisedBrokerEndpoints {
        guard let host = endpoint.host, PortChecks.isPublicIPLiteral(host),
          let securityProtocol = config.securityProtocol(of: endpoint.name),
          securityProtocol == "PLAINTEXT" || securityProtocol == "SASL_PLAINTEXT"
        else { continue }
        let secure = securityProtocol == "PLAINTEXT" ? "SSL" : "SASL_SSL"
        diagnostics.append(
          metadata.diagnostic(
            "listener \(endpoint.name) advertises the public address \(quoted(host)) with "
              + "security protocol \(securityProtocol): records and credentials cross the "
              + "internet in clear text; use \(secure)",
            at: endpoint.location))
      }
    }
    return diagnostics
  }
}

extension BrokerConfiguration {
  /// The security protocol Kafka uses for a listener name (its protocol-map entry, or the
  /// default map's), `nil` when there is none (other rules say why).
  func securityProtocol(of name: String) -> String? {
    securityMap.effective[name]
  }

  /// Whether an SSL listener requires client certificates: `ssl.client.auth=required`, per
  /// listener (`listener.name.<name>.ssl.client.auth`) or for the broker.
  func requiresClientCertificates(_ name: String) -> Bool {
    let value =
      entry("listener.name.\(name.lowercased()).ssl.client.auth") ?? entry("ssl.client.auth")
    return value?.value.trimmingJava().lowercased() == "required"
  }
}
