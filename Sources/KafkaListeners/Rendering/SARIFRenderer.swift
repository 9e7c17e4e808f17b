/// Renders SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Every registered rule
/// is listed in `tool.driver.rules` with its documentation link, so a result's rule is always
/// described even when the run found nothing else.
public enum SARIFRenderer {
  /// The report as a SARIF log with a trailing newline.
  public static func render(_ report: LintReport, rules: [any Rule] = RuleRegistry.all) -> String {
    var text = ""
    render(report, rules: rules, to: &text)
    return text
  }

  /// Writes the log, as ``render(_:rules:)`` gives it, to `output` in pieces of about 64 KB:
  /// each result is built as a value, written and dropped, so that a log of a hundred thousand
  /// findings (over 100 MB of SARIF) is never held whole, as values or as text.
  public static func render<Output: TextOutputStream>(
    _ report: LintReport, rules: [any Rule] = RuleRegistry.all, to output: inout Output
  ) {
    let index = ruleIndex(rules)
    var writer = JSONWriter(indent: 2)
    writer.openObject()
    for (key, value) in head {
      writer.key(key)
      value.write(to: &writer)
    }
    writer.key("runs")
    writer.openArray()
    writer.openObject()
    writer.key("tool")
    tool(rules).write(to: &writer)
    writer.key("results")
    writer.openArray()
    for diagnostic in report.diagnostics {
      result(diagnostic, index: index).write(to: &writer)
      writer.flush(to: &output, threshold: 1 << 16)
    }
    writer.close()
    for (key, value) in runTail {
      writer.key(key)
      value.write(to: &writer)
    }
    writer.close()
    writer.close()
    writer.close()
    writer.finishLine()
    writer.flush(to: &output)
  }

  /// The report as a SARIF JSON value.
  public static func value(_ report: LintReport, rules: [any Rule] = RuleRegistry.all) -> JSONValue
  {
    let index = ruleIndex(rules)
    let results = report.diagnostics.map { result($0, index: index) }
    let run: [(String, JSONValue)] = [("tool", tool(rules)), ("results", .array(results))] + runTail
    return .object(head + [("runs", .array([.object(run)]))])
  }

  /// The log's members before `runs`, and the run's after `results`: ``render(_:rules:to:)``
  /// and ``value(_:rules:)`` lay out the same document around the results. Made on each use
  /// rather than kept in a `static let`, whose values LeakSanitizer reports as leaked (it
  /// cannot follow the tagged pointers of `JSONValue`'s boxes).
  private static var head: [(String, JSONValue)] {
    [
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
    ]
  }
  private static var runTail: [(String, JSONValue)] {
    [("columnKind", .string("unicodeCodePoints"))]
  }

  private static func ruleIndex(_ rules: [any Rule]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, rule) in rules.enumerated() { index[rule.metadata.code] = position }
    return index
  }

  private static func tool(_ rules: [any Rule]) -> JSONValue {
    .object([
      (
        "driver",
        .object([
          ("name", .string("kafka-listeners")),
          ("version", .string(KafkaListeners.version)),
          ("semanticVersion", .string(KafkaListeners.version)),
          ("informationUri", .string(KafkaListeners.repositoryURL)),
          ("rules", .array(rules.map { descriptor($0.metadata) })),
        ])
      )
    ])
  }

  private static func result(_ diagnostic: Diagnostic, index: [String: Int]) -> JSONValue {
    var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.code))]
    if let position = index[diagnostic.code] { members.append(("ruleIndex", .int(position))) }
    members += [
      ("level", .string(level(diagnostic.severity))),
      ("message", .object([("text", .string(diagnostic.message))])),
      ("locations", .array([location(diagnostic.location)])),
    ]
    let related = diagnostic.notes.enumerated().compactMap { (id, note) -> JSONValue? in
      guard let noteLocation = note.location else { return nil }
      return relatedLocation(noteLocation, id: id, message: note.message)
    }
    if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
    return .object(members)
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  private static func descriptor(_ metadata: RuleMetadata) -> JSONValue {
    var full = metadata.rationale
    if let message = metadata.origin.upstreamMessage {
      full += " Upstream message (\(metadata.origin.label)): \(message)"
    }
    return .object([
      ("id", .string(metadata.code)),
      ("name", .string(metadata.name)),
      ("shortDescription", .object([("text", .string(metadata.summary))])),
      ("fullDescription", .object([("text", .string(full))])),
      ("helpUri", .string(metadata.helpURI)),
      ("help", .object([("text", .string(metadata.rationale))])),
      ("defaultConfiguration", .object([("level", .string(level(metadata.severity)))])),
      (
        "properties",
        .object([
          ("origin", .string(metadata.origin.label)),
          ("kafkaVersions", .string(metadata.versionText)),
        ])
      ),
    ])
  }

  private static func physicalLocation(_ location: SourceLocation) -> JSONValue {
    var region: [(String, JSONValue)] = [
      ("startLine", .int(location.line)), ("startColumn", .int(location.column)),
    ]
    if let endLine = location.endLine { region.append(("endLine", .int(endLine))) }
    if let endColumn = location.endColumn { region.append(("endColumn", .int(endColumn))) }
    return .object([
      ("artifactLocation", .object([("uri", .string(uri(location.file)))])),
      ("region", .object(region)),
    ])
  }

  private static func location(_ location: SourceLocation) -> JSONValue {
    .object([("physicalLocation", physicalLocation(location))])
  }

  private static func relatedLocation(_ location: SourceLocation, id: Int, message: String)
    -> JSONValue
  {
    .object([
      ("id", .int(id)),
      ("physicalLocation", physicalLocation(location)),
      ("message", .object([("text", .string(message))])),
    ])
  }

  /// A URI reference for a path: relative paths stay relative (code scanning resolves them
  /// against the repository root), absolute ones become `file://` URIs; characters outside
  /// RFC 3986's path set are percent-encoded.
  static func uri(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
    var out = trimmed.hasPrefix("/") ? "file://" : ""
    for byte in trimmed.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      case _ where "-._~/!$&'()*+,;=@".utf8.contains(byte):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}
