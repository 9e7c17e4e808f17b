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

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
  }
}
