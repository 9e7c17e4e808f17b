import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the live probe: bootstrap, Metadata, then every advertised broker from here.
public enum Prober {
  /// The highest Metadata version the probe implements.
  static let maxMetadataVersion: Int16 = 13
  /// The highest DescribeCluster version the probe speaks.
  static let maxDescribeClusterVersion: Int16 = 2
  /// The ApiVersions version sent first (Kafka 2.4+; older brokers answer 35 and the probe
  /// falls back).
  static let firstApiVersionsVersion: Int16 = 3

  /// Probes the cluster. Network problems are findings; nothing is thrown.
  public static func run(_ options: ProbeOptions) -> ProbeReport {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    defer { try? group.syncShutdownGracefully() }
    let session = Session(options: options, group: group)
    return session.run()
  }
}

private struct Session {
  let options: ProbeOptions
  let group: EventLoopGroup

  func run() -> ProbeReport {
    var findings: [ProbeFinding] = []
    var bootstrap: [EndpointResult] = []
    for endpoint in options.bootstrap {
      let sni = options.tls ? (options.serverName ?? ProbeTLS.sni(for: endpoint.host)) : nil
      let result = probe(endpoint, sni: sni, connect: true, describe: options.describeCluster)
      findings += bootstrapFindings(result)
      bootstrap.append(result)
    }
    let answered = bootstrap.filter { $0.metadata != nil }
    let ids = answered.map { ($0.endpoint, $0.metadata?.clusterID ?? "(none)") }
    if let first = ids.first, let other = ids.first(where: { $0.1 != first.1 }) {
      findings.append(
        ProbeFinding(
          ProbeChecks.bootstrapClusterMismatch,
          "\(first.0) belongs to cluster \(first.1) but \(other.0) to cluster \(other.1)",
          endpoint: other.0.description))
    }
    let metadata = answered.first?.metadata
    var brokers: [BrokerResult] = []
    if let metadata, let origin = answered.first {
      let sorted = metadata.brokers.sorted { $0.nodeID < $1.nodeID }
      // The network part runs for up to 8 brokers at once, so that a cluster of unreachable
      // brokers costs a few timeouts, not one per broker; findings are then made in order.
      let probes = Self.parallelMap(sorted, width: 8) { broker -> EndpointResult? in
        guard Self.isDestination(broker) else { return nil }
        let endpoint = ProbeEndpoint(host: broker.host, port: Int(broker.port))
        let sni = options.tls ? ProbeTLS.sni(for: broker.host) : nil
        return probe(endpoint, sni: sni, connect: !options.noConnect)
      }
      for (broker, probe) in zip(sorted, probes) {
        var result = probeBroker(
          broker, probe: probe, findings: &findings, origin: origin, cluster: metadata)
        if result.selfView == .skipped, result.probe.connection == .ok { result.selfView = .ok }
        brokers.append(result)
      }
      findings += crossBrokerFindings(brokers, origin: origin)
      if options.allTopics { findings += leaderFindings(metadata, origin: origin) }
      if options.describeCluster { findings += describeClusterFindings(metadata, origin: origin) }
      if let expectation = options.expectation {
        findings += compare(sorted, with: expectation)
      } else if let count = options.expectedBrokerCount, count != sorted.count {
        findings.append(
          ProbeFinding(
            ProbeChecks.brokerCountMismatch,
            "expected \(count) brokers, metadata lists \(sorted.count) ("
              + sorted.map { String($0.nodeID) }.joined(separator: ", ") + ")",
            endpoint: origin.endpoint.description))
      }
      if let expected = options.expectedClusterID, metadata.clusterID != expected {
        findings.append(
          ProbeFinding(
            ProbeChecks.clusterIDMismatch,
            "\(origin.endpoint) belongs to cluster \(metadata.clusterID ?? "(none)"), "
              + "not the expected \(expected)"
              + (metadata.clusterID == nil ? " (Metadata before v2 carries no cluster id)" : ""),
            endpoint: origin.endpoint.description))
      }
    }
    var unique: [ProbeFinding] = []
    for finding in findings.sorted() where !unique.contains(finding) { unique.append(finding) }
    return ProbeReport(
      options: options, bootstrap: bootstrap, metadata: metadata, brokers: brokers,
      findings: unique)
  }

  // MARK: One endpoint

