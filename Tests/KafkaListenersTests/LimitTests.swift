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

  /// A skipped line must end exactly where Java's would: the reader stops storing at the limit
  /// and jumps to the next terminator, keeping only the backslash parity. On random files of
  /// backslashes, terminators, comments and separators, a tiny limit may only drop entries
  /// (each reported once); every other entry is the one read without a limit.
  @Test func skippingALongLineKeepsLineBoundaries() {
    var random = SplitMix64(seed: 7)
    let alphabet: [String] = ["a", "b", "\\", "\\", "\n", "\r", "\r\n", "#", " ", "=", "\t"]
    for _ in 0..<2_000 {
      let text = random.picks(alphabet, count: 0..<41).joined()
      let whole = PropertiesReader.read(path: "s", bytes: Array(text.utf8), maxLineBytes: 1 << 20)
      let limited = PropertiesReader.read(path: "s", bytes: Array(text.utf8), maxLineBytes: 3)
      let dropped = limited.issues.filter {
        if case .lineTooLong = $0.kind { return true } else { return false }
      }.count
      #expect(limited.entries.count + dropped == whole.entries.count, "\(text.debugDescription)")
      var rest = whole.entries[...]
      for entry in limited.entries {
        guard let match = rest.firstIndex(where: { $0.keyLocation == entry.keyLocation }) else {
          Issue.record("\(text.debugDescription): entry at \(entry.keyLocation) not in the full read")
          break
        }
        #expect(rest[match].keyUTF16 == entry.keyUTF16 && rest[match].valueUTF16 == entry.valueUTF16)
        rest = rest[(match + 1)...]
      }
    }
  }

  /// Kafka's messages quote the whole `listeners` value, and some rules report every listener:
  /// found by the lint fuzzer with 1,000 listeners continued over 1,000 lines (each message
  /// held the whole value; 4,000 listeners made 230 MB of output). Messages now quote at most
  /// 200 characters of it, and no message exceeds `Diagnostic.maxMessageLength`.
  @Test func messagesQuotingLongListsStayShort() {
    let text =
      "listeners=A://:1,\\\n"
      + (2..<2_000).map { "  L\($0)://:\($0),\\\n" }.joined() + "  Z://:2000\n"
    let diagnostics = lint(text)
    #expect(diagnostics.filter { $0.code == "KL206" }.count == 2_000)
    let longest = diagnostics.map(\.message.utf8.count).max() ?? 0
    #expect(longest <= Diagnostic.maxMessageLength + 60)
    #expect(diagnostics.map(\.message.utf8.count).reduce(0, +) < 2_000_000)
    #expect(Diagnostic.bounded(String(repeating: "x", count: 5_000)).contains("characters left out"))
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
