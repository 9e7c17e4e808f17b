import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// The Strimzi reader: the model read from realistic `Kafka` and `KafkaNodePool` resources,
/// Strimzi's node-id assignment, its node-id range syntax, and golden reports for broken
/// resources (`Fixtures/strimzi/broken/X.yaml` → `X.expected.json`, the CLI's JSON report;
/// `UPDATE_GOLDEN=1` rewrites them, review the diff).
@Suite struct StrimziReaderTests {
  // MARK: Helpers

  /// Reads YAML texts (path, text) as one run of the tool would.
  static func read(_ files: [(path: String, text: String)]) -> (
    clusters: [Cluster], issues: [ReadIssue]
  ) {
    ClusterReader.read(files.map { YAMLReader.read(path: $0.path, bytes: Array($0.text.utf8)) })
  }

  /// Reads one YAML text named `kafka.yaml`.
  static func read(_ text: String) -> (clusters: [Cluster], issues: [ReadIssue]) {
    read([("kafka.yaml", text)])
  }

  /// Reads fixtures by their path in the package, keeping the relative path in locations.
  static func readFixtures(_ paths: [String]) throws -> (clusters: [Cluster], issues: [ReadIssue]) {
    read(try paths.map { ($0, try String(contentsOfFile: packagePath($0), encoding: .utf8)) })
  }

  /// `code line:column` of each issue, sorted.
  static func positions(_ issues: [ReadIssue]) -> [String] {
    issues.map { "\($0.code) \($0.location.line):\($0.location.column)" }.sorted()
  }

  /// Node ids per pool, in id order.
  static func ids(_ cluster: Cluster) -> [String: [Int]] {
    Dictionary(grouping: cluster.nodes, by: \.pool).mapValues { $0.map(\.id) }
  }

  /// A `KafkaNodePool` document (starting with `---`) for tests of the node-id assignment.
  static func pool(
    _ name: String, cluster: String = "my-cluster", replicas: Int,
    roles: String = "[broker]", annotations: [String: String] = [:], status: [Int]? = nil,
    namespace: String? = nil
  ) -> String {
    var text = """
      ---
      apiVersion: kafka.strimzi.io/v1
      kind: KafkaNodePool
      metadata:
        name: \(name)

      """
    if let namespace { text += "  namespace: \(namespace)\n" }
    text += "  labels:\n    strimzi.io/cluster: \(cluster)\n"
    if !annotations.isEmpty {
      text += "  annotations:\n"
      for (key, value) in annotations.sorted(by: { $0.key < $1.key }) {
        text += "    \(key): \"\(value)\"\n"
      }
    }
    text += """
      spec:
        replicas: \(replicas)
        roles: \(roles)
        storage:
          type: ephemeral

      """
    if let status {
      text += "status:\n  nodeIds: [\(status.map(String.init).joined(separator: ", "))]\n"
    }
    return text
  }

  /// A v1 (or v1beta2) `Kafka` with one internal listener; the extras are inserted verbatim.
  static func kafka(
    _ name: String = "my-cluster", apiVersion: String = "v1",
    extraMetadata: String = "", extraKafka: String = "", extraSpec: String = ""
  ) -> String {
    """
    apiVersion: kafka.strimzi.io/\(apiVersion)
    kind: Kafka
    metadata:
      name: \(name)
    \(extraMetadata)spec:
      kafka:
    \(extraKafka)    listeners:
          - name: plain
            port: 9092
            type: internal
            tls: false
    \(extraSpec)
    """
  }

  // MARK: Valid fixtures

  static let validFixtures: [[String]] = [
    ["Fixtures/strimzi/kafka-persistent-node-pools.yaml"],
    ["Fixtures/strimzi/kafka-kraft-separate-controllers.yaml"],
    ["Fixtures/strimzi/kafka-nodeport.yaml"],
    ["Fixtures/strimzi/kafka-loadbalancer.yaml"],
    ["Fixtures/strimzi/kafka-route.yaml"],
    ["Fixtures/strimzi/kafka-ingress.yaml"],
    ["Fixtures/strimzi/kafka-cluster-ip.yaml"],
    ["Fixtures/strimzi/kafka-tlsroute.yaml"],
    ["Fixtures/strimzi/kafka-zookeeper-v1beta2.yaml"],
    ["Fixtures/strimzi/split/kafka.yaml", "Fixtures/strimzi/split/pools.yaml"],
  ]

