import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// Node ports, shared advertised addresses and published ports (KL316–KL319), the security
/// posture of external listeners (KL401, KL402) and drift between a description and its
/// server.properties files (KL501, with `spec.properties` and `--properties`).
///
/// Each rule has a broken fixture `Fixtures/rules/<code>-<name>.yaml` (for KL501 a directory
/// with a description and its files) whose JSON report is golden in
/// `Fixtures/rules/<code>-<name>.expected.json`; `UPDATE_GOLDEN=1` rewrites them, review the
/// diff.
@Suite struct PortAndDriftTests {
  // MARK: Helpers

  /// The diagnostics of one rule for in-memory files.
  static func lint(
    _ files: [(path: String, text: String)], code: String,
    configuration: Configuration = Configuration()
  ) -> [Diagnostic] {
    Linter(configuration: configuration)
      .lint(files.map { SourceFile(path: $0.path, text: $0.text) })
      .diagnostics.filter { $0.code == code }
  }

  /// `file line:column` of each diagnostic, in report order.
  static func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.file) \($0.location.line):\($0.location.column)" }
  }

  /// A description of three combined nodes on hosts, optionally naming properties files.
  static func vmDescription(properties: String = "") -> String {
    """
    apiVersion: kafka-listeners/v1
    kind: ClusterDescription
    metadata:
      name: payments
    spec:
      platform: hosts
      nodes:
        - id: 1
          roles: [broker, controller]
          host: kafka-1.example.com
        - id: 2
          roles: [broker, controller]
          host: kafka-2.example.com
      listeners:
        - name: internal
          port: 9092
          type: host
          tls: true
          authentication:
            type: tls

    """ + properties
  }

  /// The properties `generate` derives for one node of in-memory inputs.
  static func derivedProperties(_ text: String, node: Int) throws -> String {
    let result = KafkaListeners.generate([SourceFile(path: "cluster.yaml", text: text)])
    let cluster = try #require(result.clusters.first)
    let derived = try #require(cluster.nodes.first { $0.id == node })
    return derived.properties.map { "\($0.key)=\($0.value)" }.joined(separator: "\n") + "\n"
  }

  // MARK: Golden fixtures

  /// Every broken fixture with the `line:column` of each diagnostic its rule must report.
  static let fixtures: [(path: String, code: String, expected: [String])] = [
    ("Fixtures/rules/KL316-duplicate-node-port.yaml", "KL316", ["61:25"]),
    ("Fixtures/rules/KL317-node-port-out-of-range.yaml", "KL317", ["37:23"]),
    ("Fixtures/rules/KL318-shared-advertised-address.yaml", "KL318", ["55:31", "57:31"]),
    ("Fixtures/rules/KL319-host-port-collision.yaml", "KL319", ["37:33"]),
    ("Fixtures/rules/KL401-external-listener-without-tls.yaml", "KL401", ["31:14"]),
    (
      "Fixtures/rules/KL402-external-listener-without-authentication.yaml", "KL402",
      ["30:15"]
    ),
    (
      "Fixtures/rules/KL501-configuration-drift/cluster.yaml", "KL501",
      ["config/kafka-2.properties 12:22", "config/kafka-3.properties 8:32"]
    ),
  ]

  @Test(arguments: fixtures.map(\.path))
  func brokenFixtureMatchesGoldenReport(path: String) throws {
    let fixture = try #require(Self.fixtures.first { $0.path == path })
    let result = try runCLI(["lint", "--no-config", "--format", "json", path])
    let severity = RuleRegistry.rule(fixture.code)?.metadata.severity
    #expect(result.status == (severity == .error ? 1 : 0), "\(path): \(result.stderr)")
    let golden = packagePath(
      path.hasSuffix("/cluster.yaml")
        ? path.replacingOccurrences(of: "/cluster.yaml", with: ".expected.json")
        : path.replacingOccurrences(of: ".yaml", with: ".expected.json"))
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try result.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: golden, encoding: .utf8)
    #expect(result.stdout == expected, "\(path): the JSON report differs from the golden file")

    // The fixture shows its rule, exactly where expected, and no other error.
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    let directory = (path as NSString).deletingLastPathComponent
    let found = diagnostics.filter { $0["rule"] as? String == fixture.code }.map { diagnostic in
      let file = diagnostic["file"] as? String ?? ""
      let position = "\(diagnostic["line"] as? Int ?? 0):\(diagnostic["column"] as? Int ?? 0)"
      return file == path ? position : "\(file.dropFirst(directory.count + 1)) \(position)"
    }
    #expect(found == fixture.expected, "\(path)")
    let otherErrors = diagnostics.filter {
      $0["severity"] as? String == "error" && $0["rule"] as? String != fixture.code
    }
    #expect(otherErrors.isEmpty, "\(path): \(otherErrors)")
  }

  // MARK: KL316, KL317

  /// A Kafka with one listener whose `configuration` holds `lines` (indented relative to
  /// `configuration:`), a controller (node 0) and two brokers (1 and 2).
  static func nodePortKafka(_ lines: [String], type: String = "nodeport") -> String {
    let configuration = lines.map { String(repeating: " ", count: 10) + $0 + "\n" }.joined()
    let text =
      """
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: my-cluster
        namespace: kafka
      spec:
        kafka:
          listeners:
            - name: external
              port: 9094
              type: \(type)
              tls: true
              authentication:
                type: tls
              configuration:

      """ + configuration
        + """
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: controllers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 1
          roles: [controller]
          storage:
            type: ephemeral
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 2
          roles: [broker]
          storage:
            type: ephemeral

        """
    // A test whose input does not read cleanly would pass for the wrong reason.
    let issues = LintInput(files: [SourceFile(path: "kafka.yaml", text: text)]).clusterIssues
    #expect(issues.isEmpty, "\(issues)")
    return text
  }

  /// Entries for ids that are not brokers create no Service (Strimzi ignores them; KL111 says
  /// so), and of two entries for one broker only the first nodePort is used.
  @Test func nodePortsOfServicesThatDoNotExistAreIgnored() {
    let kafka = Self.nodePortKafka([
      "brokers:",
      "  - broker: 0", "    nodePort: 32001",
      "  - broker: 1", "    nodePort: 32001",
      "  - broker: 2", "    nodePort: 32002",
      "  - broker: 2", "    nodePort: 32001",
    ])
    // Node 0 is the controller: only brokers 1 and 2 get services, with distinct ports.
    #expect(Self.lint([("kafka.yaml", kafka)], code: "KL316").isEmpty)
  }

  @Test func loadBalancerWithoutBootstrapServiceHasNoBootstrapNodePort() {
    let configuration = [
      "bootstrap:", "  nodePort: 32001", "brokers:", "  - broker: 1", "    nodePort: 32001",
    ]
    let loadBalancer = Self.nodePortKafka(
      ["createBootstrapService: false"] + configuration, type: "loadbalancer")
    #expect(Self.lint([("kafka.yaml", loadBalancer)], code: "KL316").isEmpty)
    // The same ports on a nodeport listener, which always has a bootstrap service, collide.
    let nodePort = Self.nodePortKafka(configuration)
    let found = Self.lint([("kafka.yaml", nodePort)], code: "KL316")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("the bootstrap service of listener 'external'") == true)
  }

  @Test func nodePortZeroAsksForAnAllocatedPort() {
    let kafka = Self.nodePortKafka([
      "bootstrap:", "  nodePort: 0",
      "brokers:", "  - broker: 1", "    nodePort: 0", "  - broker: 2", "    nodePort: 65536",
    ])
    #expect(Self.lint([("kafka.yaml", kafka)], code: "KL316").isEmpty)
    let outOfRange = Self.lint([("kafka.yaml", kafka)], code: "KL317")
    #expect(Self.positions(outOfRange) == ["kafka.yaml 22:25"])
    #expect(outOfRange.first?.message.contains("not a TCP port") == true)
    #expect(outOfRange.first?.message.contains("--service-node-port-range") == true)
  }

  // MARK: KL318

  @Test func zooKeeperClustersQuoteKafkasRegistrationError() {
    let kafka = """
      apiVersion: kafka.strimzi.io/v1beta2
      kind: Kafka
      metadata:
        name: legacy
        namespace: kafka
      spec:
        kafka:
          replicas: 2
          listeners:
            - name: external
              port: 9094
              type: cluster-ip
              tls: true
              configuration:
                advertisedHostTemplate: kafka.example.com
        zookeeper:
          replicas: 3

      """
    let found = Self.lint([("kafka.yaml", kafka)], code: "KL318")
    #expect(Self.positions(found) == ["kafka.yaml 15:35"])
    #expect(
      found.first?.message.contains(
        "\"Configured end points kafka.example.com:9094 in advertised listeners are already "
          + "registered by broker 0\"") == true)
    #expect(found.first?.message.contains("advertisedHostTemplate 'kafka.example.com'") == true)
  }

  @Test func placeholdersAndDistinctPortsAreNotShared() {
    // Node addresses are only known at run time; distinct node ports keep brokers apart.
    let kafka = Self.nodePortKafka([
      "brokers:",
      "  - broker: 1", "    advertisedHost: nodes.example.com", "    nodePort: 32001",
      "  - broker: 2", "    advertisedHost: nodes.example.com", "    nodePort: 32002",
    ])
    #expect(Self.lint([("kafka.yaml", kafka)], code: "KL318").isEmpty)
    let placeholders = Self.nodePortKafka(["preferredNodePortAddressType: ExternalIP"])
    #expect(Self.lint([("kafka.yaml", placeholders)], code: "KL318").isEmpty)
  }

  // MARK: KL319

  /// Nodes sharing a host are one problem: KL319 at the host, not KL318 per listener.
  @Test func nodesOnOneHostAreReportedOnceAtTheHost() {
    let description = Self.vmDescription().replacingOccurrences(
      of: "host: kafka-2.example.com", with: "host: KAFKA-1.example.com")
    let found = Self.lint([("cluster.yaml", description)], code: "KL319")
    #expect(Self.positions(found) == ["cluster.yaml 13:13"])
    #expect(found.first?.message.contains("ports 9090, 9091 and 9092") == true)
    #expect(found.first?.notes.first?.location?.line == 10)
    #expect(Self.lint([("cluster.yaml", description)], code: "KL318").isEmpty)
  }

  @Test func brokersOnDistinctHostsDoNotCollide() {
    #expect(Self.lint([("cluster.yaml", Self.vmDescription())], code: "KL319").isEmpty)
    #expect(Self.lint([("cluster.yaml", Self.vmDescription())], code: "KL318").isEmpty)
  }

  // MARK: KL401, KL402

  @Test func clientGroupsMakeAListenerExternal() {
    let description =
      Self.vmDescription().replacingOccurrences(
        of: "      tls: true\n      authentication:\n        type: tls\n", with: "")
        + """
          clients:
            - name: office
              position: network
              network: corp
              listener: internal
            - name: partners
              position: internet
              listener: internal

        """
    let tls = Self.lint([("cluster.yaml", description)], code: "KL401")
    #expect(Self.positions(tls) == ["cluster.yaml 15:13"])
    #expect(
      tls.first?.message.contains("client group 'partners' uses it from the internet") == true)
    let authentication = Self.lint([("cluster.yaml", description)], code: "KL402")
    #expect(Self.positions(authentication) == ["cluster.yaml 15:13"])

    // On hosts, a network group shares the brokers' network; host clients are on their machines.
    let local = description.replacingOccurrences(of: "position: internet", with: "position: host")
    #expect(Self.lint([("cluster.yaml", local)], code: "KL401").isEmpty)
    #expect(Self.lint([("cluster.yaml", local)], code: "KL402").isEmpty)
  }

  /// On Kubernetes, clients in a network are outside the cluster, even on an internal listener.
  @Test func networkClientsOfAKubernetesClusterAreExternal() {
    let description = """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: events
        namespace: streaming
      spec:
        nodePools:
          - name: dual-role
            roles: [controller, broker]
            replicas: 3
        listeners:
          - name: plain
            port: 9092
            type: internal
            tls: false
        clients:
          - name: apps
            position: kubernetes
            listener: plain
          - name: vpn
            position: network
            network: office-vpn
            listener: plain

      """
    let tls = Self.lint([("cluster.yaml", description)], code: "KL401")
    #expect(Self.positions(tls) == ["cluster.yaml 15:12"])
    #expect(tls.first?.message.contains("from network 'office-vpn'") == true)
    #expect(
      Self.positions(Self.lint([("cluster.yaml", description)], code: "KL402")) == [
        "cluster.yaml 12:13"
      ])
    let inCluster = description.replacingOccurrences(
      of: "position: network\n      network: office-vpn", with: "position: kubernetes")
    #expect(Self.lint([("cluster.yaml", inCluster)], code: "KL401").isEmpty)
  }

  @Test(arguments: [
    ("203.0.113.5", true), ("8.8.8.8", true), ("2001:db8::5", true), ("10.1.2.3", false),
    ("172.16.0.1", false), ("172.32.0.1", true), ("192.168.1.1", false), ("100.64.0.1", false),
    ("169.254.1.1", false), ("127.0.0.1", false), ("0.0.0.0", false), ("224.0.0.1", false),
    ("fd00::1", false), ("fe80::1%eth0", false), ("::1", false), ("kafka.example.com", false),
  ])
  func publicAddressLiterals(host: String, isPublic: Bool) {
    #expect(PortChecks.isPublicIPLiteral(host) == isPublic)
  }

  @Test func advertisedPublicAddressesNeedEncryptionAndAuthentication() {
    let properties = """
      process.roles=broker,controller
      node.id=1
      controller.quorum.voters=1@10.0.0.5:9093
      controller.listener.names=CONTROLLER
      listener.security.protocol.map=CONTROLLER:SSL,PRIVATE:PLAINTEXT,PUBLIC:PLAINTEXT
      inter.broker.listener.name=PRIVATE
      listeners=CONTROLLER://10.0.0.5:9093,PRIVATE://10.0.0.5:9092,PUBLIC://0.0.0.0:9094
      advertised.listeners=PRIVATE://10.0.0.5:9092,PUBLIC://203.0.113.5:9094

      """
    let files = [("server.properties", properties)]
    #expect(Self.positions(Self.lint(files, code: "KL401")) == ["server.properties 8:46"])
    #expect(Self.positions(Self.lint(files, code: "KL402")) == ["server.properties 8:46"])
    // SASL_SSL is encrypted and authenticated: nothing to say.
    let secure = properties.replacingOccurrences(of: "PUBLIC:PLAINTEXT", with: "PUBLIC:SASL_SSL")
    #expect(Self.lint([("server.properties", secure)], code: "KL401").isEmpty)
    #expect(Self.lint([("server.properties", secure)], code: "KL402").isEmpty)
  }

  // MARK: KL501 and spec.properties

  @Test func specPropertiesIsReadAndResolvedAgainstTheDescription() {
    let text = Self.vmDescription(
      properties: """
          properties:
            - node: 1
              file: ../config/./kafka-1.properties
            - node: 2
              file: /etc/kafka/server.properties

        """)
    let input = LintInput(files: [SourceFile(path: "deploy/prod/cluster.yaml", text: text)])
    #expect(input.clusterIssues.isEmpty, "\(input.clusterIssues)")
    let mapping = input.clusters.first?.nodeProperties ?? [:]
    #expect(mapping[1]?.value == "deploy/config/kafka-1.properties")
    #expect(mapping[1]?.location.line == 23)
    #expect(mapping[2]?.value == "/etc/kafka/server.properties")
  }

  @Test func specPropertiesMistakesAreReported() {
    let text = Self.vmDescription(
      properties: """
          properties:
            - node: 7
              file: a.properties
            - node: 1
              file: cluster.yaml
            - node: 1
              file: b.properties
            - node: 2
              file: ./b.properties
            - node: 1
              file: c.properties

        """)
    let input = LintInput(files: [SourceFile(path: "cluster.yaml", text: text)])
    let issues = input.clusterIssues.map { "\($0.code) \($0.location.line):\($0.location.column)" }
    // Unknown node, a YAML file, one file for two nodes, one node twice.
    #expect(issues == ["KL016 22:13", "KL016 25:13", "KL016 29:13", "KL016 30:13"])
    #expect(input.clusters.first?.nodeProperties.mapValues(\.value) == [1: "b.properties"])
  }

  @Test(arguments: [
    ("config/a.properties", "cluster.yaml", "config/a.properties"),
    ("config/a.properties", "x/y/cluster.yaml", "x/y/config/a.properties"),
    ("../a.properties", "x/y/cluster.yaml", "x/a.properties"),
    ("../../../a.properties", "x/cluster.yaml", "../../a.properties"),
    ("./a.properties", "./cluster.yaml", "a.properties"),
    ("/etc/a.properties", "x/cluster.yaml", "/etc/a.properties"),
    ("a.properties", "/srv/x/cluster.yaml", "/srv/x/a.properties"),
    ("../../a.properties", "/srv/cluster.yaml", "/a.properties"),
  ])
  func referencesResolveLexically(reference: String, document: String, resolved: String) {
    #expect(PropertiesReference.resolve(reference, relativeTo: document) == resolved)
  }

  /// The same node's file given with `--properties`: equal values (whatever the order or case
  /// of list elements) are not drift, changed ones are, at the value.
  @Test func commandLinePropertiesAreCompared() throws {
    let description = Self.vmDescription()
    let derived = try Self.derivedProperties(description, node: 2)
    var configuration = Configuration()
    configuration.nodeProperties = [(2, "kafka-2.properties")]
    let same = Self.lint(
      [("cluster.yaml", description), ("kafka-2.properties", derived)], code: "KL501",
      configuration: configuration)
    #expect(same.isEmpty, "\(same)")

    let listeners = try #require(
      derived.split(separator: "\n").first { $0.hasPrefix("listeners=") })
    let reordered = derived.replacingOccurrences(
      of: String(listeners),
      with: "listeners="
        + listeners.dropFirst("listeners=".count).split(separator: ",").reversed()
        .joined(separator: " , ").lowercased())
    #expect(
      Self.lint(
        [("cluster.yaml", description), ("kafka-2.properties", reordered)], code: "KL501",
        configuration: configuration
      ).isEmpty)

    let drifted =
      derived
      .replacingOccurrences(
        of: "INTERNAL-9092://kafka-2.example.com", with: "INTERNAL-9092://kafka-2"
      )
      .replacingOccurrences(of: "node.id=2\n", with: "")
    let found = Self.lint(
      [("cluster.yaml", description), ("kafka-2.properties", drifted)], code: "KL501",
      configuration: configuration)
    #expect(found.map(\.location.line) == [1, 7], "\(found)")
    #expect(
      found.first?.message.hasPrefix("node.id is missing; cluster 'payments' derives") == true)
    #expect(
      found.last?.message.contains(
        "not derived: 'INTERNAL-9092://kafka-2:9092'; missing: "
          + "'INTERNAL-9092://kafka-2.example.com:9092'") == true)
    #expect(found.last?.notes.first?.location?.file == "cluster.yaml")
  }

  @Test func controllerListenerNamesKeepTheirOrder() {
    #expect(
      ConfigurationDrift.difference("controller.listener.names", "A,B", "B,A", placeholders: [])
        != nil)
    #expect(
      ConfigurationDrift.difference(
        "listeners", "A://:1, B://:2", "B://:2,A://:1", placeholders: [])
        == nil)
    #expect(
      ConfigurationDrift.difference(
        "listener.security.protocol.map", "a:ssl", "A:SSL", placeholders: []) == nil)
  }

  /// An address only known at run time matches whatever the file advertises for its listener.
  @Test func runtimeAddressesMatchAnyAddress() {
    let derived = "A-1://<address of node 1>:9094,B-2://kafka:9092"
    #expect(
      ConfigurationDrift.difference(
        "advertised.listeners", "A-1://10.0.0.7:9094,B-2://kafka:9092", derived,
        placeholders: ["A-1"]) == nil)
    #expect(
      ConfigurationDrift.difference(
        "advertised.listeners", "B-2://kafka:9092", derived, placeholders: ["A-1"]) != nil)
  }

  @Test func commandLinePropertiesForAnUnknownNodeAreReported() {
    var configuration = Configuration()
    configuration.nodeProperties = [(9, "kafka-9.properties")]
    let files = [
      ("cluster.yaml", Self.vmDescription()), ("kafka-9.properties", "node.id=9\n"),
    ]
    let found = Self.lint(files, code: "KL501", configuration: configuration)
    #expect(Self.positions(found) == ["kafka-9.properties 1:1"])
    #expect(found.first?.message.contains("no cluster among the inputs has node 9") == true)
  }

  /// End to end: the referenced files are read from disk; a missing one is reported where the
  /// description names it, and `generate` is not stopped by drift.
  @Test func referencedFilesAreReadFromDisk() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = Self.vmDescription(
      properties: """
          properties:
            - node: 1
              file: conf/kafka-1.properties
            - node: 2
              file: conf/kafka-2.properties

        """)
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("conf"), withIntermediateDirectories: true)
    try text.write(
      to: directory.appendingPathComponent("cluster.yaml"), atomically: true, encoding: .utf8)
    let node1 = try Self.derivedProperties(text, node: 1)
      .replacingOccurrences(
        of: "inter.broker.listener.name=REPLICATION-9091",
        with: "inter.broker.listener.name=INTERNAL-9092")
    try node1.write(
      to: directory.appendingPathComponent("conf/kafka-1.properties"), atomically: true,
      encoding: .utf8)

    let lint = try runCLI(["lint", "--no-config", "cluster.yaml"], in: directory.path)
    #expect(lint.status == 1)
    let lines = lint.stdout.split(separator: "\n").filter { $0.contains("[KL501") }
    #expect(lines.count == 2, "\(lint.stdout)")
    #expect(lines.first?.hasPrefix("cluster.yaml:25:13: error: node 2's server.properties") == true)
    #expect(lines.last?.hasPrefix("conf/kafka-1.properties:7:28: error: inter.broker") == true)

    // Naming the same file again on the command line reports it once.
    let both = try runCLI(
      ["lint", "--no-config", "cluster.yaml", "--properties", "1=./conf/kafka-1.properties"],
      in: directory.path)
    #expect(both.stdout.split(separator: "\n").filter { $0.contains("[KL501") }.count == 2)

    let generate = try runCLI(["generate", "cluster.yaml", "--node", "1"], in: directory.path)
    #expect(generate.status == 0, "\(generate.stderr)")
    #expect(generate.stdout.contains("inter.broker.listener.name=REPLICATION-9091"))
  }
}
