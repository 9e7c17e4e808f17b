import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// Certificates of compose services (TLS-names specification §2.1 item 3): the keystore each
/// image reads, followed through the service's bind mount to the project, and the note
/// `keystore-not-found` (KL452) when a keystore cannot be read. Fixtures:
/// `Fixtures/tls/compose/`, keystores copied from `Fixtures/certificates/tls`.
@Suite struct ComposeKeystoreTests {
  static let now = UTCDate.parse("2026-06-01T00:00:00Z") ?? 0
  static let directory = "Fixtures/tls/compose"

  /// The TLS diagnostics (KL44x, KL45x) of linting `paths` through the path-based API.
  static func lint(_ paths: [String], certificates: [CertificateMapping] = []) throws
    -> [Diagnostic]
  {
    try tlsDiagnostics(paths, now: now, certificates: certificates, codePrefixes: ["KL44", "KL45"])
  }

  static func fixture(_ name: String) -> String { packagePath("\(directory)/\(name)") }

  @Test func bindMountedKeystoreMissingOneBrokersHostReportsExactlyThatBroker() throws {
    let diagnostics = try Self.lint([Self.fixture("apache-bind-mount")])
    #expect(diagnostics.map(\.code) == ["KL440"], "\(diagnostics)")
    let diagnostic = try #require(diagnostics.first)
    #expect(
      diagnostic.message.hasPrefix(
        "broker 2 (service kafka-2) listener SSL advertises 'kafka-2'; certificate "))
    #expect(diagnostic.message.contains("kafka.keystore.p12"))
    #expect(diagnostic.location.file.hasSuffix("apache-bind-mount/docker-compose.yml"))
    #expect(diagnostic.location.line == 35)
    // The note points at the keystore read through the bind mount.
    #expect(
      diagnostic.notes.contains {
        $0.location?.file.hasSuffix("apache-bind-mount/secrets/kafka-2/kafka.keystore.p12")
          == true
      })
  }

  @Test func longSyntaxBindMountAndPasswordFilePass() throws {
    // cp-kafka, `type: bind` long syntax; the PKCS#12 keystore needs the password that
    // `keystore-password` holds (read the way the image's `$(cat FILE)` does).
    #expect(try Self.lint([Self.fixture("confluent-long-syntax")]).isEmpty)
  }

  @Test func withoutThePasswordFileThePKCS12KeystoreCannotBeRead() throws {
    let compose = try String(
      contentsOfFile: Self.fixture("confluent-long-syntax/docker-compose.yml"), encoding: .utf8)
    let changed = compose.replacingOccurrences(
      of: "KAFKA_SSL_KEYSTORE_CREDENTIALS: keystore-password",
      with: "KAFKA_SSL_KEYSTORE_CREDENTIALS: no-such-file")
    #expect(changed != compose)
    // Linted from a temporary directory that mounts the fixture's secrets by absolute path.
    let temporary = FileManager.default.temporaryDirectory.path + "/compose-keystore-\(getpid())"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    let absolute = packagePath("\(Self.directory)/confluent-long-syntax/secrets")
    try changed.replacingOccurrences(of: "source: ./secrets", with: "source: \(absolute)")
      .write(toFile: temporary + "/docker-compose.yml", atomically: true, encoding: .utf8)
    let diagnostics = try Self.lint([temporary])
    #expect(diagnostics.map(\.code) == ["KL451"], "\(diagnostics)")
  }

  @Test func namedVolumeIsANoteAtTheVolumeEntry() throws {
    let diagnostics = try Self.lint([Self.fixture("named-volume")])
    #expect(diagnostics.map(\.code) == ["KL452"], "\(diagnostics)")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.severity == .note)
    #expect(diagnostic.location.line == 8)
    #expect(diagnostic.message.contains("named volume 'kafka-secrets'"))
    #expect(diagnostic.message.hasSuffix("broker 1 (service kafka) listener SSL were not checked"))
  }

  @Test func bitnamiKeystoreIsFollowed() throws {
    // kafka.keystore.jks under the mounted /opt/bitnami/kafka/config/certs, password from
    // KAFKA_CERTIFICATE_PASSWORD; its certificate does not name the advertised `kafka`.
    let diagnostics = try Self.lint([Self.fixture("bitnami")])
    #expect(diagnostics.map(\.code) == ["KL440"], "\(diagnostics)")
    let diagnostic = try #require(diagnostics.first)
    #expect(
      diagnostic.message.hasPrefix("broker 0 (service kafka) listener SSL advertises 'kafka'"))
    #expect(
      diagnostic.notes.contains {
        $0.location?.file.hasSuffix("bitnami/certs/kafka.keystore.jks") == true
      })
  }

  @Test func bindMountedButMissingKeystoreIsANoteAtTheVariable() throws {
    let diagnostics = try Self.lint([Self.fixture("missing-keystore")])
    #expect(diagnostics.map(\.code) == ["KL452"], "\(diagnostics)")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.severity == .note)
    // At the KAFKA_SSL_KEYSTORE_FILENAME value, with the volume entry as a related place.
    #expect(diagnostic.location.line == 18)
    #expect(diagnostic.location.column == 36)
    #expect(diagnostic.message.hasPrefix("keystore "))
    #expect(
      diagnostic.message.contains("missing-keystore/secrets/kafka.keystore.jks was not found"))
    #expect(diagnostic.notes.contains { $0.location?.line == 8 })
  }

  @Test func theCommandLineCertificateComesFirst() throws {
    // `--certificate kafka-1.pem` for every node replaces both keystores: kafka-1 still
    // passes, and kafka-2 fails against kafka-1.pem rather than its own keystore.
    let diagnostics = try Self.lint(
      [Self.fixture("apache-bind-mount")],
      certificates: [
        CertificateMapping(node: nil, path: packagePath("Fixtures/certificates/tls/kafka-1.pem"))
      ])
    #expect(diagnostics.map(\.code) == ["KL440"])
    #expect(diagnostics.first?.message.contains("kafka-1.pem") == true)
    #expect(diagnostics.first?.message.hasPrefix("broker 2 ") == true)
  }

  @Test func missingPropertiesKeystoreIsANoteAtTheLocationValue() throws {
    let temporary = FileManager.default.temporaryDirectory.path + "/properties-keystore-\(getpid())"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    try """
    node.id=1
    process.roles=broker,controller
    controller.quorum.bootstrap.servers=kafka-1.kafka.example.com:9094
    controller.listener.names=CONTROLLER
    listeners=SSL://:9093,CONTROLLER://:9094
    advertised.listeners=SSL://kafka-1.kafka.example.com:9093
    listener.security.protocol.map=SSL:SSL,CONTROLLER:PLAINTEXT
    inter.broker.listener.name=SSL
    ssl.keystore.location=keystores/missing.jks

    """.write(toFile: temporary + "/server.properties", atomically: true, encoding: .utf8)
    let diagnostics = try Self.lint([temporary + "/server.properties"])
    #expect(diagnostics.map(\.code) == ["KL452"], "\(diagnostics)")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.location.line == 9)
    #expect(diagnostic.location.column == 23)
    #expect(
      diagnostic.message
        == "keystore \(temporary)/keystores/missing.jks was not found, so the certificate "
        + "names of broker 1 listener SSL were not checked")
    // Given a certificate, nothing is left unchecked: no note.
    let given = try Self.lint(
      [temporary + "/server.properties"],
      certificates: [
        CertificateMapping(node: nil, path: packagePath("Fixtures/certificates/tls/shared.pem"))
      ])
    #expect(!given.contains { $0.code == "KL452" })
  }

  @Test func anOverrideFileReplacesTheMountOfTheSameTarget() throws {
    // Base: the secrets in a named volume (a note). The override bind-mounts the fixture's
    // secrets at the same target, which replaces the base entry as Compose merges `volumes`.
    let temporary = FileManager.default.temporaryDirectory.path + "/compose-override-\(getpid())"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    let base =
      try String(
        contentsOfFile: Self.fixture("confluent-long-syntax/docker-compose.yml"), encoding: .utf8
      ).replacingOccurrences(
        of: "      - type: bind\n        source: ./secrets\n        target: /etc/kafka/secrets\n"
          + "        read_only: true\n",
        with: "      - kafka-secrets:/etc/kafka/secrets\n") + "volumes:\n  kafka-secrets:\n"
    #expect(base.contains("kafka-secrets:/etc"))
    try base.write(toFile: temporary + "/compose.yaml", atomically: true, encoding: .utf8)
    #expect(try Self.lint([temporary]).map(\.code) == ["KL452"])
    let secrets = packagePath("\(Self.directory)/confluent-long-syntax/secrets")
    try "services:\n  kafka-7:\n    volumes:\n      - \(secrets):/etc/kafka/secrets:ro\n"
      .write(toFile: temporary + "/compose.override.yaml", atomically: true, encoding: .utf8)
    #expect(try Self.lint([temporary]).isEmpty)
  }

  @Test func mountsOfAParentOrOfTheFileItselfAreFollowed() throws {
    let at = SourceLocation(file: "project/compose.yaml", line: 1, column: 1)
    func resolved(_ entries: [String]) -> String? {
      var service = ComposeService(
        name: Located("kafka", at: at), image: nil, hasBuild: false, environment: [:],
        ports: [], networks: ["default": []], hostname: nil, containerName: nil,
        networkMode: nil, extraHosts: [], dependsOn: [], replicas: nil, command: [],
        entrypoint: nil, declaredFlavour: nil, declaredKafkaVersion: nil, location: at)
      service.volumes = entries.compactMap { ComposeReader.Reader.shortVolume($0, at: at) }
      let path = "/etc/kafka/secrets/kafka.keystore.jks"
      guard case .hostPath(let host, _) = ComposeKeystores.resolve(path, in: service) else {
        return nil
      }
      return host
    }
    #expect(resolved(["./kafka:/etc/kafka"]) == "project/kafka/secrets/kafka.keystore.jks")
    #expect(
      resolved(["./certs/k.jks:/etc/kafka/secrets/kafka.keystore.jks:ro"])
        == "project/certs/k.jks")
    // The deepest mount wins, as Docker stacks them.
    #expect(
      resolved(["./kafka:/etc/kafka", "../shared/secrets/:/etc/kafka/secrets/"])
        == "shared/secrets/kafka.keystore.jks")
    #expect(resolved(["/srv/secrets:/etc/kafka/secrets"]) == "/srv/secrets/kafka.keystore.jks")
    #expect(resolved(["secrets:/etc/kafka/secrets"]) == nil)
    #expect(resolved(["./data:/var/lib/kafka/data"]) == nil)
  }

  @Test func shortVolumeSyntax() {
    let at = SourceLocation(file: "p/compose.yaml", line: 1, column: 1)
    let bind = ComposeReader.Reader.shortVolume("./secrets:/etc/kafka/secrets:ro", at: at)
    #expect(bind?.kind == .bind)
    #expect(bind?.source == "./secrets")
    #expect(bind?.target == "/etc/kafka/secrets")
    #expect(ComposeReader.Reader.shortVolume("secrets:/etc/kafka/secrets", at: at)?.kind == .volume)
    #expect(ComposeReader.Reader.shortVolume("/var/lib/kafka", at: at)?.source == nil)
    let windows = ComposeReader.Reader.shortVolume("C:\\certs:/etc/kafka/secrets", at: at)
    #expect(windows?.kind == .bind)
    #expect(windows?.source == "C:\\certs")
    #expect(windows?.target == "/etc/kafka/secrets")
  }
}