  @Test func everyValidFixtureIsListed() throws {
    let directory = packagePath("Fixtures/strimzi")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".yaml") }.map { "Fixtures/strimzi/\($0)" }
    let listed = Set(Self.validFixtures.flatMap { $0 })
    #expect(Set(names).isSubset(of: listed), "a fixture in Fixtures/strimzi is not tested")
  }

  @Test(arguments: validFixtures)
  func validFixtureHasNoErrorsOrWarnings(paths: [String]) throws {
    let files = try paths.map { path in
      SourceFile(path: path, text: try String(contentsOfFile: packagePath(path), encoding: .utf8))
    }
    let report = Linter(configuration: Configuration()).lint(files)
    let problems = report.diagnostics.filter { $0.severity != .note }
    #expect(problems.isEmpty, "\(problems.map { "\($0.location) \($0.code) \($0.message)" })")
    let (clusters, issues) = try Self.readFixtures(paths)
    #expect(issues.isEmpty)
    #expect(clusters.count == 1)
    for cluster in clusters {
      #expect(cluster.origin == .strimzi)
      #expect(cluster.platform.value == .kubernetes)
      #expect(cluster.clusterDomain == nil)
      #expect(!cluster.nodes.isEmpty)
      #expect(cluster.nodes.map(\.id) == cluster.nodes.map(\.id).sorted())
      #expect(Set(cluster.nodes.map(\.id)).count == cluster.nodes.count)
      for node in cluster.nodes {
        #expect(node.podName == "\(cluster.name.value)-\(node.pool)-\(node.id)")
      }
    }
  }

  @Test func dualRolePool() throws {
    let (clusters, _) = try Self.readFixtures(["Fixtures/strimzi/kafka-persistent-node-pools.yaml"])
    let cluster = try #require(clusters.first)
    #expect(cluster.name.value == "my-cluster")
    #expect(cluster.namespace == nil)
    #expect(cluster.apiVersion.value == "kafka.strimzi.io/v1")
    #expect(cluster.kafkaVersion?.value == "4.1.0")
    #expect(cluster.isKRaft)
    #expect(cluster.location.line == 23)
    let pool = try #require(cluster.pools.first)
    #expect(cluster.pools.count == 1)
    #expect(pool.name.value == "dual-role")
    #expect(pool.replicas?.value == 3)
    #expect(pool.roles.map(\.value) == [.controller, .broker])
    #expect(pool.clusterLabel?.value == "my-cluster")
    #expect(!pool.isImplicit)
    #expect(cluster.nodes.map(\.id) == [0, 1, 2])
    #expect(
      cluster.nodes.map(\.podName) == [
        "my-cluster-dual-role-0", "my-cluster-dual-role-1",
        "my-cluster-dual-role-2",
      ])
    #expect(cluster.nodes.allSatisfy { $0.roles == [.controller, .broker] && $0.isAssigned })
    #expect(cluster.brokers.count == 3 && cluster.controllers.count == 3)
    #expect(cluster.listeners.map(\.identifier) == ["plain-9092", "tls-9093"])
    #expect(cluster.listeners.map(\.type.value) == [.internal, .internal])
    #expect(cluster.listeners.map(\.isTLS) == [false, true])
    #expect(cluster.listeners.map(\.securityProtocol) == ["PLAINTEXT", "SSL"])
    #expect(cluster.listeners[1].port.location.line == 37)
  }

  @Test func separateControllerAndBrokerPools() throws {
    let (clusters, _) = try Self.readFixtures([
      "Fixtures/strimzi/kafka-kraft-separate-controllers.yaml"
    ])
    let cluster = try #require(clusters.first)
    #expect(cluster.namespace?.value == "kafka")
    #expect(cluster.pools.map(\.name.value) == ["controller", "broker"])
    #expect(Self.ids(cluster) == ["controller": [0, 1, 2], "broker": [100, 101, 102]])
    #expect(cluster.controllers.map(\.id) == [0, 1, 2])
    #expect(
      cluster.brokers.map(\.podName) == [
        "my-cluster-broker-100", "my-cluster-broker-101",
        "my-cluster-broker-102",
      ])
    #expect(cluster.pools[1].nextNodeIds?.value.prefix(3) == [100, 101, 102])
    #expect(cluster.pools[1].nextNodeIds?.value.count == 100)
    // New ids point at what chose them: the range, or the replicas of the pool.
    #expect(cluster.brokers.allSatisfy { $0.location.line == 31 })
    #expect(cluster.controllers.allSatisfy { $0.location.line == 11 })
    #expect(cluster.listeners[1].authentication?.value == .tls)
  }

  @Test func nodePortListener() throws {
    let (clusters, _) = try Self.readFixtures(["Fixtures/strimzi/kafka-nodeport.yaml"])
    let listener = try #require(clusters.first?.listeners.last)
    #expect(listener.name.value == "external")
    #expect(listener.type.value == .nodePort)
    #expect(listener.port.value == 9094 && listener.isTLS)
    #expect(listener.authentication?.value == .tls)
    let configuration = listener.configuration
    #expect(configuration.preferredNodePortAddressType?.value == "InternalDNS")
    #expect(configuration.externalTrafficPolicy?.value == "Local")
    #expect(configuration.bootstrap?.nodePort?.value == 32100)
    #expect(configuration.bootstrap?.alternativeNames.map(\.value) == ["kafka.example.internal"])
    #expect(configuration.brokers.map(\.broker.value) == [0, 1, 2])
    #expect(configuration.brokers.compactMap(\.nodePort?.value) == [32000, 32001, 32002])
    #expect(configuration.brokers[1].location.line == 43)
    #expect(configuration.maxConnections?.value == 1000)
    #expect(configuration.maxConnectionCreationRate?.value == 50)
  }

  @Test func loadBalancerListener() throws {
    let (clusters, _) = try Self.readFixtures(["Fixtures/strimzi/kafka-loadbalancer.yaml"])
    let cluster = try #require(clusters.first)
    #expect(Self.ids(cluster) == ["controllers": [0, 1, 2], "brokers": [3, 4, 5]])
    let listener = try #require(cluster.listeners.last)
    #expect(listener.type.value == .loadBalancer)
    #expect(listener.authentication?.value == .scramSha512)
    #expect(listener.securityProtocol == "SASL_SSL")
    let configuration = listener.configuration
    #expect(configuration.className?.value == "service.k8s.aws/nlb")
    #expect(configuration.loadBalancerSourceRanges.map(\.value) == ["10.20.0.0/16"])
    #expect(
      configuration.finalizers.map(\.value) == ["service.kubernetes.io/load-balancer-cleanup"])
    #expect(configuration.allocateLoadBalancerNodePorts?.value == false)
    #expect(configuration.createBootstrapService?.value == true)
    #expect(configuration.ipFamilyPolicy?.value == "PreferDualStack")
    #expect(configuration.ipFamilies.map(\.value) == ["IPv4", "IPv6"])
    #expect(configuration.publishNotReadyAddresses?.value == false)
    #expect(
      configuration.bootstrap?.annotations["external-dns.alpha.kubernetes.io/hostname"]?.value
        == "kafka.prod.example.com")
    #expect(configuration.brokers.map(\.broker.value) == [3, 4, 5])
    #expect(
      configuration.brokers.compactMap(\.advertisedHost?.value) == [
        "kafka-3.prod.example.com", "kafka-4.prod.example.com", "kafka-5.prod.example.com",
      ])
    #expect(configuration.brokers[0].annotations.count == 1)
  }

  @Test func routeAndIngressListeners() throws {
    let (routes, _) = try Self.readFixtures(["Fixtures/strimzi/kafka-route.yaml"])
    let route = try #require(routes.first)
    #expect(route.namespace?.value == "streaming")
    #expect(Self.ids(route) == ["mixed": [0, 1, 2]])
    let routeListener = try #require(route.listeners.last)
    #expect(routeListener.type.value == .route)
    #expect(
      routeListener.configuration.bootstrap?.host?.value == "kafka-bootstrap.apps.example.com")
    #expect(
      routeListener.configuration.brokers.compactMap(\.host?.value) == [
        "kafka-0.apps.example.com", "kafka-1.apps.example.com", "kafka-2.apps.example.com",
      ])

    let (ingresses, _) = try Self.readFixtures(["Fixtures/strimzi/kafka-ingress.yaml"])
    let ingress = try #require(ingresses.first?.listeners.last)
    #expect(ingress.type.value == .ingress)
    #expect(ingress.port.value == 9095)
    #expect(ingress.configuration.className?.value == "nginx")
    #expect(ingress.configuration.hostTemplate?.value == "broker-{nodeId}.kafka.example.com")
    #expect(ingress.configuration.bootstrap?.host?.value == "bootstrap.kafka.example.com")
    #expect(
      ingress.configuration.bootstrap?.annotations["external-dns.alpha.kubernetes.io/ttl"]?
        .value == "60")
    #expect(ingress.configuration.brokers.isEmpty)
  }

  @Test func clusterIPListenerWithTemplates() throws {
    let (clusters, _) = try Self.readFixtures(["Fixtures/strimzi/kafka-cluster-ip.yaml"])
    let cluster = try #require(clusters.first)
    #expect(cluster.name.value == "edge" && cluster.namespace?.value == "kafka")
    #expect(cluster.listeners.first?.configuration.useServiceDnsDomain?.value == true)
    let listener = try #require(cluster.listeners.last)
    #expect(listener.type.value == .clusterIP)
    #expect(listener.configuration.advertisedHostTemplate?.value == "kafka-proxy.example.com")
    #expect(listener.configuration.advertisedPortTemplate?.value == "9100 + {nodeId}")
    #expect(
      listener.configuration.perBrokerLabelsTemplate["proxy.example.com/route"]?.value
        == "broker-{nodeId}")
    #expect(
      listener.configuration.perBrokerAnnotationsTemplate["proxy.example.com/target-port"]?
        .value == "9096")
  }

  @Test func tlsRouteListener() throws {
    let (clusters, _) = try Self.readFixtures(["Fixtures/strimzi/kafka-tlsroute.yaml"])
    let cluster = try #require(clusters.first)
    #expect(Self.ids(cluster) == ["controllers": [0, 1, 2], "brokers": [10, 11, 12]])
    let listener = try #require(cluster.listeners.last)
    #expect(listener.type.value == .tlsRoute)
    #expect(listener.authentication?.value == .custom)
    #expect(listener.customSasl?.value == true)
    #expect(listener.securityProtocol == "SASL_SSL")
    let certificate = try #require(listener.configuration.brokerCertChainAndKey)
    #expect(certificate.secretName.value == "kafka-gateway-cert")
    #expect(certificate.certificate.value == "tls.crt" && certificate.key.value == "tls.key")
    let parent = try #require(listener.configuration.parentRefs.first)
    #expect(parent.group?.value == "gateway.networking.k8s.io")
    #expect(parent.kind?.value == "Gateway")
    #expect(parent.name.value == "shared-gateway")
    #expect(parent.namespace?.value == "gateway-system")
    #expect(parent.sectionName?.value == "kafka-passthrough")
    #expect(parent.port?.value == 443)
  }

  @Test func zooKeeperClusterWithoutNodePools() throws {
    let (clusters, _) = try Self.readFixtures(["Fixtures/strimzi/kafka-zookeeper-v1beta2.yaml"])
    let cluster = try #require(clusters.first)
    #expect(cluster.apiVersion.value == "kafka.strimzi.io/v1beta2")
    #expect(!cluster.isKRaft)
    #expect(cluster.namespace?.value == "legacy")
    let pool = try #require(cluster.pools.first)
    #expect(pool.isImplicit && pool.name.value == "kafka")
    #expect(pool.roles.map(\.value) == [.broker])
    #expect(
      cluster.nodes.map(\.podName) == [
        "my-cluster-kafka-0", "my-cluster-kafka-1",
        "my-cluster-kafka-2",
      ])
    #expect(cluster.nodes.allSatisfy { $0.roles == [.broker] && !$0.isAssigned })
    #expect(cluster.controllers.isEmpty)
    #expect(cluster.listeners.map(\.authentication?.value) == [nil, .tls, .oauth])
    #expect(cluster.listeners.last?.securityProtocol == "SASL_SSL")
  }

  @Test func poolsInAnotherFileWithRecordedIds() throws {
    let (clusters, _) = try Self.readFixtures([
      "Fixtures/strimzi/split/kafka.yaml", "Fixtures/strimzi/split/pools.yaml",
    ])
    let cluster = try #require(clusters.first)
    #expect(cluster.name.value == "orders" && cluster.namespace?.value == "payments")
    #expect(Self.ids(cluster) == ["controllers": [0, 1, 2], "brokers": [3, 4, 5, 10]])
    let recorded = cluster.nodes.filter { !$0.isAssigned }
    #expect(recorded.map(\.id) == [0, 1, 2, 3, 4, 5])
    #expect(recorded.allSatisfy { $0.location.file == "Fixtures/strimzi/split/pools.yaml" })
    #expect(recorded.first { $0.id == 4 }?.location.line == 39)
    #expect(cluster.nodes.last?.isAssigned == true)
    #expect(cluster.pools[1].nodeIds.map(\.value) == [3, 4, 5])

    // The pools alone are no cluster, and not orphans either: no Kafka was given.
    let (alone, issues) = try Self.readFixtures(["Fixtures/strimzi/split/pools.yaml"])
    #expect(alone.isEmpty && issues.isEmpty)
  }

  // MARK: Kafka resources

  @Test func ignoreAnnotationListsRules() throws {
    let text = Self.kafka(
      extraMetadata: "  annotations:\n    kafka-listeners.io/ignore: \"KL301, KL302\"\n")
    let (clusters, issues) = Self.read(text)
    #expect(issues.isEmpty)
    let cluster = try #require(clusters.first)
    #expect(cluster.ignoredRules.map(\.value) == ["KL301", "KL302"])
    #expect(cluster.ignoredRules.allSatisfy { $0.location.line == 6 && $0.location.column == 32 })
  }

  @Test func v1beta2NodePoolModes() throws {
    // 0.36–0.45: the annotation switches pools on, also next to ZooKeeper.
    let zooKeeperPools =
      Self.kafka(
        apiVersion: "v1beta2",
        extraMetadata: "  annotations:\n    strimzi.io/node-pools: enabled\n",
        extraSpec: "  zookeeper:\n    replicas: 3\n") + Self.pool("brokers", replicas: 2)
    let zk = try #require(Self.read(zooKeeperPools).clusters.first)
    #expect(!zk.isKRaft && Self.ids(zk) == ["brokers": [0, 1]])

    // 0.46+: no annotation and no spec.kafka.replicas, the pools are the only source.
    let newStyle =
      Self.kafka(apiVersion: "v1beta2")
      + Self.pool("dual", replicas: 3, roles: "[controller, broker]")
    let kraft = try #require(Self.read(newStyle).clusters.first)
    #expect(kraft.isKRaft && Self.ids(kraft) == ["dual": [0, 1, 2]])

    // KRaft by annotation with ZooKeeper still in the spec (the end of a migration).
    let migrated =
      Self.kafka(
        apiVersion: "v1beta2",
        extraMetadata:
          "  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n",
        extraSpec: "  zookeeper:\n    replicas: 3\n")
      + Self.pool("dual", replicas: 1, roles: "[controller, broker]")
    #expect(Self.read(migrated).clusters.first?.isKRaft == true)

    // Without the annotation, ZooKeeper mode ignores pools and uses spec.kafka.replicas.
    let ignored =
      Self.kafka(
        apiVersion: "v1beta2", extraKafka: "    replicas: 2\n",
        extraSpec: "  zookeeper:\n    replicas: 3\n") + Self.pool("brokers", replicas: 5)
    let (clusters, issues) = Self.read(ignored)
    let implicit = try #require(clusters.first)
    #expect(implicit.pools.map(\.isImplicit) == [true])
    #expect(Self.ids(implicit) == ["kafka": [0, 1]])
    #expect(issues.isEmpty, "a pool naming an existing Kafka is no orphan")
  }

  @Test func v1beta2OnlyAndV1OnlyFields() {
    let oauthInV1 = """
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: my-cluster
      spec:
        kafka:
          listeners:
            - name: oauth
              port: 9095
              type: internal
              tls: true
              authentication:
                type: oauth
                validIssuerUri: https://sso.example.com
      """
    let (clusters, issues) = Self.read(oauthInV1)
    #expect(Self.positions(issues) == ["KL016 13:17"])
    #expect(issues.first?.message.contains("type 'custom'") == true)
    #expect(clusters.first?.listeners.first?.authentication == nil)

    let templateInV1beta2 = """
      apiVersion: kafka.strimzi.io/v1beta2
      kind: Kafka
      metadata:
        name: my-cluster
      spec:
        kafka:
          listeners:
            - name: lb
              port: 9094
              type: loadbalancer
              tls: false
              configuration:
                advertisedPortTemplate: "9000 + {nodeId}"
                perBrokerLabelsTemplate: {a: b}
                externalIPs: [192.0.2.10]
                hostTemplate: x-{nodeId}
      """
    let (beta, betaIssues) = Self.read(templateInV1beta2)
    #expect(Self.positions(betaIssues) == ["KL013 13:11", "KL013 14:11"])
    #expect(betaIssues.allSatisfy { $0.message.contains("exists only in kafka.strimzi.io/v1") })
    let configuration = beta.first?.listeners.first?.configuration
    #expect(configuration?.advertisedPortTemplate == nil)
    #expect(configuration?.externalIPs.map(\.value) == ["192.0.2.10"])
  }

  @Test func unknownFieldsAreReportedOnlyInListeners() {
    let text = """
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: my-cluster
        labels: {team: data}
      spec:
        kafka:
          somethingNew: true
          config:
            anything.goes: 1
          template:
            pod:
              whatever: {}
          listeners:
            - name: ext
              port: 9094
              type: nodeport
              tls: false
              tls2: true
              configuration:
                bootstrap:
                  nodeport: 32100
                brokers:
                  - broker: 0
                    nodePort: 32000
                    advertisedPort: "32000"
        cruiseControl: {}
        futureSection: {x: y}
      """
    let (clusters, issues) = Self.read(text)
    #expect(Self.positions(issues) == ["KL013 19:9", "KL013 22:13", "KL014 26:31"])
    #expect(issues.contains { $0.message.contains("did you mean 'nodePort'?") })
    #expect(clusters.first?.listeners.count == 1)
  }

  @Test func requiredFieldsAndTypes() {
    let text = """
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: my-cluster
      spec:
        kafka:
          version: 4.0
          listeners:
            - name: a
              port: 9092
              type: internal
              tls: false
              authentication: {sasl: true}
              configuration:
                brokerCertChainAndKey: {secretName: s}
                brokers:
                  - advertisedHost: x
                parentRefs:
                  - kind: Gateway
                externalTrafficPolicy: local
                ipFamilies: [IPv4, ipv6]
                useServiceDnsDomain: "true"
            - "not a listener"
      """
    let (clusters, issues) = Self.read(text)
    #expect(
      Self.positions(issues)
        == [
          "KL014 23:9", "KL014 7:14", "KL014 22:32", "KL015 13:25", "KL015 15:34", "KL015 15:34",
          "KL015 17:15", "KL015 19:15", "KL016 20:34", "KL016 21:30",
        ].sorted())
    #expect(issues.contains { $0.message.contains("quote it (\"4.0\")") })
    let listener = clusters.first?.listeners.first
    #expect(listener?.configuration.brokers.isEmpty == true)
    #expect(listener?.configuration.brokerCertChainAndKey == nil)
    #expect(listener?.configuration.ipFamilies.map(\.value) == ["IPv4"])
  }

  @Test func invalidListenersStayOutOfTheModel() {
    let text = """
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: my-cluster
      spec:
        kafka:
          listeners:
            - {name: plain, port: 9092, type: internal, tls: false}
            - {name: Plain2, port: 9093, type: internal, tls: false}
            - {name: abcdefghijkl, port: 9094, type: internal, tls: false}
            - {name: low, port: 9090, type: internal, tls: false}
            - {name: bad, port: 9095, type: nodeports, tls: false}
            - {name: notls, port: 9096, type: internal}
            - {name: "", port: 9097, type: internal, tls: false}
      """
    let (clusters, issues) = Self.read(text)
    #expect(clusters.first?.listeners.map(\.name.value) == ["plain", "notls"])
    #expect(
      Self.positions(issues)
        == [
          "KL015 13:9", "KL016 14:16", "KL016 10:16", "KL016 11:27", "KL016 12:39",
          "KL016 9:16",
        ].sorted())
    #expect(issues.contains { $0.message.contains("did you mean 'plain2'?") })
    #expect(issues.contains { $0.message.contains("did you mean 'nodeport'?") })
  }

  @Test func emptyListenersAndMissingSpec() {
    let empty = Self.read(
      "apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n"
        + "    listeners: []\n")
    #expect(Self.positions(empty.issues) == ["KL015 7:16"])
    #expect(empty.clusters.count == 1)

    let noSpec = Self.read("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\n")
    #expect(Self.positions(noSpec.issues) == ["KL015 1:1"])

    let noName = Self.read(
      Self.kafka().replacingOccurrences(of: "  name: my-cluster\n", with: "  labels: {}\n"))
    #expect(Self.positions(noName.issues) == ["KL015 4:3"])
    #expect(noName.clusters.isEmpty)
  }

  @Test func annotationValuesAreChecked() {
    let text = Self.kafka(
      apiVersion: "v1beta2",
      extraMetadata:
        "  annotations:\n    strimzi.io/node-pools: enable\n    prometheus.io/port: 9404\n",
      extraKafka: "    replicas: 3\n")
    let (clusters, issues) = Self.read(text)
    #expect(Self.positions(issues) == ["KL014 7:25", "KL016 6:28"])
    #expect(issues.contains { $0.message.contains("did you mean 'enabled'?") })
    #expect(clusters.first?.pools.first?.isImplicit == true)
  }

  // MARK: Joining pools

  @Test func orphanPoolsNeedAKafkaAmongTheInputs() {
    let orphan = Self.pool("brokers", cluster: "my-clsuter", replicas: 3)
    let (_, issues) = Self.read(Self.kafka() + Self.pool("dual", replicas: 3) + orphan)
    #expect(Self.positions(issues) == ["KL017 30:25"])
    #expect(issues.first?.message.contains("did you mean 'my-cluster'?") == true)
    #expect(Self.read(orphan).issues.isEmpty)
  }

  @Test func poolsJoinOnlyTheirNamespace() throws {
    let kafka = Self.kafka().replacingOccurrences(
      of: "  name: my-cluster\n", with: "  name: my-cluster\n  namespace: kafka\n")
    let text =
      kafka + Self.pool("here", replicas: 1, namespace: "kafka")
      + Self.pool("anywhere", replicas: 1) + Self.pool("there", replicas: 1, namespace: "other")
    let (clusters, issues) = Self.read(text)
    let cluster = try #require(clusters.first)
    #expect(cluster.pools.map(\.name.value) == ["here", "anywhere"])
    #expect(Self.positions(issues) == ["KL017 45:25"])
    #expect(issues.first?.message.contains("namespace 'kafka'") == true)
    #expect(issues.first?.notes.first?.location?.line == 1)
  }

  @Test func poolWithoutClusterLabel() {
    let text = """
      apiVersion: kafka.strimzi.io/v1
      kind: KafkaNodePool
      metadata:
        name: brokers
      spec:
        replicas: 3
        roles: [brokers]
        replica: 3
      """
    let (_, issues) = Self.read(text)
    #expect(Self.positions(issues) == ["KL013 8:3", "KL015 4:3", "KL015 6:3", "KL016 7:11"])
  }

  // MARK: Node ids

  @Test func idsFromStatusAreKept() throws {
    let text =
      Self.kafka()
      + Self.pool("controllers", replicas: 3, roles: "[controller]", status: [7, 3, 5])
      + Self.pool("brokers", replicas: 2, status: [0, 1])
    let cluster = try #require(Self.read(text).clusters.first)
    #expect(Self.ids(cluster) == ["controllers": [3, 5, 7], "brokers": [0, 1]])
    #expect(cluster.nodes.allSatisfy { !$0.isAssigned })
    #expect(cluster.controllers.map(\.id) == [3, 5, 7])
  }

  @Test func newIdsFillGapsAcrossPools() throws {
    // Strimzi collects every pool's status first, then assigns: 2 fills the gap, then 4.
    let text =
      Self.kafka() + Self.pool("a", replicas: 3, status: [0, 1, 3]) + Self.pool("b", replicas: 2)
      + Self.pool("c", replicas: 1)
    let cluster = try #require(Self.read(text).clusters.first)
    #expect(Self.ids(cluster) == ["a": [0, 1, 3], "b": [2, 4], "c": [5]])
    #expect(cluster.nodes.filter(\.isAssigned).map(\.id) == [2, 4, 5])
  }

  @Test func nextNodeIdsAnnotation() throws {
    let text =
      Self.kafka()
      + Self.pool("a", replicas: 3, annotations: ["strimzi.io/next-node-ids": "[5, 7-9]"])
      + Self.pool("b", replicas: 3, annotations: ["strimzi.io/next-node-ids": "[ 12 - 10 ]"])
      + Self.pool("c", replicas: 2, annotations: ["strimzi.io/next-node-ids": "[20]"])
      + Self.pool("d", replicas: 1)
    let (clusters, issues) = Self.read(text)
    let cluster = try #require(clusters.first)
    #expect(issues.isEmpty)
    // c's range runs out after 20, so its second node takes the lowest free id.
    #expect(Self.ids(cluster) == ["a": [5, 7, 8], "b": [10, 11, 12], "c": [0, 20], "d": [1]])
  }

  @Test func scaleUpAndScaleDown() throws {
    let text =
      Self.kafka()
      + Self.pool(
        "up", replicas: 5, annotations: ["strimzi.io/next-node-ids": "[0-3, 40]"],
        status: [0, 1, 2])
      + Self.pool(
        "down", replicas: 2, annotations: ["strimzi.io/remove-node-ids": "[11]"],
        status: [10, 11, 12, 13])
      + Self.pool("highest", replicas: 1, status: [20, 21, 22])
      + Self.pool("same", replicas: 2, status: [30, 31])
    let (clusters, issues) = Self.read(text)
    let cluster = try #require(clusters.first)
    // The range's 0–2 are the pool's own ids: skipped silently, not a collision.
    #expect(issues.isEmpty)
    #expect(
      Self.ids(cluster) == [
        "up": [0, 1, 2, 3, 40], "down": [10, 12], "highest": [20], "same": [30, 31],
      ])
    #expect(cluster.nodes.filter(\.isAssigned).map(\.id) == [3, 40])
  }

  @Test func collidingStatusIds() throws {
    let text =
      Self.kafka() + Self.pool("a", replicas: 2, status: [0, 1])
      + Self.pool("b", replicas: 3, status: [1, 2, 2])
    let (clusters, issues) = Self.read(text)
    #expect(Self.positions(issues) == ["KL018 39:13", "KL018 39:19"])
    #expect(issues.map { $0.notes.first?.location?.line } == [25, 39])
    #expect(issues[0].message.contains("pool 'a' has it"))
    #expect(issues[1].message.contains("this pool lists it twice"))
    // Each id appears once in the model: the first pool keeps 1, and b, left with only 2,
    // scales up to its 3 replicas with the next free ids.
    let cluster = try #require(clusters.first)
    #expect(Self.ids(cluster) == ["a": [0, 1], "b": [2, 3, 4]])
  }

  @Test func overlappingRangesCollide() throws {
    let text =
      Self.kafka()
      + Self.pool("controllers", replicas: 3, annotations: ["strimzi.io/next-node-ids": "[0-2]"])
      + Self.pool("brokers", replicas: 3, annotations: ["strimzi.io/next-node-ids": "[2-4]"])
    let (clusters, issues) = Self.read(text)
    #expect(Self.positions(issues) == ["KL020 34:31"])
    let issue = try #require(issues.first)
    #expect(issue.message.contains("asks for node id 2, already used by pool 'controllers'"))
    #expect(issue.message.contains("gets node ids 3, 4, 5"))
    #expect(issue.notes.first?.location?.line == 20)
    #expect(
      Self.ids(try #require(clusters.first)) == ["controllers": [0, 1, 2], "brokers": [3, 4, 5]])
  }

  @Test func collisionsAreFoundWithoutAKafka() {
    let text = Self.pool("a", replicas: 1, status: [4]) + Self.pool("b", replicas: 1, status: [4])
    #expect(Self.positions(Self.read(text).issues) == ["KL018 28:13"])
  }

  @Test func hugeValuesAreBounded() throws {
    let text =
      Self.kafka()
      + Self.pool("a", replicas: 2, annotations: ["strimzi.io/next-node-ids": "[0-2147483647]"])
      + Self.pool(
        "b", replicas: 1, annotations: ["strimzi.io/remove-node-ids": "[0-2147483647]"],
        status: [2_000_000_000, 5])
      + Self.pool("c", replicas: 2_000_000_000)
    let start = Date()
    let (clusters, issues) = Self.read(text)
    #expect(Date().timeIntervalSince(start) < 2)
    #expect(Self.positions(issues) == ["KL016 50:13"])
    let cluster = try #require(clusters.first)
    #expect(Self.ids(cluster) == ["a": [0, 1], "b": [2_000_000_000]])
    #expect(cluster.pools[0].nextNodeIds?.value.count == StrimziNodePool.modelledRangeIds)
  }

  @Test(arguments: [
    ("[5-10]", [5, 6, 7, 8, 9, 10]), ("[ 5 ]", [5]), ("[ 5 - 10    ]", [5, 6, 7, 8, 9, 10]),
    ("[0,1,2]", [0, 1, 2]), ("[5,7-9]", [5, 7, 8, 9]), ("[5 , 7-9, 13]", [5, 7, 8, 9, 13]),
    ("[1874-1919]", Array(1874...1919)), ("[ 1-3, 12 - 10 ]", [1, 2, 3, 12, 11, 10]),
    (
      "[0-999, 10000-10999, 20000-20999]",
      Array(0...999) + Array(10000...10999) + Array(20000...20999)
    ),
    ("[]", []), (" [ ] ", []), ("", []), ("   ", []), ("[007]", [7]),
    ("[2147483647]", [2_147_483_647]),
    ("\t[1,\n2]\n", [1, 2]),
  ])
  func validRanges(text: String, ids: [Int]) throws {
    let range = try NodeIdRange.parse(text).get()
    #expect(range.prefix(100_000) == ids)
  }

  @Test(arguments: [
    "[-5]", "[-5-10]", "[5-]", "[5,]", "[-10]", " 5 - 10 ]", "[0, 1, 2", "[0,,2]", "[0, a, 2]",
    "[5,7---9]", "foo, bar", "[foo-bar]", "[2147483648]", "[5 6]", "[5]x", "[１]", "[5]\u{A0}",
  ])
  func invalidRanges(text: String) {
    guard case .failure(let failure) = NodeIdRange.parse(text) else {
      Issue.record("\(text.debugDescription) should be rejected")
      return
    }
    #expect(!failure.reason.isEmpty && !failure.reason.contains("\n"))
  }

  @Test func invalidRangeAnnotationIsReportedAtItsValue() throws {
    let text =
      Self.kafka()
      + Self.pool(
        "brokers", replicas: 2,
        annotations: [
          "strimzi.io/next-node-ids": "[100-]", "strimzi.io/remove-node-ids": "[1,,2]",
        ])
    let (clusters, issues) = Self.read(text)
    #expect(Self.positions(issues) == ["KL019 20:31", "KL019 21:33"])
    #expect(issues.contains { $0.message.contains("the lowest free ids instead") })
    #expect(issues.contains { $0.message.contains("removes the highest ids instead") })
    // Like Strimzi, the ids are then assigned as if there were no annotation.
    #expect(Self.ids(try #require(clusters.first)) == ["brokers": [0, 1]])
    #expect(clusters.first?.pools.first?.nextNodeIds == nil)
  }

  // MARK: Hostile input

  /// The alias that takes the expansion over the budget is reported; nothing is expanded.
  @Test func aliasBombIsRejectedWithOneDiagnostic() throws {
    let path = "Fixtures/strimzi/broken/alias-bomb.yaml"
    let text = try String(contentsOfFile: packagePath(path), encoding: .utf8)
    let report = Linter(configuration: Configuration()).lint([SourceFile(path: path, text: text)])
    #expect(report.diagnostics.map(\.code) == ["KL012"])
    let location = report.diagnostics.first?.location
    #expect(location?.line == 13 && location?.column == 20)
  }

  // MARK: Broken fixtures

  static let brokenFixtures: [String] = {
    let directory = packagePath("Fixtures/strimzi/broken")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }()

  /// Where each broken fixture's reading problems must be reported (other rules may add more).
  static let expectedProblems: [String: [String]] = [
    "address-type-case.yaml": ["KL016 15:41"],
    "alias-bomb.yaml": ["KL012 13:20"],
    "bad-range.yaml": ["KL019 34:31"],
    "bad-type.yaml": ["KL016 11:15"],
    "colliding-ids.yaml": ["KL018 41:13"],
    "duplicate-key.yaml": ["KL002 10:9"],
    "missing-tls.yaml": ["KL015 9:9"],
    "misspelt-listeners.yaml": ["KL013 9:5", "KL015 9:5"],
    "name-too-long.yaml": ["KL016 9:15"],
    "name-uppercase.yaml": ["KL016 9:15"],
    "pool-without-kafka.yaml": ["KL017 32:25"],
    "port-9091.yaml": ["KL016 10:15"],
    "quoted-port.yaml": ["KL014 15:15"],
    "tls-quoted.yaml": ["KL014 12:14"],
    "tlsroute-v1beta2.yaml": ["KL013 18:11", "KL016 12:15"],
    "unknown-listener-field.yaml": ["KL013 14:9", "KL013 19:15"],
    "unquoted-range.yaml": ["KL014 10:31", "KL015 7:3"],
  ]

  @Test func everyBrokenFixtureHasExpectations() {
    #expect(Self.brokenFixtures.count >= 17)
    #expect(Set(Self.brokenFixtures) == Set(Self.expectedProblems.keys))
  }

  @Test(arguments: brokenFixtures)
  func brokenFixtureMatchesGoldenReport(name: String) throws {
    let path = "Fixtures/strimzi/broken/\(name)"
    let result = try runCLI(["lint", "--format", "json", path])
    let golden = packagePath(path.replacingOccurrences(of: ".yaml", with: ".expected.json"))
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try result.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: golden, encoding: .utf8)
    #expect(result.stdout == expected, "\(name): the JSON report differs from the golden file")

    // The reader's own findings (KL0xx) are exactly the expected ones.
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    let found = diagnostics.compactMap { diagnostic -> String? in
      guard let rule = diagnostic["rule"] as? String, rule.hasPrefix("KL0"),
        let line = diagnostic["line"] as? Int, let column = diagnostic["column"] as? Int
      else { return nil }
      return "\(rule) \(line):\(column)"
    }.sorted()
    #expect(found == Self.expectedProblems[name]?.sorted(), "\(name)")
    for diagnostic in diagnostics {
      #expect(diagnostic["file"] as? String == path)
    }
  }
}

@Suite struct KubernetesBooleanTests {
  /// kubectl reads manifests as YAML 1.1, so `tls: on` is `true` for a Strimzi resource, while a
  /// cluster description is strict.
  @Test func yaml11BooleansCountInStrimziResourcesOnly() {
    let kafka = """
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: my-cluster
      spec:
        kafka:
          listeners:
            - name: tls
              port: 9093
              type: internal
              tls: on

      """
    let input = LintInput(files: [SourceFile(path: "kafka.yaml", text: kafka)])
    #expect(input.clusterIssues.filter { $0.code == "KL014" }.isEmpty)
    #expect(input.clusters.first?.listeners.first?.tls?.value == true)
  }
}
