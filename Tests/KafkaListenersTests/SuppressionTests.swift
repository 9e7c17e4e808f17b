import Testing

@testable import KafkaListeners

@Suite struct SuppressionTests {
  private func lint(_ text: String) -> [String] {
    Linter().lint([SourceFile(path: "s.properties", text: text)]).diagnostics.map {
      "\($0.location.line):\($0.code)"
    }
  }

  @Test func suppressionAppliesToTheNextKeyOnly() {
    let text = """
      a=1
      # kafka-listeners: ignore KL007 -- kept on purpose
      a=2
      a=3

      """
    #expect(lint(text) == ["4:KL007"])
  }

  @Test func suppressionCoversContinuationLinesAndAcceptsNames() {
    let text = """
      ssl.truststore.location=/a
      ! kafka-listeners: ignore duplicate-key, dropped-backslash
      ssl.truststore.location=/b,\\
        C:\\data

      """
    #expect(lint(text) == [])
  }

  @Test func fileWideSuppression() {
    let text = """
      # kafka-listeners: ignore-file KL007
      a=1
      a=2
      b=1
      b=2

      """
    #expect(lint(text) == [])
  }

  @Test func unusedAndUnknownSuppressionsAreReported() {
    let text = """
      # kafka-listeners: ignore KL007, KL999, not-a-rule
      a=1
      # kafka-listeners: ignore
      b=1
      # kafka-listeners: ignore KL004

      """
    #expect(lint(text) == ["1:KL010", "1:KL010", "1:KL010", "3:KL010", "5:KL010"])
  }

  @Test func unusedSuppressionCanBeTurnedOff() {
    let linter = Linter(configuration: Configuration(rules: ["KL010": .off]))
    let report = linter.lint([
      SourceFile(path: "s.properties", text: "# kafka-listeners: ignore KL007\na=1\n")
    ])
    #expect(report.diagnostics.isEmpty)
  }

  @Test func ordinaryCommentsAreNotSuppressions() {
    #expect(lint("# kafka-listeners is great\n# ignore KL007\na=1\na=2\n") == ["4:KL007"])
  }
}
