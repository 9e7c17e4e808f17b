extension ProbeExpectation {
  /// What the descriptions, Strimzi resources or compose files at `paths` say each broker
  /// should advertise on `listener` (the user's listener name, `external`, or the Kafka name,
  /// `EXTERNAL-9094`; case-insensitive). Runs the project's own pipeline.
  ///
  /// - Throws: ``ProbeUsageError`` when no cluster in the inputs has that listener, and
  ///   ``ToolError`` when a path cannot be read.
  public static func derive(paths: [String], listener: String) throws -> ProbeExpectation {
    let (_, clusters) = try KafkaListeners.generate(paths: paths)
    let wanted = listener.lowercased()
    var brokers: [ExpectedBroker] = []
    var listeners: Set<String> = []
    for cluster in clusters {
      for node in cluster.nodes where node.roles.contains(.broker) {
        for endpoint in node.endpoints {
          listeners.insert(endpoint.listener)
          guard
            endpoint.listener.lowercased() == wanted
              || endpoint.kafkaName.lowercased() == wanted
          else { continue }
          brokers.append(
            ExpectedBroker(
              id: node.id, host: endpoint.advertisedHost, port: endpoint.advertisedPort,
              location: endpoint.location))
        }
      }
    }
    guard !brokers.isEmpty else {
      let known = listeners.sorted().joined(separator: ", ")
      throw ProbeUsageError(
        "no broker in \(paths.joined(separator: ", ")) has a listener named '\(listener)'"
          + (known.isEmpty ? "" : " (listeners: \(known))"))
    }
    return ProbeExpectation(listener: listener, brokers: brokers)
  }
}
