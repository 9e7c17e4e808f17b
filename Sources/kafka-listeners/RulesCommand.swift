import ArgumentParser
import KafkaListeners

enum RulesFormat: String, ExpressibleByArgument, CaseIterable {
  case text, markdown, json
}

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List every rule.")

  @Option(help: "Output format (markdown is the README's rule reference).")
  var format: RulesFormat = .text

  func run() throws {
    switch format {
    case .text: Output.write(RuleDocumentation.list())
    case .markdown: Output.write(RuleDocumentation.markdown())
    case .json: Output.write(RuleDocumentation.json())
    }
  }
}

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Print one rule's documentation.")

  @Argument(help: ArgumentHelp("A rule code or name, e.g. KL007 or duplicate-key.", valueName: "rule"))
  var rule: String

  func run() throws {
    guard let found = RuleRegistry.rule(rule) else { throw ToolError.unknownRule(rule) }
    Output.write(RuleDocumentation.explain(found))
  }
}
