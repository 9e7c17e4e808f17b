import ArgumentParser
import KafkaListeners

enum ProbeFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

struct ProbeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "probe",
    abstract: "Ask a running cluster what it advertises and check each address from here.",
    discussion: """
      Speaks the Kafka protocol (ApiVersions, then Metadata) to the bootstrap address, then \
      resolves and connects to every advertised broker and asks it for Metadata again. Exit \
      codes: 0 everything reachable and as expected, 1 findings (an unreachable bootstrap \
      included), 2 usage errors.
      """)

  @Argument(help: ArgumentHelp("Bootstrap servers.", valueName: "host:port[,host:port...]"))
  var bootstrap: String

  @Flag(help: "Connect with TLS (the probe captures and reports every certificate).")
  var tls = false

  @Option(
    help: ArgumentHelp("CA bundle (PEM) to check certificate chains against.", valueName: "file"))
  var ca: String?

  @Option(
    help: ArgumentHelp("SNI and verification name for the bootstrap connection.", valueName: "name")
  )
  var serverName: String?

  @Option(
    help: ArgumentHelp(
      "Cluster description, Strimzi resource or compose file whose derived addresses the cluster should advertise.",
      valueName: "file"))
  var expect: [String] = []

  @Option(
    help: ArgumentHelp(
      "The listener of --expect to compare with (its name or Kafka name).", valueName: "name"))
  var listener: String?

  @Option(
    help: ArgumentHelp(
      "Timeout of each step (connect, TLS handshake, request).", valueName: "seconds"))
  var timeout: Double = 5

  @Option(
    help: ArgumentHelp(
      "Metadata version to use (default: the highest both sides support).", valueName: "n"))
  var metadataVersion: Int16?

  @Flag(help: "Resolve advertised hosts only; do not connect to them.")
  var noConnect = false

  @Option(help: ArgumentHelp("Client id sent to the brokers.", valueName: "id"))
  var clientId = "kafka-listeners"

  @Option(help: "Output format.")
  var format: ProbeFormat = .text

  @Flag(help: "Fail (exit 1) on warnings too, not only on errors.")
  var strict = false

  func validate() throws {
    guard timeout > 0 && timeout <= 600 else {
      throw ValidationError("--timeout must be between 0 and 600 seconds")
    }
    if !expect.isEmpty && listener == nil {
      throw ValidationError("--expect needs --listener NAME")
    }
    if listener != nil && expect.isEmpty {
      throw ValidationError("--listener needs --expect FILE")
    }
    if let version = metadataVersion, !(1...13).contains(version) {
      throw ValidationError("--metadata-version must be between 1 and 13")
    }
  }

  func run() throws {
    let endpoints: [ProbeEndpoint]
    switch ProbeEndpoint.parseList(bootstrap) {
    case .success(let list): endpoints = list
    case .failure(let error): throw ValidationError("bootstrap: \(error)")
    }
    if let ca, KafkaListeners.readFile(ca) == nil {
      throw ValidationError("--ca \(ca): cannot read the file")
    }
    var expectation: ProbeExpectation?
    if let listener, !expect.isEmpty {
      do {
        expectation = try ProbeExpectation.derive(paths: expect, listener: listener)
      } catch let error as ProbeUsageError {
        throw ValidationError(error.description)
      }
    }
    let options = ProbeOptions(
      bootstrap: endpoints, tls: tls, caFile: ca, serverName: serverName, timeouts: .all(timeout),
      metadataVersion: metadataVersion, clientID: clientId, noConnect: noConnect,
      expectation: expectation)
    let report = Prober.run(options)
    switch format {
    case .text: Output.write(ProbeRenderer.text(report))
    case .json: Output.write(ProbeRenderer.json(report))
    }
    if report.fails(at: strict ? .warning : .error) { throw ExitCode(1) }
  }
}
