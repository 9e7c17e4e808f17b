/// Renders SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Every registered rule
/// is listed in `tool.driver.rules` with its documentation link, so a result's rule is always
/// described even when the run found nothing else.
public enum SARIFRenderer {
  /// The report as a SARIF log with a trailing newline.
  public static func render(_ report: LintReport, rules: [any Rule] = RuleRegistry.all) -> String {
    value(report, rules: rules).rendered(newline: true)
  }

  /// The report as a SARIF JSON value.
  public static func value(_ report: LintReport, rules: [any Rule] = RuleRegistry.all) -> JSONValue
  {
    var index: [String: Int] = [:]
    for (position, rule) in rules.enumerated() { index[rule.metadata.code] = position }
    let driver: JSONValue = .object([
      ("name", .string("kafka-listeners")),
      ("version", .string(KafkaListeners.version)),
      ("semanticVersion", .string(KafkaListeners.version)),
      ("informationUri", .string(KafkaListeners.repositoryURL)),
      ("rules", .array(rules.map { descriptor($0.metadata) })),
    ])
    let results: [JSONValue] = report.diagnostics.map { diagnostic in
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
    return .object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      (
        "runs",
        .array([
          .object([
            ("tool", .object([("driver", driver)])),
            ("results", .array(results)),
            ("columnKind", .string("unicodeCodePoints")),
          ])
        ])
      ),
    ])
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
