/// Renders the JSON report described by `Schemas/report.schema.json`:
/// `{"version": 1, "diagnostics": [...], "reachability"?: [...], "summary": {...}}`.
public enum JSONReportRenderer {
  /// The report as pretty-printed JSON with a trailing newline.
  public static func render(_ report: LintReport) -> String {
    var text = ""
    render(report, to: &text)
    return text
  }

  /// Writes the report, as ``render(_:)`` gives it, to `output` in pieces of about 64 KB:
  /// each diagnostic is built as a value, written and dropped, so that a report of a hundred
  /// thousand findings is never held whole, as values or as text.
  public static func render<Output: TextOutputStream>(
    _ report: LintReport, to output: inout Output
  ) {
    var writer = JSONWriter(indent: 2)
    writer.openObject()
    writer.member("version", 1)
    writer.key("diagnostics")
    writer.openArray()
    for item in report.diagnostics {
      diagnostic(item).write(to: &writer)
      writer.flush(to: &output, threshold: 1 << 16)
    }
    writer.close()
    for (key, value) in members(after: report) {
      writer.key(key)
      value.write(to: &writer)
      writer.flush(to: &output, threshold: 1 << 16)
    }
    writer.close()
    writer.finishLine()
    writer.flush(to: &output)
  }

  /// The report as a JSON value.
  public static func value(_ report: LintReport) -> JSONValue {
    .object(
      [("version", .int(1)), ("diagnostics", .array(report.diagnostics.map(diagnostic)))]
        + members(after: report))
  }

  /// The members after the diagnostics.
  private static func members(after report: LintReport) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = []
    // Only clusters have client groups; a report on properties files alone stays as it was.
    if !report.reachability.isEmpty {
      members.append(("reachability", .array(report.reachability.map(reachability))))
    }
    members.append(
      (
        "summary",
        .object([
          ("files", .int(report.fileCount)),
          ("errors", .int(report.count(.error))),
          ("warnings", .int(report.count(.warning))),
          ("notes", .int(report.count(.note))),
        ])
      ))
    return members
  }

  private static func reachability(_ entry: ReachabilityEntry) -> JSONValue {
    var members: [(String, JSONValue)] = [("cluster", .string(entry.cluster))]
    if let namespace = entry.namespace { members.append(("namespace", .string(namespace))) }
    members += [
      ("file", .string(entry.file)),
      ("clientGroup", .string(entry.clientGroup)),
      ("implied", .bool(entry.isImplied)),
      ("position", .string(entry.position)),
    ]
    if let network = entry.network { members.append(("network", .string(network))) }
    members += [
      ("listener", .string(entry.listener)),
      ("kafkaListener", .string(entry.kafkaListener)),
      ("listenerType", .string(entry.listenerType)),
      ("reachable", .string(entry.reachable)),
      (
        "brokers",
        .array(
          entry.brokers.map { broker in
            .object([
              ("nodeId", .int(broker.nodeId)),
              ("address", .string(broker.address)),
              ("source", .string(broker.source)),
              ("resolvable", verdict(broker.resolvable)),
              ("routable", verdict(broker.routable)),
            ])
          })
      ),
    ]
    return .object(members)
  }

  private static func verdict(_ verdict: ReachabilityVerdict) -> JSONValue {
    .object([("status", .string(verdict.status.rawValue)), ("reason", .string(verdict.reason))])
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
