/// KL202: TODO.
public struct EmptyListenerName: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL202", name: "empty-listener-name", severity: .error,
    summary: "TODO",
    rationale: "TODO",
    triggering: [],
    passing: [])

  public func check(_ input: LintInput) -> [Diagnostic] {
    []
  }
}
