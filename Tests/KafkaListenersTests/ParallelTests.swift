import Dispatch
import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

@Suite struct ParallelTests {
  /// Results come back in input order, whether the map runs on threads or not.
  @Test func mapKeepsOrder() {
    let items = Array(0..<5_000)
    let expected = items.map { $0 * 3 + 1 }
    #expect(Parallel.map(items, minimumCount: 2) { $0 * 3 + 1 } == expected)
    #expect(Parallel.map(items, minimumCount: .max) { $0 * 3 + 1 } == expected)
    #expect(Parallel.map([Int](), minimumCount: 2) { $0 }.isEmpty)
    #expect(Parallel.map(["one"], minimumCount: 2) { $0.count } == [3])
  }

  /// Chunks cover every index once, in order, all of the given size but the last (a size
  /// below one counts as one).
  @Test(arguments: [(0, 512), (1, 512), (511, 512), (512, 512), (513, 512), (1_500, 256), (7, 0)])
  func chunksCoverEveryIndexOnceInOrder(count: Int, size: Int) {
    let chunks = Parallel.chunks(of: size, count: count)
    #expect(chunks.flatMap { Array($0) } == Array(0..<count))
    #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= max(1, size) })
    #expect(chunks.dropLast().allSatisfy { $0.count == max(1, size) })
  }

  /// Rules asking for one analysis at once get the one computation: the others wait for it.
  @Test func sharedAnalysisIsComputedOnce() {
    let shared = SharedAnalyses()
    let computations = Counter()
    let results = Parallel.map(Array(0..<64), minimumCount: 2) { _ in
      shared.value(.yamlIndex) { () -> Int in
        computations.increment()
        Thread.sleep(forTimeInterval: 0.01)
        return 7
      }
    }
    #expect(results == Array(repeating: 7, count: 64))
    #expect(computations.value == 1)
  }

