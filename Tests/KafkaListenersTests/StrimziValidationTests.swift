import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// Strimzi's listener validation (KL101–KL116): `ListenersValidator`, `NodePoolUtils`,
/// `KafkaSpecChecker` and the forbidden `spec.kafka.config` keys, on Strimzi resources and on
/// ClusterDescriptions.
///
/// Each rule has a broken fixture `Fixtures/rules/<code>-<name>.yaml` whose JSON report is
/// golden in `Fixtures/rules/<code>-<name>.expected.json`; `UPDATE_GOLDEN=1` rewrites them,
/// review the diff.
@Suite struct StrimziValidationTests {
  // MARK: Helpers

  /// The diagnostics of one rule for one in-memory file.
  static func lint(_ text: String, path: String = "kafka.yaml", code: String) -> [Diagnostic] {
    Linter(configuration: Configuration())
      .lint([SourceFile(path: path, text: text)])
      .diagnostics.filter { $0.code == code }
  }

  /// Every diagnostic for one in-memory file.
  static func lintAll(_ text: String, path: String = "kafka.yaml") -> [Diagnostic] {
    Linter(configuration: Configuration()).lint([SourceFile(path: path, text: text)]).diagnostics
  }

  /// `line:column` of each diagnostic, in report order.
  static func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column)" }
  }

  /// A `Kafka` with the given listener entries (indented for `listeners:`) and, unless
  /// `pools` is empty, node pools.
  static func kafka(_ listeners: String, pools: String = dualRole, config: String = "") -> String {
    """
    apiVersion: kafka.strimzi.io/v1
    kind: Kafka
    metadata:
      name: my-cluster
      namespace: kafka
    spec:
      kafka:
        listeners:
    \(listeners)
    \(config)
    """ + (pools.isEmpty ? "" : "---\n" + pools)
  }

  /// Three combined nodes with known ids 0, 1, 2.
  static let dualRole = """
    apiVersion: kafka.strimzi.io/v1
    kind: KafkaNodePool
    metadata:
      name: dual-role
      namespace: kafka
      labels:
        strimzi.io/cluster: my-cluster
    spec:
      replicas: 3
      roles: [controller, broker]
      storage:
        type: ephemeral
    status:
      nodeIds: [0, 1, 2]

    """

  /// A pool document.
  static func pool(_ name: String, roles: String, replicas: Int, ids: String? = nil) -> String {
    """
    apiVersion: kafka.strimzi.io/v1
    kind: KafkaNodePool
    metadata:
      name: \(name)
      namespace: kafka
      labels:
        strimzi.io/cluster: my-cluster
    spec:
      replicas: \(replicas)
      roles: \(roles)
      storage:
        type: ephemeral

    """ + (ids.map { "status:\n  nodeIds: \($0)\n" } ?? "")
  }

  /// A description of brokers on hosts with the given listener entries.
  static func hosts(_ listeners: String, nodes: String? = nil) -> String {
    """
    apiVersion: kafka-listeners/v1
    kind: ClusterDescription
    metadata:
      name: vm
    spec:
      platform: hosts
      nodes:
    \(nodes ?? "    - id: 0\n      roles: [broker, controller]\n      host: kafka-0.example.com")
      listeners:
    \(listeners)

    """
  }

  // MARK: Golden fixtures

  /// Every broken fixture, the `line:column` of each diagnostic its rule must report, and the
  /// other rules whose errors the same mistake also causes.
  static let fixtures: [(path: String, code: String, expected: [String], alsoErrors: [String])] =
    [
      ("Fixtures/rules/KL101-listener-name-not-unique.yaml", "KL101", ["31:15"], []),
      ("Fixtures/rules/KL102-listener-port-not-unique.yaml", "KL102", ["32:15"], []),
      ("Fixtures/rules/KL103-forbidden-listener-port.yaml", "KL103", ["29:13"], []),
      ("Fixtures/rules/KL104-exposure-requires-tls.yaml", "KL104", ["34:14"], []),
      ("Fixtures/rules/KL105-tls-authentication-without-tls.yaml", "KL105", ["32:17"], []),
      ("Fixtures/rules/KL106-custom-certificate-without-tls.yaml", "KL106", ["34:11"], []),
      ("Fixtures/rules/KL107-option-not-for-listener-type.yaml", "KL107", ["37:11"], []),
      ("Fixtures/rules/KL108-incomplete-custom-certificate.yaml", "KL108", ["35:25"], []),
      // The derivation cannot name the hosts of brokers 3-5 either (KL306).
      (
        "Fixtures/rules/KL109-ingress-missing-hosts.yaml", "KL109", ["55:11", "55:11", "55:11"],
        ["KL306"]
      ),
      ("Fixtures/rules/KL110-tlsroute-missing-configuration.yaml", "KL110", ["32:9"], []),
      (
        "Fixtures/rules/KL111-override-for-unknown-broker.yaml", "KL111",
        ["54:23", "56:23", "58:23"], []
      ),
      ("Fixtures/rules/KL112-deprecated-ingress-listener.yaml", "KL112", ["29:15"], []),
      ("Fixtures/rules/KL113-invalid-node-pool-roles.yaml", "KL113", ["27:13"], []),
      ("Fixtures/rules/KL114-even-controller-quorum.yaml", "KL114", ["11:13"], []),
      ("Fixtures/rules/KL115-forbidden-config-key.yaml", "KL115", ["36:7"], []),
      ("Fixtures/rules/KL116-nodeport-address-not-pinned.yaml", "KL116", ["29:15"], []),
    ]

  @Test func everyRuleHasAFixture() throws {
    let codes = Set(Self.fixtures.map(\.code))
    for number in 101...116 { #expect(codes.contains("KL\(number)")) }
    let names = try FileManager.default.contentsOfDirectory(
      atPath: packagePath("Fixtures/rules")
    ).filter { $0.hasPrefix("KL1") && $0.hasSuffix(".yaml") }
    #expect(Set(names.map { "Fixtures/rules/\($0)" }) == Set(Self.fixtures.map(\.path)))
  }

  @Test(arguments: fixtures.map(\.path))
  func brokenFixtureMatchesGoldenReport(path: String) throws {
    let fixture = try #require(Self.fixtures.first { $0.path == path })
    let result = try runCLI(["lint", "--no-config", "--format", "json", path])
    let severity = try #require(RuleRegistry.rule(fixture.code)?.metadata.severity)
    let causesErrors = severity == .error || !fixture.alsoErrors.isEmpty
    #expect(result.status == (causesErrors ? 1 : 0), "\(path): \(result.stderr)")
    let golden = packagePath(path.replacingOccurrences(of: ".yaml", with: ".expected.json"))
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try result.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: golden, encoding: .utf8)
    #expect(result.stdout == expected, "\(path): the JSON report differs from the golden file")

    // The fixture shows its rule exactly where expected, and no error of an unrelated rule.
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    let found = diagnostics.filter { $0["rule"] as? String == fixture.code }.map {
      "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)"
    }
    #expect(found == fixture.expected, "\(path)")
    let otherErrors = diagnostics.filter {
      guard let rule = $0["rule"] as? String else { return true }
      return $0["severity"] as? String == "error" && rule != fixture.code
        && !fixture.alsoErrors.contains(rule)
    }
    #expect(otherErrors.isEmpty, "\(path): \(otherErrors)")
  }

  // MARK: KL101–KL103

  /// A listener the CRD rejects is left out of the model (KL016), so it is not also a duplicate.
  @Test func listenersTheReaderDroppedAreNotDuplicates() {
    let kafka = Self.kafka(
      """
          - name: plain
            port: 9092
            type: internal
            tls: false
          - name: Plain
            port: 9092
            type: internal
            tls: false
      """)
    let all = Self.lintAll(kafka)
    #expect(all.contains { $0.code == "KL016" })
    #expect(!all.contains { $0.code == "KL101" || $0.code == "KL102" })
  }

  @Test func everyRepeatIsReportedWithANoteAtTheFirst() {
    let kafka = Self.kafka(
      """
          - name: a
            port: 9092
            type: internal
            tls: false
          - name: a
            port: 9093
            type: internal
            tls: false
          - name: a
            port: 9092
            type: internal
            tls: false
      """)
    let names = Self.lint(kafka, code: "KL101")
    #expect(Self.positions(names) == ["13:13", "17:13"])
    #expect(names.allSatisfy { $0.notes.first?.location?.line == 9 })
    let ports = Self.lint(kafka, code: "KL102")
    #expect(Self.positions(ports) == ["18:13"])
    #expect(
      ports.first?.message.contains("every listener needs to have a unique port number") == true)
  }

  @Test(arguments: [(9404, true), (9999, true), (9092, false), (9093, false)])
  func strimziForbidsItsMetricsAndJMXPorts(port: Int, forbidden: Bool) {
    let kafka = Self.kafka(
      """
          - name: plain
            port: \(port)
            type: internal
            tls: false
      """)
    let found = Self.lint(kafka, code: "KL103")
    #expect(found.count == (forbidden ? 1 : 0))
    if forbidden {
      #expect(
        found.first?.message.contains("\"port \(port) is forbidden and cannot be used\"") == true)
    }
  }

  /// Ports below 9092 are the CRD's business (KL016), and 9090/9091 on Kubernetes with them.
  @Test func portsBelowTheCRDMinimumAreLeftToTheReader() {
    let kafka = Self.kafka(
      """
          - name: plain
            port: 9091
            type: internal
            tls: false
      """)
    let all = Self.lintAll(kafka)
    #expect(all.contains { $0.code == "KL016" })
    #expect(!all.contains { $0.code == "KL103" })
  }

  @Test func builtInPortsCollideOnHostsOnlyWhereTheBuiltInListenerRuns() {
    let listener = """
          - name: clients
            port: 9090
            type: host
      """
    // Node 0 is broker and controller: it binds CONTROLPLANE-9090 and the user listener.
    #expect(
      Self.positions(Self.lint(Self.hosts(listener), path: "cluster.yaml", code: "KL103")) == [
        "13:13"
      ])
    let separate = """
          - id: 0
            roles: [controller]
            host: controller-0.example.com
          - id: 1
            roles: [broker]
            host: kafka-1.example.com
      """
    #expect(
      Self.lint(Self.hosts(listener, nodes: separate), path: "cluster.yaml", code: "KL103").isEmpty)
    let replication = listener.replacingOccurrences(of: "9090", with: "9091")
    let found = Self.lint(
      Self.hosts(replication, nodes: separate), path: "cluster.yaml", code: "KL103")
    #expect(found.first?.message.contains("REPLICATION-9091") == true)
    // Strimzi's metrics and JMX ports mean nothing to brokers on hosts.
    let jmx = listener.replacingOccurrences(of: "9090", with: "9999")
    #expect(Self.lint(Self.hosts(jmx), path: "cluster.yaml", code: "KL103").isEmpty)
  }

  // MARK: KL104–KL106

  /// A Strimzi listener without `tls` is already a missing required field (KL015).
  @Test func missingTLSIsOnlyReportedAsMissing() {
    let kafka = Self.kafka(
      """
          - name: external
            port: 9094
            type: route
            authentication:
              type: tls
            configuration:
              brokerCertChainAndKey:
                secretName: cert
                certificate: tls.crt
                key: tls.key
      """)
    let codes = Set(Self.lintAll(kafka).map(\.code))
    #expect(codes.contains("KL015"))
    #expect(codes.isDisjoint(with: ["KL104", "KL105", "KL106"]))
  }

  @Test func descriptionsDefaultToNoTLS() {
    let listener = """
          - name: clients
            port: 9092
            type: host
            authentication:
              type: tls
            configuration:
              brokerCertChainAndKey:
                secretName: cert
                certificate: tls.crt
                key: tls.key
      """
    let text = Self.hosts(listener)
    let authentication = Self.lint(text, path: "cluster.yaml", code: "KL105")
    #expect(Self.positions(authentication) == ["16:15"])
    #expect(authentication.first?.notes.first?.message.contains("false by default") == true)
    #expect(Self.positions(Self.lint(text, path: "cluster.yaml", code: "KL106")) == ["18:9"])
  }

  @Test func tlsRouteMayTerminateTLSAtTheGateway() {
    let kafka = Self.kafka(
      """
          - name: gateway
            port: 9094
            type: tlsroute
            tls: false
            configuration:
              hostTemplate: broker-{nodeId}.example.com
              bootstrap:
                host: bootstrap.example.com
              parentRefs:
                - name: gateway
      """)
    #expect(Self.lint(kafka, code: "KL104").isEmpty)
    #expect(Self.lint(kafka, code: "KL110").isEmpty)
  }

  // MARK: KL107

  /// One row per field Strimzi checks: the YAML that sets it (under `configuration:`), the
  /// types that may set it, and the field as Strimzi's message names it.
  static let matrix: [(yaml: String, allowed: Set<String>, field: String)] = [
    ("useServiceDnsDomain: true", ["internal", "cluster-ip"], "useServiceDnsDomain"),
    ("useServiceDnsDomain: false", ["internal", "cluster-ip"], "useServiceDnsDomain"),
    ("ipFamilyPolicy: SingleStack", notInternal, "ipFamilyPolicy"),
    ("ipFamilies: [IPv4]", notInternal, "ipFamilies"),
    ("class: nginx", ["ingress", "loadbalancer"], "class"),
    ("externalTrafficPolicy: Local", ["nodeport", "loadbalancer"], "externalTrafficPolicy"),
    ("loadBalancerSourceRanges: [10.0.0.0/8]", ["loadbalancer"], "loadBalancerSourceRanges"),
    ("allocateLoadBalancerNodePorts: false", ["loadbalancer"], "allocateLoadBalancerNodePorts"),
    ("finalizers: [service.kubernetes.io/load-balancer-cleanup]", ["loadbalancer"], "finalizers"),
    ("preferredNodePortAddressType: ExternalIP", ["nodeport"], "preferredAddressType"),
    ("publishNotReadyAddresses: true", notInternal, "publishNotReadyAddresses"),
    ("createBootstrapService: false", ["loadbalancer"], "createBootstrapService"),
    ("hostTemplate: b-{nodeId}.example.com", ["route", "ingress", "tlsroute"], "hostTemplate"),
    ("perBrokerLabelsTemplate: {a: b}", notInternal, "perBrokerLabelsTemplate"),
    ("perBrokerAnnotationsTemplate: {a: b}", notInternal, "perBrokerAnnotationsTemplate"),
    ("parentRefs: [{name: gw}]", ["tlsroute"], "parentRefs"),
    ("bootstrap: {host: b.example.com}", ["route", "ingress", "tlsroute"], "bootstrap.host"),
    ("bootstrap: {loadBalancerIP: 192.0.2.1}", ["loadbalancer"], "bootstrap.loadBalancerIP"),
    ("bootstrap: {nodePort: 32100}", ["nodeport", "loadbalancer"], "bootstrap.nodePort"),
    ("bootstrap: {labels: {a: b}}", notInternal, "bootstrap.labels"),
    ("bootstrap: {annotations: {a: b}}", notInternal, "bootstrap.annotations"),
    ("bootstrap: {externalIPs: [192.0.2.1]}", ["nodeport"], "bootstrap.externalIPs"),
    (
      "brokers: [{broker: 0, host: b.example.com}]", ["route", "ingress", "tlsroute"],
      "brokers[].host"
    ),
    (
      "brokers: [{broker: 0, loadBalancerIP: 192.0.2.1}]", ["loadbalancer"],
      "brokers[].loadBalancerIP"
    ),
    (
      "brokers: [{broker: 0, nodePort: 32000}]", ["nodeport", "loadbalancer"],
      "brokers[].nodePort"
    ),
    ("brokers: [{broker: 0, labels: {a: b}}]", notInternal, "brokers[].labels"),
    ("brokers: [{broker: 0, annotations: {a: b}}]", notInternal, "brokers[].annotations"),
    ("brokers: [{broker: 0, externalIPs: [192.0.2.1]}]", ["nodeport"], "brokers[].externalIPs"),
  ]
  static let notInternal: Set<String> = [
    "cluster-ip", "nodeport", "loadbalancer", "route", "ingress", "tlsroute",
  ]
  static let types = [
    "internal", "cluster-ip", "nodeport", "loadbalancer", "route", "ingress",
    "tlsroute",
  ]

  @Test(arguments: matrix.indices)
  func fieldApplicabilityFollowsStrimzisMatrix(row: Int) {
    let (yaml, allowed, field) = Self.matrix[row]
    for type in Self.types {
      let kafka = Self.kafka(
        """
            - name: external
              port: 9094
              type: \(type)
              tls: true
              configuration:
                \(yaml)
        """)
      let found = Self.lint(kafka, code: "KL107")
      if allowed.contains(type) {
        #expect(found.isEmpty, "\(yaml) on \(type): \(found)")
      } else {
        #expect(found.count == 1, "\(yaml) on \(type): \(found)")
        #expect(
          found.first?.message.hasPrefix(
            "listener external cannot configure \(field) because it is ")
            == true, "\(found)")
        // At the field's key: the row's first key, or the nested key of bootstrap/brokers[].
        var column = 9
        if field.contains("."), let name = field.split(separator: ".").last,
          let range = yaml.range(of: "{\(name):") ?? yaml.range(of: ", \(name):")
        {
          column += yaml.distance(from: yaml.startIndex, to: range.lowerBound) + 1
          if yaml[range.lowerBound] == "," { column += 1 }
        }
        #expect(Self.positions(found) == ["14:\(column)"], "\(yaml) on \(type)")
      }
    }
  }

  /// Strimzi's wording differs by row; the upstream message is quoted verbatim.
  @Test func messagesQuoteStrimzi() {
    let kafka = Self.kafka(
      """
          - name: tls
            port: 9093
            type: internal
            tls: true
            configuration:
              ipFamilyPolicy: SingleStack
              bootstrap:
                labels: {team: a}
          - name: external
            port: 9094
            type: route
            tls: true
            configuration:
              preferredNodePortAddressType: ExternalIP
              createBootstrapService: false
      """)
    let messages = Self.lint(kafka, code: "KL107").map(\.message)
    let expected = [
      "listener tls cannot configure ipFamilyPolicy because it is internal listener",
      "listener tls cannot configure bootstrap.labels because it is not LoadBalancer, NodePort, "
        + "TLSRoute, Route, Ingress, or ClusterIP based listener",
      "listener external cannot configure preferredAddressType because it is not NodePort based "
        + "listener",
      "listener external cannot configure createBootstrapService because it is not load "
        + "balancer listener",
    ]
    #expect(messages.count == expected.count)
    for (message, prefix) in zip(messages, expected) {
      #expect(message.hasPrefix(prefix), "\(message)")
    }
  }

  /// A value of the wrong type was reported by the reader and is not judged again.
  @Test func misplacedFieldsOfTheWrongTypeAreReportedOnce() {
    let kafka = Self.kafka(
      """
          - name: tls
            port: 9093
            type: internal
            tls: true
            configuration:
              class: 5
              finalizers: []
      """)
    let codes = Self.lintAll(kafka).map(\.code)
    #expect(codes.contains("KL014"))
    #expect(!codes.contains("KL107"))
  }

  @Test func hostListenersTakeNoKubernetesFields() {
    let listener = """
          - name: clients
            port: 9092
            type: host
            configuration:
              class: nginx
              advertisedHostTemplate: kafka-{nodeId}.example.com
              maxConnections: 100
              bootstrap:
                nodePort: 32100
                alternativeNames: [kafka.example.com]
              brokers:
                - broker: 0
                  host: kafka.example.com
                  advertisedPort: 9092
      """
    let found = Self.lint(Self.hosts(listener), path: "cluster.yaml", code: "KL107")
    #expect(Self.positions(found) == ["16:9", "20:11", "24:13"])
    #expect(found.allSatisfy { $0.message.contains("because it is a host listener") })
  }

  // MARK: KL108

  @Test func emptyCertificateFieldsAreReportedInStrimzisOrder() {
    let kafka = Self.kafka(
      """
          - name: external
            port: 9094
            type: loadbalancer
            tls: true
            configuration:
              brokerCertChainAndKey:
                secretName: ""
                certificate: ''
                key: ""
      """)
    let found = Self.lint(kafka, code: "KL108")
    #expect(Self.positions(found) == ["15:23", "16:24", "17:16"])
    #expect(
      found.map { $0.message.components(separatedBy: ":").first ?? "" } == [
        "listener 'external' cannot have an empty secret name in the brokerCertChainAndKey",
        "listener 'external' cannot have an empty certificate in the brokerCertChainAndKey",
        "listener 'external' cannot have an empty key in the brokerCertChainAndKey",
      ])
  }

  // MARK: KL109, KL110

  /// `configuration: {}` is a configuration without hosts, not a missing configuration.
  @Test func emptyConfigurationAndEmptyBrokerListAreToldApart() {
    let empty = Self.kafka(
      """
          - name: external
            port: 9094
            type: ingress
            tls: true
            configuration: {}
      """)
    let found = Self.lint(empty, code: "KL109")
    #expect(Self.positions(found) == ["13:7", "13:7"])
    #expect(found.map(\.message).contains { $0.contains("missing a bootstrap host property") })
    #expect(found.map(\.message).contains { $0.contains("missing a broker configuration") })

    // `brokers: []` is a list without entries: every broker lacks its host.
    let noEntries = Self.kafka(
      """
          - name: external
            port: 9094
            type: ingress
            tls: true
            configuration:
              bootstrap:
                host: bootstrap.example.com
              brokers: []
      """)
    let perBroker = Self.lint(noEntries, code: "KL109")
    #expect(Self.positions(perBroker) == ["16:9", "16:9", "16:9"])
    #expect(
      perBroker.map(\.message).allSatisfy { $0.contains("missing a broker host property for") })
  }

  /// Without its node pools the broker ids are unknown, so per-broker hosts cannot be checked.
  @Test func perBrokerHostsNeedTheNodeIds() {
    let kafka = Self.kafka(
      """
          - name: external
            port: 9094
            type: ingress
            tls: true
            configuration:
              bootstrap:
                host: bootstrap.example.com
              brokers:
                - broker: 0
                  host: broker-0.example.com
      """, pools: "")
    #expect(Self.lint(kafka, code: "KL109").isEmpty)
    // With pools whose ids are assigned, not read, the diagnostic says so.
    let assigned = Self.kafka(
      """
          - name: external
            port: 9094
            type: ingress
            tls: true
            configuration:
              bootstrap:
                host: bootstrap.example.com
              brokers:
                - broker: 0
                  host: broker-0.example.com
      """,
      pools: Self.pool("controllers", roles: "[controller]", replicas: 1) + "---\n"
        + Self.pool("brokers", roles: "[broker]", replicas: 1))
    let found = Self.lint(assigned, code: "KL109")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("broker with ID 1 ") == true)
    #expect(
      found.first?.notes.contains { $0.message.contains("node id 0, which is not a broker") }
        == true)
    #expect(found.first?.notes.contains { $0.message.contains("assigned here") } == true)
  }

  @Test func tlsRouteWithoutConfigurationIsOneDiagnosticWithBothMessages() {
    let kafka = Self.kafka(
      """
          - name: gateway
            port: 9094
            type: tlsroute
            tls: true
      """)
    let found = Self.lint(kafka, code: "KL110")
    #expect(Self.positions(found) == ["11:13"])
    #expect(
      found.first?.message.contains(
        "listener gateway is missing a configuration with bootstrap and broker host properties "
          + "which are required for TLSRoute based listeners") == true)
    #expect(
      found.first?.message.contains(
        "listener gateway is missing a parent references property which is required for "
          + "TLSRoute based listeners") == true)
  }

  // MARK: KL111

  @Test func overridesAreCheckedOnlyAgainstKnownNodes() {
    let listener = """
          - name: external
            port: 9094
            type: loadbalancer
            tls: true
            configuration:
              brokers:
                - broker: 0
                  advertisedHost: a.example.com
                - broker: 3
                  advertisedHost: b.example.com
      """
    // Node 0 is the controller (ids assigned in document order), node 3 does not exist.
    let pools =
      Self.pool("controllers", roles: "[controller]", replicas: 1) + "---\n"
      + Self.pool("brokers", roles: "[broker]", replicas: 2)
    let found = Self.lint(Self.kafka(listener, pools: pools), code: "KL111")
    #expect(Self.positions(found) == ["15:21", "17:21"])
    #expect(found.first?.message.contains("node 0 is a controller without the broker role") == true)
    #expect(found.last?.message.contains("the cluster has no node 3") == true)
    #expect(
      found.allSatisfy {
        $0.message.contains("brokers with IDs [0, 3] that are currently not used")
      })
    #expect(found.allSatisfy { $0.notes.contains { $0.message.contains("assigned here") } })
    // Ids from status.nodeIds are known: no note about assignment.
    let read =
      Self.pool("controllers", roles: "[controller]", replicas: 1, ids: "[0]") + "---\n"
      + Self.pool("brokers", roles: "[broker]", replicas: 2, ids: "[1, 2]")
    let withKnownIds = Self.lint(Self.kafka(listener, pools: read), code: "KL111")
    #expect(withKnownIds.count == 2)
    #expect(withKnownIds.allSatisfy { $0.notes.isEmpty })
    #expect(Self.lint(Self.kafka(listener, pools: ""), code: "KL111").isEmpty)
  }

  // MARK: KL113, KL114

  /// A pool the reader could only read in part (a misspelt role) was reported; the cluster
  /// is not judged as if the pool did not have the role.
  @Test func poolsReadInPartAreNotJudgedAgain() {
    let pools =
      Self.pool("controllers", roles: "[controler]", replicas: 3) + "---\n"
      + Self.pool("brokers", roles: "[broker]", replicas: 2)
    let codes = Self.lintAll(
      Self.kafka("    - {name: a, port: 9092, type: internal, tls: false}", pools: pools)
    ).map(\.code)
    #expect(codes.contains("KL016"))
    #expect(!codes.contains("KL113") && !codes.contains("KL114"))
  }

  @Test func poolsWithoutReplicasLeaveTheClusterEmpty() {
    let pools =
      Self.pool("controllers", roles: "[controller]", replicas: 0) + "---\n"
      + Self.pool("brokers", roles: "[broker]", replicas: 0)
    let found = Self.lint(
      Self.kafka("    - {name: a, port: 9092, type: internal, tls: false}", pools: pools),
      code: "KL113")
    #expect(found.count == 1)
    #expect(
      found.first?.message.contains(
        "\"KafkaNodePools are enabled, but KafkaNodePools for Kafka cluster my-cluster either "
          + "don't exist or have 0 replicas.\"") == true)
  }

  /// A description's implicit pool is located at its first node's `id` (or `pool`), a scalar:
  /// KL113 points at the `roles` key of the mapping that holds it, found in whichever
  /// document of the file that is, in block and flow style, before or after the `id`.
  @Test func implicitPoolRolesAreFoundFromTheNodesScalars() {
    func description(_ name: String, _ nodes: String) -> String {
      """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: \(name)
      spec:
        platform: docker
        kafkaVersion: "3.9"
        nodes:
      \(nodes)
        listeners:
          - {name: docker, port: 19092, type: host}

      """
    }
    let text =
      description(
        "first",
        """
            - id: 1
              roles: [controller]
              host: kafka-1
            - {id: 2, pool: extra, roles: [controller], host: kafka-2}
        """) + "---\n"
      + description(
        "second",
        """
            - {host: kafka-3, roles: [controller], id: 3}
            - {id: 4, roles: [controller], host: kafka-4}
        """)
    let found = Self.lint(text, path: "nodes.yaml", code: "KL113")
    // Line 10 is the `roles` key of node 1; line 24 is node 3's, written before its `id`.
    #expect(Self.positions(found) == ["10:7", "24:23"])
    #expect(
      found.first?.notes.compactMap(\.location).map { "\($0.line):\($0.column)" } == [
        "9:11", "12:21",
      ])
  }

  @Test(arguments: [(1, false), (2, true), (3, false), (4, true), (5, false), (6, true)])
  func evenControllerCountsWarn(controllers: Int, warns: Bool) {
    let pools =
      Self.pool("controllers", roles: "[controller]", replicas: controllers) + "---\n"
      + Self.pool("brokers", roles: "[broker]", replicas: 3)
    let found = Self.lint(
      Self.kafka("    - {name: a, port: 9092, type: internal, tls: false}", pools: pools),
      code: "KL114")
    #expect(found.count == (warns ? 1 : 0))
    if controllers == 2 {
      #expect(found.first?.message.contains("two nodes is not advisable") == true)
    } else if warns {
      #expect(found.first?.message.contains("an odd number of nodes is recommended") == true)
    }
  }

  // MARK: KL115

  @Test func configKeysAreReadWithTheirLocations() throws {
    let kafka = Self.kafka(
      "    - {name: a, port: 9092, type: internal, tls: false}",
      config: "    config:\n      auto.create.topics.enable: false\n      Listeners: x\n")
    let file = YAMLReader.read(path: "kafka.yaml", bytes: Array(kafka.utf8))
    let (clusters, _) = ClusterReader.read([file])
    let cluster = try #require(clusters.first)
    #expect(cluster.configKeys.map(\.value) == ["auto.create.topics.enable", "Listeners"])
    #expect(
      cluster.configKeys.map { "\($0.location.line):\($0.location.column)" } == ["11:7", "12:7"])
  }

  @Test(arguments: [
    ("listeners", true), ("Listeners", true), ("advertised.listeners", true),
    ("listener.security.protocol.map", true), ("ssl.keystore.location", true),
    ("ssl.cipher.suites", false), ("SSL.cipher.suites", true), ("broker.rack", true),
    ("broker.session.timeout.ms", false), ("controller.quorum.voters", true),
    ("controller.quorum.fetch.timeout.ms", false), ("log.dirs", true),
    ("log.retention.hours", false), ("num.partitions", false), ("cordoned.log.dirs", true),
    ("client.quota.callback.static.produce", true), ("client.quota.callback.class", false),
  ])
  func forbiddenKeysFollowStrimzisPrefixesAndExceptions(key: String, forbidden: Bool) {
    #expect((ForbiddenConfigKey.instead(of: key) != nil) == forbidden, "\(key)")
  }

  // MARK: KL116

  @Test func nodePortAddressesArePinnedPerBrokerOrAsAWhole() {
    let listener = """
          - name: external
            port: 9094
            type: nodeport
            tls: true
            configuration:
              brokers:
                - broker: 0
                  advertisedHost: a.example.com
                - broker: 1
                  advertisedHost: b.example.com
      """
    let found = Self.lint(Self.kafka(listener), code: "KL116")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("broker 2 advertises") == true)
    // Without the node ids per-broker hosts may cover every broker: no warning.
    #expect(Self.lint(Self.kafka(listener, pools: ""), code: "KL116").isEmpty)
    // A misspelt preferredNodePortAddressType is already an unknown field (KL013).
    let misspelt = Self.kafka(
      """
          - name: external
            port: 9094
            type: nodeport
            tls: true
            configuration:
              preferedNodePortAddressType: ExternalIP
      """)
    #expect(Self.lint(misspelt, code: "KL116").isEmpty)
  }

  @Test func descriptionAdvertisedHostsPinEveryBroker() {
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
            replicas: 2
        listeners:
          - name: external
            port: 9094
            type: nodeport
            tls: true
            configuration:
              advertisedHosts: [a.example.com, b.example.com]

      """
    #expect(Self.lint(description, path: "cluster.yaml", code: "KL116").isEmpty)
    let unpinned = description.replacingOccurrences(
      of: "advertisedHosts: [a.example.com, b.example.com]", with: "maxConnections: 10")
    #expect(Self.positions(Self.lint(unpinned, path: "cluster.yaml", code: "KL116")) == ["14:13"])
  }
}
