import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// Addresses and reachability (KL308–KL315): host classification, name resolution with its
/// bounds, the split between the address rules and the client-group rule, the properties side
/// of KL314, and the reachability section of the JSON report.
///
/// Each rule has a broken fixture `Fixtures/rules/<code>-<name>.yaml` whose JSON report is
/// golden in `Fixtures/rules/<code>-<name>.expected.json`; `UPDATE_GOLDEN=1` rewrites them,
/// review the diff. No test resolves a name through the network: only `.invalid` names and
/// `localhost` (RFC 6761) reach the resolver code.
@Suite struct ReachabilityTests {
  // MARK: Helpers

  /// The diagnostics of the given rules for in-memory files.
  static func lint(
    _ files: [(path: String, text: String)], codes: Set<String>,
    configuration: Configuration = Configuration()
  ) -> [Diagnostic] {
    Linter(configuration: configuration)
      .lint(files.map { SourceFile(path: $0.path, text: $0.text) })
      .diagnostics.filter { codes.contains($0.code) }
  }

  /// `CODE line:column` of each diagnostic, in report order.
  static func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.code) \($0.location.line):\($0.location.column)" }
  }

  static let addressRules: Set<String> = [
    "KL308", "KL309", "KL310", "KL311", "KL312", "KL313", "KL314", "KL315",
  ]

  /// A compose description of two brokers with the `docker` (service names) and `external`
  /// (localhost, published ports) listeners, and the given client groups.
  static func compose(clients: String) -> String {
    """
    apiVersion: kafka-listeners/v1
    kind: ClusterDescription
    metadata:
      name: orders
    spec:
      platform: docker
      nodes:
        - id: 1
          roles: [broker, controller]
          host: kafka-1
        - id: 2
          roles: [broker]
          host: kafka-2
      listeners:
        - name: docker
          port: 19092
          type: host
        - name: external
          port: 9092
          type: host
          configuration:
            advertisedHostTemplate: localhost
            advertisedBasePort: 29091
      clients:

    """ + clients
  }

  // MARK: Golden fixtures

  /// Every broken fixture with the `line:column` of each diagnostic its rule must report.
  static let fixtures: [(path: String, code: String, expected: [String])] = [
    ("Fixtures/rules/KL308-invalid-host-name.yaml", "KL308", ["36:35"]),
    ("Fixtures/rules/KL309-internal-name-for-outside-clients.yaml", "KL309", ["31:13"]),
    ("Fixtures/rules/KL310-unroutable-advertised-address.yaml", "KL310", ["32:33"]),
    (
      "Fixtures/rules/KL311-private-address-for-internet-clients.yaml", "KL311",
      ["40:21", "43:21", "46:21"]
    ),
    ("Fixtures/rules/KL312-unrendered-template.yaml", "KL312", ["36:35"]),
    ("Fixtures/rules/KL313-unresolvable-name.yaml", "KL313", ["38:13", "39:13", "40:13"]),
    ("Fixtures/rules/KL314-missing-external-listener.yaml", "KL314", ["33:17"]),
    ("Fixtures/rules/KL315-unreachable-client-group.yaml", "KL315", ["46:17", "50:17"]),
  ]

  @Test(arguments: fixtures.map(\.path))
  func brokenFixtureMatchesGoldenReport(path: String) throws {
    let fixture = try #require(Self.fixtures.first { $0.path == path })
    // KL313 needs --resolve; its fixture only holds names RFC 6761 answers without a network.
    let resolve = fixture.code == "KL313" ? ["--resolve"] : []
    let result = try runCLI(["lint", "--no-config", "--format", "json"] + resolve + [path])
    let severity = RuleRegistry.rule(fixture.code)?.metadata.severity
    #expect(result.status == (severity == .error ? 1 : 0), "\(path): \(result.stderr)")
    let golden = packagePath(path.replacingOccurrences(of: ".yaml", with: ".expected.json"))
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try result.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: golden, encoding: .utf8)
    #expect(result.stdout == expected, "\(path): the JSON report differs from the golden file")

    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    let found = diagnostics.filter { $0["rule"] as? String == fixture.code }.map {
      "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)"
    }
    #expect(found == fixture.expected, "\(path)")
    let otherErrors = diagnostics.filter {
      $0["severity"] as? String == "error" && $0["rule"] as? String != fixture.code
    }
    #expect(otherErrors.isEmpty, "\(path): \(otherErrors)")
    // The report, reachability section included, is what the schema describes.
    let errors = try jsonSchemaErrors(
      result.stdout, schema: packagePath("Schemas/report.schema.json"))
    #expect(errors == nil, "\(errors ?? "")")
    #expect((json["reachability"] as? [Any])?.isEmpty == false, "\(path)")
  }

  /// The acceptance case: brokers of a compose project advertise service names to programs on
  /// the Docker host and localhost to another compose project, and each group is told which
  /// names it cannot use and how to fix it. Programs on the host share the service-name
  /// listener with containers that can use it: the group is on the wrong listener (KL315).
  /// The other project is the only user of the localhost listener: its address is wrong
  /// (KL310).
  @Test func composeClientsOnTheWrongListenerAreToldWhatToUse() throws {
    let text = Self.compose(
      clients: """
            - name: services
              position: network
              network: orders_default
              listener: docker
            - name: laptop
              position: host
              listener: docker
            - name: monitoring
              position: network
              network: monitoring_default
              listener: external

        """)
    let diagnostics = Self.lint([("cluster.yaml", text)], codes: Self.addressRules)
    #expect(Self.positions(diagnostics) == ["KL310 22:33", "KL315 31:17"])
    let monitoring = try #require(diagnostics.first).message
    #expect(monitoring.contains("listener external advertises 'localhost'"))
    #expect(monitoring.contains("client group monitoring (in network monitoring_default)"))
    #expect(monitoring.contains("a client's loopback address is the client's own machine"))
    #expect(monitoring.contains("advertise each broker's own address that these clients reach"))
    let laptop = try #require(diagnostics.last).message
    #expect(laptop.contains("client group laptop (on the brokers' machine)"))
    #expect(laptop.contains("cannot resolve 'kafka-1' and 'kafka-2'"))
    #expect(laptop.contains("the Docker host does not use Docker's embedded DNS"))
    #expect(laptop.contains("client group services can use them"))
    #expect(laptop.contains("point laptop at listener external"))
  }

  // MARK: The split between address rules and group rules

  /// An address no group of its listener can use is reported once, at the address; an
  /// address some groups can use is reported at each group that cannot.
  @Test func addressesWrongForEveryGroupAreReportedAtTheAddress() {
    let everyone = Self.compose(
      clients: """
            - name: laptop
              position: host
              listener: docker
            - name: partners
              position: internet
              listener: docker

        """)
    let diagnostics = Self.lint([("cluster.yaml", everyone)], codes: Self.addressRules)
    #expect(Self.positions(diagnostics) == ["KL309 17:13"])
    #expect(diagnostics.first?.message.contains("client group laptop") == true)
    #expect(diagnostics.first?.notes.first?.message.contains("client group partners") == true)
    #expect(diagnostics.first?.notes.first?.location?.line == 28)
  }

  /// A group outside Kubernetes on an internal listener is KL314's, not KL309's or KL315's,
  /// even when another group of the listener can use it.
  @Test func groupsOnInternalListenersAreOnlyMissingAnExternalListener() {
    let text = """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: events
      spec:
        nodePools:
          - name: dual-role
            roles: [controller, broker]
            replicas: 3
        listeners:
          - name: plain
            port: 9092
            type: internal
          - name: external
            port: 9094
            type: route
            tls: true
        clients:
          - name: apps
            position: kubernetes
            listener: plain
          - name: laptop
            position: host
            listener: plain

      """
    let diagnostics = Self.lint([("cluster.yaml", text)], codes: Self.addressRules)
    #expect(Self.positions(diagnostics) == ["KL314 24:17"])
    #expect(diagnostics.first?.message.contains("point it at listener external (route)") == true)
  }

  /// An external listener whose brokers all advertise `*.svc` names is one KL314 at its type,
  /// not a KL309 per address; one broker overridden alone is KL309's.
  @Test func externalListenersAdvertisingClusterNames() {
    func kafka(_ configuration: String) -> String {
      """
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: my-cluster
      spec:
        kafka:
          listeners:
            - name: external
              port: 9094
              type: loadbalancer
              tls: true
              configuration:
      \(configuration)
      ---
      apiVersion: kafka.strimzi.io/v1
      kind: KafkaNodePool
      metadata:
        name: pool
        labels:
          strimzi.io/cluster: my-cluster
      spec:
        replicas: 2
        roles: [controller, broker]
        storage:
          type: ephemeral

      """
    }
    let all = kafka("          advertisedHostTemplate: \"{nodePodName}.my-cluster-kafka-brokers\"")
    #expect(
      Self.positions(Self.lint([("kafka.yaml", all)], codes: Self.addressRules)) == [
        "KL314 10:15"
      ])
    let one = kafka(
      """
                brokers:
                  - broker: 1
                    advertisedHost: my-cluster-pool-1.my-cluster-kafka-brokers.default.svc
      """)
    #expect(
      Self.positions(Self.lint([("kafka.yaml", one)], codes: Self.addressRules)) == [
        "KL309 15:31"
      ])
  }

  // MARK: Positions

  @Test func loopbackServesHostClientsOnlyOnOneMachine() {
    func description(_ hosts: [String]) -> String {
      let nodes = hosts.enumerated().map {
        "    - id: \($0.offset + 1)\n      roles: [broker, controller]\n      host: \($0.element)"
      }
      return """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: dev
        spec:
          platform: hosts
          nodes:
        \(nodes.joined(separator: "\n"))
          listeners:
            - name: local
              port: 9092
              type: host
              configuration:
                advertisedHostTemplate: localhost
                advertisedPortTemplate: "9091 + {nodeId}"
          clients:
            - name: tools
              position: host
              listener: local

        """
    }
    let oneMachine = description(["devbox.example.com", "devbox.example.com"])
    #expect(Self.lint([("c.yaml", oneMachine)], codes: ["KL310"]).isEmpty)
    let twoMachines = description(["kafka-1.example.com", "kafka-2.example.com"])
    let diagnostics = Self.lint([("c.yaml", twoMachines)], codes: ["KL310"])
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.contains("the brokers run on 2 machines") == true)
  }

  @Test func privateAddressesWarnOnlyForInternetClients() {
    func description(_ position: String) -> String {
      """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: p
      spec:
        platform: hosts
        nodes:
          - id: 1
            roles: [broker, controller]
            host: 192.168.1.10
        listeners:
          - name: main
            port: 9092
            type: host
        clients:
          - name: users
            position: \(position)
            listener: main

      """
    }
    for position in ["host", "network\n      network: lan"] {
      #expect(Self.lint([("c.yaml", description(position))], codes: Self.addressRules).isEmpty)
    }
    let internet = Self.lint([("c.yaml", description("internet"))], codes: Self.addressRules)
    // Every node advertises its own host: reported once, at the listener that does so.
    #expect(Self.positions(internet) == ["KL311 14:13"])
    #expect(internet.first?.severity == .warning)
  }

  // MARK: KL314 for server.properties

  static let broker = """
    process.roles=broker
    node.id=4
    controller.quorum.bootstrap.servers=kafka-0.kafka-brokers.kafka.svc:9093
    controller.listener.names=CONTROLLER
    listener.security.protocol.map=CONTROLLER:SSL,INTERNAL:SSL,LOCAL:PLAINTEXT,EXTERNAL:SSL
    inter.broker.listener.name=INTERNAL

    """

  @Test func propertiesWithOnlyInternalAddressesLackAnExternalListener() {
    let internalOnly =
      Self.broker
      + "listeners=INTERNAL://:9092,LOCAL://127.0.0.1:9093\n"
      + "advertised.listeners=INTERNAL://kafka-4.kafka-brokers.kafka.svc:9092,"
      + "LOCAL://localhost:9093\n"
    var configuration = Configuration()
    configuration.clients = [
      ConfiguredClientGroup(
        name: "apps", position: .internet, location: .start(of: ".kafka-listeners.yaml"))
    ]
    let diagnostics = Self.lint(
      [("server.properties", internalOnly)], codes: ["KL314"], configuration: configuration)
    #expect(Self.positions(diagnostics) == ["KL314 8:1"])
    #expect(diagnostics.first?.notes.first?.location?.file == ".kafka-listeners.yaml")
    // Clients inside Kubernetes are served by the internal names.
    configuration.clients[0].position = .kubernetes
    #expect(
      Self.lint(
        [("server.properties", internalOnly)], codes: ["KL314"], configuration: configuration
      )
      .isEmpty)
  }

  @Test func propertiesListenerNamedByAClientGroup() {
    let text =
      Self.broker
      + "listeners=INTERNAL://:9092,EXTERNAL://:9094\n"
      + "advertised.listeners=INTERNAL://kafka-4.kafka-brokers.kafka.svc:9092,"
      + "EXTERNAL://kafka-4:9094\n"
    func diagnostics(_ listener: String) -> [Diagnostic] {
      var configuration = Configuration()
      configuration.clients = [
        ConfiguredClientGroup(
          name: "apps", position: .internet, listener: listener,
          location: .start(of: ".kafka-listeners.yaml"))
      ]
      return Self.lint(
        [("server.properties", text)], codes: ["KL314"], configuration: configuration)
    }
    let singleLabel = diagnostics("external")
    #expect(Self.positions(singleLabel) == ["KL314 8:70"])
    #expect(singleLabel.first?.message.contains("a single-label name") == true)
    let missing = diagnostics("public")
    #expect(Self.positions(missing) == ["KL314 8:1"])
    #expect(missing.first?.message.contains("uses listener PUBLIC") == true)
  }

  // MARK: KL308, KL312

  @Test(
    arguments: [
      ("kafka-1.example.com", nil),
      ("KAFKA-1.Example.com", nil),
      ("10.0.0.1", nil),
      ("2001:db8::1", nil),
      ("[2001:db8::1]", nil),
      ("kafka_1", "contains '_'"),
      ("kafka-1.example.com.", "ends with '.'"),
      ("-kafka.example.com", "starts or ends with '-'"),
      ("kafka..example.com", "empty label"),
      (String(repeating: "a", count: 64) + ".example.com", "of 64 characters"),
      (String(repeating: "abcdefghi.", count: 26) + "com", "at most 253"),
      ("10.0.0.256", "looks like an IPv4 address"),
      ("kafka 1", "contains ' '"),
      ("2001:db8::g", "not an IPv6 address"),
      ("", "is empty"),
    ] as [(String, String?)])
  func hostNameSyntax(host: String, problem: String?) {
    let found = HostName.problem(host)
    if let problem {
      #expect(found?.contains(problem) == true, "\(host): \(found ?? "valid")")
    } else {
      #expect(found == nil, "\(host): \(found ?? "")")
    }
  }

  @Test func routeHostsMustBeLowerCaseNames() {
    #expect(InvalidHostName.objectHostProblem("Kafka-0.apps.example.com") != nil)
    #expect(InvalidHostName.objectHostProblem("10.0.0.1") != nil)
    #expect(InvalidHostName.objectHostProblem("kafka-0.apps.example.com") == nil)
  }

  @Test func unknownPlaceholdersAreFound() {
    #expect(
      UnrenderedTemplate.placeholders(in: "kafka-{nodeIf}.{zone}.com") == ["{nodeIf}", "{zone}"])
    #expect(
      UnrenderedTemplate.withoutProviderPlaceholders("${env:HOST}-{nodeId}") == "-{nodeId}")
  }

  // MARK: Host classification

  @Test(
    arguments: [
      ("kafka-0.kafka-brokers.ns.svc", HostKind.kubernetes(.service)),
      (
        "kafka-0.kafka-brokers.ns.svc.corp.example", .kubernetes(.qualified(domain: "corp.example"))
      ),
      (
        "kafka-0.kafka-brokers.ns.svc.cluster.local",
        .kubernetes(.qualified(domain: "cluster.local"))
      ),
      ("my-cluster-pool-0.my-cluster-kafka-brokers", .kubernetes(.shortName)),
      ("my-cluster-kafka-bootstrap.kafka", .kubernetes(.shortName)),
      ("localhost", .loopbackName),
      ("broker.localhost", .loopbackName),
      ("kafka-1", .singleLabel),
      ("kafka-1.mesh.internal", .privateUse(suffix: "internal")),
      ("printer.home.arpa", .privateUse(suffix: "home.arpa")),
      ("kafka.example.com", .qualified),
      // Four labels or more, decided without splitting unless one label is `svc`.
      ("kafka-0.brokers.dc1.example.com", .qualified),
      ("kafka-0.brokers.svcs.example.com", .qualified),
      ("kafka-0.brokers.xsvc.example.com", .qualified),
      ("a.b.c.mesh.internal", .privateUse(suffix: "internal")),
      ("a.b.c.cluster.local", .kubernetes(.qualified(domain: "cluster.local"))),
      ("a.b.notcluster.local", .privateUse(suffix: "local")),
      ("KAFKA-0.BROKERS.NS.SVC.EXAMPLE.COM", .kubernetes(.qualified(domain: "example.com"))),
      ("svc.a.b.example.com", .qualified),
      ("a.svc.b.c.d", .kubernetes(.qualified(domain: "b.c.d"))),
      ("127.0.0.1", .ip(.loopback)),
      ("::1", .ip(.loopback)),
      ("0.0.0.0", .ip(.unspecified)),
      ("::", .ip(.unspecified)),
      ("169.254.10.1", .ip(.linkLocal)),
      ("fe80::1%eth0", .ip(.linkLocal)),
      ("10.1.2.3", .ip(.privateNetwork)),
      ("172.31.0.1", .ip(.privateNetwork)),
      ("172.32.0.1", .ip(.global)),
      ("192.168.0.1", .ip(.privateNetwork)),
      ("fd12:3456::1", .ip(.privateNetwork)),
      ("100.100.1.1", .ip(.sharedAddressSpace)),
      ("::ffff:10.0.0.1", .ip(.privateNetwork)),
      ("224.0.0.1", .ip(.nonUnicast)),
      ("203.0.113.10", .ip(.global)),
      ("2001:db8::10", .ip(.global)),
      ("${strimzifile:/opt/kafka/init/external.address:nodeport.default.address}", .placeholder),
      ("<address of node 1>", .placeholder),
      ("kafka-{nodeIf}.example.com", .placeholder),
    ] as [(String, HostKind)])
  func hostKinds(host: String, kind: HostKind) {
    let classifier = HostClassifier(kubernetesNames: [
      "my-cluster-pool-0", "my-cluster-kafka-brokers", "my-cluster-kafka-bootstrap",
    ])
    #expect(classifier.kind(host) == kind, "\(host)")
  }

  /// The Service names are matched by their shape. The list they stand for is built here in
  /// full, as it once was (every pod, and the Service of every node for every listener), and
  /// the two must agree on every name of the list, on near misses, and on random labels.
  @Test func kubernetesNamesAgreeWithTheListTheyStandFor() {
    var random = SplitMix64(seed: 11)
    let words = ["a", "b-1", "kafka", "my-cluster", "ext", "plain", "pool", "x-0", "tls-2", ""]
    let at = SourceLocation(file: "k.yaml", line: 1, column: 1)
    var checked = 0
    for _ in 0..<300 {
      let name = random.pick(words) + (random.chance(1, in: 2) ? "" : "-" + random.pick(words))
      let listeners = random.picks(words, count: 1..<4)
      let pools = random.picks(words, count: 1..<3)
      let nodes = (0..<(1 + random.below(4))).map { _ -> ClusterNode in
        let id = random.pick([0, 1, 2, 10, 101, -1])
        let pool = random.pick(pools)
        let podName = random.chance(1, in: 4) ? "Pod-\(id)" : "\(name)-\(pool)-\(id)"
        return ClusterNode(id: id, pool: pool, roles: [.broker], podName: podName, location: at)
      }
      let platform: Cluster.Platform = random.chance(1, in: 8) ? .docker : .kubernetes
      let cluster = Cluster(
        origin: .description, name: Located(name, at: at),
        apiVersion: Located("kafka-listeners/v1", at: at), platform: Located(platform, at: at),
        nodes: nodes,
        listeners: listeners.map {
          Listener(
            name: Located($0, at: at), port: Located(9092, at: at),
            type: Located(.internal, at: at), location: at)
        }, location: at)

      var list: Set<String> = []
      if platform == .kubernetes {
        list = ["\(name)-kafka-brokers", "\(name)-kafka-bootstrap", "kubernetes"]
        for node in nodes {
          list.insert(node.podName.lowercased())
          for listener in listeners { list.insert("\(name)-\(node.pool)-\(listener)-\(node.id)") }
        }
        for listener in listeners { list.insert("\(name)-kafka-\(listener)-bootstrap") }
      }
      let names = KubernetesNames(of: cluster)
      var labels = Array(list)
      for member in list {
        labels += [member + "-0", member + "0", String(member.dropLast()), "x" + member]
        labels.append(member.replacingOccurrences(of: "-1", with: "-01"))
      }
      for _ in 0..<20 {
        labels.append(random.picks(words + ["0", "10"], count: 1..<6).joined(separator: "-"))
      }
      for label in labels {
        #expect(names.contains(label[...]) == list.contains(label), "\(label) in \(list.sorted())")
        checked += 1
      }
    }
    #expect(checked > 10_000)
  }

  // MARK: Name resolution

  @Test func specialNamesAreAnsweredWithoutTheResolver() {
    let results = NameResolution.resolve(
      ["kafka.payments.invalid", "LOCALHOST", "a.localhost."],
      resolver: { name in
        Issue.record("the resolver was asked for \(name)")
        return .unknown("")
      })
    guard case .notFound = results["kafka.payments.invalid"] else {
      Issue.record("\(results)")
      return
    }
    #expect(results["localhost"] == .addresses(["127.0.0.1", "::1"]))
    #expect(results["a.localhost."] == .addresses(["127.0.0.1", "::1"]))
  }

  /// The cheap pre-test must hold for every name RFC 6761 answers, whatever its case, dots and
  /// neighbouring text, or a special name would be judged without its answer.
  @Test func specialNamesPassThePreTest() {
    let stems = [
      "localhost", "LocalHost", "invalid", "INVALID", "a.localhost", "x.y.invalid", "localhos",
      "nvalid", "kafka", "", ".", "t", "d", "host", "xlocalhost", "Kafka-0.Invalid",
      "localhost\u{301}", "İnvalid", "localhoſt", "kafka.localdomain",
    ]
    for stem in stems {
      for name in [stem, stem + ".", stem + "..", "\u{212A}" + stem] {
        if NameResolution.special(name) != nil {
          #expect(NameResolution.maySpecial(name), "\(name)")
        }
      }
    }
    #expect(!NameResolution.maySpecial("kafka-0.dc1.example.com"))
  }

  /// `localhost` through the real `getaddrinfo`: answered from the hosts file, no network.
  @Test func theSystemResolverResolvesLocalhost() {
    guard case .addresses(let addresses) = NameResolution.systemResolve("localhost") else {
      Issue.record("localhost did not resolve")
      return
    }
    #expect(addresses.contains("127.0.0.1") || addresses.contains("::1"), "\(addresses)")
  }

  @Test func resolutionIsBoundedInTimeAndNumber() {
    let start = Date()
    let results = NameResolution.resolve(
      ["slow.example.net", "fast.example.net", "third.example.net"], timeout: 0.3, limit: 2,
      resolver: { name in
        if name.hasPrefix("slow") { usleep(2_000_000) }
        return .addresses(["192.0.2.1"])
      })
    #expect(Date().timeIntervalSince(start) < 1.5)
    #expect(results["fast.example.net"] == .addresses(["192.0.2.1"]))
    guard case .unknown(let slow) = results["slow.example.net"],
      case .unknown(let third) = results["third.example.net"]
    else {
      Issue.record("\(results)")
      return
    }
    #expect(slow.contains("did not answer"))
    #expect(third.contains("at most 2 names"))
  }

  @Test func resolveFlagReportsOnlyNamesThatDoNotExist() throws {
    let text = """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: p
      spec:
        platform: hosts
        nodes:
          - id: 1
            roles: [broker, controller]
            host: localhost
          - id: 2
            roles: [broker, controller]
            host: kafka-2.example.invalid

        listeners:
          - name: main
            port: 9092
            type: host

      """
    var configuration = Configuration()
    configuration.resolveNames = true
    let diagnostics = Self.lint([("c.yaml", text)], codes: ["KL313"], configuration: configuration)
    #expect(Self.positions(diagnostics) == ["KL313 13:13"])
    #expect(
      diagnostics.first?.message.contains("node 2's host is 'kafka-2.example.invalid'") == true)
    #expect(diagnostics.first?.notes.count == 1, "the listener advertises it too")
  }

  // MARK: The report

  @Test func reachabilityOfTheComposeExample() throws {
    let result = try runCLI(
      [
        "lint", "--no-config", "--format", "json",
        "Fixtures/descriptions/compose-three-brokers.yaml",
      ])
    #expect(result.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let entries = try #require(json["reachability"] as? [[String: Any]])
    #expect(entries.map { $0["clientGroup"] as? String } == ["services", "laptop"])
    #expect(entries.map { $0["reachable"] as? String } == ["yes", "yes"])
    let laptop = try #require((entries.last?["brokers"] as? [[String: Any]])?.first)
    #expect(laptop["address"] as? String == "localhost:29092")
    #expect((laptop["routable"] as? [String: Any])?["status"] as? String == "yes")
    let errors = try jsonSchemaErrors(
      result.stdout, schema: packagePath("Schemas/report.schema.json"))
    #expect(errors == nil, "\(errors ?? "")")
  }

  @Test func strimziResourcesGetOneImpliedGroupPerListener() throws {
    let input = LintInput(
      files: [
        SourceFile(
          path: "kafka.yaml",
          text: try String(
            contentsOfFile: packagePath("Fixtures/strimzi/kafka-nodeport.yaml"), encoding: .utf8))
      ])
    let entries = Reachability.analyze(input)
    #expect(
      entries.map(\.clientGroup) == [
        "clients of listener tls (inside the Kubernetes cluster)",
        "clients of listener external (outside the Kubernetes cluster)",
      ])
    #expect(entries.map(\.position) == ["kubernetes", "outside-kubernetes"])
    #expect(entries.allSatisfy { $0.isImplied })
    #expect(entries.first?.reachable == "yes")
    // The node address is only known once the pod runs.
    #expect(entries.last?.reachable == "unknown")
    #expect(
      entries.last?.brokers.first?.resolvable.reason.hasPrefix("filled in at run time") == true)
  }

  @Test func reportsWithoutClustersHaveNoReachabilitySection() {
    let report = Linter().lint([
      SourceFile(path: "s.properties", text: "listeners=PLAINTEXT://:9092\n")
    ])
    #expect(report.reachability.isEmpty)
    #expect(!JSONReportRenderer.render(report).contains("reachability"))
  }

  /// Every valid fixture: no error of these rules (the Strimzi ones are what Strimzi accepts).
  @Test(arguments: [
    "Fixtures/strimzi", "Fixtures/descriptions/compose-three-brokers.yaml",
    "Fixtures/descriptions/kubernetes-loadbalancer.yaml",
    "Fixtures/descriptions/kubernetes-nodeport.yaml", "Fixtures/descriptions/kubernetes-pools.yaml",
    "Fixtures/descriptions/vm-cluster.json", "Fixtures/kafka/valid", "Fixtures/properties",
  ])
  func validFixturesRaiseNothing(path: String) throws {
    let result = try runCLI(["lint", "--no-config", "--format", "json", path])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    let ours = diagnostics.filter {
      Self.addressRules.contains($0["rule"] as? String ?? "")
        && ($0["file"] as? String).map { !$0.contains("/broken/") } ?? true
    }
    #expect(ours.isEmpty, "\(path): \(ours)")
  }
}
