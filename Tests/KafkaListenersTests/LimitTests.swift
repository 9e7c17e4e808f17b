import Testing

@testable import KafkaListeners

/// Each limit with an input just at it and one just over it.
@Suite struct LimitTests {
  let limit = PropertiesReader.maxLineBytes

  private func lint(_ text: String, path: String = "server.properties") -> [Diagnostic] {
    KafkaListeners.lint([SourceFile(path: path, text: text)]).diagnostics
  }

  @Test func propertiesLineAtTheLimitIsRead() {
    let value = String(repeating: "x", count: limit - 2)
    let file = PropertiesReader.read(path: "s", text: "a=\(value)\nb=1\n")
    #expect(file["a"]?.utf16.count == limit - 2)
    #expect(file["b"] == "1")
    #expect(file.issues.isEmpty)
  }

  @Test func propertiesLineOverTheLimitIsSkippedAndReported() {
    let value = String(repeating: "x", count: limit - 1)
    let text = "# first\na=\(value)\nb=1\n"
    let file = PropertiesReader.read(path: "s", text: text)
    #expect(file["a"] == nil)
    #expect(file["b"] == "1")
    let found = lint(text).filter { $0.code == "KL012" }
    #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["2:1"])
  }

  @Test func continuationLinesCountTowardsTheLogicalLine() {
    let half = String(repeating: "y", count: limit / 2 + 1)
    let text = "a=\(half)\\\n  \(half)\nb=2\n"
    let file = PropertiesReader.read(path: "s", text: text)
    #expect(file["a"] == nil)
    #expect(file["b"] == "2")
    #expect(file.issues.contains { $0.kind == .lineTooLong(limit: limit) })
  }

  @Test func yamlNestingJustOverTheLimit() {
    let limits = YAMLLimits()
    let at = String(repeating: "[", count: limits.maxDepth) + "1"
      + String(repeating: "]", count: limits.maxDepth)
    let over = String(repeating: "[", count: limits.maxDepth + 1) + "1"
      + String(repeating: "]", count: limits.maxDepth + 1)
    #expect(lint(at, path: "a.yaml").filter { $0.code == "KL012" }.isEmpty)
    #expect(lint(over, path: "a.yaml").filter { $0.code == "KL012" }.count == 1)
  }

  @Test func yamlDocumentsJustOverTheLimit() {
    var limits = YAMLLimits()
    limits.maxDocuments = 3
    let three = YAMLReader.read(path: "a.yaml", bytes: Array("a: 1\n---\nb: 1\n---\nc: 1\n".utf8), limits: limits)
    #expect(three.limitExceeded == nil)
    let four = YAMLReader.read(
      path: "a.yaml", bytes: Array("a: 1\n---\nb: 1\n---\nc: 1\n---\nd: 1\n".utf8), limits: limits)
    #expect(four.limitExceeded != nil)
  }

  @Test func yamlFileSizeJustOverTheLimit() {
    var limits = YAMLLimits()
    limits.maxBytes = 64
    let at = Array(("a: " + String(repeating: "x", count: 60) + "\n").utf8)
    #expect(at.count == 64)
    #expect(YAMLReader.read(path: "a.yaml", bytes: at, limits: limits).limitExceeded == nil)
    #expect(YAMLReader.read(path: "a.yaml", bytes: at + [0x0A], limits: limits).limitExceeded != nil)
  }

  @Test func aliasBudgetJustOverTheLimit() {
    var limits = YAMLLimits()
    limits.maxNodes = 12
    // A mapping, its key/value pair and a 4-item sequence used twice: 1 + 2 + (1 + 4) * 2 = 13.
    let text = "a: &x [1, 2, 3, 4]\nb: *x\n"
    limits.maxNodes = 13
    #expect(YAMLReader.read(path: "a.yaml", bytes: Array(text.utf8), limits: limits).limitExceeded == nil)
    limits.maxNodes = 12
    #expect(YAMLReader.read(path: "a.yaml", bytes: Array(text.utf8), limits: limits).limitExceeded != nil)
  }
}

@Suite struct ListenerLimitTests {
  private func kafka(listeners count: Int) -> String {
    var text = "apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\n"
      + "  namespace: kafka\nspec:\n  kafka:\n    listeners:\n"
    for index in 0..<count {
      text += "      - name: l\(index)\n        port: \(10_000 + index)\n        type: internal\n"
        + "        tls: false\n"
    }
    return text
  }

  @Test func listenersJustOverTheLimitAreNotRead() {
    let limit = FieldReader.maxListeners
    let at = LintInput(files: [SourceFile(path: "kafka.yaml", text: kafka(listeners: limit))])
    #expect(at.clusters.first?.listeners.count == limit)
    #expect(!at.clusterIssues.contains { $0.code == "KL012" })
    let over = LintInput(files: [SourceFile(path: "kafka.yaml", text: kafka(listeners: limit + 1))])
    #expect(over.clusters.first?.listeners.isEmpty == true)
    #expect(over.clusterIssues.filter { $0.code == "KL012" }.map(\.location.line) == [9])
  }
}
