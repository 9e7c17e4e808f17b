/// KL219: TODO.
public struct ControlPlaneListenerInKRaft: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL219", name: "control-plane-listener-in-kraft", severity: .error,
    summary: "TODO",
    rationale: "TODO",
    triggering: [],
    passing: [])

  public func check(_ input: LintInput) -> [Diagnostic] {
    []
  }
}
