import KafkaListeners
import TestSupport
import Testing

/// Reading the certificate formats brokers are configured with, on files made by
/// `Tests/Scripts/make-certificates.sh` with OpenSSL 3 and keytool.
struct CertificateReaderTests {
  static func read(_ name: String, password: String? = nil) throws -> CertificateFile {
    let path = packagePath("Fixtures/certificates/tls/\(name)")
    let bytes = try #require(KafkaListeners.readFile(path))
    return CertificateReader.read(path: name, bytes: bytes, password: password)
  }

  static let kafka0Names = CertificateNames(
    commonNames: ["kafka-0"],
    dnsNames: ["kafka-0.kafka.example.com", "kafka.example.com", "localhost"],
    ipAddresses: [[127, 0, 0, 1]])

  @Test func pemLeaf() throws {
    let file = try Self.read("kafka-0.pem")
    #expect(file.problem == nil)
    let leaf = try #require(file.leaf)
    #expect(leaf.names == Self.kafka0Names)
    #expect(leaf.subject == "CN=kafka-0")
    #expect(leaf.issuer == "CN=Test Kafka CA")
    #expect(leaf.notValidBefore == 1_767_225_600)  // 2026-01-01T00:00:00Z
    #expect(leaf.notValidAfter == 1_798_761_600)  // 2027-01-01T00:00:00Z
    #expect(leaf.sha256.count == 64)
    #expect(!leaf.isCertificateAuthority)
    #expect(leaf.allowsServerAuthentication)
  }

  @Test func bundleKeepsLeafFirstAndTheCA() throws {
    let file = try Self.read("kafka-0-bundle.pem")
    #expect(file.certificates.count == 2)
    #expect(file.leaf?.names == Self.kafka0Names)
    #expect(file.certificates.last?.isCertificateAuthority == true)
    #expect(file.certificates.last?.subject == "CN=Test Kafka CA")
  }

  @Test(
    arguments: [
      ("kafka-0.der", nil), ("kafka-0.jks", nil), ("kafka-0.p12", "changeit"),
      ("kafka-0-unencrypted.p12", nil), ("kafka-0-secret.yaml", nil),
    ] as [(String, String?)])
  func everyFormatYieldsTheSameLeaf(name: String, password: String?) throws {
    let pem = try #require(try Self.read("kafka-0.pem").leaf)
    let file: CertificateFile
    if name.hasSuffix(".yaml") {
      let path = packagePath("Fixtures/certificates/tls/\(name)")
      let bytes = try #require(KafkaListeners.readFile(path))
      let secrets = KubernetesSecretCertificates.read(
        path: name, text: String(decoding: bytes, as: UTF8.self))
      file = try #require(secrets.first { $0.key == "tls.crt" }).file
    } else {
      file = try Self.read(name, password: password)
    }
    #expect(file.problem == nil)
    #expect(file.leaf?.sha256 == pem.sha256)
    #expect(file.leaf?.names == Self.kafka0Names)
  }

  @Test func keytoolPKCS12WithSANs() throws {
    let file = try Self.read("kafka-7.p12", password: "changeit")
    #expect(file.problem == nil)
    #expect(
      file.leaf?.names
        == CertificateNames(
          commonNames: ["kafka-7"], dnsNames: ["kafka-7", "kafka-7.kafka.example.com"],
          ipAddresses: [[10, 0, 0, 7]]))
  }

  @Test func jksTruststoreHoldsTheCA() throws {
    let file = try Self.read("truststore.jks")
    #expect(file.certificates.count == 1)
    #expect(file.certificates.first?.isCertificateAuthority == true)
  }

  @Test func encryptedPKCS12NeedsItsPassword() throws {
    let none = try Self.read("kafka-0.p12")
    #expect(none.certificates.isEmpty)
    #expect(none.problem?.contains("password") == true)
    let wrong = try Self.read("kafka-0.p12", password: "wrong")
    #expect(wrong.certificates.isEmpty)
    #expect(wrong.problem?.contains("password is wrong") == true)
  }

  @Test func legacyPKCS12GetsAConversionCommand() throws {
    let file = try Self.read("kafka-0-legacy.p12", password: "changeit")
    #expect(file.certificates.isEmpty)
    #expect(file.problem?.contains("pbeWithSHAAnd40BitRC2-CBC") == true)
    #expect(file.conversionHint?.contains("openssl pkcs12 -legacy") == true)
  }

  @Test func extendedKeyUsageDecidesServerUse() throws {
    #expect(try Self.read("client-only.pem").leaf?.allowsServerAuthentication == false)
    #expect(try Self.read("server-client.pem").leaf?.allowsServerAuthentication == true)
  }

  @Test func garbageIsAProblemNotACrash() {
    let inputs: [[UInt8]] = [
      [], [0x30], [0x30, 0x82, 0xFF, 0xFF, 0x02], [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2, 0, 0, 0, 9],
      Array("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n".utf8),
      Array("-----BEGIN CERTIFICATE-----\nMIIB\n".utf8), Array("hello".utf8),
    ]
    for bytes in inputs {
      let file = CertificateReader.read(path: "x", bytes: bytes)
      #expect(file.certificates.isEmpty)
      #expect(file.problem != nil)
    }
  }

  @Test func otherPEMBlocksAreSkipped() throws {
    let path = packagePath("Fixtures/certificates/tls/kafka-0.pem")
    let pem = String(decoding: try #require(KafkaListeners.readFile(path)), as: UTF8.self)
    let text =
      "Bag Attributes\n    friendlyName: kafka-0\n-----BEGIN PRIVATE KEY-----\nAAAA\n"
      + "-----END PRIVATE KEY-----\n" + pem
    let file = CertificateReader.read(path: "x.pem", bytes: Array(text.utf8))
    #expect(file.problem == nil)
    #expect(file.certificates.count == 1)
  }
}