  /// Resolves, connects (trying each address in turn, as `client.dns.lookup=use_all_dns_ips`
  /// does), runs ApiVersions and Metadata. With `connect` false it only resolves.
  func probe(_ endpoint: ProbeEndpoint, sni: String?, connect: Bool, describe: Bool = false)
    -> EndpointResult
  {
    var result = EndpointResult(endpoint: endpoint)
    result.sni = sni
    if IPLiteral.kind(endpoint.host) != nil {
      result.resolution = .literal
      result.addresses = [endpoint.host]
    } else {
      switch NameResolution.resolve([endpoint.host], timeout: options.timeouts.connect)
        .first?.value
      {
      case .addresses(let list):
        result.resolution = .ok
        result.addresses = list
      case .notFound(let reason):
        result.resolution = .nxdomain
        result.resolutionError = reason
      case .unknown(let reason):
        result.resolution = .resolverFailure
        result.resolutionError = reason
      case nil:
        result.resolution = .resolverFailure
        result.resolutionError = "no answer"
      }
    }
    guard connect, !result.addresses.isEmpty else { return result }
    for address in result.addresses {
      guard let socket = try? SocketAddress(ipAddress: address, port: endpoint.port) else {
        result.connectErrors.append((address, .socket("not a usable address")))
        continue
      }
      if result.connectedAddress != nil {
        // Already talking Kafka on an earlier address: only check that this one accepts TCP,
        // so that a host with some dead addresses is caught (clients fail intermittently).
        if let error = tcpCheck(socket) { result.connectErrors.append((address, error)) }
        continue
      }
      let tls = options.tls ? ProbeTLS(serverName: sni) : nil
      let connection: ProbeConnection
      do {
        connection = try ProbeConnection.open(
          to: socket, group: group, tls: tls, timeouts: options.timeouts,
          maxFrameBytes: options.maxFrameBytes)
      } catch {
        switch error {
        case .refused, .unreachable, .socket:
          result.connectErrors.append((address, error))
          continue
        case .timedOut(let step, _) where step == "connect":
          result.connectErrors.append((address, error))
          continue
        default:
          // TCP worked, TLS did not.
          result.connectedAddress = address
          classifyTLSFailure(error, socket: socket, into: &result)
          continue
        }
      }
      result.connectedAddress = address
      result.certificates = connection.chain.certificates.compactMap(Self.summary)
      session(connection, socket: socket, describe: describe, into: &result)
      connection.close()
      if let ca = options.caFile, options.tls {
        result.chainProblem = verifyChain(socket, sni: sni, caFile: ca)
      }
    }
    if result.connectedAddress == nil {
      result.connection = Self.status(of: result.connectErrors.first?.error)
    }
    return result
  }

  private func tcpCheck(_ socket: SocketAddress) -> ProbeIOError? {
    let bootstrap = ClientBootstrap(group: group)
      .connectTimeout(.milliseconds(Int64(options.timeouts.connect * 1000)))
    do {
      let channel = try bootstrap.connect(to: socket).wait()
      _ = try? channel.close().wait()
      return nil
    } catch {
      return ProbeConnection.classify(error, connectTimeout: options.timeouts.connect)
    }
  }

  static func status(of error: ProbeIOError?) -> ProbeStatus {
    switch error {
    case .refused: .refused
    case .timedOut: .timeout
    case .unreachable: .unreachable
    case .none: .skipped
    default: .error
    }
  }

  /// §6.6: a TLS handshake that fails or times out may mean a PLAINTEXT listener; one plaintext
  /// ApiVersions attempt tells.
  private func classifyTLSFailure(
    _ error: ProbeIOError, socket: SocketAddress, into result: inout EndpointResult
  ) {
    if let plain = try? ProbeConnection.open(
      to: socket, group: group, tls: nil, timeouts: options.timeouts,
      maxFrameBytes: options.maxFrameBytes)
    {
      defer { plain.close() }
      if (try? apiVersions(plain)) != nil {
        result.connection = .plaintextListener
        result.connectionError = "does not speak TLS (\(error)); it answers Kafka in plaintext"
        return
      }
    }
    result.connection = .tlsFailed
    result.connectionError = "\(error)"
  }

