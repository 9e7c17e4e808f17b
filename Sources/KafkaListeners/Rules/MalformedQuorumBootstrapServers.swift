/// KL238: a `controller.quorum.bootstrap.servers` entry that is not `host:port`.
public struct MalformedQuorumBootstrapServers: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL238", name: "malformed-quorum-bootstrap-servers", severity: .error,
    summary: "A `controller.quorum.bootstrap.servers` entry is not of the form `host:port`.",
    rationale: """
      From Kafka 3.9 (KIP-853) nodes can find a dynamic controller quorum through \
      `controller.quorum.bootstrap.servers`, a list of controller addresses. Kafka validates \
      it when it loads the configuration and refuses to start on an entry that is not \
      `host:port`: a missing port, a host with characters other than letters, digits and \
      `-%._:` (IPv6 may be bracketed; a `NAME://` prefix is tolerated), a port beyond 65535, \
      or an empty entry left by a stray comma. Unlike `controller.quorum.voters`, the entries \
      carry no node id: write `controller-1:9093`, not `1@controller-1:9093`.
      """,
    origin: .kafka(
      message: "Failed to parse host name from <entry> for the configuration "
        + "controller.quorum.bootstrap.servers. Each entry should be in the form "
        + "\"{host}:{port}\""),
    versions: .from(.v(3, 9)),
    triggering: [
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\n"
          + "controller.quorum.bootstrap.servers=↓1@controller-1:9093,↓controller-2\n"),
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\ncontroller.quorum.bootstrap.servers=controller-1:9093,↓\n"
      ),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "process.roles=broker\nnode.id=4\ncontroller.quorum.bootstrap.servers="
          + "CONTROLLER://controller-1:9093,[fd00::2]:9093,controller-3.example.com:9093\n")
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations where config.version >= .v(3, 9) {
      for (element, problem) in config.quorumBootstrapServers.malformed {
        let what: String
        let kafka: String
        switch problem {
        case .portOverflow(let port):
          what = "the port in \(quoted(element.text)) is not a valid port number"
          kafka = "For input string: \"\(port)\""
        case .portOutOfRange(let port):
          what = "the port in \(quoted(element.text)) is above 65535"
          kafka = "port out of range:\(port)"
        case .notIdAtAddress, .invalidVoterId, .unparsableAddress:
          if element.text.isEmpty {
            what = "controller.quorum.bootstrap.servers has an empty entry (a stray comma)"
          } else if element.text.contains("@") {
            what = "\(quoted(element.text)) is a voter entry; bootstrap servers are host:port"
          } else {
            what = "\(quoted(element.text)) is not host:port"
          }
          kafka =
            "Failed to parse host name from \(kraftMessageText(element.text)) for the "
            + "configuration controller.quorum.bootstrap.servers. Each entry should be in the "
            + "form \"{host}:{port}\""
        }
        diagnostics.append(
          metadata.diagnostic(
            "\(what); " + kafkaFails(config.version, kafka), at: element.location))
      }
    }
    return diagnostics
  }
}
