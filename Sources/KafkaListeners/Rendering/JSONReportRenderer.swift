/// Renders the JSON report described by `Schemas/report.schema.json`:
/// `{"version": 1, "diagnostics": [...], "summary": {...}}`.
public enum JSONReportRenderer {
  /// The report as pretty-printed JSON with a trailing newline.
  public static func render(_ report: LintReport) -> String {
    value(report).rendered() + "\n"
  }

  /// The report as a JSON value.
  public static func value(_ report: LintReport) -> JSONValue {
    .object([
      ("version", .int(1)),
      ("diagnostics", .array(report.diagnostics.map(diagnostic))),
      (
        "summary",
        .object([
          ("files", .int(report.fileCount)),
          ("errors", .int(report.count(.error))),
          ("warnings", .int(report.count(.warning))),
          ("notes", .int(report.count(.note))),
        ])
      ),
    ])
  }

  private static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("rule", .string(diagnostic.code)),
      ("name", .string(diagnostic.name)),
      ("severity", .string(diagnostic.severity.rawValue)),
      ("message", .string(diagnostic.message)),
      ("file", .string(diagnostic.location.file)),
      ("line", .int(diagnostic.location.line)),
      ("column", .int(diagnostic.location.column)),
    ]
    if let endLine = diagnostic.location.endLine { members.append(("endLine", .int(endLine))) }
    if let endColumn = diagnostic.location.endColumn {
      members.append(("endColumn", .int(endColumn)))
    }
    if !diagnostic.notes.isEmpty {
      members.append(
        (
          "notes",
          .array(
            diagnostic.notes.map { note in
              var fields: [(String, JSONValue)] = [("message", .string(note.message))]
              if let location = note.location {
                fields += [
                  ("file", .string(location.file)), ("line", .int(location.line)),
                  ("column", .int(location.column)),
                ]
              }
              return .object(fields)
            })
        ))
    }
    return .object(members)
  }
}
