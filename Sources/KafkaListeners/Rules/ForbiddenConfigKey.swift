/// KL115: a `spec.kafka.config` key that Strimzi's operator ignores because it sets the option
/// itself (`KafkaClusterSpec.FORBIDDEN_PREFIXES`).
public struct ForbiddenConfigKey: Rule {
  /// Creates the rule.
  public init() {}

  /// Prefixes of the keys the operator drops (compared with the key in lower case), each with
  /// where the setting belongs instead.
  static let forbiddenPrefixes: [(prefix: String, instead: String)] = [
    ("listeners", listenersHint), ("advertised.", listenersHint), ("listener.", listenersHint),
    ("inter.broker.listener.name", listenersHint), ("host.name", listenersHint),
    ("port", listenersHint),
    ("sasl.", securityHint), ("ssl.", securityHint), ("security.", securityHint),
    ("password.", "Strimzi configures the password encoder itself"),
    ("broker.", "Strimzi sets broker ids from the node pools and broker.rack from spec.kafka.rack"),
    ("node.id", rolesHint), ("process.roles", rolesHint), ("controller.", rolesHint),
    ("log.dir", storageHint), ("metadata.log.dir", storageHint),
    ("zookeeper.connect", zooKeeperHint), ("zookeeper.set.acl", zooKeeperHint),
    ("zookeeper.ssl", zooKeeperHint), ("zookeeper.clientcnxnsocket", zooKeeperHint),
    ("zookeeper.metadata.migration.enable", "Strimzi drives the KRaft migration itself"),
    ("authorizer.", authorizationHint), ("super.user", authorizationHint),
    ("cruise.control.metrics.topic", cruiseControlHint),
    ("cruise.control.metrics.reporter.bootstrap.servers", cruiseControlHint),
    ("client.quota.callback.static.kafka.admin.", quotasHint),
    ("client.quota.callback.static.produce", quotasHint),
    ("client.quota.callback.static.fetch", quotasHint),
    ("client.quota.callback.static.storage.per.volume.limit.min.available.", quotasHint),
    ("client.quota.callback.static.excluded.principal.name.list", quotasHint),
    ("prometheus.metrics.reporter.", "configure metrics in spec.kafka.metricsConfig"),
    ("cordoned.log.dirs", "Strimzi cordons log directories itself when it scales down"),
  ]

  /// Keys under a forbidden prefix that the operator passes on (compared exactly).
  static let exceptions: Set<String> = [
    "zookeeper.connection.timeout.ms", "sasl.server.max.receive.size", "ssl.cipher.suites",
    "ssl.protocol", "ssl.enabled.protocols", "ssl.secure.random.implementation",
    "cruise.control.metrics.topic.num.partitions",
    "cruise.control.metrics.topic.replication.factor",
    "cruise.control.metrics.topic.retention.ms",
    "cruise.control.metrics.topic.auto.create.retries",
    "cruise.control.metrics.topic.auto.create.timeout.ms",
    "cruise.control.metrics.topic.min.insync.replicas", "broker.session.timeout.ms",
    "broker.heartbeat.interval.ms", "controller.socket.timeout.ms",
    "controller.quorum.election.backoff.max.ms", "controller.quorum.election.timeout.ms",
    "controller.quorum.fetch.timeout.ms",
  ]

  private static let listenersHint =
    "Strimzi writes every listener setting from spec.kafka.listeners; configure the listener "
    + "there (advertisedHost, advertisedPort and their templates set the advertised address)"
  private static let securityHint =
    "TLS and authentication come from each listener's tls and authentication in "
    + "spec.kafka.listeners"
  private static let rolesHint = "Strimzi sets node ids, roles and the quorum from the node pools"
  private static let storageHint = "the storage of the node pools decides the log directories"
  private static let zooKeeperHint = "Strimzi configures the ZooKeeper connection itself"
  private static let authorizationHint = "configure authorization in spec.kafka.authorization"
  private static let cruiseControlHint =
    "Strimzi configures the metrics reporter for spec.cruiseControl"
  private static let quotasHint = "configure quotas in spec.kafka.quotas"

  public let metadata = RuleMetadata(
    code: "KL115", name: "forbidden-config-key", severity: .warning,
    summary: "A spec.kafka.config key is one the Strimzi operator sets itself and ignores.",
    rationale: """
      Strimzi writes the brokers' listeners, advertised addresses, security protocols, TLS \
      and SASL settings, node ids, roles, quorum and log directories from the resource's \
      structured fields, and drops `spec.kafka.config` keys with those prefixes \
      (`listeners`, `advertised.`, `listener.`, `inter.broker.listener.name`, `ssl.`, `sasl.`, \
      `security.`, `node.id`, `process.roles`, `controller.`, `log.dir`, `authorizer.`, …) \
      with only a log line, so a value written there silently has no effect. A few keys under \
      those prefixes are passed on (`ssl.cipher.suites`, `ssl.protocol`, \
      `ssl.enabled.protocols`, `sasl.server.max.receive.size`, the controller quorum \
      timeouts, `broker.session.timeout.ms`, …). Configure the setting where Strimzi takes it \
      from: the listener (advertised addresses, TLS, authentication), the node pools, \
      `spec.kafka.authorization`, `spec.kafka.rack` or `spec.kafka.quotas`.
      """,
    origin: .strimzi(message: "Configuration option \"<key>\" is forbidden and will be ignored"),
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
            config:
              ↓advertised.listeners: PLAIN://kafka.example.com:9092
              ↓ssl.client.auth: required
              ssl.enabled.protocols: TLSv1.3
              offsets.topic.replication.factor: 3

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
            config:
              offsets.topic.replication.factor: 3
              ssl.cipher.suites: TLS_AES_256_GCM_SHA384
              controller.quorum.election.timeout.ms: 2000

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters where cluster.origin == .strimzi {
      for key in cluster.configKeys {
        guard let hint = Self.instead(of: key.value) else { continue }
        let upstream = "Configuration option \"\(key.value)\" is forbidden and will be ignored"
        diagnostics.append(
          metadata.diagnostic(
            "spec.kafka.config key \(quoted(key.value)) is set by the Strimzi operator, which "
              + "ignores this value with the warning \"\(upstream)\"; \(hint)",
            at: key.location))
      }
    }
    return diagnostics
  }

  /// Where the setting of a forbidden key belongs, or `nil` when the operator passes it on.
  static func instead(of key: String) -> String? {
    // The operator lower-cases the key for the prefixes but compares the exceptions exactly.
    let lower = key.lowercased()
    guard !exceptions.contains(key),
      let match = forbiddenPrefixes.first(where: { lower.hasPrefix($0.prefix) })
    else { return nil }
    return match.instead
  }
}
