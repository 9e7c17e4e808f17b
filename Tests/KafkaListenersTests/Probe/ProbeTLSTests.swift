import Foundation
import TestSupport
import Testing

/// End-to-end TLS: Tansu has no working TLS, so socat terminates TLS in front of it with
/// certificates made by openssl, and the broker advertises the front end.
@Suite(
  .serialized,
  .enabled(
    if: LiveBroker.available && which("socat") != nil && which("openssl") != nil,
    "Tansu, socat or openssl is missing (run .ci/run): live TLS probe tests skipped"))
struct ProbeTLSTests {
  /// A self-signed certificate with these subjectAltNames; returns (certificate, key) paths.
  func certificate(_ directory: URL, _ name: String, subject: String, altNames: String) throws
    -> (String, String)
  {
    let cert = directory.appendingPathComponent("\(name).pem").path
    let key = directory.appendingPathComponent("\(name).key").path
    let result = try run(
      "/usr/bin/openssl",
      [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days",
        "2", "-subj", subject, "-addext", "subjectAltName=\(altNames)",
      ])
    try #require(result.status == 0, "\(result.stderr)")
    return (cert, key)
  }

  /// socat terminating TLS on `address:port` and forwarding to `origin`.
  func terminator(
    _ cluster: TansuCluster, on address: String, _ port: Int, cert: (String, String),
    origin: String
  ) throws {
    let socat = try #require(which("socat"))
    try cluster.start(
      "socat-\(port)", socat,
      [
        "OPENSSL-LISTEN:\(port),bind=\(address),reuseaddr,fork,cert=\(cert.0),key=\(cert.1),"
          + "verify=0", "TCP:\(origin)",
      ], port: (address, port))
  }

  func probe(_ arguments: [String]) throws -> (status: Int32, json: ProbeJSON) {
    let result = try runCLI(["probe"] + arguments + ["--format", "json", "--timeout", "2"])
    // Every report the tests see must match the published schema.
    let schemaErrors = try jsonSchemaErrors(
      result.stdout, schema: packagePath("Schemas/probe.schema.json"))
    #expect(schemaErrors == nil, "\(schemaErrors ?? "")")
    return (result.status, try ProbeJSON(result.stdout))
  }

