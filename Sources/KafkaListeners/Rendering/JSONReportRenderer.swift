/// Renders the JSON report described by `Schemas/report.schema.json`:
/// `{"version": 1, "diagnostics": [...], "reachability"?: [...], "summary": {...}}`.
public enum JSONReportRenderer {
  /// The report as pretty-printed JSON with a trailing newline.
  public static func render(_ report: LintReport) -> String {
    value(report).rendered(newline: true)
  }

  /// The report as a JSON value.
  public static func value(_ report: LintReport) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("version", .int(1)),
      ("diagnostics", .array(report.diagnostics.map(diagnostic))),
    ]
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
    return .object(members)
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
