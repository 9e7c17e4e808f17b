import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// The explicit certificate mapping of a cluster description (`tls:` blocks on listeners and
/// nodes, TLS-names specification §2.1 item 1), end to end through the path-based API, which
/// reads the files the descriptions name. Fixtures: `Fixtures/tls/described/`, certificates made
/// by `Tests/Scripts/make-certificates.sh`.
@Suite struct DescribedCertificateTests {
  static let now = UTCDate.parse("2026-11-27T00:00:00Z") ?? 0
  static let directory = "Fixtures/tls/described"

  /// The TLS diagnostics (KL44x, KL450, KL451) of linting `paths`, plus the reader's (KL01x).
  static func lint(_ paths: [String], certificates: [CertificateMapping] = []) throws
    -> [Diagnostic]
  {
    try tlsDiagnostics(
      paths, now: now, certificates: certificates, codePrefixes: ["KL44", "KL45", "KL01"])
  }

  static func fixture(_ name: String) -> String { packagePath("\(directory)/\(name)") }

  @Test func listenerCertificateReportsExactlyTheBrokerItMisses() throws {
    let diagnostics = try Self.lint([Self.fixture("listener-certificate-misses-host.yaml")])
    #expect(diagnostics.count == 1)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code == "KL440")
    #expect(
      diagnostic.message.hasPrefix(
        "broker 2 listener CLIENTS-9093 advertises 'kafka-2.eu.kafka.example.com'; certificate "))
    #expect(diagnostic.message.contains("shared.pem"))
    #expect(diagnostic.location.file.hasSuffix("listener-certificate-misses-host.yaml"))
    #expect(diagnostic.location.line == 12)
    // The note names the certificate the description mapped.
    #expect(diagnostic.notes.contains { $0.location?.file.hasSuffix("tls/shared.pem") == true })
  }

  /// `generate` reads the inputs as `lint` does, certificates and keystores included, so its
  /// report names the same certificate problems (it used to judge no certificate at all).
  @Test func generateReportsWhatLintReports() throws {
    for name in ["listener-certificate-misses-host.yaml", "node-certificates.yaml"] {
      var configuration = Configuration()
      configuration.tls.now = Self.now
      let paths = [Self.fixture(name)]
      let linted = try KafkaListeners.lint(paths: paths, configuration: configuration)
      let generated = try KafkaListeners.generate(paths: paths, configuration: configuration)
      let both = try KafkaListeners.generateIncludingCompose(
        paths: paths, configuration: configuration)
      let tls = { (report: LintReport) in
        report.diagnostics.filter { $0.code.hasPrefix("KL44") }.map(\.description)
      }
      #expect(!tls(linted).isEmpty, "\(name)")
      #expect(tls(generated.report) == tls(linted), "\(name)")
      #expect(tls(both.report) == tls(linted), "\(name)")
    }
  }

  @Test func listenerCertificateCoveringEveryBrokerPasses() throws {
    // The shared certificate covers every broker and the bootstrap name, and chains to `ca`.
    #expect(try Self.lint([Self.fixture("listener-certificate.yaml")]).isEmpty)
  }

  @Test func withoutTheMappingNothingIsChecked() throws {
    // The same cluster without a mapping: no certificate, so no name is judged (the contrast
    // shows that the diagnostics above come from the description's mapping).
    let text = try String(
      contentsOfFile: Self.fixture("listener-certificate-misses-host.yaml"), encoding: .utf8)
    let plain = text.replacingOccurrences(
      of: """
        tls:
                certificate:
                  file: ../../certificates/tls/shared.pem
                ca: ../../certificates/tls/ca.crt
        """, with: "tls: true")
    #expect(plain != text)
    let report = KafkaListeners.lint([SourceFile(path: "plain.yaml", text: plain)])
    #expect(!report.diagnostics.contains { $0.code.hasPrefix("KL44") })
  }

  @Test func aNodeCertificateOverridesTheListenerCertificate() throws {
    let diagnostics = try Self.lint([Self.fixture("node-certificates.yaml")])
    // Node 1's own certificate (kafka-1, localhost) replaces the shared one for broker 1 only;
    // node 0's Secret covers it, node 2 keeps the shared certificate.
    #expect(diagnostics.map(\.code) == ["KL440", "KL441"])
    #expect(diagnostics.allSatisfy { $0.message.hasPrefix("broker 1 listener CLIENTS-9093 ") })
    #expect(diagnostics.allSatisfy { $0.message.contains("kafka-1.pem") })
    #expect(diagnostics.first?.message.contains("'kafka-1.kafka.example.com'") == true)
    #expect(diagnostics.map(\.location.line) == [19, 33])
  }

  @Test func theCommandLineMappingComesFirst() throws {
    // `--certificate 1=shared.pem` beats node 1's `tls` in the description.
    let shared = packagePath("Fixtures/certificates/tls/shared.pem")
    let diagnostics = try Self.lint(
      [Self.fixture("node-certificates.yaml")],
      certificates: [CertificateMapping(node: 1, path: shared)])
    #expect(diagnostics.isEmpty)
  }

  @Test func aMissingFileIsADiagnosticWhereTheDescriptionNamesIt() throws {
    let diagnostics = try Self.lint([Self.fixture("missing-certificate.yaml")])
    #expect(diagnostics.count == 1)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code == "KL451")
    #expect(diagnostic.location.file.hasSuffix("described/missing-certificate.yaml"))
    #expect(diagnostic.location.line == 19)
    #expect(diagnostic.location.column == 17)
    #expect(diagnostic.message.contains("described/certs/missing.pem"))
  }

  @Test func aMissingFileDoesNotStopTheRun() throws {
    // Exit 1 (an error diagnostic), not 2: a path inside an input is input, unlike a missing
    // `--certificate`, which the tool cannot run without.
    let result = try runCLI([
      "lint", "--no-config", "--now", "2026-11-27T00:00:00Z",
      "\(Self.directory)/missing-certificate.yaml",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.contains("missing-certificate.yaml:19:17: error: cannot read"))
  }

  /// Writes `description` into a temporary directory and lints it.
  static func lintTemporary(_ description: String, name: String = "cluster.yaml") throws
    -> [Diagnostic]
  {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent(name).path
    try description.write(toFile: path, atomically: true, encoding: .utf8)
    return try lint([path])
  }

  static func hostsDescription(listenerTLS: String, extra: String = "") -> String {
    """
    apiVersion: kafka-listeners/v1
    kind: ClusterDescription
    metadata:
      name: orders
    spec:
      platform: hosts
      nodes:
        - { id: 0, roles: [broker, controller], host: kafka-0.kafka.example.com }
        - { id: 1, roles: [broker, controller], host: kafka-1.kafka.example.com }
      listeners:
        - name: clients
          port: 9093
          type: host
          tls: \(listenerTLS)
    \(extra)
    """
  }

  @Test func theDescriptionComesBeforeServerProperties() throws {
    // broker-1.properties names kafka-0.p12, whose certificate lacks broker 1's host.
    let properties = packagePath("Fixtures/tls/properties/broker-1.properties")
    let shared = packagePath("Fixtures/certificates/tls/shared.pem")
    let nodeProperties = "  properties:\n    - { node: 1, file: \(properties) }"
    // The file turns hostname verification off between brokers (KL448), which is not at issue.
    let keystore = try Self.lintTemporary(
      Self.hostsDescription(listenerTLS: "true", extra: nodeProperties)
    ).filter { $0.code != "KL448" }
    #expect(keystore.map(\.code) == ["KL440"])
    #expect(keystore.first?.message.contains("kafka-0.p12") == true)
    #expect(keystore.first?.message.hasPrefix("broker 1 ") == true)
    let described = try Self.lintTemporary(
      Self.hostsDescription(
        listenerTLS: "{ certificate: { file: \(shared) } }", extra: nodeProperties)
    ).filter { $0.code != "KL448" }
    #expect(described.isEmpty)
  }

  @Test func aSecretsCAChecksTheChain() throws {
    let secret = packagePath("Fixtures/certificates/tls/kafka-0-secret.yaml")
    let otherCA = packagePath("Fixtures/certificates/examples/other-ca.pem")
    let good = try Self.lintTemporary(
      Self.hostsDescription(listenerTLS: "{ certificate: { secret: \(secret) } }"))
    // kafka-0's certificate lacks kafka-1's name; its chain to the Secret's ca.crt is fine.
    #expect(good.map(\.code) == ["KL440"])
    let bad = try Self.lintTemporary(
      Self.hostsDescription(
        listenerTLS: "{ certificate: { secret: \(secret) }, ca: \(otherCA) }"))
    #expect(bad.map(\.code).sorted() == ["KL440", "KL450"])
    #expect(bad.contains { $0.code == "KL450" && $0.message.contains("other-ca.pem") })
  }

  @Test func aSecretWithoutTheKeyIsReportedAtTheKey() throws {
    let secret = packagePath("Fixtures/certificates/tls/kafka-0-secret.yaml")
    let diagnostics = try Self.lintTemporary(
      Self.hostsDescription(listenerTLS: "{ certificate: { secret: \(secret), key: b.crt } }"))
    #expect(diagnostics.map(\.code) == ["KL451"])
    #expect(diagnostics.first?.message.contains("the Secret has no key 'b.crt'") == true)
    #expect(diagnostics.first?.location.line == 14)
  }

  @Test func relativePathsStartAtTheDescription() throws {
    let text = """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata: { name: orders }
      spec:
        platform: hosts
        nodes:
          - id: 1
            roles: [broker, controller]
            host: kafka-1.kafka.example.com
            tls: { certificate: { file: ../certs/kafka-1.pem }, ca: ca.pem }
        listeners:
          - { name: clients, port: 9093, type: host, tls: { certificate: { file: ./shared.pem } } }
      """
    let file = SourceFile(path: "project/kafka/cluster.yaml", text: text)
    let input = LintInput(files: [file], configuration: Configuration())
    let cluster = try #require(input.clusters.first)
    #expect(input.clusterIssues.isEmpty)
    let listener = try #require(cluster.listeners.first)
    #expect(listener.isTLS)
    #expect(listener.certificate?.kind == .file)
    #expect(listener.certificate?.path.value == "project/kafka/shared.pem")
    let node = try #require(cluster.nodes.first)
    #expect(node.certificate?.path.value == "project/certs/kafka-1.pem")
    #expect(node.certificate?.path.location.line == 10)
    #expect(node.certificate?.ca?.value == "project/kafka/ca.pem")
  }

  /// Mistakes in the `tls` blocks are the reader's diagnostics, at the key.
  @Test(arguments: [
    ("{ certificate: { file: a.pem, secret: b.yaml } }", "KL016", "gives both 'file' and 'secret'"),
    ("{ ca: ca.pem }", "KL015", "missing the required field 'certificate'"),
    ("{ certificate: {} }", "KL015", "missing the required field 'file'"),
    ("{ certificate: { file: a.pem, key: tls.crt } }", "KL016", "needs 'secret'"),
    ("{ certificate: { path: a.pem } }", "KL013", "unknown field 'path'"),
    ("[true]", "KL014", "must be true, false or a mapping"),
  ])
  func readerReportsBrokenBlocks(tls: String, code: String, message: String) throws {
    let text = Self.hostsDescription(listenerTLS: tls)
    let input = LintInput(
      files: [SourceFile(path: "c.yaml", text: text)], configuration: Configuration())
    let issue = input.clusterIssues.first { $0.code == code }
    #expect(issue?.message.contains(message) == true, "\(input.clusterIssues.map(\.message))")
    #expect(issue?.location.line == 14)
  }

  @Test func existingBooleanSpellingStaysValid() throws {
    for value in ["true", "false"] {
      let input = LintInput(
        files: [SourceFile(path: "c.yaml", text: Self.hostsDescription(listenerTLS: value))],
        configuration: Configuration())
      #expect(input.clusterIssues.isEmpty)
      #expect(input.clusters.first?.listeners.first?.isTLS == (value == "true"))
      #expect(input.clusters.first?.listeners.first?.certificate == nil)
    }
  }

  /// The fixtures are valid to the JSON Schema too (the schema's `tls` accepts both spellings).
  @Test(arguments: [
    "listener-certificate.yaml", "listener-certificate-misses-host.yaml",
    "node-certificates.yaml", "missing-certificate.yaml",
  ])
  func fixturesMatchTheSchema(name: String) throws {
    let json = try DescriptionSchemaTests.json("\(Self.directory)/\(name)")
    let errors = try jsonSchemaErrors(json, schema: DescriptionSchemaTests.schemaPath)
    #expect(errors == nil, "\(name): \(errors ?? "")")
  }

  @Test func schemaRejectsBothFileAndSecret() throws {
    let json = """
      {"apiVersion": "kafka-listeners/v1", "kind": "ClusterDescription",
       "metadata": {"name": "orders"},
       "spec": {"platform": "hosts",
        "nodes": [{"id": 0, "roles": ["broker", "controller"], "host": "a",
                   "tls": {"certificate": {"file": "a.pem", "secret": "b.yaml"}}}],
        "listeners": [{"name": "clients", "port": 9093, "type": "host",
                       "tls": {"certificate": {"file": "a.pem", "key": "tls.crt"}}}]}}
      """
    let errors = try jsonSchemaErrors(json, schema: DescriptionSchemaTests.schemaPath)
    #expect(errors != nil)
    #expect(errors?.contains("SchemaError") != true)
  }
}
