/// KL223: TODO.
public struct InvalidNodeId: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL223", name: "invalid-node-id", severity: .error,
    summary: "TODO",
    rationale: "TODO",
    triggering: [],
    passing: [])

  public func check(_ input: LintInput) -> [Diagnostic] {
    []
  }
}
