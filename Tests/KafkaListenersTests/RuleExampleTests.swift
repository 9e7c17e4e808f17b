import Testing

@testable import KafkaListeners

/// Every rule's documented examples are its first tests: each triggering example produces a
/// diagnostic of that rule at every marker and nowhere else; each passing example produces none.
@Suite struct RuleExampleTests {
  static let rules: [String] = RuleRegistry.all.map(\.metadata.code)

  private func diagnostics(_ example: RuleExample, code: String) -> [Diagnostic] {
    let linter = Linter(
      configuration: Configuration(kafkaVersion: example.kafkaVersion ?? .newest))
    return linter.lint([example.sourceFile]).diagnostics.filter { $0.code == code }
  }

  @Test(arguments: rules)
  func triggeringExamplesPointAtTheirMarkers(code: String) throws {
    let rule = try #require(RuleRegistry.rule(code))
    #expect(!rule.metadata.triggering.isEmpty, "\(code) has no triggering example")
    for example in rule.metadata.triggering {
      let expected = example.markedPositions.map { "\($0.line):\($0.column)" }.sorted()
      #expect(!expected.isEmpty, "\(code): a triggering example needs a ↓ marker")
      let found = diagnostics(example, code: code)
        .map { "\($0.location.line):\($0.location.column)" }.sorted()
      #expect(found == expected, "\(code) on \(example.displayText.debugDescription)")
    }
  }

  @Test(arguments: rules)
  func passingExamplesAreClean(code: String) throws {
    let rule = try #require(RuleRegistry.rule(code))
    #expect(!rule.metadata.passing.isEmpty, "\(code) has no passing example")
    for example in rule.metadata.passing {
      #expect(!example.text.contains(RuleExample.marker))
      let found = diagnostics(example, code: code)
      #expect(found.isEmpty, "\(code) on \(example.displayText.debugDescription): \(found)")
    }
  }

  @Test(arguments: rules)
  func diagnosticsCarryTheRuleIdentity(code: String) throws {
    let rule = try #require(RuleRegistry.rule(code))
    for example in rule.metadata.triggering {
      for diagnostic in diagnostics(example, code: code) {
        #expect(diagnostic.name == rule.metadata.name)
        #expect(diagnostic.severity == rule.metadata.severity)
        #expect(!diagnostic.message.contains("\n"), "messages are one line")
        #expect(diagnostic.location.file == example.path)
      }
    }
  }
}
