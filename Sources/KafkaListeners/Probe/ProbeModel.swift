/// A `host:port` to probe, as written on the command line or advertised in Metadata.
public struct ProbeEndpoint: Sendable, Hashable, CustomStringConvertible {
  /// The host (no brackets for IPv6).
  public var host: String
  /// The port.
  public var port: Int

  /// Creates an endpoint.
  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// `host:port`, or `[v6]:port`.
  public var description: String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  /// Parses `host:port[,host:port...]`; `[v6]:port` is accepted. Returns a reason on failure.
  public static func parseList(_ text: String) -> Result<[ProbeEndpoint], ProbeUsageError> {
    var endpoints: [ProbeEndpoint] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let entry = item.trimmingSpaces()
      guard !entry.isEmpty else { return .failure(.init("empty entry in '\(text)'")) }
      let host: Substring
      let portText: Substring
      if entry.hasPrefix("[") {
        guard let close = entry.firstIndex(of: "]"),
          entry[entry.index(after: close)...].hasPrefix(":")
        else { return .failure(.init("'\(entry)' is not [IPv6]:PORT")) }
        host = entry[entry.index(after: entry.startIndex)..<close]
        portText = entry[entry.index(close, offsetBy: 2)...]
      } else {
        guard let colon = entry.lastIndex(of: ":"),
          !entry[..<colon].contains(":")
        else { return .failure(.init("'\(entry)' has no port: write HOST:PORT")) }
        host = entry[..<colon]
        portText = entry[entry.index(after: colon)...]
      }
      guard !host.isEmpty else { return .failure(.init("'\(entry)' has no host")) }
      guard let port = Int(portText), (1...65535).contains(port) else {
        return .failure(.init("'\(entry)': the port must be a number from 1 to 65535"))
      }
      endpoints.append(ProbeEndpoint(host: String(host), port: port))
    }
    return .success(endpoints)
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var text = self
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return text
  }
}

/// A problem with the probe's own arguments (the command line exits with 2).
public struct ProbeUsageError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public var description: String
  /// Creates an error.
  public init(_ description: String) { self.description = description }
}

/// Time limits of each network step, in seconds.
public struct ProbeTimeouts: Sendable, Hashable {
  /// TCP connect.
  public var connect: Double
  /// TLS handshake.
  public var handshake: Double
  /// Each request (ApiVersions, Metadata).
  public var request: Double

  /// Creates timeouts: by default 5 s to connect, 5 s for the handshake, 10 s per request.
  public init(connect: Double = 5, handshake: Double = 5, request: Double = 10) {
    self.connect = connect
    self.handshake = handshake
    self.request = request
  }

  /// The same limit for every step.
  public static func all(_ seconds: Double) -> ProbeTimeouts {
    ProbeTimeouts(connect: seconds, handshake: seconds, request: seconds)
  }
}

/// What a configuration says one broker should advertise on the listener probed.
public struct ExpectedBroker: Sendable, Hashable {
  /// Node id.
  public var id: Int
  /// Expected advertised host.
  public var host: String
  /// Expected advertised port (text: it may be a placeholder).
  public var port: String
  /// Where the expectation comes from.
  public var location: SourceLocation

  /// Creates an expectation.
  public init(id: Int, host: String, port: String, location: SourceLocation) {
    self.id = id
    self.host = host
    self.port = port
    self.location = location
  }
}

/// What the cluster should advertise on one listener.
public struct ProbeExpectation: Sendable, Hashable {
  /// The listener name compared.
  public var listener: String
  /// The brokers with that listener, by node id.
  public var brokers: [ExpectedBroker]

  /// The `listener` of an expectation given broker by broker with `--expect-broker`.
  public static let commandLine = "--expect-broker"

  /// Creates an expectation.
  public init(listener: String, brokers: [ExpectedBroker]) {
    self.listener = listener
    self.brokers = brokers.sorted { $0.id < $1.id }
  }
}

