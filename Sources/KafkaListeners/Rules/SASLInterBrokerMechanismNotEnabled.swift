/// KL244: TODO.
public struct SASLInterBrokerMechanismNotEnabled: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL244", name: "sasl-inter-broker-mechanism-not-enabled", severity: .error,
    summary: "TODO",
    rationale: "TODO",
    triggering: [],
    passing: [])

  public func check(_ input: LintInput) -> [Diagnostic] {
    []
  }
}
