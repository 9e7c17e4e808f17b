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
    name: .customLong("expect-broker"),
    help: ArgumentHelp(
      "A broker the cluster should advertise (repeatable), instead of --expect.",
      valueName: "id=host:port"))
  var expectBrokers: [String] = []

  @Option(
    name: .customLong("expect-brokers"),
    help: ArgumentHelp("How many brokers the metadata should list.", valueName: "n"))
  var expectBrokerCount: Int?

  @Option(
    help: ArgumentHelp("The cluster id the cluster should report.", valueName: "id"))
  var expectClusterId: String?

  @Option(
    help: ArgumentHelp(
      "Timeout of each step (connect, TLS handshake, request).", valueName: "seconds"))
  var timeout: Double = 5

  @Option(
    help: ArgumentHelp(
      "Metadata version to use (default: the highest both sides support).", valueName: "n"))
  var metadataVersion: Int16?

  @Flag(
    help: "Ask for every topic's partitions, and note leaders missing from the advertised brokers.")
  var allTopics = false

  @Flag(help: "Also ask the bootstrap for DescribeCluster and compare it with Metadata.")
  var describeCluster = false

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
    if !expectBrokers.isEmpty && !expect.isEmpty {
      throw ValidationError("--expect-broker and --expect cannot be combined")
    }
    if expectBrokerCount != nil && !(expect.isEmpty && expectBrokers.isEmpty) {
      throw ValidationError("--expect-brokers cannot be combined with --expect or --expect-broker")
    }
    if let count = expectBrokerCount, count < 0 {
      throw ValidationError("--expect-brokers must be 0 or more")
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
    if !expectBrokers.isEmpty {
      expectation = try Self.expectation(expectBrokers)
    }
    let options = ProbeOptions(
      bootstrap: endpoints, tls: tls, caFile: ca, serverName: serverName, timeouts: .all(timeout),
      metadataVersion: metadataVersion, allTopics: allTopics, clientID: clientId,
      noConnect: noConnect,
      expectation: expectation, expectedClusterID: expectClusterId,
      expectedBrokerCount: expectBrokerCount, describeCluster: describeCluster)
    let report = Prober.run(options)
    switch format {
    case .text: Output.write(ProbeRenderer.text(report))
    case .json: Output.write(ProbeRenderer.json(report))
    }
    if report.fails(at: strict ? .warning : .error) { throw ExitCode(1) }
  }

  /// `--expect-broker ID=HOST:PORT` values as an expectation; each broker's location is the
  /// option's position on the command line.
  static func expectation(_ values: [String]) throws -> ProbeExpectation {
    var brokers: [ExpectedBroker] = []
    for (index, value) in values.enumerated() {
      let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let id = Int(parts[0]), id >= 0 else {
        throw ValidationError("--expect-broker \(value): write ID=HOST:PORT, e.g. 0=kafka-0:9094")
      }
      guard case .success(let endpoints) = ProbeEndpoint.parseList(parts[1]),
        endpoints.count == 1, let endpoint = endpoints.first
      else {
        throw ValidationError("--expect-broker \(value): write ID=HOST:PORT, e.g. 0=kafka-0:9094")
      }
      guard !brokers.contains(where: { $0.id == id }) else {
        throw ValidationError("--expect-broker: broker \(id) is given twice")
      }
      brokers.append(
        ExpectedBroker(
          id: id, host: endpoint.host, port: String(endpoint.port),
          location: SourceLocation(file: "--expect-broker", line: 1, column: index + 1)))
    }
    return ProbeExpectation(listener: ProbeExpectation.commandLine, brokers: brokers)
  }
}
