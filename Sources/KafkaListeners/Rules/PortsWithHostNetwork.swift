/// KL610: ports in host network mode.
public struct PortsWithHostNetwork: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL610", name: "ports-with-host-network", severity: .error,
    summary: "A service with `network_mode: host` also publishes `ports`.",
    rationale: """
      In host network mode the container uses the host's interfaces directly; the engine \
      discards `ports` and Compose refuses the combination. Remove `ports` and make the \
      listeners bind distinct host ports.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(ports: ["↓9092:9092"], extra: ["network_mode: host"])))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(ComposeExamples.service(ports: [], extra: ["network_mode: host"])))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
