/// KL002: YAML or JSON that libyaml cannot read.
public struct YAMLSyntax: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL002", name: "yaml-syntax", severity: .error,
    summary: "A YAML or JSON file is not well-formed, has a duplicate key, or is not UTF-8.",
    rationale: """
      kubectl, Strimzi and every YAML tool reject the file, and nothing after the error can be \
      checked. Duplicate keys are errors too: YAML forbids them, and tools disagree on which \
      value wins.
      """,
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        spec:
          kafka:
            listeners:
              - name: plain
                port: 9092
               ↓type: internal

        """),
      RuleExample(
        "kafka.yaml",
        """
        ↓metadata:
          name: my-cluster
        metadata:
          name: other

        """),
    ],
    passing: [
      RuleExample(
        "kafka.yaml",
        """
        spec:
          kafka:
            listeners:
              - name: plain
                port: 9092
                type: internal

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    input.yamlFiles.compactMap { file in
      file.syntaxError.map { metadata.diagnostic($0.message, at: $0.location) }
    }
  }
}