  /// ApiVersions then Metadata on an open connection.
  private func session(
    _ connection: ProbeConnection, socket: SocketAddress, describe: Bool,
    into result: inout EndpointResult
  ) {
    let versions: ApiVersionsResponse
    do {
      (versions, result.apiVersionsRequest) = try apiVersions(connection)
    } catch let failure as ApiVersionsFailure {
      switch failure {
      case .io(let error):
        if !options.tls, Self.mayBeTLS(error), let chain = tlsAttempt(socket) {
          result.connection = .tlsListener
          result.connectionError = "is a TLS listener (\(error) on a plaintext request)"
          result.certificates = chain.compactMap(Self.summary)
          return
        }
        result.connection = .notKafka
        result.connectionError = "did not answer a Kafka ApiVersions request (\(error))"
      case .kafkaError(let code):
        result.connection = .notKafka
        result.connectionError = "answered ApiVersions with error \(KafkaErrorCode.name(code))"
      case .malformed(let error):
        result.connection = .notKafka
        result.connectionError = "sent a malformed ApiVersions response: \(error)"
      }
      return
    } catch {
      result.connection = .error
      result.connectionError = "\(error)"
      return
    }
    for key in KafkaAPIKey.allCases {
      if let range = versions.range(key) { result.ranges[key.rawValue] = range }
    }
    result.connection = .ok
    let version: Int16
    let range = versions.range(.metadata)
    let lowest = max(1, range?.minVersion ?? 1)
    let highest = min(Prober.maxMetadataVersion, range?.maxVersion ?? 1)
    if let forced = options.metadataVersion {
      guard forced >= lowest && forced <= highest, forced >= 1 else {
        result.metadataError =
          "Metadata v\(forced) was not sent: the broker supports v\(range?.minVersion ?? 0)"
          + "-v\(range?.maxVersion ?? 0) and the probe v1-v\(Prober.maxMetadataVersion)"
        return
      }
      version = forced
    } else {
      guard lowest <= highest else {
        result.metadataError =
          "no Metadata version in common: the broker supports "
          + "v\(range?.minVersion ?? 0)-v\(range?.maxVersion ?? 0)"
        return
      }
      version = highest
    }
    let correlation = connection.correlationID()
    let frame = KafkaRequest.metadata(
      version: version, correlationID: correlation, clientID: options.clientID,
      allTopics: options.allTopics)
    let payload: [UInt8]
    do {
      payload = try connection.roundTrip(frame)
    } catch {
      if case .closed = error {
        result.connection = .sasl
        result.connectionError =
          "answered ApiVersions but closed on Metadata: the listener probably requires SASL"
      } else {
        result.metadataError = "Metadata v\(version) got no answer: \(error)"
      }
      return
    }
    do {
      let metadata = try MetadataResponse.decode(payload, version: version)
      if metadata.correlationID != correlation {
        result.metadataError =
          "Metadata v\(version) answer has correlation id \(metadata.correlationID), "
          + "\(correlation) was sent"
      } else if let code = metadata.errorCode, code != 0 {
        result.metadataError = "the broker answered error \(KafkaErrorCode.name(code))"
        result.metadata = metadata
      } else {
        result.metadata = metadata
      }
    } catch {
      result.metadataError = "\(error)"
    }
    if describe && result.metadata != nil {
      describeCluster(connection, versions: versions, into: &result)
    }
  }

  /// §4: DescribeCluster at the highest version both sides speak, on the same connection.
  private func describeCluster(
    _ connection: ProbeConnection, versions: ApiVersionsResponse,
    into result: inout EndpointResult
  ) {
    guard let range = versions.range(.describeCluster) else {
      result.describeClusterError = "the broker does not offer DescribeCluster (Kafka 2.8+)"
      return
    }
    let version = min(range.maxVersion, Prober.maxDescribeClusterVersion)
    guard version >= max(range.minVersion, 0) else {
      result.describeClusterError =
        "no DescribeCluster version in common: the broker supports "
        + "v\(range.minVersion)-v\(range.maxVersion)"
      return
    }
    let correlation = connection.correlationID()
    let frame = KafkaRequest.describeCluster(
      version: version, correlationID: correlation, clientID: options.clientID)
    do {
      let payload = try connection.roundTrip(frame)
      let response = try DescribeClusterResponse.decode(payload, version: version)
      if response.correlationID != correlation {
        result.describeClusterError =
          "DescribeCluster v\(version) answer has correlation id \(response.correlationID), "
          + "\(correlation) was sent"
      } else if response.errorCode != 0 {
        result.describeClusterError =
          "DescribeCluster answered error \(KafkaErrorCode.name(response.errorCode))"
          + (response.errorMessage.map { ": \($0)" } ?? "")
      } else {
        result.describeCluster = response
      }
    } catch {
      result.describeClusterError = "DescribeCluster v\(version): \(error)"
    }
  }

  private enum ApiVersionsFailure: Error {
    case io(ProbeIOError)
    case kafkaError(Int16)
    case malformed(WireError)
  }

  /// §2.3: send v3; on UNSUPPORTED_VERSION retry with the broker's max for key 18 (v0 when it
  /// lists none); on INVALID_REQUEST retry with v0.
  private func apiVersions(_ connection: ProbeConnection) throws -> (ApiVersionsResponse, Int16) {
    var version = Prober.firstApiVersionsVersion
    for _ in 0..<3 {
      let correlation = connection.correlationID()
      let frame = KafkaRequest.apiVersions(
        version: version, correlationID: correlation, clientID: options.clientID)
      let payload: [UInt8]
      do {
        payload = try connection.roundTrip(frame)
      } catch {
        throw ApiVersionsFailure.io(error)
      }
      let response: ApiVersionsResponse
      do {
        response = try ApiVersionsResponse.decodeWithFallback(payload, version: version)
      } catch {
        throw ApiVersionsFailure.malformed(error)
      }
      guard response.correlationID == correlation else {
        throw ApiVersionsFailure.malformed(
          WireError(
            context: "ApiVersions v\(version) response", offset: 0, field: "correlation_id",
            reason: "got \(response.correlationID), sent \(correlation)", truncated: false))
      }
      switch response.errorCode {
      case 0: return (response, version)
      case 35 where version > 0:
        let max = response.range(.apiVersions)?.maxVersion ?? 0
        version = Swift.min(version - 1, Swift.max(0, max))
      case 42 where version > 0: version = 0
      default: throw ApiVersionsFailure.kafkaError(response.errorCode)
      }
    }
    throw ApiVersionsFailure.kafkaError(35)
  }

