/// KL329: host port picked at run time.
public struct UnassignedHostPort: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL329", name: "unassigned-host-port", severity: .warning,
    summary: "A host-facing listener's port is published on a host port Docker picks at run time.",
    rationale: """
      `ports: ["9092"]` or a host port range lets Docker choose the host port when the container \
      starts, so no advertised port written in advance can match it. Publish a fixed host port \
      (`9092:9092`) and advertise that port.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml", ComposeExamples.compose(ComposeExamples.service(ports: ["↓9092"])))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
