import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// The probe against the in-process fake broker, for the cases one Tansu process cannot show.
@Suite(.serialized) struct ProbeFakeBrokerTests {
  let options = ProbeTimeouts.all(2)

  @Test func unsupportedVersionFallsBackAndSharedEndpointsAreReported() throws {
    let box = PortBox()
    let fake = try FakeBroker(address: "127.0.0.7") { request in
      switch (request.apiKey, request.version) {
      case (18, 3):
        // UNSUPPORTED_VERSION: a v0 body listing the broker's own ApiVersions range.
        return FakeEncoder.apiVersions(
          correlation: request.correlationID, version: 0, error: 35, ranges: [(18, 0, 2)])
      case (18, 2):
        return FakeEncoder.apiVersions(
          correlation: request.correlationID, version: 2, error: 0,
          ranges: [(3, 0, 12), (18, 0, 2)])
      case (3, 12):
        return FakeEncoder.metadataV12(
          correlation: request.correlationID,
          brokers: [(1, "127.0.0.7", box.port), (2, "127.0.0.7", box.port)], cluster: "fake",
          controller: 1)
      default: return nil
      }
    }
    defer { fake.stop() }
    box.port = Int32(fake.port)
    let report = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.7", port: fake.port)], timeouts: options))
    #expect(report.bootstrap.first?.apiVersionsRequest == 2)
    #expect(report.metadata?.brokers.map(\.nodeID) == [1, 2])
    #expect(report.brokers.map(\.selfView) == [.ok, .ok])
    let codes = report.findings.map(\.code)
    #expect(codes.contains("KL715"), "\(report.findings)")
    let duplicate = try #require(report.findings.first { $0.code == "KL715" })
    #expect(duplicate.severity == .error)
    #expect(duplicate.message.hasPrefix("brokers 1 and 2 all advertise 127.0.0.7:\(fake.port)"))
    let first = fake.requests.prefix(3).map { "\($0.apiKey)v\($0.version)" }
    #expect(first == ["18v3", "18v2", "3v12"])
  }

  @Test func unsupportedVersionWithoutARangeFallsBackToV0() throws {
    let fake = try FakeBroker(address: "127.0.0.7") { request in
      switch (request.apiKey, request.version) {
      case (18, 3):
        return FakeEncoder.apiVersions(
          correlation: request.correlationID, version: 0, error: 35, ranges: [])
      case (18, 0):
        return FakeEncoder.apiVersions(
          correlation: request.correlationID, version: 0, error: 0,
          ranges: [(3, 0, 12), (18, 0, 0)])
      case (3, 12):
        return FakeEncoder.metadataV12(
          correlation: request.correlationID, brokers: [(5, "kafka-5.example.invalid", 9092)],
          cluster: "old", controller: 5)
      default: return nil
      }
    }
    defer { fake.stop() }
    let report = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.7", port: fake.port)], timeouts: options))
    #expect(report.bootstrap.first?.apiVersionsRequest == 0)
    #expect(report.findings.map(\.code) == ["KL710"])
  }

  @Test func listenerThatClosesOnMetadataLooksLikeSASL() throws {
    let fake = try FakeBroker(address: "127.0.0.7") { request in
      guard request.apiKey == 18 else { return nil }
      return FakeEncoder.apiVersions(
        correlation: request.correlationID, version: 0, error: 35, ranges: [(18, 0, 0)])
    }
    defer { fake.stop() }
    // v0 answers 35 again: after the fallback the endpoint is "Kafka, but unusable".
    let report = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.7", port: fake.port)], timeouts: options))
    #expect(report.findings.map(\.code) == ["KL703"])
    #expect(report.findings.first?.message.contains("35 UNSUPPORTED_VERSION") == true)

    let sasl = try FakeBroker(address: "127.0.0.7") { request in
      guard request.apiKey == 18 else { return nil }
      guard request.version <= 2 else {
        return FakeEncoder.apiVersions(
          correlation: request.correlationID, version: 0, error: 35, ranges: [(18, 0, 2)])
      }
      return FakeEncoder.apiVersions(
        correlation: request.correlationID, version: 2, error: 0,
        ranges: [(3, 0, 12), (18, 0, 2)])
    }
    defer { sasl.stop() }
    let closed = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.7", port: sasl.port)], timeouts: options))
    #expect(closed.findings.map(\.code) == ["KL705"])
    #expect(closed.bootstrap.first?.connection == .sasl)
  }

