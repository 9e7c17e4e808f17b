/// KL206: TODO.
public struct MissingSecurityProtocol: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL206", name: "missing-security-protocol", severity: .error,
    summary: "TODO",
    rationale: "TODO",
    triggering: [],
    passing: [])

  public func check(_ input: LintInput) -> [Diagnostic] {
    []
  }
}