/// What the probe does.
public struct ProbeOptions: Sendable {
  /// The bootstrap entries.
  public var bootstrap: [ProbeEndpoint]
  /// Speak TLS.
  public var tls: Bool
  /// A PEM bundle of trusted certificate authorities: chains are checked against it.
  public var caFile: String?
  /// SNI and verification name for the bootstrap connections (for bootstraps given by IP).
  public var serverName: String?
  /// Step timeouts.
  public var timeouts: ProbeTimeouts
  /// The largest response frame accepted.
  public var maxFrameBytes: Int
  /// Forces a Metadata version (it must be in the broker's advertised range).
  public var metadataVersion: Int16?
  /// Asks for all topics instead of brokers only.
  public var allTopics: Bool
  /// The client id sent in request headers.
  public var clientID: String
  /// Resolve advertised hosts only; do not connect to them.
  public var noConnect: Bool
  /// What the cluster should advertise.
  public var expectation: ProbeExpectation?
  /// The cluster id the metadata must report (`--expect-cluster-id`).
  public var expectedClusterID: String?
  /// How many brokers the metadata must list (`--expect-brokers`), when no expectation names
  /// them one by one.
  public var expectedBrokerCount: Int?
  /// Ask the bootstrap for DescribeCluster too and compare its broker list with Metadata's.
  public var describeCluster: Bool

  /// Creates options.
  public init(
    bootstrap: [ProbeEndpoint], tls: Bool = false, caFile: String? = nil,
    serverName: String? = nil,
    timeouts: ProbeTimeouts = ProbeTimeouts(), maxFrameBytes: Int = 16 << 20,
    metadataVersion: Int16? = nil, allTopics: Bool = false, clientID: String = "kafka-listeners",
    noConnect: Bool = false, expectation: ProbeExpectation? = nil,
    expectedClusterID: String? = nil, expectedBrokerCount: Int? = nil,
    describeCluster: Bool = false
  ) {
    self.bootstrap = bootstrap
    self.tls = tls
    self.caFile = caFile
    self.serverName = serverName
    self.timeouts = timeouts
    self.maxFrameBytes = maxFrameBytes
    self.metadataVersion = metadataVersion
    self.allTopics = allTopics
    self.clientID = clientID
    self.noConnect = noConnect
    self.expectation = expectation
    self.expectedClusterID = expectedClusterID
    self.expectedBrokerCount = expectedBrokerCount
    self.describeCluster = describeCluster
  }
}

/// Status words of the JSON output (a fixed set).
public enum ProbeStatus: String, Sendable, Hashable {
  /// The step worked.
  case ok
  /// The resolver says the name does not exist.
  case nxdomain
  /// The resolver failed or did not answer in time; the name may exist.
  case resolverFailure = "resolver-failure"
  /// An IP literal: nothing to resolve.
  case literal
  /// The connection was refused.
  case refused
  /// The step timed out.
  case timeout
  /// No route to the network or host.
  case unreachable
  /// TCP connected, but no Kafka answer came.
  case notKafka = "not-kafka"
  /// A plaintext probe met a TLS listener.
  case tlsListener = "tls-listener"
  /// A TLS probe met a plaintext Kafka listener.
  case plaintextListener = "plaintext-listener"
  /// The TLS handshake failed for another reason.
  case tlsFailed = "tls-failed"
  /// ApiVersions answered, Metadata closed: SASL is probably required.
  case sasl
  /// The step was not run.
  case skipped
  /// The self view lists another endpoint for the broker, or another cluster.
  case mismatch
  /// Another failure; the message says which.
  case error
}