  /// Three compose brokers are expected on `external` (localhost:29092-29094); the cluster
  /// advertises broker 2 on another port, lacks broker 3 and has an extra broker 4.
  @Test func expectationsFromADescription() throws {
    let fake = try FakeBroker(address: "127.0.0.7") { request in
      switch request.apiKey {
      case 18:
        // A v0-shaped answer with error 0 to a v3 request: decoded by the v0 re-parse.
        return FakeEncoder.apiVersions(
          correlation: request.correlationID, version: 0, error: 0,
          ranges: [(3, 0, 12), (18, 0, 3)])
      case 3:
        return FakeEncoder.metadataV12(
          correlation: request.correlationID,
          brokers: [
            (1, "localhost", 29092), (2, "localhost", 29099), (4, "kafka-4.invalid", 9092),
          ],
          cluster: "orders", controller: 1)
      default: return nil
      }
    }
    defer { fake.stop() }
    let expectation = try ProbeExpectation.derive(
      paths: [packagePath("Fixtures/descriptions/compose-three-brokers.yaml")],
      listener: "external")
    #expect(
      expectation.brokers.map { "\($0.id) \($0.host):\($0.port)" } == [
        "1 localhost:29092", "2 localhost:29093", "3 localhost:29094",
      ])
    let report = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.7", port: fake.port)], timeouts: options,
        noConnect: true, expectation: expectation))
    let byCode = Dictionary(grouping: report.findings, by: \.code)
    #expect(byCode["KL720"]?.first?.message.hasSuffix("missing: 3") == true)
    #expect(byCode["KL721"]?.first?.broker == 4)
    #expect(
      byCode["KL723"]?.first?.message
        == "broker 2 advertises port 29099; the configuration says 29093")
    #expect(byCode["KL722"] == nil)
    #expect(byCode["KL720"]?.first?.location?.file.hasSuffix("compose-three-brokers.yaml") == true)
    #expect(throws: ProbeUsageError.self) {
      try ProbeExpectation.derive(
        paths: [packagePath("Fixtures/descriptions/compose-three-brokers.yaml")],
        listener: "nope")
    }
  }
}

extension ProbeFakeBrokerTests {
  /// Two bootstrap entries of different clusters; a wildcard address; a broker address that
  /// accepts connections but closes on any request.
  @Test func clusterMismatchWildcardAndNonKafkaBroker() throws {
    let closer = try FakeBroker(address: "127.0.0.8") { _ in nil }
    defer { closer.stop() }
    let closerPort = Int32(closer.port)
    func script(_ cluster: String, _ brokers: [(Int32, String, Int32)]) -> FakeBroker.Script {
      { request in
        switch request.apiKey {
        case 18:
          return FakeEncoder.apiVersions(
            correlation: request.correlationID, version: 0, error: 0,
            ranges: [(3, 1, 12), (18, 0, 3)])
        case 3:
          return FakeEncoder.metadataV12(
            correlation: request.correlationID, brokers: brokers, cluster: cluster,
            controller: 1)
        default: return nil
        }
      }
    }
    let first = try FakeBroker(
      address: "127.0.0.7",
      script: script("alpha", [(1, "0.0.0.0", 9092), (2, "127.0.0.8", closerPort)]))
    defer { first.stop() }
    let second = try FakeBroker(
      address: "127.0.0.9", script: script("beta", [(7, "127.0.0.9", 9092)]))
    defer { second.stop() }
    let report = Prober.run(
      ProbeOptions(
        bootstrap: [
          ProbeEndpoint(host: "127.0.0.7", port: first.port),
          ProbeEndpoint(host: "127.0.0.9", port: second.port),
        ], timeouts: options))
    let codes = report.findings.filter { $0.severity == .error }.map(\.code)
    #expect(codes.sorted() == ["KL707", "KL713", "KL717"], "\(report.findings)")
    let mismatch = try #require(report.findings.first { $0.code == "KL707" })
    #expect(
      mismatch.message.contains(
        "belongs to cluster alpha but 127.0.0.9:\(second.port) to cluster beta"))
    let wildcard = try #require(report.findings.first { $0.code == "KL713" })
    #expect(wildcard.broker == 1)
    #expect(wildcard.message.contains("the wildcard address 0.0.0.0"))
    let notKafka = try #require(report.findings.first { $0.code == "KL717" })
    #expect(notKafka.broker == 2)
    #expect(
      notKafka.message.contains("did not answer a Kafka ApiVersions request (closed after 0 bytes)")
    )
    // The brokers come from the first entry that answered.
    #expect(report.metadata?.clusterID == "alpha")
    #expect(report.brokers.map(\.advertised.nodeID) == [1, 2])
  }
}