  /// A lint of many files, which parses and checks them on several threads, reports exactly
  /// what linting each file alone (on one thread) reports, when the files do not interact.
  @Test func parallelLintEqualsFileByFileLint() throws {
    let fixture = String(
      decoding: try #require(
        KafkaListeners.readFile(packagePath("Fixtures/strimzi/kafka-persistent-node-pools.yaml"))),
      as: UTF8.self)
    #expect(fixture.contains("my-cluster"))
    let files = (0..<12).map { index in
      SourceFile(
        path: "clusters/cluster-\(index).yaml",
        text: fixture.replacingOccurrences(of: "my-cluster", with: "cluster-\(index)"))
    }
    let together = KafkaListeners.lint(files).diagnostics
    let alone = files.flatMap { KafkaListeners.lint([$0]).diagnostics }.sorted()
    #expect(!together.isEmpty)
    #expect(together.map(\.description) == alone.map(\.description))
  }

  /// A large cluster derived in chunks on several threads gives the nodes, objects and issues
  /// (each once, at its first node, in node order) of deriving the nodes one after another.
  @Test func chunkedDerivationEqualsSequentialDerivation() throws {
    // 700 nodes in two pools, on Kubernetes without a namespace. Per-listener issues (a bad
    // port template, node ports Kubernetes allocates, routes without hosts) and per-node
    // issues (node and load-balancer addresses that are not known) land in several chunks;
    // brokers[] entries and known node addresses cover a few of the nodes.
    let overrides = stride(from: 3, to: 700, by: 97).map {
      "          - broker: \($0)\n            advertisedHost: public-\($0).example.com\n"
    }.joined()
    let addresses = stride(from: 5, to: 700, by: 89).map {
      "      - node: \($0)\n        ExternalDNS: worker-\($0).example.com\n"
    }.joined()
    let text = """
      apiVersion: kafka-listeners/v1
      kind: ClusterDescription
      metadata:
        name: big
      spec:
        kafkaVersion: "4.1"
        nodePools:
          - name: a
            roles: [broker]
            replicas: 400
          - name: b
            roles: [broker, controller]
            replicas: 300
        listeners:
          - name: ext
            port: 9094
            type: nodeport
            tls: false
            configuration:
              advertisedPortTemplate: "9000 + {nodeId} +"
              brokers:
      \(overrides)
          - name: lb
            port: 9095
            type: loadbalancer
            tls: true
          - name: route
            port: 9096
            type: route
            tls: true
        addresses:
          nodes:
      \(addresses)
      """
    let (clusters, _) = ClusterReader.read([
      YAMLReader.read(path: "big.yaml", bytes: Array(text.utf8))
    ])
    let cluster = try #require(clusters.first)
    #expect(cluster.nodes.count == 700)
    let chunked = ListenerDerivation.derive(cluster, parallelFrom: 2)
    let sequential = ListenerDerivation.derive(cluster, parallelFrom: .max)
    #expect(sequential.issues.count > 1_000)
    #expect(Set(sequential.issues.map(\.code)) == ["KL305", "KL306", "KL307"])
    #expect(chunked.issues == sequential.issues)
    #expect(GenerateRenderer.json([chunked]) == GenerateRenderer.json([sequential]))
    let json = GenerateRenderer.json([sequential])
    #expect(json.contains("public-682.example.com") && json.contains("worker-628.example.com"))
  }

  /// A long `spec.nodes` read in chunks on several threads gives the nodes and the issues, in
  /// order, of reading the entries one after another.
  @Test func chunkedNodeListEqualsSequentialRead() throws {
    // Good entries with a few bad ones spread over the chunks: a missing id, an unknown role,
    // a repeated role, an unknown key, an empty host, a pool named like a declared pool.
    var lines = ["spec:", "  nodes:"]
    for id in 0..<1_500 {
      switch id % 211 {
      case 7: lines += ["    - roles: [broker]", "      host: no-id-\(id).example.com"]
      case 19: lines += ["    - id: \(id)", "      roles: [broker, router]"]
      case 23: lines += ["    - id: \(id)", "      roles: [broker, broker]", "      hots: x"]
      case 31: lines += ["    - id: \(id)", "      roles: [controller]", "      host: \"\""]
      case 43: lines += ["    - id: \(id)", "      roles: [broker]", "      pool: declared"]
      default:
        lines += [
          "    - id: \(id)", "      roles: [\(id % 3 == 0 ? "controller" : "broker")]",
          "      host: kafka-\(id).dc\(id % 3).example.com", "      pool: p\(id % 4)",
        ]
      }
    }
    let file = YAMLReader.read(path: "nodes.yaml", bytes: Array(lines.joined(separator: "\n").utf8))
    let spec = try #require(file.documents.first?.mapping?["spec"]?.mapping)
    func read(parallelFrom: Int) -> (reads: [DescriptionParser.ExplicitNode?], issues: [ReadIssue]) {
      var parser = DescriptionParser(reader: FieldReader())
      parser.platform = .hosts
      let items = parser.items(spec, "nodes", path: "spec")
      let declared = ["declared": SourceLocation(file: "nodes.yaml", line: 1, column: 1)]
      let reads = parser.explicitNodes(items, poolNames: declared, parallelFrom: parallelFrom)
      return (reads, parser.reader.issues)
    }
    let chunked = read(parallelFrom: 2)
    let sequential = read(parallelFrom: .max)
    #expect(sequential.reads.count == 1_500)
    #expect(sequential.reads.compactMap { $0?.node }.count > 1_400)
    #expect(sequential.issues.count >= 30)
    #expect(chunked.issues == sequential.issues)
    #expect(chunked.reads.map { $0?.node } == sequential.reads.map { $0?.node })
    #expect(chunked.reads.map { $0?.pool } == sequential.reads.map { $0?.pool })
    #expect(chunked.reads.map { $0?.idLocation } == sequential.reads.map { $0?.idLocation })
  }

  /// Many Strimzi resources read in chunks on several threads give the resources and the
  /// issues, in order, of reading them one after another.
  @Test func chunkedResourceReadEqualsSequentialRead() throws {
    // Kafkas and pools with a few bad ones spread over the chunks: a port written as a float,
    // an unknown field, a resource without a name, replicas written as text.
    var documents: [String] = []
    for index in 0..<300 {
      let port = index % 37 == 5 ? "9092.0" : "9092"
      let name = index % 53 == 11 ? "" : "name: c\(index)"
      let extra = index % 41 == 3 ? "\n  colour: blue" : ""
      documents.append(
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          \(name)
        spec:\(extra)
          kafka:
            listeners:
              - {name: plain, port: \(port), type: internal, tls: false}
        """)
      let replicas = index % 43 == 7 ? "three" : "3"
      documents.append(
        """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: pool-\(index)
          labels: {strimzi.io/cluster: c\(index)}
        spec:
          replicas: \(replicas)
          roles: [broker]
        """)
    }
    let file = YAMLReader.read(
      path: "many.yaml", bytes: Array(documents.joined(separator: "\n---\n").utf8))
    let mappings = file.documents.compactMap(\.mapping)
    #expect(mappings.count == 600)
    let kafkas = mappings.filter { $0["kind"]?.scalar?.text == "Kafka" }
    let pools = mappings.filter { $0["kind"]?.scalar?.text == "KafkaNodePool" }
    func read(parallelFrom: Int) -> (kafkas: [String?], pools: [String?], issues: [ReadIssue]) {
      var reader = FieldReader()
      reader.kubernetesBooleans = true
      let readPools = StrimziReader.readEach(
        pools, reader: &reader, parallelFrom: parallelFrom, StrimziNodePool.read)
      let readKafkas = StrimziReader.readEach(
        kafkas, reader: &reader, parallelFrom: parallelFrom, StrimziKafka.read)
      return (
        readKafkas.map { $0.map { "\($0.name.value) \($0.cluster.listeners.map(\.port.value))" } },
        readPools.map { $0.map { "\($0.pool.name.value) \($0.pool.replicas?.value ?? -1)" } },
        reader.issues
      )
    }
    let chunked = read(parallelFrom: 2)
    let sequential = read(parallelFrom: .max)
    #expect(sequential.kafkas.compactMap { $0 }.count > 250)
    #expect(sequential.issues.count >= 20)
    #expect(chunked.kafkas == sequential.kafkas)
    #expect(chunked.pools == sequential.pools)
    #expect(chunked.issues == sequential.issues)
  }

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
  }
}
