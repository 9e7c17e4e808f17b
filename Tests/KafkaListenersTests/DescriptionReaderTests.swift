import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// How a `ClusterDescription` becomes a ``Cluster``: nodes and their ids, listeners, known
/// addresses, client groups, and the issues of what cannot be read.
@Suite struct DescriptionReaderTests {
  /// Reads YAML or JSON text as one input file.
  static func read(_ text: String, path: String = "cluster.yaml") -> (
    clusters: [Cluster], issues: [ReadIssue]
  ) {
    let input = LintInput(files: [SourceFile(path: path, text: text)])
    return (input.clusters, input.clusterIssues)
  }

  static func readFixture(_ name: String) throws -> Cluster {
    let path = "Fixtures/descriptions/\(name)"
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packagePath(path))))
    let input = LintInput(files: [SourceFile(path: path, content: .bytes(bytes))])
    #expect(input.clusterIssues.isEmpty, "\(input.clusterIssues)")
    return try #require(input.clusters.first)
  }

  /// A description around `spec`, indented by the caller as under `spec:`.
  static func description(_ spec: String, name: String = "orders") -> String {
    """
    apiVersion: kafka-listeners/v1
    kind: ClusterDescription
    metadata:
      name: \(name)
    spec:
    \(spec)
    """
  }

  static func positions(_ issues: [ReadIssue]) -> [String] {
    issues.map { "\($0.code) \($0.location.line):\($0.location.column)" }
  }

  @Test(arguments: DescriptionSchemaTests.valid)
  func validFixtureReadsCleanly(path: String) throws {
    let cluster = try Self.readFixture((path as NSString).lastPathComponent)
    #expect(cluster.origin == .description)
    #expect(cluster.isKRaft)
    #expect(!cluster.brokers.isEmpty && !cluster.controllers.isEmpty)
    #expect(!cluster.listeners.isEmpty)
    #expect(!cluster.clientGroups.isEmpty)
    #expect(cluster.lines?.lowerBound == cluster.location.line)

    // Beyond reading: no rule finds an error or warning in a description offered as an example.
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packagePath(path))))
    let findings = Linter(configuration: Configuration())
      .lint([SourceFile(path: path, content: .bytes(bytes))]).diagnostics
      .filter { $0.severity != .note }
    #expect(findings.isEmpty, "\(findings.map(\.description))")
  }

  @Test func composeFixtureDescribesContainers() throws {
    let cluster = try Self.readFixture("compose-three-brokers.yaml")
    #expect(cluster.platform.value == .docker)
    #expect(cluster.kafkaVersion?.value == "3.9")
    #expect(cluster.nodes.map(\.id) == [1, 2, 3])
    #expect(cluster.nodes.map(\.podName) == ["kafka-1", "kafka-2", "kafka-3"])
    #expect(cluster.nodes.map { $0.host?.value } == ["kafka-1", "kafka-2", "kafka-3"])
    #expect(cluster.nodes[0].host?.location.line == 16)
    #expect(cluster.nodes.allSatisfy { $0.roles == [.broker, .controller] && $0.pool == "kafka" })
    #expect(cluster.pools.count == 1 && cluster.pools[0].isImplicit)
    #expect(cluster.listeners.map(\.name.value) == ["docker", "external"])
    #expect(cluster.listeners.allSatisfy { $0.type.value == .host && !$0.isTLS })
    let external = cluster.listeners[1]
    #expect(external.configuration.advertisedHostTemplate?.value == "localhost")
    #expect(external.configuration.advertisedBasePort?.value == 29091)
    #expect(external.kafkaName == "EXTERNAL-9092")
    #expect(cluster.clientGroups.map(\.position.value) == [.network, .host])
    #expect(cluster.clientGroups[0].network?.value == "orders_default")
    #expect(cluster.clientGroups[1].network == nil)
    #expect(cluster.namespace == nil && cluster.clusterDomain == nil)
  }

  @Test func jsonFixtureReadsWithPositions() throws {
    let cluster = try Self.readFixture("vm-cluster.json")
    #expect(cluster.platform.value == .hosts)
    #expect(cluster.controllers.map(\.id) == [1, 2, 3])
    #expect(cluster.brokers.map(\.id) == [101, 102, 103])
    #expect(cluster.brokers.map(\.podName) == cluster.brokers.map { $0.host?.value ?? "" })
    #expect(cluster.pools.map(\.name.value) == ["controllers", "brokers"])
    #expect(cluster.pools.map { $0.nodeIds.map(\.value) } == [[1, 2, 3], [101, 102, 103]])
    let pub = try #require(cluster.listeners.last)
    #expect(pub.securityProtocol == "SASL_SSL")
    #expect(pub.configuration.advertisedHosts.map(\.value.first) == ["k", "k", "k"])
    #expect(pub.configuration.advertisedHosts[1].location.line == 35)
    #expect(pub.configuration.advertisedHosts[1].location.column == 13)
    #expect(pub.configuration.maxConnections?.value == 2000)
    #expect(cluster.listeners[0].authentication?.value == .tls)
    #expect(cluster.clientGroups.map(\.listener.value) == ["internal", "public"])
  }

  @Test func poolsWithoutIdsGetStrimzisLowestUnusedIds() throws {
    let cluster = try Self.readFixture("kubernetes-pools.yaml")
    #expect(cluster.platform.value == .kubernetes)
    #expect(cluster.namespace?.value == "finance")
    #expect(cluster.controllers.map(\.id) == [0, 1, 2])
    #expect(cluster.brokers.map(\.id) == [3, 4, 5])
    #expect(cluster.nodes.allSatisfy { $0.isAssigned })
    #expect(cluster.nodes.map(\.podName).first == "ledger-controllers-0")
    #expect(cluster.nodes.map(\.podName).last == "ledger-brokers-5")
    #expect(cluster.pools.map { $0.replicas?.value } == [3, 3])
    #expect(cluster.pools.allSatisfy { $0.nodeIds.isEmpty })
    // An assigned id points at the pool it was assigned in.
    #expect(cluster.brokers[0].location.line == cluster.pools[1].location.line)
    let route = try #require(cluster.listeners.first { $0.type.value == .route })
    #expect(route.configuration.hostTemplate?.value == "ledger-{nodeId}.apps.example.com")
    #expect(route.configuration.bootstrap?.host?.value == "ledger.apps.example.com")
  }

  @Test func assignmentFillsGapsAroundWrittenIds() throws {
    let (clusters, issues) = Self.read(
      Self.description(
        """
          nodePools:
            - name: brokers
              roles: [broker]
              replicas: 3
            - name: controllers
              roles: [controller]
              nodeIds: [0, 2]
          listeners:
            - {name: plain, port: 9092, type: internal}
        """))
    #expect(issues.isEmpty, "\(issues)")
    let cluster = try #require(clusters.first)
    #expect(cluster.brokers.map(\.id) == [1, 3, 4])
    #expect(cluster.controllers.map(\.id) == [0, 2])
    #expect(cluster.controllers.allSatisfy { !$0.isAssigned })
    #expect(
      Array(cluster.nodes.map(\.podName).prefix(2)) == ["orders-controllers-0", "orders-brokers-1"])
  }

  @Test func knownAddressesAreReadByNodeAndListener() throws {
    let nodeport = try Self.readFixture("kubernetes-nodeport.yaml")
    #expect(nodeport.knownAddresses.nodeAddresses.keys.sorted() == [0, 1, 2])
    #expect(
      nodeport.knownAddresses.nodeAddresses[1]?["ExternalDNS"]?.value == "worker-b.example.com")
    #expect(nodeport.knownAddresses.nodeAddresses[2]?["InternalIP"]?.value == "10.0.0.12")
    let external = try #require(nodeport.listeners.first { $0.name.value == "external" })
    #expect(external.configuration.preferredNodePortAddressType?.value == "ExternalDNS")
    #expect(external.configuration.brokers.map { $0.nodePort?.value } == [32000, 32001, 32002])
    #expect(external.configuration.bootstrap?.nodePort?.value == 32100)
    #expect(
      external.configuration.bootstrap?.alternativeNames.map(\.value) == ["events.example.com"])

    let lb = try Self.readFixture("kubernetes-loadbalancer.yaml")
    #expect(lb.pools.map { $0.nodeIds.map(\.value) } == [[0, 1, 2], [100, 101, 102]])
    #expect(lb.clusterDomain?.value == "cluster.local")
    let addresses = try #require(lb.knownAddresses.loadBalancers["external"])
    #expect(addresses.bootstrap?.value == "a1b2c3-bootstrap.elb.eu-west-1.amazonaws.com")
    #expect(addresses.brokers.keys.sorted() == [100, 101, 102])
    #expect(addresses.brokers[101]?.value == "a1b2c3-101.elb.eu-west-1.amazonaws.com")
    let listener = try #require(lb.listeners.last)
    #expect(
      listener.configuration.finalizers.map(\.value) == [
        "service.kubernetes.io/load-balancer-cleanup"
      ])
    #expect(
      listener.configuration.bootstrap?.annotations["external-dns.alpha.kubernetes.io/hostname"]?
        .value == "clickstream.example.com")
  }

  @Test func jsonAndYAMLSpellingsReadTheSame() throws {
    let yaml = Self.description(
      """
        platform: hosts
        nodes:
          - id: 7
            roles: [broker, controller]
            host: kafka-7.example.com
        listeners:
          - name: clients
            port: 9092
            type: host
            tls: true
            authentication:
              type: custom
              sasl: true
              listenerConfig:
                sasl.enabled.mechanisms: OAUTHBEARER
                connections.max.reauth.ms: 3600000
            configuration:
              advertisedHosts: [kafka.example.com]
              advertisedBasePort: 9100
      """)
    let json = """
      {"apiVersion": "kafka-listeners/v1", "kind": "ClusterDescription",
       "metadata": {"name": "orders"},
       "spec": {"platform": "hosts",
        "nodes": [{"id": 7, "roles": ["broker", "controller"], "host": "kafka-7.example.com"}],
        "listeners": [{"name": "clients", "port": 9092, "type": "host", "tls": true,
          "authentication": {"type": "custom", "sasl": true, "listenerConfig":
            {"sasl.enabled.mechanisms": "OAUTHBEARER", "connections.max.reauth.ms": 3600000}},
          "configuration": {"advertisedHosts": ["kafka.example.com"],
            "advertisedBasePort": 9100}}]}}
      """
    let fromYAML = Self.read(yaml)
    let fromJSON = Self.read(json, path: "cluster.json")
    #expect(
      fromYAML.issues.isEmpty && fromJSON.issues.isEmpty, "\(fromYAML.issues + fromJSON.issues)")
    let a = try #require(fromYAML.clusters.first)
    let b = try #require(fromJSON.clusters.first)
    for cluster in [a, b] {
      #expect(cluster.nodes.map(\.id) == [7])
      #expect(cluster.nodes.map(\.roles) == [[.broker, .controller]])
      #expect(cluster.nodes.map(\.podName) == ["kafka-7.example.com"])
      #expect(cluster.listeners[0].securityProtocol == "SASL_SSL")
      #expect(cluster.listeners[0].customSasl?.value == true)
      #expect(cluster.listeners[0].configuration.advertisedBasePort?.value == 9100)
    }
    #expect(b.listeners[0].port.location.line == 5)
    #expect(b.listeners[0].port.location.column == 45)
  }

  @Test func ignoreAnnotationNamesRulesWhereTheyAreWritten() throws {
    let text = """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: orders
        annotations:
          kafka-listeners.io/ignore: "KL013, unknown-field"
      spec:
        nodePools:
          - {name: dual, roles: [broker, controller], replicas: 1}
        listeners:
          - name: plain
            port: 9092
            type: internal
            tsl: false
      """
    let (clusters, issues) = Self.read(text)
    let cluster = try #require(clusters.first)
    #expect(cluster.ignoredRules.map(\.value) == ["KL013", "unknown-field"])
    #expect(cluster.ignoredRules.map(\.location.column) == [33, 40])
    #expect(Self.positions(issues) == ["KL013 14:7"])
    // The annotation silences the unknown field in this document.
    let diagnostics = Linter(configuration: Configuration())
      .lint([SourceFile(path: "cluster.yaml", text: text)]).diagnostics
    #expect(!diagnostics.contains { $0.code == "KL013" }, "\(diagnostics)")
  }

  @Test func unknownKeysPointAtTheKeyWithASuggestion() {
    let (_, issues) = Self.read(
      Self.description(
        """
          nodePools:
            - name: dual
              roles: [broker, controller]
              replicas: 1
          listeners:
            - name: plain
              port: 9092
              type: internal
              configuration:
                advertisedHostTemplat: "kafka-{nodeId}.example.com"
          client:
            - name: apps
        """))
    #expect(Self.positions(issues) == ["KL013 16:3", "KL013 15:9"])
    #expect(issues[0].message.contains("did you mean 'clients'?"))
    #expect(issues[1].message.contains("did you mean 'advertisedHostTemplate'?"))
  }

  @Test func collisionsAreReportedAtTheLaterIdWithANoteAtTheFirst() throws {
    let (clusters, issues) = Self.read(
      Self.description(
        """
          nodes:
            - {id: 4, roles: [broker], pool: extra}
          nodePools:
            - name: main
              roles: [broker, controller]
              nodeIds: [3, 4]
          listeners:
            - {name: plain, port: 9092, type: internal}
        """))
    #expect(Self.positions(issues) == ["KL018 11:20"])
    let issue = try #require(issues.first)
    #expect(issue.notes.first?.location?.line == 7)
    #expect(issue.message.contains("already used by spec.nodes[0]"))
    let cluster = try #require(clusters.first)
    #expect(cluster.nodes.map(\.id) == [3, 4])
    #expect(cluster.nodes.map(\.pool) == ["main", "extra"])
  }

  @Test func explicitNodesNamingADeclaredPoolAreReported() {
    let (_, issues) = Self.read(
      Self.description(
        """
          nodePools:
            - {name: main, roles: [controller], replicas: 1}
          nodes:
            - {id: 5, roles: [broker], pool: main}
          listeners:
            - {name: plain, port: 9092, type: internal}
        """))
    #expect(Self.positions(issues) == ["KL016 9:38"])
  }

  @Test func platformDecidesPortsAndTypes() {
    let docker = Self.read(
      Self.description(
        """
          platform: docker
          nodes:
            - {id: 1, roles: [broker, controller], host: kafka-1}
          listeners:
            - {name: plain, port: 80, type: host}
            - {name: big, port: 70000, type: host}
        """))
    #expect(Self.positions(docker.issues) == ["KL016 11:25"])
    #expect(docker.clusters.first?.listeners.map(\.port.value) == [80])

    let kubernetes = Self.read(
      Self.description(
        """
          nodePools:
            - {name: dual, roles: [broker, controller], replicas: 1}
          listeners:
            - {name: plain, port: 9091, type: internal}
        """))
    #expect(Self.positions(kubernetes.issues) == ["KL016 9:27"])
    #expect(kubernetes.issues.first?.message.contains("at least 9092") == true)
  }

  @Test func customAuthenticationFieldsNeedTypeCustom() {
    let (_, issues) = Self.read(
      Self.description(
        """
          nodePools:
            - {name: dual, roles: [broker, controller], replicas: 1}
          listeners:
            - name: tls
              port: 9093
              type: internal
              tls: true
              authentication:
                type: tls
                sasl: false
                listenerConfig: {a: [1]}
        """))
    #expect(Self.positions(issues) == ["KL014 16:29", "KL016 15:9", "KL016 16:9"])
  }

  @Test func missingSectionsStillReportEverythingElse() {
    let (clusters, issues) = Self.read(
      """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: Orders
        namespace: kafka
      spec:
        listeners: []
        bogus: 1
      """)
    #expect(clusters.isEmpty)
    #expect(Self.positions(issues) == ["KL016 4:9", "KL013 8:3", "KL015 7:3", "KL016 7:14"])
  }

  /// Hostile or mangled documents produce issues, never a crash or a hang.
  @Test(arguments: [
    "spec: []\nmetadata: x",
    "metadata: {name: a}\nspec: {nodePools: 3, nodes: {a: 1}, listeners: x}",
    "metadata: {name: a}\nspec: {nodePools: [1, [2], {}], nodes: [null, {id: -1}], listeners: [1]}",
    "metadata: {name: a}\nspec: {nodePools: [{name: p, roles: [broker], replicas: 3000000000}],"
      + " listeners: [{name: a, port: 9092, type: internal}]}",
    "metadata: {name: a}\nspec: {nodePools: [{name: p, roles: [broker], replicas: 9000}, "
      + "{name: q, roles: [controller], replicas: 9000}], listeners: []}",
    "metadata: {name: a}\nspec: {nodes: [{id: 99999999999999999999, roles: []}], listeners: "
      + "[{name: a, port: 9092, type: internal, configuration: {advertisedBasePort: 65535, "
      + "advertisedHosts: [], brokers: [{}], parentRefs: [{}], bootstrap: []}}]}",
    "metadata: {name: a, annotations: {kafka-listeners.io/ignore: [KL1]}}\nspec: "
      + "{nodes: [{id: 1, roles: [broker, broker, controller]}], addresses: {nodes: [{}], "
      + "loadBalancers: [{}, {listener: zz, brokers: [{broker: 1}]}]}, clients: [{}, 5], "
      + "listeners: [{name: a, port: 9092, type: internal}]}",
    "metadata: {name: a}\nspec: {platform: [docker], nodes: [{id: 1, roles: [broker, controller]}],"
      + " listeners: [{name: a, port: 9092, type: internal, authentication: {type: [x]}}]}",
  ])
  func malformedDocumentsAreReportedNotFatal(body: String) {
    let text = "apiVersion: kafka-listeners/v1\nkind: ClusterDescription\n" + body + "\n"
    let (_, issues) = Self.read(text)
    #expect(!issues.isEmpty)
    for issue in issues {
      #expect(issue.location.line >= 1 && issue.location.column >= 1)
      #expect(!issue.message.contains("\n"))
      #expect(["KL013", "KL014", "KL015", "KL016", "KL018"].contains(issue.code))
    }
  }

  @Test func hugeReplicaCountsAreRefusedNotAllocated() throws {
    let (clusters, issues) = Self.read(
      Self.description(
        """
          nodePools:
            - {name: a, roles: [broker], replicas: 9000}
            - {name: b, roles: [controller], replicas: 9000}
          listeners:
            - {name: plain, port: 9092, type: internal}
        """))
    #expect(Self.positions(issues) == ["KL016 8:48"])
    #expect(try #require(clusters.first).nodes.count == 9000)
  }
}