/// The fake's own port, known only once it is bound, for scripts that advertise it.
final class PortBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Int32 = 0
  var port: Int32 {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
}

extension ProbeFakeBrokerTests {
  /// `--expect-broker`, `--expect-brokers` and `--expect-cluster-id` through the CLI, against a
  /// cluster `orders` of brokers 1 and 2.
  @Test func expectationsFromTheCommandLine() throws {
    let fake = try Self.cluster(
      "127.0.0.9", brokers: [(1, "kafka-1.example.com", 9094), (2, "kafka-2.example.com", 9095)])
    defer { fake.stop() }
    let bootstrap = "127.0.0.9:\(fake.port)"
    func codes(_ arguments: [String]) throws -> (status: Int32, findings: [String]) {
      let result = try runCLI(
        ["probe", bootstrap, "--no-connect", "--timeout", "2", "--format", "json"] + arguments)
      let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
      let diagnostics = (json as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
      return (result.status, diagnostics.map { "\($0["rule"] ?? "") \($0["message"] ?? "")" })
    }

    let matching = try codes([
      "--expect-cluster-id", "orders", "--expect-broker", "1=kafka-1.example.com:9094",
      "--expect-broker", "2=KAFKA-2.example.com:9095",
    ])
    #expect(matching.findings.filter { $0.hasPrefix("KL72") } == [])

    let wrong = try codes([
      "--expect-cluster-id", "payments", "--expect-broker", "1=kafka-1.example.com:9094",
      "--expect-broker", "2=kafka-2.example.com:9096", "--expect-broker", "3=kafka-3:9094",
    ])
    #expect(wrong.status == 1)
    #expect(
      wrong.findings.filter { $0.hasPrefix("KL72") }.sorted() == [
        "KL720 expected 3 brokers (1, 2, 3) by --expect-broker, metadata lists 2 (1, 2); "
          + "missing: 3",
        "KL723 broker 2 advertises port 9095; the configuration says 9096",
        "KL724 \(bootstrap) belongs to cluster orders, not the expected payments",
      ])

    let count = try codes(["--expect-brokers", "3"])
    #expect(count.findings.filter { $0.hasPrefix("KL72") } == [
      "KL720 expected 3 brokers, metadata lists 2 (1, 2)"
    ])
  }
}

extension ProbeFakeBrokerTests {
  /// `--all-topics`: partitions led by broker 3, which this listener's metadata does not list,
  /// get one note; a partition without a leader (-1) and those led by listed brokers do not.
  @Test func leadersMissingFromTheAdvertisedBrokers() throws {
    let fake = try Self.cluster(
      "127.0.0.10",
      brokers: [(1, "kafka-1.example.com", 9094), (2, "kafka-2.example.com", 9094)],
      topics: [("orders", [1, 3, 3, -1]), ("audit", [2, 3])])
    defer { fake.stop() }
    let bootstrap = [ProbeEndpoint(host: "127.0.0.10", port: fake.port)]
    let report = Prober.run(
      ProbeOptions(bootstrap: bootstrap, timeouts: options, allTopics: true, noConnect: true))
    #expect(report.metadata?.topics.map(\.partitions.count) == [4, 2])
    #expect(
      report.findings.filter { $0.code == "KL719" }.map(\.message) == [
        "leader 3 of 3 partitions (audit-1, orders-1, orders-2) is not among the brokers "
          + "advertised on this listener"
      ])
    #expect(report.findings.first { $0.code == "KL719" }?.severity == .note)
    // Without --all-topics the same answer is not examined.
    let plain = Prober.run(
      ProbeOptions(bootstrap: bootstrap, timeouts: options, noConnect: true))
    #expect(plain.findings.allSatisfy { $0.code != "KL719" })
  }
}

