/// KL237: a `controller.quorum.voters` entry that is not `{id}@{host}:{port}`.
public struct MalformedQuorumVoters: Rule {
  /// Creates the rule.
  public init() {}

  static let form = "Each entry should be in the form `{id}@{host}:{port}`."

  public let metadata = RuleMetadata(
    code: "KL237", name: "malformed-quorum-voters", severity: .error,
    summary: "A `controller.quorum.voters` entry is not of the form `{id}@{host}:{port}`.",
    rationale: """
      Kafka validates `controller.quorum.voters` when it loads the configuration, on every \
      node and in ZooKeeper mode too, and refuses to start on the first bad entry: an entry \
      without exactly one `@`, an id that is not an integer, an address that is not \
      `host:port` (hosts may contain letters, digits, `-%._:` and an optional `[…]` around \
      IPv6; a `NAME://` prefix is tolerated), a port beyond 65535, or an empty entry left by \
      a stray comma. Write each voter as `id@host:port`, the port being the controller \
      listener's port.
      """,
    origin: .kafka(
      message: "Failed to parse host name from entry <entry> for the configuration "
        + "controller.quorum.voters. Each entry should be in the form `{id}@{host}:{port}`."),
    triggering: [
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\n"
          + "controller.quorum.voters=1@controller-1:9093,↓controller-2:9093,↓3@controller-3\n"),
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@controller-1:9093,↓\n",
        kafkaVersion: .v(3, 6)),
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=↓one@controller-1:9093\n"),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\n"
          + "controller.quorum.voters=1@controller-1:9093, 2@[::1]:9093,3@10.0.0.3:9093\n"),
      // The same voter twice: the last one wins, without an error.
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\n"
          + "controller.quorum.voters=1@controller-1:9093,1@controller-1.example.com:9093\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      let voters = config.quorumVoters
      for (element, problem) in voters.malformed {
        let entry = kraftMessageText(element.text)
        let what: String
        let kafka: String
        switch problem {
        case .notIdAtAddress:
          what =
            element.text.isEmpty
            ? "controller.quorum.voters has an empty entry (a stray comma)"
            : "\(quoted(element.text)) is not {id}@{host}:{port}"
          kafka =
            "Invalid configuration value for controller.quorum.voters. "
            + MalformedQuorumVoters.form
        case .invalidVoterId(let id):
          what = "the voter id \(quoted(id)) in \(quoted(element.text)) is not an integer"
          kafka = "Failed to parse voter ID as an integer from \(kraftMessageText(id))"
        case .unparsableAddress:
          what = "the address in \(quoted(element.text)) is not host:port"
          kafka =
            "Failed to parse host name from entry \(entry) for the configuration "
            + "controller.quorum.voters. \(MalformedQuorumVoters.form)"
        case .portOverflow(let port):
          what = "the port in \(quoted(element.text)) is not a valid port number"
          kafka = "For input string: \"\(port)\""
        case .portOutOfRange(let port):
          what = "the port in \(quoted(element.text)) is above 65535"
          kafka = "port out of range:\(port)"
        }
        diagnostics.append(
          metadata.diagnostic(
            "\(what); " + kafkaFails(config.version, kafka), at: element.location))
      }
    }
    return diagnostics
  }
}
