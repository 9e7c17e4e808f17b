import Foundation
import TestSupport
import Testing

/// End-to-end: the built `kafka-listeners probe` against the real Tansu broker (and proxy) on
/// loopback addresses, compared with kcat where kcat can read the cluster.
@Suite(
  .serialized,
  .enabled(
    if: LiveBroker.available,
    "Tansu is not installed (run .ci/run, or set KAFKA_LISTENERS_TANSU): live probe tests skipped"
  ))
struct ProbeTansuTests {
  func probe(_ arguments: [String]) throws -> (status: Int32, json: ProbeJSON, stderr: String) {
    let result = try runCLI(["probe"] + arguments + ["--format", "json", "--timeout", "2"])
    // Every report the tests see must match the published schema.
    let schemaErrors = try jsonSchemaErrors(
      result.stdout, schema: packagePath("Schemas/probe.schema.json"))
    #expect(schemaErrors == nil, "\(schemaErrors ?? "")")
    return (result.status, try ProbeJSON(result.stdout), result.stderr)
  }

  @Test func healthyClusterIsCleanAndAgreesWithKcat() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let port = LiveBroker.freePort(on: "127.0.0.2")
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "127.0.0.2:\(port)", cluster: "healthy")
    let (status, json, _) = try probe(["127.0.0.2:\(port)"])
    #expect(status == 0, "\(json.messages)")
    // Only the note that a loopback address serves clients on this machine alone.
    #expect(json.rules == ["KL712"])
    #expect(json.severities == ["note"])
    #expect(json.brokerSet == ["111 127.0.0.2:\(port)"])
    // Straight from the broker, DescribeCluster agrees with Metadata.
    let (describedStatus, described, _) = try probe(["127.0.0.2:\(port)", "--describe-cluster"])
    #expect(describedStatus == 0 && described.rules == ["KL712"], "\(described.messages)")
    let clusterInfo = json.object["cluster"] as? [String: Any]
    #expect(clusterInfo?["id"] as? String == "healthy")
    #expect(clusterInfo?["metadataVersion"] as? Int == 12, "Tansu's highest Metadata version")
    let broker = try #require(json.brokers.first)
    #expect((broker["connection"] as? [String: Any])?["status"] as? String == "ok")
    #expect((broker["selfView"] as? [String: Any])?["status"] as? String == "ok")
    if let kcat = try kcatBrokers("127.0.0.2:\(port)") {
      #expect(kcat.brokers == json.brokerSet)
      #expect(kcat.controller == json.controllerID)
    } else {
      print("kcat with librdkafka ≥ 2.2 not found: the kcat comparison was skipped")
    }
  }

  @Test func internalNameSeenFromOutsideIsUnresolvable() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let port = LiveBroker.freePort(on: "127.0.0.2")
    // `.invalid` never resolves (RFC 6761), like a cluster-internal name seen from outside.
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "kafka-0.kafka-brokers.invalid:\(port)",
      cluster: "internal")
    let (status, json, _) = try probe(["127.0.0.2:\(port)"])
    #expect(status == 1)
    #expect(json.rules == ["KL710"])
    #expect(json.brokerSet == ["111 kafka-0.kafka-brokers.invalid:\(port)"])
    #expect(json.messages.first?.contains("does not resolve from here") == true)
  }

  @Test func advertisedPortThatRefusesConnections() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let wrong = LiveBroker.freePort(on: "127.0.0.2")
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "127.0.0.2:\(wrong)", cluster: "wrong-port")
    let (status, json, _) = try probe(["127.0.0.2:\(port)"])
    #expect(status == 1)
    #expect(json.rules == ["KL711", "KL712"])
    let message = try #require(json.messages.first)
    #expect(message.contains("connection refused"))
    #expect(message.contains("the bootstrap port is \(port): is \(wrong) the right port"))
    if let kcat = try kcatBrokers("127.0.0.2:\(port)") {
      #expect(kcat.brokers == json.brokerSet)
    }
  }

  @Test func bootstrapThatRefusesConnections() throws {
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let (status, json, _) = try probe(["127.0.0.2:\(port)"])
    #expect(status == 1)
    #expect(json.rules == ["KL702"])
    #expect(json.brokers.isEmpty)
  }

  /// The proxy's port is advertised, but it is the broker's own (INTERNAL) port: the self view
  /// through it lists another address for broker 111.
  @Test func advertisedAddressOfAnotherListener() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let proxyPort = LiveBroker.freePort(on: "127.0.0.4")
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "kafka-internal.invalid:\(port)", cluster: "two")
    try cluster.proxy(
      on: "127.0.0.4", proxyPort, advertising: "127.0.0.2:\(port)", origin: "127.0.0.2:\(port)")
    let (status, json, _) = try probe(["127.0.0.4:\(proxyPort)"])
    #expect(status == 1)
    #expect(json.rules == ["KL716", "KL712"])
    #expect(json.brokerSet == ["111 127.0.0.2:\(port)"])
    #expect(json.messages.first?.contains("advertises kafka-internal.invalid:\(port)") == true)
    // The proxy rewrites Metadata but passes DescribeCluster through (the probe spec, §4).
    let (_, described, _) = try probe(["127.0.0.4:\(proxyPort)", "--describe-cluster"])
    #expect(described.rules.contains("KL718"))
    #expect(
      described.messages.contains(
        "Metadata says broker 111 is 127.0.0.2:\(port), DescribeCluster says "
          + "kafka-internal.invalid:\(port)"), "\(described.messages)")
    // kcat prints its latest metadata: the bootstrap's view, or, once it has connected to the
    // advertised address and refreshed there, the self view the probe reports in KL716.
    if let kcat = try kcatBrokers("127.0.0.4:\(proxyPort)") {
      #expect(
        kcat.brokers == json.brokerSet
          || kcat.brokers == ["111 kafka-internal.invalid:\(port)"])
    }
  }

  @Test func everyMetadataVersionAgreesAndTheProxyTruncatesV9() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let proxyPort = LiveBroker.freePort(on: "127.0.0.4")
    try cluster.broker(on: "127.0.0.2", port, advertising: "127.0.0.2:\(port)", cluster: "v")
    try cluster.proxy(
      on: "127.0.0.4", proxyPort, advertising: "127.0.0.2:\(port)", origin: "127.0.0.2:\(port)")
    for version in [1, 4, 9, 12] {
      let (status, json, _) = try probe(["127.0.0.2:\(port)", "--metadata-version", "\(version)"])
      #expect(status == 0, "v\(version): \(json.messages)")
      #expect(json.severities.allSatisfy { $0 == "note" })
      #expect(json.brokerSet == ["111 127.0.0.2:\(port)"], "v\(version)")
      let info = json.object["cluster"] as? [String: Any]
      #expect(info?["metadataVersion"] as? Int == version)
      #expect(info?["id"] as? String == (version >= 2 ? "v" : nil))
    }
    // Tansu advertises Metadata 0-12: v13 is refused before anything is sent.
    let (v13Status, v13, _) = try probe(["127.0.0.2:\(port)", "--metadata-version", "13"])
    #expect(v13Status == 1)
    #expect(v13.rules == ["KL706"])
    #expect(v13.messages.first?.contains("Metadata v13 was not sent") == true)
    // The proxy drops cluster_authorized_operations from v8-v10 answers.
    let (proxied, json, _) = try probe(["127.0.0.4:\(proxyPort)", "--metadata-version", "9"])
    #expect(proxied == 1)
    #expect(json.rules == ["KL706"])
    #expect(json.messages.first?.contains("Metadata v9 response: truncated at offset") == true)
  }
}
