import TestSupport
import Testing

@testable import KafkaListeners

/// The TLS certificate-name checks end to end on realistic inputs: Strimzi resources, own
/// descriptions and server.properties, with certificates made by
/// `Tests/Scripts/make-certificates.sh`.
struct TLSNameTests {
  static let now = UTCDate.parse("2026-11-27T00:00:00Z") ?? 0

  static func source(_ relative: String) throws -> SourceFile {
    let bytes = try #require(KafkaListeners.readFile(packagePath(relative)))
    return SourceFile(path: relative, content: .bytes(bytes))
  }

  static func certificate(_ relative: String, node: Int? = nil, password: String? = nil) throws
    -> GivenCertificate
  {
    let bytes = try #require(KafkaListeners.readFile(packagePath(relative)))
    let file = CertificateReader.read(path: relative, bytes: bytes, password: password)
    return GivenCertificate(node: node, file: file)
  }

  static func lint(
    _ files: [SourceFile], certificates: [GivenCertificate] = [],
    clients: [HostnameMatcher] = HostnameMatcher.allCases, now: Int64 = now
  ) -> [Diagnostic] {
    var configuration = Configuration()
    configuration.tls.certificates = certificates
    configuration.tls.clients = clients
    configuration.tls.now = now
    return KafkaListeners.lint(files, configuration: configuration).diagnostics
      .filter { $0.code.hasPrefix("KL44") || $0.code == "KL451" }
  }

