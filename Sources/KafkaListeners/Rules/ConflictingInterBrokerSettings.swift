/// KL213: TODO.
public struct ConflictingInterBrokerSettings: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL213", name: "conflicting-inter-broker-settings", severity: .error,
    summary: "TODO",
    rationale: "TODO",
    triggering: [],
    passing: [])

  public func check(_ input: LintInput) -> [Diagnostic] {
    []
  }
}