extension ProbeFakeBrokerTests {
  /// `--describe-cluster`: a front end that rewrites Metadata but passes DescribeCluster through
  /// (as `tansu proxy` does) shows as KL718, per broker; without DescribeCluster support the
  /// cross-check says it was not made.
  @Test func describeClusterDisagreesWithMetadata() throws {
    let brokers: [(Int32, String, Int32)] = [
      (1, "proxy.example.com", 9092), (2, "kafka-2.example.com", 9094),
    ]
    let fake = try Self.cluster(
      "127.0.0.11", brokers: brokers,
      described: [(1, "kafka-1.internal", 9094), (2, "KAFKA-2.example.com", 9094)])
    defer { fake.stop() }
    let report = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.11", port: fake.port)], timeouts: options,
        noConnect: true, describeCluster: true))
    #expect(report.bootstrap.first?.describeCluster?.brokers.count == 2)
    #expect(
      report.findings.filter { $0.code == "KL718" }.map(\.message) == [
        "Metadata says broker 1 is proxy.example.com:9092, DescribeCluster says "
          + "kafka-1.internal:9094"
      ])

    let old = try Self.cluster("127.0.0.12", brokers: brokers)
    defer { old.stop() }
    let unsupported = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.12", port: old.port)], timeouts: options,
        noConnect: true, describeCluster: true))
    #expect(
      unsupported.findings.filter { $0.code == "KL718" }.map(\.message) == [
        "127.0.0.12:\(old.port): the broker does not offer DescribeCluster (Kafka 2.8+); "
          + "Metadata was not cross-checked"
      ])
  }
}

extension ProbeFakeBrokerTests {
  /// Bytes after the last field of the version are a note (the probe spec, §1): the brokers
  /// before them are still read and probed.
  @Test func trailingBytesAreANote() throws {
    let fake = try FakeBroker(address: "127.0.0.13") { request in
      switch request.apiKey {
      case 18:
        return FakeEncoder.apiVersions(
          correlation: request.correlationID, version: 0, error: 0,
          ranges: [(3, 0, 12), (18, 0, 3)])
      case 3:
        return FakeEncoder.metadataV12(
          correlation: request.correlationID, brokers: [(1, "kafka-1.example.com", 9094)],
          cluster: "orders", controller: 1) + [0, 0, 0]
      default: return nil
      }
    }
    defer { fake.stop() }
    let report = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.13", port: fake.port)], timeouts: options,
        noConnect: true))
    #expect(report.metadata?.brokers.map(\.host) == ["kafka-1.example.com"])
    let notes = report.findings.filter { $0.code == "KL706" }
    #expect(notes.map(\.severity) == [.note])
    #expect(notes.first?.message.contains("has 3 bytes after its last field") == true)
  }

  /// Expected addresses that are still placeholders are not compared, and the note says so.
  @Test func placeholderExpectationsAreSkippedWithANote() throws {
    let fake = try Self.cluster("127.0.0.14", brokers: [(1, "kafka-1.example.com", 9094)])
    defer { fake.stop() }
    let location = SourceLocation(file: "kafka.yaml", line: 3, column: 5)
    let report = Prober.run(
      ProbeOptions(
        bootstrap: [ProbeEndpoint(host: "127.0.0.14", port: fake.port)], timeouts: options,
        noConnect: true,
        expectation: ProbeExpectation(
          listener: "EXTERNAL",
          brokers: [ExpectedBroker(id: 1, host: "${BROKER_HOST}", port: "9094", location: location)])))
    let found = report.findings.filter { $0.code.hasPrefix("KL72") }
    #expect(found.map(\.severity) == [.note])
    #expect(found.first?.message.contains("not compared with kafka-1.example.com:9094") == true)
  }
}

extension ProbeFakeBrokerTests {
  /// A broker that speaks ApiVersions (v0-shaped answer), Metadata v12 with `brokers` and
  /// `topics` and, when `described` is given, DescribeCluster v1 with those brokers.
  static func cluster(
    _ address: String, brokers: [(Int32, String, Int32)], cluster: String = "orders",
    topics: [(String, [Int32])] = [], described: [(Int32, String, Int32)]? = nil
  ) throws -> FakeBroker {
    try FakeBroker(address: address) { request in
      switch request.apiKey {
      case 18:
        return FakeEncoder.apiVersions(
          correlation: request.correlationID, version: 0, error: 0,
          ranges: [(3, 0, 12), (18, 0, 3)] + (described == nil ? [] : [(60, 0, 1)]))
      case 3:
        return FakeEncoder.metadataV12(
          correlation: request.correlationID, brokers: brokers, cluster: cluster,
          controller: 1, topics: topics)
      case 60:
        guard let described else { return nil }
        return FakeEncoder.describeClusterV1(
          correlation: request.correlationID, brokers: described, cluster: cluster,
          controller: 1)
      default: return nil
      }
    }
  }
}
