import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

@Suite struct GenerateTests {
  static let inputs =
    ((try? FileManager.default.contentsOfDirectory(atPath: packagePath("Fixtures/strimzi"))) ?? [])
    .filter { $0.hasSuffix(".yaml") }.sorted().map { "Fixtures/strimzi/\($0)" }
    + [
    "Fixtures/strimzi/split", "Fixtures/descriptions/compose-three-brokers.yaml",
    "Fixtures/descriptions/vm-cluster.json", "Fixtures/descriptions/kubernetes-nodeport.yaml",
    "Fixtures/descriptions/kubernetes-loadbalancer.yaml",
    "Fixtures/descriptions/kubernetes-pools.yaml",
  ]

  @Test(arguments: inputs)
  func jsonOutputValidatesAgainstTheSchema(path: String) throws {
    let result = try runCLI(["generate", "--format", "json", path])
    #expect(result.status == 0, "\(result.stderr)")
    let errors = try jsonSchemaErrors(
      result.stdout, schema: packagePath("Schemas/generate.schema.json"))
    #expect(errors == nil, "\(errors ?? "")")
  }

  /// Two listeners named through one YAML alias (a repeated name, reported elsewhere) keep
  /// their own `brokers[]` entries: in the derived addresses and in the certificate names.
  @Test func listenersNamedThroughOneAliasKeepTheirOwnOverrides() throws {
    let text = """
      apiVersion: kafka.strimzi.io/v1
      kind: KafkaNodePool
      metadata:
        name: pool
        labels: {strimzi.io/cluster: c}
      spec:
        replicas: 1
        roles: [broker, controller]
        storage: {type: ephemeral}
      ---
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: c
      spec:
        kafka:
          listeners:
            - name: &n ext
              port: 9094
              type: internal
              tls: false
              configuration: {brokers: [{broker: 0, advertisedHost: a.example.com}]}
            - name: *n
              port: 9095
              type: nodeport
              tls: true
              configuration: {brokers: [{broker: 0, advertisedHost: b.example.com}]}
      """
    let derived = try #require(
      LintInput(files: [SourceFile(path: "kafka.yaml", text: text)]).derivedClusters.first)
    let hosts = derived.nodes.first?.endpoints.filter { $0.type != nil }.map(\.advertisedHost)
    #expect(hosts == ["a.example.com", "b.example.com"])
    let node = try #require(derived.cluster.nodes.first)
    #expect(StrimziCertificateNames.names(derived, node: node).dnsNames.contains("b.example.com"))
  }

  /// The JSON is laid out as Python's `json.dumps(indent=2)` lays out the same document: on a
  /// cluster of 1,200 nodes, whose nodes are written apart on several processors and joined,
  /// with empty arrays and objects, and strings that need escapes.
  @Test func jsonLayoutMatchesPythonsOnALargeCluster() throws {
    guard let python = which("python3") else {
      Issue.record("python3 is not installed")
      return
    }
    let text = """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: big
        namespace: kafka
      spec:
        platform: kubernetes
        nodePools:
          - name: brokers
            roles: [broker]
            replicas: 1197
          - name: controllers
            roles: [controller]
            replicas: 3
        listeners:
          - name: plain
            port: 9092
            type: internal
            tls: false
          - name: external
            port: 9094
            type: loadbalancer
            tls: true
      """
    let (clusters, _) = ClusterReader.read([
      YAMLReader.read(path: "big \"quoted\".yaml", bytes: Array(text.utf8))
    ])
    let cluster = try #require(clusters.first)
    #expect(cluster.nodes.count == 1_200)
    var derived = ListenerDerivation.derive(cluster)
    // An empty list and an empty object, which both layouts write on one line.
    derived.nodes[0].endpoints = []
    derived.nodes[1].properties = []
    let json = GenerateRenderer.json([derived])
    let directory = try temporaryDirectory("kl-json-layout")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("generated.json")
    try json.write(to: file, atomically: true, encoding: .utf8)
    let script = """
      import json, sys
      text = open(sys.argv[1], encoding="utf-8").read()
      sys.stdout.write(json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\\n")
      """
    let result = try run(python, ["-c", script, file.path])
    try #require(result.status == 0, "\(result.stderr)")
    #expect(json.contains(#"big \"quoted\".yaml"#) && json.contains("[]") && json.contains("{}"))
    #expect(result.stdout == json)
  }

  /// What generate writes is what lint accepts: every derived node, read back as a
  /// server.properties, has no error for Kafka 4.2.
  /// 10,000 combined nodes each list 10,000 voters: gigabytes of output. generate refuses it
  /// before rendering anything (exit 2), so memory stays bounded; one node is still written.
  @Test func outputLargerThanTheLimitIsRefused() throws {
    let path = packagePath("Fixtures/hostile/fuzz-cluster-2.yaml")
    let all = try runCLI(["generate", "--format", "json", path])
    #expect(all.status == 2)
    #expect(all.stdout.isEmpty)
    #expect(all.stderr.contains("more than the 256 MiB generate writes; select one node with --node"))
    let one = try runCLI(["generate", "--format", "properties", "--node", "7", path])
    #expect(one.status == 0)
    #expect(one.stdout.contains("controller.quorum.voters=0@"))
  }

  @Test func generatedPropertiesLintClean() throws {
    let (_, clusters) = try KafkaListeners.generate(paths: ["Fixtures/strimzi/kafka-route.yaml"])
    for cluster in clusters {
      for node in cluster.nodes {
        let text = GenerateRenderer.properties(cluster, node)
        let report = KafkaListeners.lint([SourceFile(path: "node-\(node.id).properties", text: text)])
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "node \(node.id): \(errors)")
      }
    }
  }

  @Test func mergeIntoThenCheckRoundTrip() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("server.properties").path
    let original = "# Broker 101\r\nlog.dirs=/var/lib/kafka\r\nlisteners=PLAINTEXT://:9092\r\nnum.io.threads=8\r\n"
    try original.write(toFile: target, atomically: true, encoding: .utf8)
    let input = packagePath("Fixtures/strimzi/kafka-kraft-separate-controllers.yaml")

    let before = try runCLI(["generate", input, "--node", "101", "--merge-into", target, "--check"])
    #expect(before.status == 1)
    #expect(before.stdout.contains("server.properties:3:1: listeners is 'PLAINTEXT://:9092'"))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == original)

    let merge = try runCLI(["generate", input, "--node", "101", "--merge-into", target])
    #expect(merge.status == 0, "\(merge.stderr)")
    let merged = try String(contentsOfFile: target, encoding: .utf8)
    let lines = merged.components(separatedBy: "\r\n")
    #expect(lines[0] == "# Broker 101")
    #expect(lines[1] == "log.dirs=/var/lib/kafka")
    #expect(lines[2].hasPrefix("listeners=CONTROLPLANE") == false)
    #expect(lines[2].hasPrefix("listeners=REPLICATION-9091://0.0.0.0:9091"))
    #expect(lines[3] == "num.io.threads=8")
    #expect(lines.contains("# BEGIN kafka-listeners generated"))

    let after = try runCLI(["generate", input, "--node", "101", "--merge-into", target, "--check"])
    #expect(after.status == 0, "\(after.stdout)")
    #expect(after.stdout.isEmpty)
  }

  @Test func outputDirectoryWritesOneFilePerNodeAndChecksDrift() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = packagePath("Fixtures/strimzi/kafka-kraft-separate-controllers.yaml")
    let write = try runCLI(["generate", input, "--output-dir", directory.path])
    #expect(write.status == 0, "\(write.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(files.count == 6)
    #expect(files.allSatisfy { $0.hasSuffix(".properties") && $0.contains("-node-") })
    #expect(try runCLI(["generate", input, "--output-dir", directory.path, "--check"]).status == 0)
    let first = directory.appendingPathComponent(files[0]).path
    try "edited\n".write(toFile: first, atomically: true, encoding: .utf8)
    let drift = try runCLI(["generate", input, "--output-dir", directory.path, "--check"])
    #expect(drift.status == 1)
    #expect(drift.stdout.contains(files[0]))
  }

  @Test func refusesToWriteWhileInputsHaveErrors() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try runCLI([
      "generate", packagePath("Fixtures/strimzi/broken/quoted-port.yaml"), "--output-dir",
      directory.path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("KL014"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test func environmentNamesFollowEachImage() {
    #expect(
      GenerateRenderer.environmentName("listener.security.protocol.map", style: .apache)
        == "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")
    #expect(
      GenerateRenderer.environmentName("listener.name.plain-9092.x_y", style: .apache)
        == "KAFKA_LISTENER_NAME_PLAIN___9092_X__Y")
    #expect(
      GenerateRenderer.environmentName("advertised.listeners", style: .bitnami)
        == "KAFKA_CFG_ADVERTISED_LISTENERS")
  }

  @Test func portTemplatesEvaluateLikeStrimzi() {
    #expect(Templates.evaluatePort("30000 + {nodeId}", nodeId: 3) == 30003)
    #expect(Templates.evaluatePort("(9000 + {nodeId}) * 2 - 1", nodeId: 1) == 18001)
    #expect(Templates.evaluatePort("9000", nodeId: 7) == 9000)
    #expect(Templates.evaluatePort("9000 / {nodeId}", nodeId: 1) == nil)
    #expect(Templates.evaluatePort("9000 + {nodePodName}", nodeId: 1) == nil)
    #expect(
      Templates.renderHost("b-{nodeId}.{nodePodName}.x-{nodeIf}", nodeId: 2, podName: "c-p-2")
        == "b-2.c-p-2.x-{nodeIf}")
  }
}

@Suite struct SafeWriteTests {
  @Test func outputDirectoryRefusesSymbolicLinks() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let outside = directory.appendingPathComponent("outside.properties").path
    try "precious\n".write(toFile: outside, atomically: true, encoding: .utf8)
    let output = directory.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let input = packagePath("Fixtures/strimzi/kafka-kraft-separate-controllers.yaml")
    // The file generate would write for node 0 is a link pointing out of the folder.
    try FileManager.default.createSymbolicLink(
      atPath: output.appendingPathComponent("kafka-my-cluster-node-0.properties").path,
      withDestinationPath: outside)
    let result = try runCLI(["generate", input, "--output-dir", output.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("symbolic link"))
    #expect(try String(contentsOfFile: outside, encoding: .utf8) == "precious\n")
  }

  @Test func outputDirectoryIsCreated() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("a/b").path
    let input = packagePath("Fixtures/strimzi/kafka-kraft-separate-controllers.yaml")
    let result = try runCLI(["generate", input, "--output-dir", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: output).count == 6)
  }
}
