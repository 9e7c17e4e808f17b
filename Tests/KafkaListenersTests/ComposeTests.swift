import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// Docker Compose input: the scenarios of the compose specification (apache/kafka,
/// cp-all-in-one, conduktor and Bitnami layouts) and their mutations, checked against golden
/// reports, plus the reader's and the image emulations' edge cases.
@Suite struct ComposeTests {
  static let fixtures: [String] = {
    let directory = packagePath("Fixtures/compose")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter {
      FileManager.default.fileExists(atPath: "\(directory)/\($0)/docker-compose.yml")
    }.sorted()
  }()

  /// Error and warning codes each fixture must produce (notes are in the golden files).
  static let verdicts: [String: Set<String>] = [
    "s1-single-broker": [],
    "s1a-host-listener-advertises-service-name": ["KL321"],
    "s1b-published-on-other-host-port": ["KL323"],
    "s1c-listeners-left-to-image": ["KL604", "KL235"],
    "s1d-only-advertised-listeners": ["KL605", "KL239"],
    "s1e-host-listener-bound-to-loopback": ["KL324"],
    "s2-three-combined-brokers": [],
    "s2a-same-advertised-host-port": ["KL331", "KL322"],
    "s2b-same-published-port": ["KL325", "KL331"],
    "s2c-voters-on-localhost": ["KL327"],
    "s2d-voters-on-published-port": ["KL327"],
    "s2e-different-cluster-id": ["KL602"],
    "s2f-inter-broker-listener-on-localhost": ["KL332", "KL331"],
    "s3-separate-controllers": [],
    "s3a-advertised-listeners-on-controller": ["KL603"],
    "s3b-voters-name-brokers": ["KL327"],
    "s3c-controllers-with-bootstrap-servers": ["KL327"],
    "s3d-broker-binds-controller-listener": ["KL227"],
    "s4-cp-all-in-one": [],
    "s4a-no-cluster-id": ["KL602"],
    "s4b-listeners-left-to-image-8.2": ["KL604", "KL201", "KL209", "KL235"],
    "s4b-listeners-left-to-image-7.9": ["KL604", "KL235"],
    "s4c-advertised-host-name": ["KL606", "KL245"],
    "s4d-client-bootstraps-localhost": ["KL320"],
    "s4-conduktor-three-listeners": [],
    "s5-bitnami-internal-external": [],
    "s5-bitnami-remote-clients": ["KL321"],
    "s5b-bitnami-cluster": ["KL328", "KL329"],
    "s5b-bitnami-cluster-without-cluster-id": ["KL328", "KL329", "KL602"],
    "wurstmeister-single-broker": [],
    "dual-listener-reference": [],
    "dual-listener-localhost-for-containers": ["KL320"],
    "dual-listener-service-name-for-host": ["KL321"],
  ]

  @Test func everyFixtureHasVerdicts() {
    #expect(ComposeTests.fixtures.count >= 30)
    #expect(Set(ComposeTests.fixtures) == Set(ComposeTests.verdicts.keys))
  }

  @Test(arguments: fixtures)
  func fixtureGivesTheSpecifiedVerdicts(name: String) throws {
    let report = try KafkaListeners.lint(
      paths: [packagePath("Fixtures/compose/\(name)/docker-compose.yml")])
    let codes = Set(report.diagnostics.filter { $0.severity >= .warning }.map(\.code))
    #expect(codes == ComposeTests.verdicts[name], "\(name)")
  }

