import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

@Suite struct OutputFormatTests {
  let inputs = ["Fixtures/properties"]

  @Test func jsonReportValidatesAgainstItsSchema() throws {
    let result = try runCLI(["lint", "--format", "json"] + inputs)
    #expect(result.status == 1 || result.status == 0)
    let errors = try jsonSchemaErrors(result.stdout, schema: packagePath("Schemas/report.schema.json"))
    #expect(errors == nil, "\(errors ?? "")")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(!diagnostics.isEmpty)
  }

  @Test func sarifValidatesAgainstTheSarif210Schema() throws {
    let result = try runCLI(["lint", "--format", "sarif"] + inputs)
    let errors = try jsonSchemaErrors(
      result.stdout, schema: packagePath("Schemas/sarif-2.1.0.schema.json"))
    #expect(errors == nil, "\(errors ?? "")")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count == RuleRegistry.all.count)
    for (rule, registered) in zip(rules, RuleRegistry.all) {
      #expect(rule["id"] as? String == registered.metadata.code)
      let help = try #require(rule["helpUri"] as? String)
      #expect(help.hasSuffix("README.md#\(registered.metadata.anchor)"))
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(!results.isEmpty)
    for result in results {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
    }
  }

  @Test func sarifURIsAreRelativeAndEncoded() {
    #expect(SARIFRenderer.uri("./config/server.properties") == "config/server.properties")
    #expect(SARIFRenderer.uri("my dir/a%b.yaml") == "my%20dir/a%25b.yaml")
    #expect(SARIFRenderer.uri("/etc/kafka/server.properties") == "file:///etc/kafka/server.properties")
    #expect(SARIFRenderer.uri("ü.yaml") == "%C3%BC.yaml")
  }

  @Test func githubCommandsAreEscaped() {
    let diagnostic = Diagnostic(
      code: "KL007", name: "duplicate-key", severity: .warning,
      message: "100% sure: a\r\nb",
      location: SourceLocation(file: "dir,1/a:b.properties", line: 3, column: 1),
      notes: [.init("first here", at: SourceLocation(file: "x", line: 1, column: 2))])
    let rendered = GitHubRenderer.render(LintReport(diagnostics: [diagnostic], fileCount: 1))
    #expect(
      rendered
        == "::warning file=dir%2C1/a%3Ab.properties,line=3,col=1,title=KL007 duplicate-key::"
        + "100%25 sure: a%0D%0Ab%0Ax:1:2: note: first here\n")
    #expect(GitHubRenderer.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    #expect(GitHubRenderer.escapeData("a:b,c%\r") == "a:b,c%25%0D")
    // A `%` with a combining mark is one character, but `@actions/core` escapes the `%`.
    #expect(GitHubRenderer.escapeData("100%\u{301}") == "100%25\u{301}")
  }

  /// A long text report, written in chunks on several processors and handed out a few chunks
  /// at a time, is the text of its findings rendered one by one, in order.
  @Test func longTextReportIsItsFindingsInOrder() throws {
    let report = try KafkaListeners.lint(paths: [packagePath("Fixtures/properties")])
    #expect(report.diagnostics.contains { !$0.notes.isEmpty })
    var diagnostics: [Diagnostic] = []
    for copy in 0..<(40_000 / report.diagnostics.count + 1) {
      for var diagnostic in report.diagnostics {
        diagnostic.location.line += copy
        diagnostics.append(diagnostic)
      }
    }
    let long = LintReport(diagnostics: diagnostics, fileCount: 1)
    let oneByOne = diagnostics.map {
      TextRenderer().render(LintReport(diagnostics: [$0], fileCount: 1))
    }.joined()
    #expect(diagnostics.count > 40_000)
    #expect(TextRenderer().render(long) == oneByOne)
  }