/// What happened at one endpoint (a bootstrap entry or an advertised broker).
public struct EndpointResult: Sendable {
  /// The endpoint.
  public var endpoint: ProbeEndpoint
  /// How the host resolved.
  public var resolution: ProbeStatus
  /// The resolver's message when it failed.
  public var resolutionError: String?
  /// Numeric addresses in resolver order.
  public var addresses: [String]
  /// Per address, why connecting failed (addresses that worked are absent).
  public var connectErrors: [(address: String, error: ProbeIOError)]
  /// The address a Kafka session ran on.
  public var connectedAddress: String?
  /// The connection's outcome.
  public var connection: ProbeStatus
  /// Details for a failed connection or protocol step.
  public var connectionError: String?
  /// The ApiVersions version that was answered, and the ranges of keys 3, 18 and 60.
  public var apiVersionsRequest: Int16?
  /// Ranges of Metadata, ApiVersions and DescribeCluster.
  public var ranges: [Int16: APIVersionRange]
  /// The Metadata response.
  public var metadata: MetadataResponse?
  /// Why Metadata could not be read.
  public var metadataError: String?
  /// The DescribeCluster answer (`--describe-cluster`, bootstrap entries only).
  public var describeCluster: DescribeClusterResponse?
  /// Why DescribeCluster could not be read, when it was asked for.
  public var describeClusterError: String?
  /// The SNI sent, with TLS.
  public var sni: String?
  /// Why the chain does not verify against `--ca`, when it does not.
  public var chainProblem: String?
  /// The chain the peer presented, leaf first.
  public var certificates: [CertificateSummary]

  init(endpoint: ProbeEndpoint) {
    self.endpoint = endpoint
    resolution = .skipped
    addresses = []
    connectErrors = []
    connection = .skipped
    ranges = [:]
    certificates = []
  }
}

/// One broker as advertised, and what the probe found at its address.
public struct BrokerResult: Sendable {
  /// The broker as the bootstrap's Metadata lists it.
  public var advertised: MetadataBroker
  /// The probe of its advertised address.
  public var probe: EndpointResult
  /// The self view: what the broker's own Metadata says about itself.
  public var selfView: ProbeStatus
}

/// One finding of the probe.
public struct ProbeFinding: Sendable, Hashable, Comparable {
  /// `KL7xx`.
  public var code: String
  /// The check's name.
  public var name: String
  /// Severity of this occurrence.
  public var severity: Severity
  /// One line.
  public var message: String
  /// The broker concerned.
  public var broker: Int?
  /// The endpoint concerned (`host:port`).
  public var endpoint: String?
  /// Where an expectation came from, for comparisons with a configuration.
  public var location: SourceLocation?

  init(
    _ check: any Rule, _ message: String, severity: Severity? = nil, broker: Int? = nil,
    endpoint: String? = nil, location: SourceLocation? = nil
  ) {
    code = check.metadata.code
    name = check.metadata.name
    self.severity = severity ?? check.metadata.severity
    self.message = message
    self.broker = broker
    self.endpoint = endpoint
    self.location = location
  }

  /// Most severe first, then by broker, rule, endpoint and message.
  public static func < (a: ProbeFinding, b: ProbeFinding) -> Bool {
    if a.severity != b.severity { return a.severity > b.severity }
    if a.broker != b.broker { return (a.broker ?? -1) < (b.broker ?? -1) }
    if a.code != b.code { return a.code < b.code }
    if a.endpoint != b.endpoint { return (a.endpoint ?? "") < (b.endpoint ?? "") }
    return a.message < b.message
  }

  /// Findings are equal when every field is.
  public static func == (a: ProbeFinding, b: ProbeFinding) -> Bool {
    a.code == b.code && a.severity == b.severity && a.message == b.message
      && a.broker == b.broker && a.endpoint == b.endpoint && a.location == b.location
  }

  /// Hashes the rule and message.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(code)
    hasher.combine(message)
  }
}

/// Everything one probe run found.
public struct ProbeReport: Sendable {
  /// The options used.
  public var options: ProbeOptions
  /// One result per bootstrap entry.
  public var bootstrap: [EndpointResult]
  /// The Metadata the brokers were read from.
  public var metadata: MetadataResponse?
  /// Brokers by node id.
  public var brokers: [BrokerResult]
  /// Findings, sorted.
  public var findings: [ProbeFinding]

  /// Whether any finding is at or above `severity`.
  public func fails(at severity: Severity) -> Bool {
    findings.contains { $0.severity >= severity }
  }
}