  /// One more handshake, this time letting BoringSSL verify the chain against `caFile` (names
  /// are judged separately); the reason when it fails.
  private func verifyChain(_ socket: SocketAddress, sni: String?, caFile: String) -> String? {
    var tls = ProbeTLS(serverName: sni)
    tls.trustedCAFile = caFile
    do {
      let connection = try ProbeConnection.open(
        to: socket, group: group, tls: tls, timeouts: options.timeouts,
        maxFrameBytes: options.maxFrameBytes)
      connection.close()
      return nil
    } catch {
      if case .tlsFailed(let reason) = error { return reason }
      return "\(error)"
    }
  }

  /// A plaintext request met EOF before any byte, a reset, or TLS record bytes.
  static func mayBeTLS(_ error: ProbeIOError) -> Bool {
    if case .closed(let bytes) = error, bytes == 0 { return true }
    return error.looksLikeTLS
  }

  /// One TLS handshake with all checks off; the chain when it completes.
  private func tlsAttempt(_ socket: SocketAddress) -> [[UInt8]]? {
    guard
      let connection = try? ProbeConnection.open(
        to: socket, group: group, tls: ProbeTLS(serverName: nil), timeouts: options.timeouts,
        maxFrameBytes: options.maxFrameBytes)
    else { return nil }
    defer { connection.close() }
    return connection.chain.certificates
  }

  static func summary(_ der: [UInt8]) -> CertificateSummary? {
    CertificateSummary(derEncoded: der)
  }

  // MARK: Findings

  private func bootstrapFindings(_ result: EndpointResult) -> [ProbeFinding] {
    let endpoint = result.endpoint.description
    let host = result.endpoint.host
    var findings: [ProbeFinding] = []
    switch result.resolution {
    case .nxdomain, .resolverFailure:
      findings.append(
        ProbeFinding(
          ProbeChecks.bootstrapUnresolvable,
          "bootstrap host \(host) does not resolve from here (\(result.resolutionError ?? ""))",
          endpoint: endpoint))
      return findings
    default: break
    }
    if result.connectedAddress == nil, !result.connectErrors.isEmpty {
      let reasons = result.connectErrors.map { "\($0.address): \($0.error)" }
      findings.append(
        ProbeFinding(
          ProbeChecks.bootstrapUnreachable,
          "cannot connect to bootstrap \(endpoint) (\(reasons.joined(separator: "; ")))",
          endpoint: endpoint))
    }
    findings += protocolFindings(result, broker: nil)
    return findings
  }

  /// Findings about the protocol spoken at an endpoint: not Kafka, TLS mismatch, SASL, TLS
  /// failures, unreadable Metadata, certificate validity.
  private func protocolFindings(_ result: EndpointResult, broker: Int?) -> [ProbeFinding] {
    let endpoint = result.endpoint.description
    let who = broker.map { "broker \($0) at \(endpoint)" } ?? endpoint
    let notKafka =
      broker == nil
      ? ProbeChecks.notAKafkaListener
      : ProbeChecks.advertisedEndpointNotKafka
    let mismatch =
      broker == nil
      ? ProbeChecks.securityProtocolMismatch
      : ProbeChecks.advertisedEndpointNotKafka
    let sasl =
      broker == nil
      ? ProbeChecks.saslAuthenticationRequired
      : ProbeChecks.advertisedEndpointNotKafka
    var findings: [ProbeFinding] = []
    let detail = result.connectionError ?? ""
    switch result.connection {
    case .notKafka:
      findings.append(
        ProbeFinding(
          notKafka, "\(who) accepted a connection but \(detail)", broker: broker,
          endpoint: endpoint))
    case .tlsListener:
      findings.append(
        ProbeFinding(
          mismatch, "\(who) is a TLS listener but was probed in plaintext; rerun with --tls",
          broker: broker, endpoint: endpoint))
    case .plaintextListener:
      findings.append(
        ProbeFinding(
          mismatch,
          "\(who) \(detail): it looks like a PLAINTEXT listener; rerun without --tls",
          broker: broker, endpoint: endpoint))
    case .sasl:
      findings.append(
        ProbeFinding(
          sasl,
          "\(who) answered ApiVersions but closed on Metadata: the listener probably requires "
            + "SASL, which the probe does not perform; advertised addresses could not be read "
            + "here", broker: broker, endpoint: endpoint))
    case .tlsFailed:
      findings.append(
        ProbeFinding(
          ProbeChecks.tlsHandshakeFailed, "TLS handshake with \(who) failed: \(detail)",
          broker: broker, endpoint: endpoint))
    default: break
    }
    if let error = result.metadataError {
      findings.append(
        ProbeFinding(
          ProbeChecks.metadataUnreadable, "Metadata from \(who) is unusable: \(error)",
          broker: broker, endpoint: endpoint))
    }
    // Leftover bytes are only a note: a newer broker may add fields (never untagged ones in
    // the same version, so they are worth showing), and everything before them was read.
    func leftover(_ check: ProbeCheck, _ response: String, _ count: Int) {
      findings.append(
        ProbeFinding(
          check,
          "\(response) from \(who) has \(count) bytes after its last field; the fields before "
            + "them were read", severity: .note, broker: broker, endpoint: endpoint))
    }
    if let metadata = result.metadata, metadata.trailingBytes > 0 {
      leftover(
        ProbeChecks.metadataUnreadable, "Metadata v\(metadata.version)", metadata.trailingBytes)
    }
    if let described = result.describeCluster, described.trailingBytes > 0 {
      leftover(ProbeChecks.describeClusterDisagrees, "DescribeCluster", described.trailingBytes)
    }
    if let problem = result.chainProblem, let ca = options.caFile {
      findings.append(
        ProbeFinding(
          CertificateChainNotVerifiable(),
          "the chain from \(who) does not verify against \(ca): \(problem)",
          // Live, a client trusting only that CA refuses the handshake: an error, not a doubt.
          severity: .error, broker: broker, endpoint: endpoint))
    }
    if let leaf = result.certificates.first {
      let reference =
        broker == nil
        ? (options.serverName ?? result.endpoint.host)
        : result.endpoint.host
      findings += nameFindings(
        leaf, reference: reference, who: who, broker: broker,
        endpoint: endpoint)
      let now = Int64(time(nil))
      if now > leaf.notValidAfter {
        findings.append(
          ProbeFinding(
            CertificateExpired(),
            "the certificate of \(who) expired on \(Self.date(leaf.notValidAfter))",
            broker: broker, endpoint: endpoint))
      } else if now < leaf.notValidBefore {
        findings.append(
          ProbeFinding(
            CertificateExpired(),
            "the certificate of \(who) is not valid before \(Self.date(leaf.notValidBefore))",
            broker: broker, endpoint: endpoint))
      }
    }
    return findings
  }

