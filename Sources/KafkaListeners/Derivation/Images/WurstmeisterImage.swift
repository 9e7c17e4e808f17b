/// `wurstmeister/kafka` (Kafka ≤ 2.8.1, ZooKeeper only): `start-kafka.sh`.
enum WurstmeisterImage {
  static let excluded: Set<String> = [
    "KAFKA_VERSION", "KAFKA_HOME", "KAFKA_DEBUG", "KAFKA_GC_LOG_OPTS", "KAFKA_HEAP_OPTS",
    "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG", "KAFKA_OPTS",
    "KAFKA_CREATE_TOPICS",
  ]

  static func emulate(_ context: inout ImageContext) {
    if context.variable("KAFKA_ZOOKEEPER_CONNECT") == nil {
      context.report(
        "KL605",
        "the wurstmeister/kafka image exits: \"ERROR: missing mandatory config: "
          + "KAFKA_ZOOKEEPER_CONNECT\"",
        at: context.anchor)
    }
    let hasHost = context.variable("KAFKA_ADVERTISED_HOST_NAME") != nil
    let hasListeners = context.variable("KAFKA_LISTENERS") != nil
    if !hasHost, !hasListeners {
      if context.variable("KAFKA_ADVERTISED_LISTENERS") != nil {
        context.report(
          "KL605",
          "the wurstmeister/kafka image exits: \"ERROR: Missing environment variable "
            + "KAFKA_LISTENERS. Must be specified when using KAFKA_ADVERTISED_LISTENERS\"",
          at: context.anchor)
      } else if context.variable("HOSTNAME_COMMAND") == nil {
        context.report(
          "KL605",
          "the wurstmeister/kafka image exits: \"ERROR: No listener or advertised hostname "
            + "configuration provided in environment.\"",
          at: context.anchor)
      }
    }
    if context.variable("KAFKA_BROKER_ID") == nil, context.variable("BROKER_ID_COMMAND") == nil {
      context.set("broker.id", derived: "-1", at: context.anchor, provenance: "image default")
    }
    if context.variable("KAFKA_PORT") == nil {
      context.set("port", derived: "9092", at: context.anchor, provenance: "image default")
    }
    for variable in context.variables
    where variable.name.hasPrefix("KAFKA_") && !excluded.contains(variable.name) {
      let key = variable.name.dropFirst("KAFKA_".count).lowercased().replacingAll(["_": "."])
      context.set(key, from: variable)
    }
    for variable in context.variables {
      guard let value = variable.value else { continue }
      for (token, command) in [
        ("_{HOSTNAME_COMMAND}", "HOSTNAME_COMMAND"), ("_{PORT_COMMAND}", "PORT_COMMAND"),
      ] where value.text.contains(token) && context.variable(command) == nil {
        context.report(
          "KL605",
          "\(variable.name) contains \(token) but \(command) is not set, so the text stays "
            + "literally in the configuration",
          at: value.location, notes: [.init("set \(command) (with $$ for a literal $ in compose)")])
      }
    }
    if let image = context.service.image {
      context.report(
        "KL609",
        "wurstmeister/kafka stops at Kafka 2.8.1 (2022) and cannot run KRaft",
        at: image.location, notes: [.init("move to apache/kafka")])
    }
  }
}
