/// KL021: a compose variable without a value.
public struct UnresolvedComposeVariable: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL021", name: "unresolved-compose-variable", severity: .note,
    summary: "A compose value uses a variable that has no value and no default.",
    rationale: """
      Compose substitutes an empty string (with a warning) for `${VAR}` when neither `--env`, an \
      `--env-file` nor the `.env` file next to the compose file sets it. Checks that need the \
      value are skipped and say so. Give the variable a value in `.env`, or a default with \
      `${VAR:-value}`.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            (
              "KAFKA_ADVERTISED_LISTENERS",
              "↓PLAINTEXT://kafka:29092,PLAINTEXT_HOST://${DOCKER_HOST_IP}:9092"
            )
          ])))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            (
              "KAFKA_ADVERTISED_LISTENERS",
              "PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092"
            )
          ])))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
