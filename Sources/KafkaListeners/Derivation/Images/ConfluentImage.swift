/// `confluentinc/cp-kafka`, `cp-server` and `confluent-local`: `configure`, `ensure` and the
/// `dub`/`ub` key conversion.
enum ConfluentImage {
  /// Variables the template does not turn into properties.
  static let excluded: Set<String> = [
    "KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
    "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
    "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL",
  ]

  /// `dub.env_to_props` (CP ≤ 8.0) or `ub ConvertKey` (CP 8.1+): a `_` between two non-`_`
  /// characters becomes `.`, then `___`→`-`, `__`→`_`. The Go version matches non-overlapping
  /// three-character windows, so a one-character segment keeps its second `_`.
  static func key(_ name: String, goConversion: Bool) -> String? {
    guard name.hasPrefix("KAFKA_") else { return nil }
    var chars = Array(name.dropFirst("KAFKA_".count).lowercased())
    var i = 1
    while i + 1 < chars.count {
      if chars[i] == "_", chars[i - 1] != "_", chars[i + 1] != "_" {
        chars[i] = "."
        i += goConversion ? 3 : 1
      } else {
        i += 1
      }
    }
    return String(chars).replacingAll(substring: "___", with: "-")
      .replacingAll(substring: "__", with: "_")
  }

  /// confluent-local's `configureDefaults`.
  static let localDefaults: [(String, String)] = [
    ("KAFKA_NODE_ID", "1"), ("KAFKA_PROCESS_ROLES", "broker,controller"),
    (
      "KAFKA_LISTENERS",
      "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092"
    ),
    ("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:9092"),
    ("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:29093"),
    ("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT"),
    ("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
    (
      "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
      "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT"
    ),
  ]

  static func emulate(_ context: inout ImageContext, local: Bool) {
    let image = local ? "confluent-local" : "cp-kafka"
    let cp8 = context.version >= KafkaVersion(4, 0)
    let go = context.version >= KafkaVersion(4, 1)
    let roles =
      context.variable("KAFKA_PROCESS_ROLES")?.value?.text ?? (local ? "broker,controller" : nil)
    let mapped = context.variables.filter {
      $0.name.hasPrefix("KAFKA_") && !excluded.contains($0.name)
    }
    if local {
      for (name, value) in localDefaults where context.variable(name) == nil {
        if let key = key(name, goConversion: go) {
          context.set(key, derived: value, at: context.anchor, provenance: "image default")
        }
      }
    }
    for variable in mapped {
      if let key = key(variable.name, goConversion: go) { context.set(key, from: variable) }
    }
    if context.variable("KAFKA_LOG_DIRS") == nil {
      context.set(
        "log.dirs", derived: "/var/lib/kafka/data", at: context.anchor, provenance: "image default")
    }
    var derived = false
    if context.variable("KAFKA_LISTENERS") == nil, !local,
      let value = context.variable("KAFKA_ADVERTISED_LISTENERS")?.value,
      !context.isControllerOnly(roles)
    {
      if go {
        let broken = value.text.split(separator: ",").map { entry -> String in
          let trimmed = entry.composeTrimmed()
          guard let range = ImageContext.firstRange(of: "://", in: Substring(trimmed)) else {
            return trimmed
          }
          return String(trimmed[range.upperBound...])
        }.joined(separator: ",")
        context.set(
          "listeners", derived: broken, at: value.location,
          provenance: "derived by the image from KAFKA_ADVERTISED_LISTENERS",
          unresolved: value.unresolved)
        context.report(
          "KL604",
          "KAFKA_LISTENERS is not set, so the \(image) image (CP 8.1+, `ub listeners`) derives "
            + "listeners=\(broken) from KAFKA_ADVERTISED_LISTENERS, dropping the listener names; "
            + "Kafka cannot parse it",
          at: value.location,
          notes: [.init("set KAFKA_LISTENERS explicitly, e.g. NAME://:PORT for every listener")],
          severity: .error)
      } else {
        context.set(
          "listeners", derived: ImageContext.sedListeners(value.text), at: value.location,
          provenance: "derived by the image from KAFKA_ADVERTISED_LISTENERS",
          unresolved: value.unresolved)
        derived = true
      }
    }
    // Required variables (`dub ensure` / `ub ensure`).
    let kraft = roles != nil || cp8
    var missing: [String] = []
    if cp8, roles == nil { missing.append("KAFKA_PROCESS_ROLES") }
    if !kraft, context.variable("KAFKA_ZOOKEEPER_CONNECT") == nil {
      missing.append("KAFKA_ZOOKEEPER_CONNECT")
    }
    if !context.isControllerOnly(roles), context.variable("KAFKA_ADVERTISED_LISTENERS") == nil,
      !local
    {
      missing.append("KAFKA_ADVERTISED_LISTENERS")
    }
    if !missing.isEmpty {
      context.report(
        "KL605",
        "the \(image) image requires \(missing.joined(separator: ", ")) and exits without it "
          + "(service \(context.service.name.value))",
        at: context.anchor)
    }
    if let wrong = context.variable("KAFKA_CLUSTER_ID"), context.variable("CLUSTER_ID") == nil {
      context.report(
        "KL602",
        "KAFKA_CLUSTER_ID becomes the unknown property cluster.id on the \(image) image",
        at: wrong.nameLocation, notes: [.init("did you mean CLUSTER_ID?")])
    }
    if let clusterId = context.variable("CLUSTER_ID"), clusterId.value?.text.isEmpty == true,
      kraft, !go, !local
    {
      // CP ≤ 8.0 checks with `dub ensure`, which fails on an empty value too.
      context.report(
        "KL602", "CLUSTER_ID is empty; the \(image) image exits at startup (\"CLUSTER_ID is required.\")",
        at: clusterId.value?.location ?? context.anchor,
        notes: [.init("set CLUSTER_ID (kafka-storage random-uuid)")])
    } else if let clusterId = context.variable("CLUSTER_ID") {
      context.clusterId(from: clusterId)
    } else if local {
      context.clusterId = ("4L6g3nShT-eMCtK--X86sw", context.anchor)
    } else if kraft {
      let message =
        go ? "environment variable \"CLUSTER_ID\" is not set" : "CLUSTER_ID is required."
      context.report(
        "KL602",
        "CLUSTER_ID is not set; the \(image) image exits at startup (\"\(message)\")",
        at: context.anchor, notes: [.init("set CLUSTER_ID (kafka-storage random-uuid)")])
    }
    context.legacyVariables(
      fatal: ["KAFKA_ADVERTISED_PORT", "KAFKA_ADVERTISED_HOST", "KAFKA_HOST", "KAFKA_PORT"],
      ignored: ["KAFKA_ADVERTISED_HOST_NAME"], image: image)
    context.commonChecks(image: image, derivedListeners: derived)
  }
}
