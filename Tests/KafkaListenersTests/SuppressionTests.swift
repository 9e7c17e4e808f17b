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

  @Test func directiveSyntaxVariants() {
    let text = """
      a=1
      #kafka-listeners:ignore KL007,KL010
      a=2
      b=1
      !\tkafka-listeners:  ignore   duplicate-key ,  -- reason, KL999 after the marker
      b=2
      c=1
      # kafka-listeners ignore KL007
      c=2

      """
    #expect(lint(text) == ["2:KL010", "9:KL007"])
  }

  /// The index that finds the suppressions covering a diagnostic must answer what testing
  /// every suppression answers, on overlapping, nested, repeated and file-wide scopes.
  @Test func suppressionIndexAgreesWithTestingEverySuppression() {
    var random = SplitMix64(seed: 7)
    let files = ["a.properties", "b.yaml"]
    let codes = ["KL001", "KL007", "KL102", "KL305"]
    for _ in 0..<200 {
      var suppressions: [Suppression] = []
      for _ in 0..<random.below(13) {
        let first = 1 + random.below(40)
        let scope: Suppression.Scope
        switch random.below(6) {
        case 0: scope = .file
        case 1: scope = .nothing
        default: scope = .lines(first...(first + random.below(16)))
        }
        let written: [String?] = (0..<random.below(4)).map { _ in
          random.chance(1, in: 2) ? random.pick(codes) : nil
        }
        var suppression = Suppression(
          rules: [], scope: scope,
          location: SourceLocation(file: random.pick(files), line: 1, column: 1))
        suppression.rules = written.map { (written: $0 ?? "not-a-rule", code: $0, location: nil) }
        suppressions.append(suppression)
      }
      let index = SuppressionIndex(suppressions)
      for line in 1...60 {
        for file in files {
          for code in codes {
            let diagnostic = Diagnostic(
              code: code, name: "x", severity: .warning, message: "m",
              location: SourceLocation(file: file, line: line, column: 1))
            let expected = suppressions.indices.filter { suppressions[$0].covers(diagnostic) }
            #expect(index.covering(diagnostic).sorted() == expected)
          }
        }
      }
    }
  }
}
