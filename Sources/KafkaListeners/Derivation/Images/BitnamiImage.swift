/// `bitnami/kafka` (and `bitnamilegacy/kafka`): `setup.sh`, `libkafka.sh` and `kafka-env.sh`.
enum BitnamiImage {
  /// Legacy `KAFKA_<X>` variables copied onto `KAFKA_CFG_<X>`, winning over it.
  static let aliasSuffixes: Set<String> = [
    "ADVERTISED_LISTENERS", "BROKER_ID", "NODE_ID", "CONTROLLER_QUORUM_VOTERS", "PROCESS_ROLES",
    "DEFAULT_REPLICATION_FACTOR", "DELETE_TOPIC_ENABLE", "INTER_BROKER_LISTENER_NAME", "LISTENERS",
    "LISTENER_SECURITY_PROTOCOL_MAP", "LOG_DIRS", "LOG_FLUSH_INTERVAL_MESSAGES",
    "LOG_FLUSH_INTERVAL_MS", "LOG_MESSAGE_FORMAT_VERSION", "LOG_RETENTION_BYTES",
    "LOG_RETENTION_CHECK_INTERVALS_MS", "LOG_RETENTION_HOURS", "LOG_SEGMENT_BYTES",
    "MESSAGE_MAX_BYTES", "NUM_IO_THREADS", "NUM_NETWORK_THREADS", "NUM_PARTITIONS",
    "NUM_RECOVERY_THREADS_PER_DATA_DIR", "OFFSETS_TOPIC_REPLICATION_FACTOR",
    "SOCKET_RECEIVE_BUFFER_BYTES", "SOCKET_REQUEST_MAX_BYTES", "SOCKET_SEND_BUFFER_BYTES",
    "SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "TRANSACTION_STATE_LOG_MIN_ISR",
    "TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "ZOOKEEPER_CONNECT",
    "ZOOKEEPER_CONNECTION_TIMEOUT_MS",
  ]

  /// Variables the image reads itself (not through `KAFKA_CFG_`).
  static let shortcuts: Set<String> = [
    "KAFKA_CLUSTER_ID", "KAFKA_KRAFT_CLUSTER_ID", "KAFKA_INITIAL_CONTROLLERS",
    "KAFKA_SKIP_KRAFT_STORAGE_INIT", "KAFKA_CLIENT_LISTENER_NAME", "KAFKA_TLS_TYPE",
    "KAFKA_TLS_CLIENT_AUTH", "KAFKA_CERTIFICATE_PASSWORD", "KAFKA_TLS_TRUSTSTORE_FILE",
    "KAFKA_INTER_BROKER_USER", "KAFKA_INTER_BROKER_PASSWORD", "KAFKA_CONTROLLER_USER",
    "KAFKA_CONTROLLER_PASSWORD", "KAFKA_CLIENT_USERS", "KAFKA_CLIENT_PASSWORDS", "KAFKA_HEAP_OPTS",
    "KAFKA_ENABLE_KRAFT", "KAFKA_MOUNTED_CONF_DIR", "KAFKA_LOGS_DIRS", "KAFKA_SEGMENT_BYTES",
    "KAFKA_MAX_MESSAGE_BYTES", "KAFKA_ZOOKEEPER_CONNECT_TIMEOUT_MS",
    "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "KAFKA_BROKER_USER", "KAFKA_BROKER_PASSWORD",
    "KAFKA_CLIENT_LISTENER", "KAFKA_NODE_ID_COMMAND", "KAFKA_CONTROLLER_QUORUM_VOTERS_COMMAND",
    "KAFKA_BROKER_ID_COMMAND", "KAFKA_OPTS", "KAFKA_JMX_OPTS", "KAFKA_ZOOKEEPER_PROTOCOL",
    "KAFKA_ZOOKEEPER_USER", "KAFKA_ZOOKEEPER_PASSWORD", "KAFKA_ZOOKEEPER_TLS_TYPE",
    "KAFKA_ZOOKEEPER_TLS_VERIFY_HOSTNAME", "KAFKA_ZOOKEEPER_TLS_KEYSTORE_PASSWORD",
    "KAFKA_ZOOKEEPER_TLS_TRUSTSTORE_PASSWORD", "KAFKA_ZOOKEEPER_TLS_TRUSTSTORE_FILE",
    "KAFKA_VOLUME_DIR", "KAFKA_DATA_DIR", "KAFKA_CONF_FILE", "KAFKA_CERTS_DIR",
  ]

  /// `KAFKA_CFG_<X>` → `x` with every `_`→`.`, `sasl.ssl`→`sasl_ssl`, `sasl.plaintext`→`sasl_plaintext`.
  static func key(_ name: String) -> String {
    let rest = name.dropFirst("KAFKA_CFG_".count)
    if rest == "ZOOKEEPER_CLIENTCNXNSOCKET" { return "zookeeper.clientCnxnSocket" }
    return rest.lowercased().replacingAll(["_": "."])
      .replacingAll(substring: "sasl.ssl", with: "sasl_ssl")
      .replacingAll(substring: "sasl.plaintext", with: "sasl_plaintext")
  }

