/// KL607: wrong dialect.
public struct WrongVariableDialect: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL607", name: "wrong-variable-dialect", severity: .warning,
    summary: "A variable is written in another image's dialect, so this image ignores it.",
    rationale: """
      Bitnami reads only `KAFKA_CFG_*` (plus a list of legacy aliases and its own settings), \
      while apache/kafka and Confluent turn `KAFKA_CFG_LISTENERS` into the unknown key \
      `cfg.listeners`. Porting a file between images silently drops such settings. Use the \
      prefix of the image the service runs.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            image: "bitnamilegacy/kafka:3.9", ports: ["9094:9094"], base: ComposeExamples.bitnami,
            set: [
              ("KAFKA_CFG_CONTROLLER_LISTENER_NAMES", nil),
              ("↓KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
            ])))
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(
            image: "bitnamilegacy/kafka:3.9", ports: ["9094:9094"], base: ComposeExamples.bitnami)))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    metadata.diagnostics(from: input.composeIssues)
  }
}
