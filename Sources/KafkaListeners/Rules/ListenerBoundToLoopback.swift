/// KL324: listener bound to loopback.
public struct ListenerBoundToLoopback: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL324", name: "listener-bound-to-loopback", severity: .error,
    summary:
      "A listener that clients outside the container use binds `127.0.0.1` or `localhost` inside it.",
    rationale: """
      Published ports forward to the container's network address, never to its loopback, and \
      other containers connect to that address too: a listener bound to `127.0.0.1` inside a \
      bridge-networked container serves nobody but the container itself. Bind `NAME://:PORT` (or \
      `0.0.0.0`) and put the reachable name in the advertised listener only.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            (
              "KAFKA_LISTENERS",
              "PLAINTEXT://:29092,CONTROLLER://:9093,↓PLAINTEXT_HOST://127.0.0.1:9092"
            )
          ])))
    ],
    passing: [
      RuleExample("docker-compose.yml", ComposeExamples.compose(ComposeExamples.service()))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
