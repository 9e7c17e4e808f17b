/// KL330: host.docker.internal.
public struct HostDockerInternalResolution: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL330", name: "host-docker-internal-resolution", severity: .note,
    summary:
      "A broker advertises `host.docker.internal`, which Linux containers resolve only when configured.",
    rationale: """
      Docker Desktop resolves `host.docker.internal` in every container; Docker Engine on Linux \
      only in containers whose service has `extra_hosts: ["host.docker.internal:host-gateway"]`. \
      Add that entry to the client services, or declare `x-kafka-listeners: {platform: docker- \
      desktop}` when the project only runs there.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        ComposeExamples.compose(
          ComposeExamples.service(set: [
            (
              "KAFKA_ADVERTISED_LISTENERS",
              "PLAINTEXT://kafka:29092,↓PLAINTEXT_HOST://host.docker.internal:9092"
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