  /// Whether the certificate names the host the client dialled, under the Java and the OpenSSL
  /// (librdkafka) rules; a match through the common name or a partial wildcard is legacy.
  private func nameFindings(
    _ leaf: CertificateSummary, reference: String, who: String, broker: Int?, endpoint: String
  ) -> [ProbeFinding] {
    let matches = HostnameMatcher.allCases.map {
      ($0, $0.matchingName(host: reference, names: leaf.names))
    }
    let covers = leaf.names.descriptions.sorted()
    var listed = covers.prefix(10).joined(separator: ", ")
    if covers.count > 10 { listed += " and \(covers.count - 10) more" }
    if listed.isEmpty { listed = "no names" }
    let rejecting = matches.filter { $0.1 == nil }.map { $0.0.clientDescription }
    if rejecting.count == matches.count {
      return [
        ProbeFinding(
          broker == nil
            ? BootstrapHostNotInCertificate() as any Rule : AdvertisedHostNotInCertificate(),
          "the certificate of \(who) does not cover \(reference) (covers: \(listed)); clients "
            + "verifying host names (the default since Kafka 2.0 and librdkafka 2.0) will refuse "
            + "to connect", broker: broker, endpoint: endpoint)
      ]
    }
    if !rejecting.isEmpty {
      return [
        ProbeFinding(
          HostnameMatchDependsOnClient(),
          "the certificate of \(who) covers \(reference) for some clients only: "
            + "\(rejecting.joined(separator: " and ")) reject it (covers: \(listed))",
          broker: broker, endpoint: endpoint)
      ]
    }
    let used = matches.compactMap { $0.1 }
    if let legacy = used.first(where: { Self.isLegacy($0) }) {
      return [
        ProbeFinding(
          HostnameMatchDependsOnClient(),
          "the certificate of \(who) covers \(reference) only through \(legacy): Java and "
            + "librdkafka accept it, Go clients and RFC 9525 do not", broker: broker,
          endpoint: endpoint)
      ]
    }
    return []
  }

  /// A common-name match, or a wildcard that is not the whole left-most label.
  static func isLegacy(_ name: String) -> Bool {
    if name.hasPrefix("CN=") { return true }
    guard name.hasPrefix("DNS:") else { return false }
    let labels = name.dropFirst(4).split(separator: ".", omittingEmptySubsequences: false)
    return labels.enumerated().contains { index, label in
      label.contains("*") && (index > 0 || label != "*")
    }
  }

