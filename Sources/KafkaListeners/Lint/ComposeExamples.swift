/// Builders for the compose examples of the KL3xx and KL6xx rules: the dual-listener reference
/// layout of the apache/kafka examples, changed one variable at a time.
enum ComposeExamples {
  /// The dual-listener reference: compose clients on `kafka:29092`, host clients on
  /// `localhost:9092` published as `9092:9092`.
  static let reference: [(String, String)] = [
    ("KAFKA_NODE_ID", "1"),
    ("KAFKA_PROCESS_ROLES", "broker,controller"),
    ("KAFKA_LISTENERS", "PLAINTEXT://:29092,CONTROLLER://:9093,PLAINTEXT_HOST://:9092"),
    ("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092"),
    (
      "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
      "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT"
    ),
    ("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT"),
    ("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
    ("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093"),
    ("CLUSTER_ID", "4L6g3nShT-eMCtK--X86sw"),
  ]

  /// One service: `image`, `ports`, an environment from `base` with `set` applied (a `nil`
  /// value removes the variable) and extra lines at service level.
  static func service(
    _ name: String = "kafka", image: String = "apache/kafka:3.9.0",
    ports: [String] = ["9092:9092"], base: [(String, String)] = reference,
    set: [(String, String?)] = [], extra: [String] = []
  ) -> String {
    var environment = base.map { ($0.0, Optional($0.1)) }
    for (key, value) in set {
      if let index = environment.firstIndex(where: { $0.0 == key }) {
        environment[index].1 = value
      } else {
        environment.append((key, value))
      }
    }
    var lines = ["  \(name):", "    image: \(image)"]
    lines += extra.map { "    " + $0 }
    if !ports.isEmpty {
      lines.append("    ports:")
      // A marker goes before the quote, where YAML places a quoted scalar.
      lines += ports.map {
        $0.first == RuleExample.marker ? "      - ↓\"\($0.dropFirst())\"" : "      - \"\($0)\""
      }
    }
    let written = environment.compactMap { key, value in value.map { "      \(key): \($0)" } }
    if !written.isEmpty { lines += ["    environment:"] + written }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A compose file of services (and top-level text after them).
  static func compose(_ services: String..., trailer: String = "") -> String {
    "services:\n" + services.joined() + trailer
  }

  /// A client service bootstrapping from `bootstrap`.
  static func client(_ name: String = "kafka-ui", bootstrap: String) -> String {
    """
      \(name):
        image: provectuslabs/kafka-ui:v0.7.2
        depends_on:
          - kafka
        environment:
          KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: \(bootstrap)

    """
  }

  /// The Bitnami README's single-node KRaft layout with internal and external listeners.
  static let bitnami: [(String, String)] = [
    ("KAFKA_CFG_NODE_ID", "0"),
    ("KAFKA_CFG_PROCESS_ROLES", "controller,broker"),
    ("KAFKA_CFG_CONTROLLER_QUORUM_VOTERS", "0@kafka:9093"),
    ("KAFKA_CFG_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093,EXTERNAL://:9094"),
    ("KAFKA_CFG_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092,EXTERNAL://localhost:9094"),
    (
      "KAFKA_CFG_LISTENER_SECURITY_PROTOCOL_MAP",
      "CONTROLLER:PLAINTEXT,EXTERNAL:PLAINTEXT,PLAINTEXT:PLAINTEXT"
    ),
    ("KAFKA_CFG_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
  ]

  /// Environment of node `id` of the apache three-broker combined example.
  static func cluster(_ id: Int, hostPort: Int) -> [(String, String)] {
    [
      ("KAFKA_NODE_ID", "\(id)"),
      ("KAFKA_PROCESS_ROLES", "broker,controller"),
      ("KAFKA_LISTENERS", "PLAINTEXT://:19092,CONTROLLER://:9093,PLAINTEXT_HOST://:9092"),
      (
        "KAFKA_ADVERTISED_LISTENERS",
        "PLAINTEXT://kafka-\(id):19092,PLAINTEXT_HOST://localhost:\(hostPort)"
      ),
      (
        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
        "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT"
      ),
      ("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT"),
      ("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
      ("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093"),
      ("CLUSTER_ID", "4L6g3nShT-eMCtK--X86sw"),
    ]
  }
}
