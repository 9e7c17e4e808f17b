/// KL001: an input that could not be read at all.
public struct UnreadableFile: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL001", name: "unreadable-file", severity: .error,
    summary: "A file named for linting could not be read.",
    rationale: """
      The file does not exist any more, is not a regular file (a directory, a FIFO, a device), \
      is not readable by this user, or is larger than the size limit. Nothing in it was checked, \
      so the run exits with 2 whatever else it found.
      """,
    triggering: [RuleExample(unreadable: "server.properties", reason: "Permission denied")],
    passing: [RuleExample("server.properties", "listeners=PLAINTEXT://:9092\n")])

  public func check(_ input: LintInput) -> [Diagnostic] {
    input.unreadableFiles.map { file in
      metadata.diagnostic("cannot read file: \(file.reason)", at: .start(of: file.path))
    }
  }
}
