/// KL241: TODO.
public struct ControllerListenerNamesInZooKeeperMode: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL241", name: "controller-listener-names-in-zookeeper-mode", severity: .error,
    summary: "TODO",
    rationale: "TODO",
    triggering: [],
    passing: [])

  public func check(_ input: LintInput) -> [Diagnostic] {
    []
  }
}