  @Test func strimziLoadBalancerReportsExactlyTheBrokerMissingItsName() throws {
    let diagnostics = Self.lint(
      [try Self.source("Fixtures/tls/strimzi-loadbalancer.yaml")],
      certificates: try (0...2).map { (id: Int) in
        try Self.certificate("Fixtures/certificates/strimzi/broker-\(id).pem", node: id)
      })
    #expect(diagnostics.count == 1)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code == "KL440")
    #expect(
      diagnostic.message.hasPrefix(
        "broker 1 listener EXTERNAL-9094 advertises "
          + "'broker-1.kafka.example.com'"))
    #expect(diagnostic.location.line == 40)
  }

  @Test func strimziWithoutCertificatesIsCoveredByTheComputedNames() throws {
    let diagnostics = Self.lint([try Self.source("Fixtures/tls/strimzi-loadbalancer.yaml")])
    #expect(diagnostics.isEmpty)
  }

  @Test func computedStrimziNamesFollowTheOperator() throws {
    let (_, clusters) = try KafkaListeners.generate(
      paths: [packagePath("Fixtures/tls/strimzi-nodeport-advertised.yaml")])
    let derived = try #require(clusters.first)
    let node = try #require(derived.cluster.nodes.first { $0.id == 0 })
    let names = StrimziCertificateNames.names(derived, node: node)
    let base = [
      "my-cluster-kafka-bootstrap", "my-cluster-kafka-bootstrap.default",
      "my-cluster-kafka-bootstrap.default.svc",
      "my-cluster-kafka-bootstrap.default.svc.cluster.local",
      "my-cluster-kafka-brokers", "my-cluster-kafka-brokers.default",
      "my-cluster-kafka-brokers.default.svc", "my-cluster-kafka-brokers.default.svc.cluster.local",
      "my-cluster-brokers-0.my-cluster-kafka-brokers.default.svc",
      "my-cluster-brokers-0.my-cluster-kafka-brokers.default.svc.cluster.local",
    ]
    #expect(Array(names.dnsNames.prefix(10)) == base)
    #expect(names.dnsNames.contains("kafka.example.com"))
    #expect(names.dnsNames.contains("broker-0.kafka.example.com"))
    #expect(!names.dnsNames.contains("broker-1.kafka.example.com"))
    #expect(names.commonNames == ["my-cluster-kafka"])
  }

  /// Each name is listed once, where it first occurs: a bootstrap alternative name that
  /// repeats a Service name or itself adds nothing, an IP address goes to the IP entries, and
  /// the broker's own address follows. A cluster changed after derivation has its own names.
  @Test func computedNamesAreListedOnceInTheOperatorsOrder() throws {
    let text = try #require(
      KafkaListeners.readFile(packagePath("Fixtures/tls/strimzi-nodeport-advertised.yaml")))
    let repeated = String(decoding: text, as: UTF8.self).replacingOccurrences(
      of: "alternativeNames: [kafka.example.com]",
      with: "alternativeNames: [kafka.example.com, my-cluster-kafka-brokers, 192.0.2.7, "
        + "kafka.example.com, broker-0.kafka.example.com]")
    #expect(repeated.contains("192.0.2.7"))
    var derived = try #require(
      LintInput(files: [SourceFile(path: "kafka.yaml", text: repeated)]).derivedClusters.first)
    let node = try #require(derived.cluster.nodes.first { $0.id == 0 })
    let names = StrimziCertificateNames.names(derived, node: node)
    #expect(Array(names.dnsNames.dropFirst(10)) == ["kafka.example.com", "broker-0.kafka.example.com"])
    #expect(names.dnsNames.count == Set(names.dnsNames).count)
    #expect(names.ipAddresses == [[192, 0, 2, 7]])

    derived.cluster.listeners[0].configuration.brokers[0].advertisedHost?.value =
      "changed.kafka.example.com"
    let changed = StrimziCertificateNames.names(derived, node: node)
    #expect(changed.dnsNames.contains("changed.kafka.example.com"))
  }

  /// Strimzi reads each field of `brokers[]` from the first entry of the id that sets it, for
  /// the advertised address and for the names it puts in the certificate alike: a second entry
  /// that adds the advertised host is in both.
  @Test func computedNamesMergeRepeatedBrokerEntries() throws {
    let text = try #require(
      KafkaListeners.readFile(packagePath("Fixtures/tls/strimzi-nodeport-advertised.yaml")))
    let split = String(decoding: text, as: UTF8.self).replacingOccurrences(
      of: "            - { broker: 1, advertisedHost: broker-1.kafka.example.com }\n",
      with: "            - { broker: 1, nodePort: 31001 }\n"
        + "            - { broker: 1, advertisedHost: broker-1.kafka.example.com }\n")
    #expect(split.contains("nodePort: 31001"))
    let file = SourceFile(path: "kafka.yaml", text: split)
    let derived = try #require(LintInput(files: [file]).derivedClusters.first)
    let node = try #require(derived.cluster.nodes.first { $0.id == 1 })
    let advertised = derived.nodes.first { $0.id == 1 }?.endpoints.first {
      $0.listener == "external"
    }
    #expect(advertised?.advertisedHost == "broker-1.kafka.example.com")
    #expect(
      StrimziCertificateNames.names(derived, node: node).dnsNames.contains(
        "broker-1.kafka.example.com"))
    #expect(Self.lint([file]).isEmpty)
  }

  @Test func nodePortWithoutAdvertisedHostsIsReportedWithoutCertificates() throws {
    let bad = Self.lint([try Self.source("Fixtures/tls/strimzi-nodeport.yaml")])
    #expect(bad.map(\.code) == ["KL447"])
    #expect(bad.first?.message.contains("brokers 0, 1, 2") == true)
    let good = Self.lint([try Self.source("Fixtures/tls/strimzi-nodeport-advertised.yaml")])
    #expect(good.isEmpty)
  }

  @Test func perNodeSecretsAreTheCertificatesOfTheirPods() throws {
    let pem = String(
      decoding: try #require(
        KafkaListeners.readFile(packagePath("Fixtures/certificates/strimzi/broker-1.pem"))),
      as: UTF8.self)
    let secret =
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: my-cluster-brokers-1\nstringData:\n"
      + "  my-cluster-brokers-1.crt: |\n" + indented(pem, by: 4)
    let diagnostics = Self.lint([
      try Self.source("Fixtures/tls/strimzi-loadbalancer.yaml"),
      SourceFile(path: "secret.yaml", text: secret),
    ])
    #expect(!diagnostics.isEmpty)
    #expect(diagnostics.allSatisfy { $0.code == "KL440" && $0.message.hasPrefix("broker 1 ") })
    #expect(diagnostics.contains { $0.message.contains("'broker-1.kafka.example.com'") })
  }

  @Test func expiryIsJudgedAtTheGivenMoment() throws {
    let files = [try Self.source("Fixtures/tls/three-brokers.yaml")]
    let expiring = try Self.certificate("Fixtures/certificates/tls/expiring.pem")
    let soon = Self.lint(files, certificates: [expiring]).filter { $0.code == "KL443" }
    #expect(soon.count == 1)
    #expect(soon.first?.message.contains("expires in 12 days (2026-12-09)") == true)
    let later = try #require(UTCDate.parse("2026-12-10T00:00:00Z"))
    let expired = Self.lint(files, certificates: [expiring], now: later)
    #expect(expired.contains { $0.code == "KL442" && $0.message.contains("expired on 2026-12-09") })
    #expect(!expired.contains { $0.code == "KL443" })
    let future = try Self.certificate("Fixtures/certificates/tls/not-yet-valid.pem")
    let early = Self.lint(files, certificates: [future]).filter { $0.code == "KL442" }
    #expect(early.first?.message.contains("is not valid before 2027-01-01, in 35 days") == true)
  }

  @Test func theClientPopulationSelectsTheMatchers() throws {
    let properties = SourceFile(
      path: "server.properties",
      text: "node.id=1\nlisteners=SSL://:9093\n"
        + "advertised.listeners=SSL://kafka-1.eu.example.com:9093\n")
    let certificate = GivenCertificate(
      node: nil,
      file: CertificateReader.read(
        path: "inner.pem", bytes: Array(TLSExampleCertificates.innerWildcard.utf8)))
    func codes(_ clients: [HostnameMatcher]) -> [String] {
      // The wildcard is also broad (KL444) whichever clients run; that is tested elsewhere.
      Self.lint([properties], certificates: [certificate], clients: clients).map(\.code)
        .filter { $0 != "KL444" }
    }
    #expect(codes([.java, .openssl]) == ["KL445"])
    #expect(codes([.java]).isEmpty)
    #expect(codes([.openssl]) == ["KL440"])
  }

  @Test func certificateMappingArguments() {
    #expect(
      CertificateMapping(argument: "1=certs/b1.pem")
        == CertificateMapping(node: 1, path: "certs/b1.pem"))
    #expect(
      CertificateMapping(argument: "certs/b1.pem")
        == CertificateMapping(node: nil, path: "certs/b1.pem"))
    #expect(
      CertificateMapping(argument: "a=b.pem") == CertificateMapping(node: nil, path: "a=b.pem"))
    #expect(TLSOptions.parseClients("both") == [.java, .openssl])
    #expect(TLSOptions.parseClients("librdkafka") == [.openssl])
    #expect(TLSOptions.parseClients("python") == nil)
  }

  @Test func dates() {
    #expect(UTCDate.parse("1970-01-01T00:00:00Z") == 0)
    #expect(UTCDate.parse("2026-11-27") == 1_795_737_600)
    #expect(UTCDate.parse("2026-11-27T01:00:00+01:00") == 1_795_737_600)
    #expect(UTCDate.parse("2026-11-27T00:00:00.5Z") == 1_795_737_600)
    #expect(UTCDate.parse("2026-13-01") == nil)
    #expect(UTCDate.parse("yesterday") == nil)
    #expect(UTCDate.day(1_795_737_600) == "2026-11-27")
    #expect(UTCDate.day(4_102_358_400) == "2099-12-31")
    #expect(UTCDate.day(951_782_400) == "2000-02-29")
  }

  @Test func configurationFileTLSSection() throws {
    let text = """
      tls:
        clients: librdkafka
        expiry-warning-days: 14
        certificates:
          - { node: 1, file: certs/kafka-1.pem }
          - file: /etc/kafka/shared.pem
      """
    let configuration = try ConfigurationReader.read(
      path: "project/.kafka-listeners.yaml", bytes: Array(text.utf8))
    #expect(configuration.tls.clients == [.openssl])
    #expect(configuration.tls.expiryWarningDays == 14)
    #expect(
      configuration.tls.certificatePaths == [
        CertificateMapping(node: 1, path: "project/certs/kafka-1.pem"),
        CertificateMapping(node: nil, path: "/etc/kafka/shared.pem"),
      ])
    #expect(throws: ToolError.self) {
      try ConfigurationReader.read(path: "c.yaml", bytes: Array("tls:\n  clients: go\n".utf8))
    }
  }

  @Test func chainsAreCheckedLinkByLink() throws {
    let bundle = try #require(
      try Self.certificate("Fixtures/certificates/tls/kafka-0-bundle.pem").file.certificates.first)
    let ca = try #require(try Self.certificate("Fixtures/certificates/tls/ca.crt").file.leaf)
    let other = try #require(
      try Self.certificate("Fixtures/certificates/examples/other-ca.pem").file.leaf)
    #expect(CertificateChains.problem(leaf: bundle, intermediates: [], anchors: [ca]) == nil)
    let problem = CertificateChains.problem(leaf: bundle, intermediates: [], anchors: [other])
    #expect(problem?.contains("'CN=Test Kafka CA'") == true)
    // A CA that claims the right name but holds another key does not verify the signature.
    let forged = CertificateSummary(
      subject: ca.subject, issuer: ca.issuer, names: ca.names, notValidBefore: ca.notValidBefore,
      notValidAfter: ca.notValidAfter, sha256: other.sha256, isCertificateAuthority: true,
      extendedKeyUsage: nil, derBytes: other.derBytes)
    #expect(
      CertificateChains.problem(leaf: bundle, intermediates: [], anchors: [forged])?.contains(
        "does not verify") == true)
  }
}
