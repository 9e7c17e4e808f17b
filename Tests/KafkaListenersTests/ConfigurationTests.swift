import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

@Suite struct ConfigurationTests {
  let duplicate = "num.io.threads=8\nnum.io.threads=16\n"

  private func withProject(
    config: String?, _ body: (URL) throws -> Void
  ) throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try duplicate.write(
      to: directory.appendingPathComponent("server.properties"), atomically: true,
      encoding: .utf8)
    if let config {
      try config.write(
        to: directory.appendingPathComponent(".kafka-listeners.yaml"), atomically: true,
        encoding: .utf8)
    }
    try body(directory)
  }

  @Test func configurationIsFoundUpwardAndChangesSeverity() throws {
    try withProject(config: "rules:\n  duplicate-key: error\n") { directory in
      let sub = directory.appendingPathComponent("sub")
      try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
      let result = try runCLI(["lint", "../server.properties"], in: sub.path)
      #expect(result.status == 1)
      #expect(result.stdout.contains("error: 'num.io.threads' is set again"))
      let ignored = try runCLI(["lint", "--no-config", "../server.properties"], in: sub.path)
      #expect(ignored.status == 0)
      #expect(ignored.stdout.contains("warning: 'num.io.threads' is set again"))
    }
  }

  @Test func rulesCanBeDisabled() throws {
    for setting in ["KL007: off", "KL007:\n    enabled: false", "duplicate-key: false"] {
      try withProject(config: "rules:\n  \(setting)\n") { directory in
        let result = try runCLI(["lint", "--strict", "server.properties"], in: directory.path)
        #expect(result.status == 0, "\(setting)")
        #expect(result.stdout.isEmpty)
      }
    }
  }

  @Test(arguments: [
    ("rules:\n  KL999: off\n", 2, 3, "unknown rule 'KL999'"),
    ("rules:\n  KL007: loud\n", 2, 10, "expected off, error, warning or note"),
    ("kafka-version: \"1.0\"\n", 1, 16, "kafka-version must be"),
    ("colour: true\n", 1, 1, "unknown key 'colour'"),
    ("rules: [\n", 2, 1, "did not find expected node content"),
    ("rules:\n  KL007:\n    severity: loud\n", 3, 15, "severity must be"),
  ])
  func invalidConfigurationExitsTwoNamingFileAndLine(
    config: String, line: Int, column: Int, message: String
  ) throws {
    try withProject(config: config) { directory in
      let result = try runCLI(["lint", "server.properties"], in: directory.path)
      #expect(result.status == 2)
      #expect(result.stdout.isEmpty)
      let expected = "/.kafka-listeners.yaml:\(line):\(column): invalid configuration: "
      #expect(result.stderr.contains(expected), "\(result.stderr)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
  }

  @Test func explicitConfigMustExist() throws {
    try withProject(config: nil) { directory in
      let result = try runCLI(
        ["lint", "--config", "missing.yaml", "server.properties"], in: directory.path)
      #expect(result.status == 2)
      #expect(result.stderr.contains("missing.yaml: no such file or directory"))
    }
  }

  @Test func kafkaVersionIsRead() throws {
    let configuration = try ConfigurationReader.read(
      path: "c.yaml", bytes: Array("kafka-version: 3.9\n".utf8))
    #expect(configuration.kafkaVersion == KafkaVersion(3, 9))
    #expect(KafkaVersion("3.9.1") == KafkaVersion(3, 9, 1))
    #expect(KafkaVersion("5.0") == nil)
    #expect(KafkaVersion("3") == nil)
    #expect(KafkaVersion("3.x") == nil)
  }

  @Test func clientGroupsAreRead() throws {
    let text = """
      clients:
        - name: apps
          position: internet
          listener: external
        - {name: batch, position: network, network: dc1}

      """
    let configuration = try ConfigurationReader.read(path: "c.yaml", bytes: Array(text.utf8))
    #expect(configuration.clients.count == 2)
    let apps = try #require(configuration.clients.first)
    #expect(apps.name == "apps")
    #expect(apps.position == .internet)
    // Kafka compares listener names upper-cased.
    #expect(apps.listener == "EXTERNAL")
    #expect(apps.location.line == 2)
    let batch = try #require(configuration.clients.last)
    #expect(batch.position == .network && batch.network == "dc1" && batch.listener == nil)
  }

  @Test(arguments: [
    ("clients: apps\n", 1, 10, "clients must be a list"),
    ("clients:\n  - name: apps\n", 2, 5, "needs a position"),
    ("clients:\n  - name: apps\n    position: cloud\n", 3, 15, "position must be"),
    ("clients:\n  - name: apps\n    position: network\n", 2, 5, "needs network"),
    ("clients:\n  - name: apps\n    position: host\n    network: x\n", 4, 14, "network applies"),
    ("clients:\n  - name: apps\n    position: host\n    port: 1\n", 4, 5, "unknown key 'port'"),
  ])
  func invalidClientGroupsExitTwo(config: String, line: Int, column: Int, message: String) throws {
    try withProject(config: config) { directory in
      let result = try runCLI(["lint", "server.properties"], in: directory.path)
      #expect(result.status == 2)
      let expected = "/.kafka-listeners.yaml:\(line):\(column): invalid configuration: "
      #expect(result.stderr.contains(expected), "\(result.stderr)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
  }

  @Test func configuredClientsReachTheRules() throws {
    try withProject(config: "clients:\n  - {name: apps, position: internet}\n") { directory in
      let properties = """
        process.roles=broker
        node.id=4
        controller.quorum.bootstrap.servers=kafka-0.kafka.svc:9093
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=CONTROLLER:SSL,INTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        listeners=INTERNAL://:9092
        advertised.listeners=INTERNAL://kafka-4.kafka-brokers.kafka.svc:9092

        """
      try properties.write(
        to: directory.appendingPathComponent("broker.properties"), atomically: true,
        encoding: .utf8)
      let result = try runCLI(["lint", "broker.properties"], in: directory.path)
      #expect(result.stdout.contains("[KL314 missing-external-listener]"), "\(result.stdout)")
      let ignored = try runCLI(["lint", "--no-config", "broker.properties"], in: directory.path)
      #expect(!ignored.stdout.contains("KL314"))
    }
  }
}