  static func emulate(_ context: inout ImageContext, project: ComposeProject) {
    let legacy = context.version < KafkaVersion(3, 5)
    var effective: [String: ComposeVariable] = [:]
    for variable in context.variables where variable.name.hasPrefix("KAFKA_CFG_") {
      effective[variable.name] = variable
    }
    for variable in context.variables where variable.name.hasPrefix("KAFKA_") {
      let suffix = String(variable.name.dropFirst("KAFKA_".count))
      guard !variable.name.hasPrefix("KAFKA_CFG_") else { continue }
      if aliasSuffixes.contains(suffix) {
        let target = "KAFKA_CFG_" + suffix
        if let written = effective[target], written.value?.text != variable.value?.text {
          context.report(
            "KL607",
            "both \(variable.name) and \(target) are set; the bitnami image copies the legacy "
              + "\(variable.name) over \(target), so \(quoted(variable.value?.text ?? "")) wins",
            at: variable.nameLocation, notes: [.init("keep only \(target)")])
        }
        effective[target] = variable
      } else if !shortcuts.contains(variable.name), !variable.name.hasSuffix("_FILE") {
        context.report(
          "KL607",
          "\(variable.name) is ignored by the bitnami image, which reads only KAFKA_CFG_* "
            + "variables and its own settings",
          at: variable.nameLocation, notes: [.init("did you mean KAFKA_CFG_\(suffix)?")])
      }
    }
    if context.variable("CLUSTER_ID") != nil, let wrong = context.variable("CLUSTER_ID") {
      context.report(
        "KL602",
        "CLUSTER_ID is ignored by the bitnami image; each node formats its storage with "
          + "KAFKA_CLUSTER_ID, else a random id",
        at: wrong.nameLocation, notes: [.init("did you mean KAFKA_CLUSTER_ID?")])
    }
    let roles = effective["KAFKA_CFG_PROCESS_ROLES"]?.value?.text
    let kraft = roles != nil || context.variable("KAFKA_ENABLE_KRAFT")?.value?.text == "yes"
    context.set(
      "log.dirs", derived: "/bitnami/kafka/data", at: context.anchor, provenance: "image default")
    if legacy {
      for (name, value) in [
        ("KAFKA_CFG_LISTENERS", "PLAINTEXT://:9092"),
        ("KAFKA_CFG_ADVERTISED_LISTENERS", "PLAINTEXT://:9092"),
      ] where effective[name] == nil {
        context.set(key(name), derived: value, at: context.anchor, provenance: "image default")
      }
      if !kraft, effective["KAFKA_CFG_ZOOKEEPER_CONNECT"] == nil {
        context.set(
          "zookeeper.connect", derived: "localhost:2181", at: context.anchor,
          provenance: "image default")
      }
    }
    for name in effective.keys.sorted() {
      if let variable = effective[name] { context.set(key(name), from: variable) }
    }
    // A mounted server.properties skips the image's validation.
    let mounted = context.service.mounts.contains { $0.hasPrefix("/bitnami/kafka/config") }
    if !kraft, effective["KAFKA_CFG_ZOOKEEPER_CONNECT"] == nil, !legacy, !mounted {
      context.report(
        "KL605",
        "the bitnami image exits: \"Kafka requires at least one process role to be set. Set the "
          + "environment variable KAFKA_CFG_PROCESS_ROLES to configure the process roles for Kafka.\"",
        at: context.anchor)
    }
    if kraft, !mounted, effective["KAFKA_CFG_NODE_ID"] == nil,
      effective["KAFKA_CFG_BROKER_ID"] == nil,
      context.variable("KAFKA_NODE_ID_COMMAND") == nil
    {
      context.report(
        "KL605",
        "the bitnami image exits: \"KRaft mode requires an unique node.id, please set the "
          + "environment variable KAFKA_CFG_NODE_ID\"",
        at: context.anchor)
    }
    if kraft {
      if let id = context.variable("KAFKA_CLUSTER_ID") ?? context.variable("KAFKA_KRAFT_CLUSTER_ID")
      {
        context.clusterId(from: id)
      } else {
        let nodes = project.services.filter { other in
          ComposeImages.recognise(other).map { $0.0 == .bitnami } ?? false
        }.count
        let many = nodes > 1 || (context.service.replicas?.value ?? 1) > 1
        context.issues.append(
          ComposeFinding(
            code: "KL602", severity: many ? nil : .note,
            message: many
              ? "KAFKA_CLUSTER_ID is not set on service \(context.service.name.value): the bitnami "
                + "image formats each node with a random cluster id, so the \(nodes) nodes cannot "
                + "form one cluster"
              : "KAFKA_CLUSTER_ID is not set; the bitnami image formats storage with a random "
                + "cluster id (fine for a single node)",
            location: context.anchor,
            notes: [
              .init("set the same KAFKA_CLUSTER_ID on every node (kafka-storage random-uuid)")
            ]))
      }
    }
    if let image = context.service.image,
      ComposeImages.parse(image.text).repository == "bitnami/kafka"
    {
      context.report(
        "KL609",
        "the free bitnami/kafka tags moved to bitnamilegacy/kafka on 2025-08-28 and are no longer "
          + "updated",
        at: image.location, notes: [.init("use bitnamilegacy/kafka or another maintained image")])
    }
    context.legacyVariables(
      fatal: [],
      ignored: [
        "KAFKA_ADVERTISED_HOST_NAME", "KAFKA_ADVERTISED_PORT", "KAFKA_HOST_NAME", "KAFKA_PORT",
      ],
      image: "bitnami")
  }
}