  @Test func certificateCoveringTheAdvertisedIP() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let cert = try certificate(
      cluster.directory, "covered", subject: "/CN=kafka.test",
      altNames: "DNS:kafka.test,DNS:*.brokers.test,IP:127.0.0.3")
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let tlsPort = LiveBroker.freePort(on: "127.0.0.3")
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "127.0.0.3:\(tlsPort)", cluster: "tls")
    try terminator(cluster, on: "127.0.0.3", tlsPort, cert: cert, origin: "127.0.0.2:\(port)")
    let (status, json) = try probe(["127.0.0.3:\(tlsPort)", "--tls", "--ca", cert.0])
    #expect(status == 0, "\(json.messages)")
    #expect(json.severities.allSatisfy { $0 == "note" }, "\(json.messages)")
    #expect(json.brokerSet == ["111 127.0.0.3:\(tlsPort)"])
    let tls = try #require(json.brokers.first?["tls"] as? [String: Any])
    #expect(
      tls["subjectAltNames"] as? [String]
        == ["DNS:kafka.test", "DNS:*.brokers.test", "IP:127.0.0.3"])
    #expect(tls["commonName"] as? String == "kafka.test")
    #expect(tls["sni"] is NSNull, "no SNI for an IP literal")
    if let kcat = try kcatBrokers(
      "127.0.0.3:\(tlsPort)",
      extra: ["-X", "security.protocol=ssl", "-X", "ssl.ca.location=\(cert.0)"])
    {
      #expect(kcat.brokers == json.brokerSet)
    }
  }

  @Test func certificateMissingTheAdvertisedName() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let cert = try certificate(
      cluster.directory, "uncovered", subject: "/CN=kafka.test",
      altNames: "DNS:kafka.test,IP:127.0.0.1")
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let tlsPort = LiveBroker.freePort(on: "127.0.0.1")
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "localhost:\(tlsPort)", cluster: "tls-bad")
    try terminator(cluster, on: "127.0.0.1", tlsPort, cert: cert, origin: "127.0.0.2:\(port)")
    let (status, json) = try probe(["127.0.0.1:\(tlsPort)", "--tls", "--ca", cert.0])
    #expect(status == 1)
    #expect(json.brokerSet == ["111 localhost:\(tlsPort)"])
    // The bootstrap through 127.0.0.1 is covered by the IP SAN; the advertised name is not.
    let diagnostics = json.object["diagnostics"] as? [[String: Any]] ?? []
    let notCovered = diagnostics.filter { $0["rule"] as? String == "KL440" }
    #expect(notCovered.count == 1)
    #expect(notCovered.first?["broker"] as? Int == 111)
    let message = try #require(notCovered.first?["message"] as? String)
    #expect(
      message.contains(
        "does not cover localhost (covers: CN=kafka.test, DNS:kafka.test, IP:127.0.0.1)"))
    let tls = try #require(json.brokers.first?["tls"] as? [String: Any])
    #expect(tls["sni"] as? String == "localhost")
  }

  /// A leaf that expired in 2020, issued with `openssl ca` (OpenSSL 3.0's `req` and `x509`
  /// cannot back-date a certificate).
  @Test func expiredCertificate() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let dir = cluster.directory.path
    try "[ca]\ndefault_ca = probe\n[probe]\ndir = .\ndatabase = index.txt\nnew_certs_dir = .\n"
      .appending("serial = serial\ndefault_md = sha256\npolicy = any\ncopy_extensions = copy\n")
      .appending("[any]\ncommonName = supplied\n")
      .write(toFile: "\(dir)/ca.cnf", atomically: true, encoding: .utf8)
    try "".write(toFile: "\(dir)/index.txt", atomically: true, encoding: .utf8)
    try "01\n".write(toFile: "\(dir)/serial", atomically: true, encoding: .utf8)
    let ca = try certificate(
      cluster.directory, "ca", subject: "/CN=probe-ca", altNames: "DNS:ca.test")
    for arguments in [
      [
        "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(dir)/leaf.key", "-out",
        "\(dir)/leaf.csr", "-subj", "/CN=kafka.test", "-addext", "subjectAltName=IP:127.0.0.3",
      ],
      [
        "ca", "-batch", "-config", "ca.cnf", "-cert", ca.0, "-keyfile", ca.1, "-in", "leaf.csr",
        "-out", "leaf.pem", "-startdate", "20200101000000Z", "-enddate", "20200102000000Z",
        "-notext",
      ],
    ] {
      let result = try run("/usr/bin/openssl", arguments, in: dir)
      try #require(result.status == 0, "\(result.stderr)")
    }
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let tlsPort = LiveBroker.freePort(on: "127.0.0.3")
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "127.0.0.3:\(tlsPort)", cluster: "tls-old")
    try terminator(
      cluster, on: "127.0.0.3", tlsPort, cert: ("\(dir)/leaf.pem", "\(dir)/leaf.key"),
      origin: "127.0.0.2:\(port)")
    let (status, json) = try probe(["127.0.0.3:\(tlsPort)", "--tls"])
    #expect(status == 1)
    #expect(Set(json.rules) == ["KL442", "KL712"], "\(json.messages)")
    #expect(json.messages.contains { $0.contains("expired on 2020-01-02") })
  }

  /// openssl s_server presents its second certificate only to clients whose SNI is
  /// `kafka-1.example.test`: the certificate the probe captures shows what it sent.
  @Test func sniIsSentForNamesAndNotForIPLiterals() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let fallback = try certificate(
      cluster.directory, "default", subject: "/CN=default", altNames: "IP:127.0.0.5")
    let matched = try certificate(
      cluster.directory, "sni", subject: "/CN=sni-match", altNames: "DNS:kafka-1.example.test")
    let port = LiveBroker.freePort(on: "127.0.0.5")
    try cluster.start(
      "s_server", "/usr/bin/openssl",
      [
        "s_server", "-accept", "127.0.0.5:\(port)", "-cert", fallback.0, "-key", fallback.1,
        "-servername", "kafka-1.example.test", "-cert2", matched.0, "-key2", matched.1, "-quiet",
      ], port: ("127.0.0.5", port))
    func subject(_ extra: [String]) throws -> (String?, [String]) {
      let (_, json) = try probe(["127.0.0.5:\(port)", "--tls"] + extra)
      let bootstrap = (json.object["bootstrap"] as? [[String: Any]])?.first
      let tls = bootstrap?["tls"] as? [String: Any]
      return (tls?["subject"] as? String, json.rules)
    }
    let named = try subject(["--server-name", "kafka-1.example.test"])
    #expect(named.0 == "CN=sni-match")
    // s_server is not Kafka: the request goes unanswered.
    #expect(named.1 == ["KL703"])
    let literal = try subject([])
    #expect(literal.0 == "CN=default")
  }

  @Test func chainFromAnotherCAIsUntrusted() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let cert = try certificate(
      cluster.directory, "served", subject: "/CN=kafka.test", altNames: "IP:127.0.0.3")
    let other = try certificate(
      cluster.directory, "other", subject: "/CN=other-ca", altNames: "DNS:other.test")
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let tlsPort = LiveBroker.freePort(on: "127.0.0.3")
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "127.0.0.3:\(tlsPort)", cluster: "tls-ca")
    try terminator(cluster, on: "127.0.0.3", tlsPort, cert: cert, origin: "127.0.0.2:\(port)")
    let (status, json) = try probe(["127.0.0.3:\(tlsPort)", "--tls", "--ca", other.0])
    #expect(status == 1)
    #expect(Set(json.rules) == ["KL450", "KL712"])
    #expect(json.messages.contains { $0.contains("does not verify against \(other.0)") })
  }

  @Test func plaintextProbeOfATLSPortAndTLSProbeOfAPlaintextPort() throws {
    let cluster = try TansuCluster()
    defer { cluster.stop() }
    let cert = try certificate(
      cluster.directory, "mismatch", subject: "/CN=kafka.test", altNames: "IP:127.0.0.3")
    let port = LiveBroker.freePort(on: "127.0.0.2")
    let tlsPort = LiveBroker.freePort(on: "127.0.0.3")
    try cluster.broker(
      on: "127.0.0.2", port, advertising: "127.0.0.2:\(port)", cluster: "mismatch")
    try terminator(cluster, on: "127.0.0.3", tlsPort, cert: cert, origin: "127.0.0.2:\(port)")
    let (plainStatus, plain) = try probe(["127.0.0.3:\(tlsPort)"])
    #expect(plainStatus == 1)
    #expect(plain.rules == ["KL704"])
    #expect(plain.messages.first?.contains("is a TLS listener but was probed in plaintext") == true)
    // Tansu waits for the rest of the "frame" a ClientHello announces: the handshake times out,
    // and a plaintext ApiVersions then answers.
    let (tlsStatus, tls) = try probe(["127.0.0.2:\(port)", "--tls"])
    #expect(tlsStatus == 1)
    #expect(tls.rules == ["KL704"])
    #expect(tls.messages.first?.contains("PLAINTEXT listener") == true)
  }
}
