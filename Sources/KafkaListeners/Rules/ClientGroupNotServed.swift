/// KL326: client group not served.
public struct ClientGroupNotServed: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL326", name: "client-group-not-served", severity: .error,
    summary:
      "A client group has no listener it can use, or its bootstrap address reaches no listener.",
    rationale: """
      Every group of clients needs one listener whose advertised address works from where the \
      clients sit: containers on the compose network need a service name and a container port, \
      host programs need `localhost` and a published port. Add the missing listener (the dual- \
      listener layout serves both) and bootstrap each group from its own listener.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(), ComposeExamples.client(bootstrap: "↓kafka:9999")))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(), ComposeExamples.client(bootstrap: "kafka:29092")))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