  static func date(_ seconds: Int64) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
  }

  /// Whether an advertised endpoint can be connected to at all (KL713 otherwise).
  static func isDestination(_ broker: MetadataBroker) -> Bool {
    !broker.host.isEmpty && IPLiteral.kind(broker.host) != .unspecified
      && (1...65535).contains(broker.port)
  }

  /// `transform` over `items` on up to `width` threads; results in input order.
  static func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], width: Int, _ transform: @escaping @Sendable (T) -> R
  ) -> [R?] {
    let results = NIOLockedValueBox<[R?]>(Array(repeating: nil, count: items.count))
    let slots = DispatchSemaphore(value: max(1, width))
    let group = DispatchGroup()
    for (index, item) in items.enumerated() {
      slots.wait()
      group.enter()
      DispatchQueue.global().async {
        let value = transform(item)
        results.withLockedValue { $0[index] = value }
        slots.signal()
        group.leave()
      }
    }
    group.wait()
    return results.withLockedValue { $0 }
  }

  private func probeBroker(
    _ broker: MetadataBroker, probe precomputed: EndpointResult??,
    findings: inout [ProbeFinding], origin: EndpointResult,
    cluster: MetadataResponse
  ) -> BrokerResult {
    let id = Int(broker.nodeID)
    let endpoint = ProbeEndpoint(host: broker.host, port: Int(broker.port))
    let text = endpoint.description
    var result = BrokerResult(
      advertised: broker, probe: EndpointResult(endpoint: endpoint), selfView: .skipped)
    let hostKind = IPLiteral.kind(broker.host)
    if broker.host.isEmpty || hostKind == .unspecified || !(1...65535).contains(broker.port) {
      let what =
        broker.host.isEmpty
        ? "an empty host"
        : !(1...65535).contains(broker.port)
          ? "port \(broker.port)"
          : "the wildcard address \(broker.host)"
      findings.append(
        ProbeFinding(
          ProbeChecks.advertisedInvalidEndpoint,
          "broker \(id) advertises \(text) (\(what)), which is not a destination address",
          broker: id, endpoint: text))
      return result
    }
    guard case .some(.some(let probe)) = precomputed else { return result }
    result.probe = probe
    let via = origin.endpoint.description
    switch probe.resolution {
    case .nxdomain, .resolverFailure:
      findings.append(
        ProbeFinding(
          ProbeChecks.advertisedHostUnresolvable,
          "broker \(id) advertises \(text), which does not resolve from here "
            + "(\(probe.resolutionError ?? "")): clients bootstrap through \(via), read this "
            + "address, and then fail", broker: id, endpoint: text))
      return result
    default: break
    }
    // Loopback: a remote client would connect to itself.
    let originLoopback = origin.addresses.allSatisfy { IPLiteral.kind($0) == .loopback }
    let brokerLoopback =
      broker.host.lowercased() == "localhost"
      || (!probe.addresses.isEmpty
        && probe.addresses.allSatisfy { IPLiteral.kind($0) == .loopback })
    if brokerLoopback {
      findings.append(
        ProbeFinding(
          ProbeChecks.advertisedLoopback,
          originLoopback
            ? "broker \(id) advertises \(text), a loopback address: only clients on the "
              + "broker's own machine can use it"
            : "broker \(id) advertises \(text): every remote client will connect to itself",
          severity: originLoopback ? .note : .error, broker: id, endpoint: text))
    }
    let connectedKind = origin.connectedAddress.flatMap { IPLiteral.kind($0) }
    let privateKinds: Set<IPKind> = [.privateNetwork, .sharedAddressSpace, .linkLocal]
    if connectedKind == .global, !probe.addresses.isEmpty,
      probe.addresses.allSatisfy({ IPLiteral.kind($0).map(privateKinds.contains) == true })
    {
      findings.append(
        ProbeFinding(
          ProbeChecks.advertisedPrivateAddress,
          "broker \(id) advertises \(text) (\(probe.addresses.joined(separator: ", ")), private) "
            + "to a client that reached the cluster through a public address",
          broker: id, endpoint: text))
    }
    if options.tls && !broker.host.contains(".") && IPLiteral.kind(broker.host) == nil {
      findings.append(
        ProbeFinding(
          ProbeChecks.sniSingleLabel,
          "\(broker.host) has no dot: Java clients send no SNI for it, so SNI-routed front ends "
            + "cannot route it", broker: id, endpoint: text))
    }
    guard !options.noConnect else { return result }
    if !probe.connectErrors.isEmpty {
      let failed = probe.connectErrors.map { "\($0.address): \($0.error)" }
        .joined(separator: "; ")
      var message: String
      let severity: Severity
      if probe.connectedAddress == nil {
        message = "broker \(id) advertises \(text) (\(failed))"
        severity = .error
      } else {
        message =
          "\(probe.connectErrors.count) of \(probe.addresses.count) addresses of broker \(id)'s "
          + "\(text) fail (\(failed)): clients will fail intermittently"
        severity = .warning
      }
      let sameHost =
        broker.host.lowercased() == origin.endpoint.host.lowercased()
        || probe.addresses.contains { origin.addresses.contains($0) }
      if sameHost && endpoint.port != origin.endpoint.port {
        message +=
          "; the bootstrap port is \(origin.endpoint.port): is \(endpoint.port) the right port "
          + "for this listener?"
      }
      findings.append(
        ProbeFinding(
          ProbeChecks.advertisedEndpointUnreachable, message, severity: severity, broker: id,
          endpoint: text))
    }
    findings += protocolFindings(probe, broker: id)
    // The self view: what a client sees next, through this broker.
    if let own = probe.metadata {
      let mine = own.brokers.first { $0.nodeID == broker.nodeID }
      if own.clusterID != cluster.clusterID {
        result.selfView = .mismatch
        findings.append(
          ProbeFinding(
            ProbeChecks.advertisedEndpointOtherListener,
            "broker \(id)'s advertised address \(text) leads to cluster "
              + "\(own.clusterID ?? "(none)"), not \(cluster.clusterID ?? "(none)")",
            broker: id, endpoint: text))
      } else if let mine, Self.same(mine, broker) {
        result.selfView = .ok
      } else {
        result.selfView = .mismatch
        let seen =
          mine.map {
            "advertises \(ProbeEndpoint(host: $0.host, port: Int($0.port))) for broker \(id)"
          } ?? "does not list broker \(id)"
        findings.append(
          ProbeFinding(
            ProbeChecks.advertisedEndpointOtherListener,
            "broker \(id)'s advertised address \(text) leads to a listener that \(seen): the "
              + "port probably belongs to another listener (or another cluster)",
            broker: id, endpoint: text))
      }
    }
    return result
  }

  static func normalised(_ host: String) -> String {
    var name = host.lowercased()
    if name.hasSuffix(".") { name.removeLast() }
    if let v6 = IPLiteral.ipv6(name) {
      return v6.map { String($0, radix: 16) }.joined(separator: ":")
    }
    return name
  }

  static func same(_ a: MetadataBroker, _ b: MetadataBroker) -> Bool {
    normalised(a.host) == normalised(b.host) && a.port == b.port
  }

  private func crossBrokerFindings(_ brokers: [BrokerResult], origin: EndpointResult)
    -> [ProbeFinding]
  {
    var findings: [ProbeFinding] = []
    var byEndpoint: [String: [Int]] = [:]
    for broker in brokers {
      let key = "\(Self.normalised(broker.advertised.host)):\(broker.advertised.port)"
      byEndpoint[key, default: []].append(Int(broker.advertised.nodeID))
    }
    for (key, ids) in byEndpoint.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
      let list = ids.map(String.init).joined(separator: " and ")
      findings.append(
        ProbeFinding(
          ProbeChecks.duplicateAdvertisedEndpoint,
          "brokers \(list) all advertise \(key): clients reach whichever broker answers there, "
            + "and requests meant for the others fail (NOT_LEADER_OR_FOLLOWER)",
          broker: ids.first, endpoint: key))
    }
    // Different names, same address and port.
    var byAddress: [String: [Int]] = [:]
    for broker in brokers where broker.probe.connectedAddress != nil {
      let key = "\(broker.probe.connectedAddress ?? ""):\(broker.advertised.port)"
      byAddress[key, default: []].append(Int(broker.advertised.nodeID))
    }
    for (key, ids) in byAddress.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
      let names = Set(
        brokers.filter { ids.contains(Int($0.advertised.nodeID)) }
          .map { Self.normalised($0.advertised.host) })
      guard names.count > 1 else { continue }
      findings.append(
        ProbeFinding(
          ProbeChecks.duplicateAdvertisedEndpoint,
          "brokers \(ids.map(String.init).joined(separator: " and ")) advertise different names "
            + "that lead to the same address \(key)", severity: .warning, broker: ids.first,
          endpoint: key))
    }
    // Brokers that present one and the same certificate.
    var byCertificate: [[UInt8]: [Int]] = [:]
    for broker in brokers {
      if let leaf = broker.probe.certificates.first {
        byCertificate[leaf.derBytes, default: []].append(Int(broker.advertised.nodeID))
      }
    }
    for ids in byCertificate.values.map({ $0.sorted() }).sorted(by: { $0[0] < $1[0] })
    where ids.count > 1 {
      findings.append(
        ProbeFinding(
          ProbeChecks.tlsSameCertificate,
          "brokers \(ids.map(String.init).joined(separator: " and ")) present the same "
            + "certificate", broker: ids.first))
    }
    return findings
  }

  /// With `--describe-cluster`: where DescribeCluster and Metadata, asked through the same
  /// bootstrap connection, disagree about the brokers or the cluster id.
  private func describeClusterFindings(_ metadata: MetadataResponse, origin: EndpointResult)
    -> [ProbeFinding]
  {
    let endpoint = origin.endpoint.description
    guard let described = origin.describeCluster else {
      let reason = origin.describeClusterError ?? "no answer"
      return [
        ProbeFinding(
          ProbeChecks.describeClusterDisagrees,
          "\(endpoint): \(reason); Metadata was not cross-checked", endpoint: endpoint)
      ]
    }
    var findings: [ProbeFinding] = []
    let fromMetadata = Dictionary(
      metadata.brokers.map { ($0.nodeID, $0) }, uniquingKeysWith: { a, _ in a })
    let fromDescribe = Dictionary(
      described.brokers.map { ($0.nodeID, $0) }, uniquingKeysWith: { a, _ in a })
    for id in Set(fromMetadata.keys).union(fromDescribe.keys).sorted() {
      let shown = { (broker: MetadataBroker) in
        ProbeEndpoint(host: broker.host, port: Int(broker.port)).description
      }
      let message: String
      switch (fromMetadata[id], fromDescribe[id]) {
      case (let listed?, let other?):
        guard Self.normalised(listed.host) != Self.normalised(other.host)
          || listed.port != other.port
        else { continue }
        message = "Metadata says broker \(id) is \(shown(listed)), DescribeCluster says \(shown(other))"
      case (let listed?, nil):
        message = "Metadata lists broker \(id) (\(shown(listed))), DescribeCluster does not"
      case (nil, let other?):
        message = "DescribeCluster lists broker \(id) (\(shown(other))), Metadata does not"
      case (nil, nil):
        continue
      }
      findings.append(
        ProbeFinding(
          ProbeChecks.describeClusterDisagrees, message, broker: Int(id), endpoint: endpoint))
    }
    if let id = metadata.clusterID, id != described.clusterID {
      findings.append(
        ProbeFinding(
          ProbeChecks.describeClusterDisagrees,
          "Metadata says the cluster id is \(id), DescribeCluster says \(described.clusterID)",
          endpoint: endpoint))
    }
    return findings
  }

  /// With `--all-topics`: one note per leader that the metadata does not list as a broker,
  /// naming (up to five of) the partitions it leads.
  private func leaderFindings(_ metadata: MetadataResponse, origin: EndpointResult)
    -> [ProbeFinding]
  {
    let advertised = Set(metadata.brokers.map(\.nodeID))
    var led: [Int32: [String]] = [:]
    for topic in metadata.topics {
      for partition in topic.partitions
      where partition.leaderID >= 0 && !advertised.contains(partition.leaderID) {
        led[partition.leaderID, default: []].append("\(topic.name ?? "?")-\(partition.index)")
      }
    }
    return led.keys.sorted().map { leader in
      let partitions = (led[leader] ?? []).sorted()
      let shown = partitions.prefix(5).joined(separator: ", ") + (partitions.count > 5 ? ", …" : "")
      return ProbeFinding(
        ProbeChecks.leaderNotAdvertised,
        "leader \(leader) of \(partitions.count) partition\(partitions.count == 1 ? "" : "s") "
          + "(\(shown)) is not among the brokers advertised on this listener",
        broker: Int(leader), endpoint: origin.endpoint.description)
    }
  }

  private func compare(_ brokers: [MetadataBroker], with expectation: ProbeExpectation)
    -> [ProbeFinding]
  {
    var findings: [ProbeFinding] = []
    let advertised = Dictionary(
      brokers.map { (Int($0.nodeID), $0) }, uniquingKeysWith: { a, _ in a })
    let expectedIDs = expectation.brokers.map(\.id)
    let byOption = expectation.listener == ProbeExpectation.commandLine
    let expectedWhere = byOption ? "by --expect-broker" : "on listener \(expectation.listener)"
    let configuration =
      byOption ? "the --expect-broker list" : "the configuration of listener \(expectation.listener)"
    let missing = expectedIDs.filter { advertised[$0] == nil }
    if !missing.isEmpty {
      let list = { (ids: [Int]) in ids.map(String.init).joined(separator: ", ") }
      findings.append(
        ProbeFinding(
          ProbeChecks.brokerCountMismatch,
          "expected \(expectedIDs.count) brokers (\(list(expectedIDs))) \(expectedWhere), "
            + "metadata lists \(brokers.count) "
            + "(\(list(brokers.map { Int($0.nodeID) }))); missing: \(list(missing))",
          broker: missing.first, location: expectation.brokers.first?.location))
    }
    for broker in brokers where !expectedIDs.contains(Int(broker.nodeID)) {
      findings.append(
        ProbeFinding(
          ProbeChecks.unexpectedBroker,
          "broker \(broker.nodeID) is not in \(configuration)", broker: Int(broker.nodeID)))
    }
    for expected in expectation.brokers {
      guard let actual = advertised[expected.id] else { continue }
      let shown = ProbeEndpoint(host: actual.host, port: Int(actual.port))
      if HostClassifier.isPlaceholder(expected.host) || Int(expected.port) == nil {
        findings.append(
          ProbeFinding(
            ProbeChecks.advertisedHostMismatch,
            "broker \(expected.id): the configuration's address \(expected.host):\(expected.port) "
              + "is not resolved yet (a placeholder), so it was not compared with \(shown)",
            severity: .note, broker: expected.id, endpoint: shown.description,
            location: expected.location))
        continue
      }
      if Self.normalised(expected.host) != Self.normalised(actual.host) {
        findings.append(
          ProbeFinding(
            ProbeChecks.advertisedHostMismatch,
            "broker \(expected.id) advertises \(shown); the configuration says "
              + "\(expected.host):\(expected.port)", broker: expected.id,
            endpoint: shown.description, location: expected.location))
      } else if Int(expected.port) != Int(actual.port) {
        findings.append(
          ProbeFinding(
            ProbeChecks.advertisedPortMismatch,
            "broker \(expected.id) advertises port \(actual.port); the configuration says "
              + "\(expected.port)", broker: expected.id, endpoint: shown.description,
            location: expected.location))
      }
    }
    return findings
  }
}
