/// KL220: `process.roles` names a role other than `broker` and `controller`, or names one twice.
public struct InvalidProcessRoles: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL220", name: "invalid-process-roles", severity: .error,
    summary: "`process.roles` names an unknown role, or (up to Kafka 4.1) the same role twice.",
    rationale: """
      `process.roles` selects KRaft mode and what the node runs: `broker`, `controller`, or \
      both as `broker,controller`. The names are compared exactly, so `Broker`, `CONTROLLER` \
      or `brokers` stop the node at startup; so does an empty element such as a trailing \
      comma. Up to Kafka 4.1 a role listed twice is fatal too (4.2 drops the duplicate with a \
      warning). Write the roles in lower case, each once.
      """,
    origin: .kafka(
      message: "Unknown process role '<role>' (only 'broker' and 'controller' are allowed roles)"),
    triggering: [
      RuleExample(
        "server.properties",
        "process.roles=↓Broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka-1:9093\n"),
      RuleExample(
        "server.properties",
        "process.roles=broker,↓brokers\nnode.id=1\n", kafkaVersion: .v(3, 8)),
      RuleExample(
        "server.properties", "process.roles=broker,controller,↓broker\nnode.id=1\n",
        kafkaVersion: .v(3, 9)),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka-1:9093\n"),
      // 4.2 removes the duplicate with a warning instead of failing.
      RuleExample("server.properties", "process.roles=broker,broker\nnode.id=4\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      guard config.isSet("process.roles") else { continue }
      let version = config.version
      var allValid = true
      for element in config.roleElements where !isValid(element.text) {
        allValid = false
        // 4.2 rejects empty elements as empty list values (KL240).
        if element.text.isEmpty && version >= .v(4, 2) { continue }
        let text = kraftMessageText(element.text)
        let kafka =
          version >= .v(4, 0)
          ? "Invalid value \(text) for configuration process.roles: String must be one of: "
            + "broker, controller"
          : "Unknown process role '\(text)' (only 'broker' and 'controller' are allowed roles)"
        let what =
          element.text.isEmpty
          ? "process.roles has an empty role (a stray comma)"
          : "\(quoted(element.text)) is not a process role"
        var notes: [Diagnostic.Note] = []
        let lower = element.text.lowercased()
        if isValid(lower) && !lower.isEmpty {
          notes.append(.init("role names are case-sensitive: write \(quoted(lower))"))
        }
        diagnostics.append(
          metadata.diagnostic(
            "\(what); only 'broker' and 'controller' are allowed; " + kafkaFails(version, kafka),
            at: element.location, notes: notes))
      }
      // Up to 4.1 Kafka rejects a repeated role once every role is known; 4.2 drops it.
      guard allValid, version < .v(4, 2) else { continue }
      var first: [String: ListElement] = [:]
      for element in config.roleElements {
        guard let earlier = first[element.text] else {
          first[element.text] = element
          continue
        }
        diagnostics.append(
          metadata.diagnostic(
            "\(quoted(element.text)) is listed twice in process.roles; "
              + kafkaFails(
                version,
                "Duplicate role names found in `process.roles`: "
                  + scalaBuffer(config.roleElements.map(\.text), version: version)),
            at: element.location,
            notes: [.init("first listed here", at: earlier.location)]))
      }
    }
    return diagnostics
  }

  private func isValid(_ role: String) -> Bool { role == "broker" || role == "controller" }

  /// How Scala prints the mapped roles: case objects (`BrokerRole`) before 3.7, the Java enum
  /// (whose `toString` is the role name) from 3.7.
  private func scalaBuffer(_ roles: [String], version: KafkaVersion) -> String {
    let names = roles.map { role in
      version >= .v(3, 7) ? role : role == "broker" ? "BrokerRole" : "ControllerRole"
    }
    return "ArrayBuffer(" + names.joined(separator: ", ") + ")"
  }
}