  /// The streamed JSON report and SARIF log are the documents their values render to, on a
  /// real report with notes, end positions and a reachability table; and streamed in pieces,
  /// they arrive whole.
  @Test func streamedReportsAreTheirValuesRendered() throws {
    let report = try KafkaListeners.lint(
      paths: ["Fixtures/properties", "Fixtures/strimzi/kafka-nodeport.yaml"].map(packagePath))
    #expect(report.diagnostics.contains { !$0.notes.isEmpty } && !report.reachability.isEmpty)
    #expect(
      JSONReportRenderer.render(report) == JSONReportRenderer.value(report).rendered(indent: 2) + "\n")
    #expect(SARIFRenderer.render(report) == SARIFRenderer.value(report).rendered(indent: 2) + "\n")

    // Many findings: the output comes in pieces of about 64 KB.
    let many = LintReport(
      diagnostics: Array(repeating: report.diagnostics, count: 200).flatMap { $0 },
      fileCount: 1)
    struct Pieces: TextOutputStream {
      var pieces: [String] = []
      mutating func write(_ string: String) { pieces.append(string) }
    }
    var pieces = Pieces()
    SARIFRenderer.render(many, to: &pieces)
    #expect(pieces.pieces.count > 10)
    // The first piece holds the rule descriptions too.
    #expect(pieces.pieces.dropFirst().dropLast().allSatisfy { $0.utf8.count < 1 << 17 })
    #expect(pieces.pieces.joined() == SARIFRenderer.value(many).rendered(indent: 2) + "\n")
  }

  @Test func githubSeveritiesMapToCommands() {
    let report = LintReport(
      diagnostics: Severity.allCases.map { severity in
        Diagnostic(
          code: "KL001", name: "x", severity: severity, message: "m",
          location: SourceLocation(file: "f", line: 1, column: 1))
      }, fileCount: 1)
    let commands = GitHubRenderer.render(report).split(separator: "\n").map {
      String($0.prefix { $0 != " " })
    }
    #expect(commands == ["::notice", "::warning", "::error"])
  }

  @Test func textRendererColoursOnlyWhenAsked() {
    let report = LintReport(
      diagnostics: [
        Diagnostic(
          code: "KL007", name: "duplicate-key", severity: .error, message: "m",
          location: SourceLocation(file: "f", line: 2, column: 3))
      ], fileCount: 1)
    #expect(TextRenderer().render(report) == "f:2:3: error: m [KL007 duplicate-key]\n")
    #expect(TextRenderer(color: true).render(report).contains("\u{1B}[1;31merror:\u{1B}[0m"))
  }

  @Test func jsonEscapesControlCharacters() {
    let value = JSONValue.object([("k", .string("a\"b\\c\n\u{01}é/"))])
    #expect(value.rendered(indent: nil) == #"{"k":"a\"b\\c\n\u0001é/"}"#)
  }

  /// Strings of control characters, quotes, backslashes, combining marks and astral characters
  /// come back from Foundation's JSON parser scalar for scalar.
  @Test func jsonStringsRoundTripThroughFoundation() throws {
    var random = SplitMix64(seed: 42)
    let pieces = [
      "\u{0}", "\u{1F}", "\u{7F}", "\"", "\\", "/", "\n", "\r", "\t", "é", "e\u{301}", "😀",
      "\u{2028}", "a", " ",
    ]
    for _ in 0..<500 {
      let text = random.picks(pieces, count: 0..<12).joined()
      let rendered = JSONValue.array([.string(text)]).rendered(indent: nil)
      let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
      #expect(parsed.map { $0.map { Array($0.unicodeScalars) } } == [Array(text.unicodeScalars)])
    }
  }

  @Test func diagnosticsSortByFileLineColumnRule() {
    func d(_ file: String, _ line: Int, _ column: Int, _ code: String) -> Diagnostic {
      Diagnostic(
        code: code, name: "n", severity: .error, message: "m",
        location: SourceLocation(file: file, line: line, column: column))
    }
    let sorted = [d("b", 1, 1, "KL001"), d("a", 2, 1, "KL001"), d("a", 1, 5, "KL002"),
      d("a", 1, 5, "KL001"), d("a", 1, 2, "KL009")].sorted()
    #expect(
      sorted.map { "\($0.location.file):\($0.location.line):\($0.location.column):\($0.code)" }
        == ["a:1:2:KL009", "a:1:5:KL001", "a:1:5:KL002", "a:2:1:KL001", "b:1:1:KL001"])
  }
}
