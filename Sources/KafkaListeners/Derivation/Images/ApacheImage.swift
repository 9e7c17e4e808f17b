/// `apache/kafka` and `apache/kafka-native` (3.7+): `configureDefaults`, `configure` and
/// `KafkaDockerWrapper.getServerConfigsFromEnv`.
enum ApacheImage {
  /// Variables the wrapper does not turn into properties.
  static let excluded: Set<String> = [
    "KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
    "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
    "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_HOSTNAME",
  ]

  /// The property key for a variable: up to 3.9 every `KAFKA_` is removed (`String.replace`),
  /// from 4.0 only the first (KAFKA-17911); then `_`→`.`, `___`→`-`, `__`→`_`.
  static func key(_ name: String, version: KafkaVersion) -> String? {
    guard name.hasPrefix("KAFKA_") else { return nil }
    var rest: String
    if version >= KafkaVersion(4, 0) {
      rest = String(name.dropFirst("KAFKA_".count))
    } else {
      rest = ""
      var remaining = Substring(name)
      while let range = ImageContext.firstRange(of: "KAFKA_", in: remaining) {
        rest += remaining[..<range.lowerBound]
        remaining = remaining[range.upperBound...]
      }
      rest += remaining
    }
    let dotted = rest.lowercased().map { $0 == "_" ? "." : String($0) }.joined()
    return dotted.replacingAll(substring: "...", with: "-").replacingAll(substring: "..", with: "_")
  }

  /// Kafka's sample KRaft file the image uses when no `KAFKA_` variable is set.
  static func defaults(_ version: KafkaVersion) -> [(String, String)] {
    var advertised = "PLAINTEXT://localhost:9092"
    if version >= KafkaVersion(3, 9), version < KafkaVersion(4, 0) {
      advertised += ",CONTROLLER://localhost:9093"
    }
    return [
      ("process.roles", "broker,controller"), ("node.id", "1"),
      ("controller.quorum.voters", "1@localhost:9093"),
      ("listeners", "PLAINTEXT://:9092,CONTROLLER://:9093"),
      ("inter.broker.listener.name", "PLAINTEXT"), ("advertised.listeners", advertised),
      ("controller.listener.names", "CONTROLLER"),
      (
        "listener.security.protocol.map",
        "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,"
          + "SASL_SSL:SASL_SSL"
      ),
    ]
  }

  static func emulate(_ context: inout ImageContext) {
    let image = "apache/kafka"
    let mapped = context.variables.filter {
      $0.name.hasPrefix("KAFKA_") && !excluded.contains($0.name)
    }
    let roles = context.variable("KAFKA_PROCESS_ROLES")?.value?.text
    if mapped.isEmpty {
      for (key, value) in defaults(context.version) {
        context.set(key, derived: value, at: context.anchor, provenance: "image default")
      }
    } else {
      for variable in mapped {
        if let key = key(variable.name, version: context.version) {
          context.set(key, from: variable)
        }
      }
    }
    var derived = false
    if context.variable("KAFKA_LISTENERS") == nil,
      let advertised = context.variable("KAFKA_ADVERTISED_LISTENERS"),
      let value = advertised.value, !context.isControllerOnly(roles)
    {
      context.set(
        "listeners", derived: ImageContext.sedListeners(value.text), at: value.location,
        provenance: "derived by the image from KAFKA_ADVERTISED_LISTENERS",
        unresolved: value.unresolved)
      derived = true
    }
    let mountedConfig = context.service.mounts.contains { $0.hasPrefix("/mnt/shared/config") }
    if mountedConfig {
      context.report(
        "KL601",
        "service \(context.service.name.value) mounts /mnt/shared/config, whose server.properties "
          + "the apache/kafka image uses with the KAFKA_ variables appended; that file is not read "
          + "here, so only the variables are checked",
        at: context.anchor)
    }
    if !mapped.isEmpty, !mountedConfig {
      var missing = ["process.roles", "node.id", "controller.listener.names", "listeners"].filter {
        key in !context.settings.contains { $0.key == key }
      }
      let hasQuorum = context.settings.contains {
        $0.key == "controller.quorum.voters"
          || (context.version >= KafkaVersion(3, 9)
            && $0.key == "controller.quorum.bootstrap.servers")
      }
      if !hasQuorum { missing.append("controller.quorum.voters") }
      if !missing.isEmpty {
        context.report(
          "KL605",
          "service \(context.service.name.value) sets KAFKA_ variables, so the \(image) image does "
            + "not use its default server.properties; the file it writes lacks "
            + missing.joined(separator: ", "),
          at: context.anchor,
          notes: [
            .init(
              "set "
                + missing.map { "KAFKA_" + $0.uppercased().replacingAll([".": "_"]) }.joined(
                  separator: ", ")
                + " as well (the image's defaults are all or nothing)")
          ])
      }
    }
    if let wrong = context.variable("KAFKA_CLUSTER_ID"), context.variable("CLUSTER_ID") == nil {
      context.report(
        "KL602",
        "KAFKA_CLUSTER_ID becomes the unknown property cluster.id on the \(image) image; the "
          + "storage is formatted with the built-in default id instead",
        at: wrong.nameLocation, notes: [.init("did you mean CLUSTER_ID?")])
    }
    if let clusterId = context.variable("CLUSTER_ID"), clusterId.value?.text.isEmpty == true,
      context.variable("KAFKA_PROCESS_ROLES") != nil
    {
      // The built-in default applies only when the variable is unset, not when it is empty.
      context.report(
        "KL602",
        "CLUSTER_ID is set to an empty value; the \(image) image exits with \"CLUSTER_ID "
          + "environment variable not set\"",
        at: clusterId.value?.location ?? context.anchor,
        notes: [.init("remove it (the image's default id applies) or set a real id")])
    } else if let clusterId = context.variable("CLUSTER_ID") {
      context.clusterId(from: clusterId)
    } else {
      context.clusterId = ("5L6g3nShT-eMCtK--X86sw", context.anchor)
      context.report(
        "KL602",
        "CLUSTER_ID is not set; the \(image) image formats storage with its built-in id "
          + "5L6g3nShT-eMCtK--X86sw, shared by every cluster made from the examples",
        at: context.anchor, notes: [.init("set CLUSTER_ID (kafka-storage random-uuid)")],
        severity: .note)
    }
    context.legacyVariables(
      fatal: [],
      ignored: [
        "KAFKA_ADVERTISED_HOST_NAME", "KAFKA_ADVERTISED_PORT", "KAFKA_HOST_NAME", "KAFKA_PORT",
      ],
      image: image)
    context.commonChecks(image: image, derivedListeners: derived)
  }
}