  @Test(arguments: fixtures)
  func fixtureMatchesGoldenReports(name: String) throws {
    let directory = "Fixtures/compose/\(name)"
    let file = "\(directory)/docker-compose.yml"
    let lint = try runCLI(["lint", "--format", "json", file])
    let generate = try runCLI(["generate", "--format", "json", file])
    let lintPath = packagePath("\(directory)/lint.expected.json")
    let generatePath = packagePath("\(directory)/generate.expected.json")
    let hasErrors = lint.status != 0
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try lint.stdout.write(toFile: lintPath, atomically: true, encoding: .utf8)
      if !hasErrors {
        try generate.stdout.write(toFile: generatePath, atomically: true, encoding: .utf8)
      }
      return
    }
    #expect(lint.stdout == (try String(contentsOfFile: lintPath, encoding: .utf8)), "\(name)")
    if hasErrors {
      #expect(generate.status == 1, "\(name): generate refuses inputs with errors")
    } else {
      #expect(generate.status == 0)
      #expect(generate.stdout == (try String(contentsOfFile: generatePath, encoding: .utf8)))
      let errors = try jsonSchemaErrors(
        generate.stdout, schema: packagePath("Schemas/generate.schema.json"))
      #expect(errors == nil, "\(name): \(errors ?? "")")
    }
  }

  @Test func referenceLayoutReachability() throws {
    let rows = try KafkaListeners.generateCompose(
      paths: [packagePath("Fixtures/compose/s2-three-combined-brokers/docker-compose.yml")]
    ).flatMap(\.reachability)
    let host = rows.filter { $0.vantage == "host" }.map(\.address).sorted()
    #expect(host == ["localhost:29092", "localhost:39092", "localhost:49092"])
    #expect(rows.allSatisfy { $0.verdict == "ok" })
    #expect(
      rows.filter { $0.vantage == "compose:default" }.map(\.listener)
        == Array(repeating: "PLAINTEXT", count: 3))
  }

  @Test func breakagesNameClientsAndFix() throws {
    let containers = try KafkaListeners.lint(
      paths: [
        packagePath("Fixtures/compose/dual-listener-localhost-for-containers/docker-compose.yml")
      ])
    let loopback = try #require(containers.diagnostics.first { $0.code == "KL320" })
    #expect(loopback.message.contains("service kafka-ui on network default gets localhost:29092"))
    #expect(loopback.message.contains("advertise `kafka:29092`"))
    let host = try KafkaListeners.lint(
      paths: [
        packagePath("Fixtures/compose/dual-listener-service-name-for-host/docker-compose.yml")
      ])
    let name = try #require(host.diagnostics.first { $0.code == "KL321" })
    #expect(name.message.contains("programs on the Docker host get kafka:9092"))
    #expect(name.message.contains("advertise `localhost:9092`"))
    #expect(name.message.contains("published as `9092:9092`"))
    #expect(name.location.line == 11)
  }

  // MARK: reading

  private func project(_ text: String, variables: [String: String] = [:]) -> LintInput {
    var configuration = Configuration()
    configuration.composeVariables = variables
    return LintInput(
      files: [SourceFile(path: "p/docker-compose.yml", text: text)], configuration: configuration)
  }

  @Test func interpolation() {
    let variables = ["A": "a", "EMPTY": ""]
    func expand(_ text: String) -> String { ComposeInterpolation.interpolate(text, variables).text }
    #expect(expand("${A}-$A-$$A") == "a-a-$A")
    #expect(expand("${EMPTY:-d}|${EMPTY-d}|${UNSET-d}") == "d||d")
    #expect(expand("${A:+alt}|${UNSET:+alt}|${EMPTY+alt}") == "alt||alt")
    #expect(expand("${UNSET:-${B:-${A}}}") == "a")
    #expect(expand("100$") == "100$")
    let missing = ComposeInterpolation.interpolate("x${HOST}:9092", [:])
    #expect(missing.text == "x:9092" && missing.unresolved == ["HOST"])
    let required = ComposeInterpolation.interpolate("${HOST:?set HOST}", [:])
    #expect(required.errors == ["set HOST"])
  }

  @Test func portForms() throws {
    let input = project(
      """
      services:
        kafka:
          image: apache/kafka:4.1.0
          ports:
            - "9092"
            - "29092:9092"
            - "127.0.0.1:9093:9093"
            - "[::1]:9094:9094"
            - "::1:9095:9095"
            - "9096-9098:9096-9098"
            - "8000-9000:9099"
            - "9100:9100/udp"
            - target: 9101
              published: "19101"
              host_ip: 10.0.0.1
      """)
    let ports = try #require(input.composeProjects.first?.services.first?.ports)
    #expect(ports.count == 8)
    #expect(ports[0].hostPorts == nil && ports[0].containerPorts == 9092...9092)
    #expect(ports[1].hostPort(forContainer: 9092) == 29092)
    #expect(ports[2].hostIP == "127.0.0.1" && ports[2].isLoopbackOnly)
    #expect(ports[3].hostIP == "::1" && ports[4].hostIP == "::1")
    #expect(ports[5].hostPort(forContainer: 9097) == 9097)
    #expect(!ports[6].hasFixedHostPort)
    #expect(ports[7].hostIP == "10.0.0.1" && ports[7].hostPort(forContainer: 9101) == 19101)
  }

  @Test func mergeKeysListEnvironmentAndYAML11Scalars() throws {
    let input = project(
      """
      x-kafka: &kafka
        image: apache/kafka:3.9.0
        environment:
          KAFKA_NODE_ID: 7
      services:
        kafka:
          <<: *kafka
          hostname: on
          environment:
            - KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://kafka:9092
            - KAFKA_SASL_JAAS_CONFIG=a=b
            - KAFKA_UNSET
      """)
    let service = try #require(input.composeProjects.first?.services.first)
    #expect(service.image?.text == "apache/kafka:3.9.0")
    #expect(service.hostname?.text == "on")
    // The service's own `environment` replaces the merged one (YAML merge keys are shallow).
    #expect(service.env("KAFKA_NODE_ID") == nil)
    #expect(service.env("KAFKA_SASL_JAAS_CONFIG") == "a=b")
    #expect(service.environment["KAFKA_UNSET"] != nil && service.env("KAFKA_UNSET") == nil)
    let advertised = try #require(service.environment["KAFKA_ADVERTISED_LISTENERS"]?.value)
    #expect(advertised.location.line == 10 && advertised.location.column == 36)
  }

  @Test func overrideFileMergesIntoBase() throws {
    let base = SourceFile(
      path: "p/compose.yaml",
      text: """
        services:
          kafka:
            image: apache/kafka:4.1.0
            ports: ["9092:9092"]
            environment:
              KAFKA_NODE_ID: 1
        """)
    let override = SourceFile(
      path: "p/compose.override.yaml",
      text: """
        services:
          kafka:
            ports: ["29092:29092"]
            environment:
              KAFKA_NODE_ID: 2
        """)
    let input = LintInput(files: [override, base])
    #expect(input.composeProjects.count == 1)
    let service = try #require(input.composeProjects.first?.services.first)
    #expect(service.env("KAFKA_NODE_ID") == "2")
    #expect(service.ports.count == 2)
    #expect(input.composeProjects.first?.files == ["p/compose.yaml", "p/compose.override.yaml"])
  }

  /// Mounts come from the `volumes` entries as Compose reads them: Windows drive sources keep
  /// their drive, anonymous volumes (empty) mount nothing, and an override file's entry for a
  /// container path replaces the base file's.
  @Test func mountsFollowTheVolumeEntries() throws {
    let input = project(
      """
      services:
        kafka:
          image: apache/kafka:4.1.0
          volumes:
            - C:\\kafka\\config:/mnt/shared/config:ro
            - /var/lib/kafka/data
            - type: tmpfs
              target: /tmp/scratch
            - type: bind
              source: ./secrets
              target: /etc/kafka/secrets
      """)
    let service = try #require(input.composeProjects.first?.services.first)
    #expect(service.mounts == ["/mnt/shared/config", "/etc/kafka/secrets"])
    #expect(service.volumes.map(\.target) == [
      "/mnt/shared/config", "/var/lib/kafka/data", "/tmp/scratch", "/etc/kafka/secrets",
    ])
    let report = Linter().lint(input, fileCount: 1)
    #expect(report.diagnostics.contains { $0.code == "KL601" && $0.message.contains("/mnt/shared/config") })

    // An anonymous volume at the config directory leaves it empty: the image's own files stay.
    let anonymous = project(
      """
      services:
        kafka:
          image: apache/kafka:4.1.0
          volumes: [/mnt/shared/config]
      """)
    #expect(try #require(anonymous.composeProjects.first?.services.first).mounts.isEmpty)

    let base = SourceFile(
      path: "p/compose.yaml",
      text: """
        services:
          kafka:
            image: bitnami/kafka:3.9
            volumes: ["./config:/bitnami/kafka/config", "data:/bitnami/kafka/data"]
        """)
    let override = SourceFile(
      path: "p/compose.override.yaml",
      text: """
        services:
          kafka:
            volumes: ["./other:/bitnami/kafka/config"]
        """)
    let merged = try #require(LintInput(files: [base, override]).composeProjects.first?.services.first)
    #expect(merged.mounts == ["/bitnami/kafka/data", "/bitnami/kafka/config"])
    #expect(merged.volumes.first { $0.target == "/bitnami/kafka/config" }?.source == "./other")
  }

  @Test func dotEnvAndEnvFileAreReadNextToTheProject() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "DOCKER_HOST_IP=192.168.1.20\n".write(
      to: directory.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
    try "# broker id\nKAFKA_NODE_ID=3\nKAFKA_LOG_DIRS='/data/$x'\n".write(
      to: directory.appendingPathComponent("kafka.env"), atomically: true, encoding: .utf8)
    try """
    services:
      kafka:
        image: apache/kafka:4.1.0
        env_file: kafka.env
        environment:
          KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://${DOCKER_HOST_IP}:9092

    """.write(
      to: directory.appendingPathComponent("compose.yaml"), atomically: true, encoding: .utf8)
    let generation = try KafkaListeners.generateCompose(paths: [directory.path])
    let broker = try #require(generation.first?.brokers.first)
    #expect(broker.value("advertised.listeners") == "PLAINTEXT://192.168.1.20:9092")
    #expect(broker.value("node.id") == "3")
    #expect(broker.value("log.dirs") == "/data/$x")
    #expect(broker.setting("node.id")?.valueLocation.file.hasSuffix("kafka.env") == true)
  }

  // MARK: images

  @Test func apacheKeyMangling() {
    #expect(
      ApacheImage.key("KAFKA_KAFKA_METRICS_REPORTERS", version: KafkaVersion(3, 9))
        == "metrics.reporters")
    #expect(
      ApacheImage.key("KAFKA_KAFKA_METRICS_REPORTERS", version: KafkaVersion(4, 0))
        == "kafka.metrics.reporters")
    #expect(
      ApacheImage.key("KAFKA_LISTENER_NAME_PLAINTEXT__HOST_SSL_CLIENT_AUTH", version: .newest)
        == "listener.name.plaintext_host.ssl.client.auth")
    #expect(ApacheImage.key("KAFKA_CONFLUENT___LICENSE", version: .newest) == "confluent-license")
  }

  @Test func confluentKeyConversion() {
    #expect(ConfluentImage.key("KAFKA_A_B_C", goConversion: false) == "a.b.c")
    #expect(ConfluentImage.key("KAFKA_A_B_C", goConversion: true) == "a.b_c")
    #expect(
      ConfluentImage.key("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", goConversion: true)
        == "listener.security.protocol.map")
    #expect(
      ConfluentImage.key("KAFKA_LISTENER_NAME_PLAINTEXT__HOST_SASL", goConversion: false)
        == "listener.name.plaintext_host.sasl")
  }

  @Test func listenerDerivationKeepsAdvertisedPorts() {
    #expect(
      ImageContext.sedListeners("PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092")
        == "PLAINTEXT://0.0.0.0:29092,PLAINTEXT_HOST://0.0.0.0:9092")
    #expect(ImageContext.sedListeners("PLAINTEXT://[::1]:9092") == "PLAINTEXT://0.0.0.0::1]:9092")
  }

  @Test func imageRecognitionAndVersions() {
    #expect(ComposeImages.parse("docker.io/bitnami/kafka:3.4").repository == "bitnami/kafka")
    #expect(
      ComposeImages.parse("localhost:5000/apache/kafka@sha256:abc").repository == "apache/kafka")
    #expect(ComposeImages.kafkaVersion(.confluent, tag: "7.9.0") == KafkaVersion(3, 9))
    #expect(ComposeImages.kafkaVersion(.confluent, tag: "8.1.1") == KafkaVersion(4, 1))
    #expect(ComposeImages.kafkaVersion(.wurstmeister, tag: "2.13-2.8.1") == KafkaVersion(2, 8, 1))
    #expect(ComposeImages.kafkaVersion(.bitnami, tag: "3.9.0-debian-12-r5") == KafkaVersion(3, 9))
  }

  @Test func defaultConfigurationWithoutKafkaVariables() throws {
    let input = project(
      """
      services:
        kafka:
          image: apache/kafka:4.1.0
          ports: ["9092:9092"]
      """)
    let broker = try #require(input.composeBrokers.first)
    #expect(broker.value("advertised.listeners") == "PLAINTEXT://localhost:9092")
    #expect(broker.value("controller.quorum.voters") == "1@localhost:9093")
    let report = Linter().lint(input, fileCount: 1)
    #expect(report.diagnostics.filter { $0.severity >= .warning }.isEmpty)
  }

  @Test func bitnamiLegacyAliasWins() throws {
    let input = project(
      """
      services:
        kafka:
          image: bitnamilegacy/kafka:3.9
          environment:
            - KAFKA_CFG_NODE_ID=0
            - KAFKA_CFG_PROCESS_ROLES=controller,broker
            - KAFKA_CFG_CONTROLLER_QUORUM_VOTERS=0@kafka:9093
            - KAFKA_CFG_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093
            - KAFKA_CFG_ADVERTISED_LISTENERS=PLAINTEXT://kafka:9092
            - KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://other:9092
            - KAFKA_CFG_CONTROLLER_LISTENER_NAMES=CONTROLLER
      """)
    let broker = try #require(input.composeBrokers.first)
    #expect(broker.value("advertised.listeners") == "PLAINTEXT://other:9092")
    #expect(input.composeIssues.contains { $0.code == "KL607" && $0.message.contains("wins") })
  }

  @Test func unresolvedVariableSkipsReachability() throws {
    let input = project(
      """
      services:
        kafka:
          image: apache/kafka:4.1.0
          ports: ["9092:9092"]
          environment:
            KAFKA_NODE_ID: 1
            KAFKA_PROCESS_ROLES: broker,controller
            KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093
            KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://${PUBLIC_HOST}:9092
            KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER
            KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093
      """)
    let report = Linter().lint(input, fileCount: 1)
    #expect(
      report.diagnostics.contains { $0.code == "KL021" && $0.message.contains("PUBLIC_HOST") })
    #expect(!report.diagnostics.contains { ["KL321", "KL328"].contains($0.code) })
    let resolved = project(
      input.yamlSources["p/docker-compose.yml"].map { String(decoding: $0, as: UTF8.self) } ?? "",
      variables: ["PUBLIC_HOST": "localhost"])
    #expect(
      resolved.composeBrokers.first?.value("advertised.listeners") == "PLAINTEXT://localhost:9092")
  }

  @Test func redpandaQuickstartFlags() throws {
    let input = project(
      """
      services:
        redpanda-0:
          image: docker.redpanda.com/redpandadata/redpanda:v24.2.4
          command:
            - redpanda
            - start
            - --kafka-addr internal://0.0.0.0:9092,external://0.0.0.0:19092
            - --advertise-kafka-addr internal://redpanda-0:9092,external://localhost:19092
            - --mode dev-container
          ports:
            - 19092:19092
        console:
          image: docker.redpanda.com/redpandadata/console:v2.7.2
          depends_on: [redpanda-0]
          environment:
            KAFKA_BROKERS: redpanda-0:9092
      """)
    let broker = try #require(input.composeBrokers.first)
    #expect(broker.flavour == .redpanda && broker.configuration == nil)
    #expect(broker.listeners.map(\.name) == ["internal", "external"])
    let bytes = input.yamlSources["p/docker-compose.yml"] ?? []
    let file = SourceFile(path: "p/docker-compose.yml", content: .bytes(bytes))
    let rows: [ComposeReachabilityRow] = KafkaListeners.generateCompose(
      [file], configuration: Configuration()
    ).flatMap(\.reachability)
    let summary = rows.map { "\($0.client)|\($0.vantage)|\($0.listener)|\($0.verdict)" }
    #expect(summary.contains("programs on the Docker host|host|external|ok"))
    #expect(summary.contains("service console|compose:default|internal|ok"))
    #expect(
      Linter().lint(input, fileCount: 1).diagnostics.filter { $0.severity >= .warning }.isEmpty)
  }

  @Test func sameFileExtendsAndInternalNetworks() throws {
    let input = project(
      """
      services:
        base:
          image: apache/kafka:4.1.0
          environment:
            KAFKA_PROCESS_ROLES: broker,controller
            KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093
            KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER
            KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093
          x-kafka-listeners: {image: none}
        kafka:
          extends: base
          ports: ["9092:9092"]
          networks: [backend]
          x-kafka-listeners: {image: apache}
          environment:
            KAFKA_NODE_ID: 1
            KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://localhost:9092
      networks:
        backend:
          internal: true
      """)
    let broker = try #require(input.composeBrokers.first { $0.name == "kafka" })
    #expect(broker.value("process.roles") == "broker,controller")
    #expect(broker.value("node.id") == "1")
    let report = Linter().lint(input, fileCount: 1)
    #expect(report.diagnostics.contains { $0.code == "KL322" && $0.message.contains("internal") })
  }

  @Test func wurstmeisterPlaceholderWithoutCommand() {
    let input = project(
      """
      services:
        kafka:
          image: wurstmeister/kafka:2.13-2.8.1
          environment:
            KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181
            KAFKA_LISTENERS: OUTSIDE://:9094
            KAFKA_ADVERTISED_LISTENERS: OUTSIDE://_{HOSTNAME_COMMAND}:9094
            KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: OUTSIDE:PLAINTEXT
            KAFKA_INTER_BROKER_LISTENER_NAME: OUTSIDE
      """)
    #expect(
      input.composeIssues.contains { $0.code == "KL605" && $0.message.contains("HOSTNAME_COMMAND") }
    )
    #expect(input.composeBrokers.first?.kafkaVersion == KafkaVersion(2, 8, 1))
  }

  @Test func projectsAboveTheSizeLimitAreReportedNotAnalysed() {
    func project(variables: Int) -> LintInput {
      var text = "services:\n  kafka:\n    image: apache/kafka:4.1.0\n    environment:\n"
      for index in 0..<variables { text += "      KAFKA_X\(index): v\n" }
      return LintInput(files: [SourceFile(path: "big/compose.yaml", text: text)])
    }
    let under = project(variables: LintInput.composeSizeLimit - 1)
    #expect(under.composeBrokers.count == 1)
    #expect(!under.clusterIssues.contains { $0.code == "KL012" })
    let over = project(variables: LintInput.composeSizeLimit)
    #expect(over.composeBrokers.isEmpty)
    #expect(over.clusterIssues.contains { $0.code == "KL012" })
  }
}
