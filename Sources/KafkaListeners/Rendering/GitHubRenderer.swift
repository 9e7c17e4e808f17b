/// Renders GitHub Actions workflow commands (`::error file=…,line=…::message`), which show as
/// annotations on the pull request diff without any upload.
public enum GitHubRenderer {
  /// One workflow command per diagnostic.
  public static func render(_ report: LintReport) -> String {
    var out = ""
    for diagnostic in report.diagnostics {
      let command: String
      switch diagnostic.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .note: command = "notice"
      }
      let location = diagnostic.location
      var properties = [
        "file=\(escapeProperty(location.file))", "line=\(location.line)",
        "col=\(location.column)",
      ]
      if let endLine = location.endLine { properties.append("endLine=\(endLine)") }
      if let endColumn = location.endColumn { properties.append("endColumn=\(endColumn)") }
      properties.append("title=\(escapeProperty("\(diagnostic.code) \(diagnostic.name)"))")
      var message = diagnostic.message
      for note in diagnostic.notes {
        message += "\n" + (note.location.map { "\($0): " } ?? "") + "note: " + note.message
      }
      out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }
    return out
  }

  /// Escapes a message as `@actions/core`'s `escapeData` does.
  public static func escapeData(_ text: String) -> String {
    text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
  }

  /// Escapes a property value as `@actions/core`'s `escapeProperty` does.
  public static func escapeProperty(_ text: String) -> String {
    text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
  }
}

extension String {
  /// Replaces characters in one pass, so a replacement is never replaced again.
  func replacingAll(_ table: [Character: String]) -> String {
    var out = ""
    for character in self {
      // "\r\n" is one Character; split it so each half is escaped.
      if character == "\r\n", let cr = table["\r"], let lf = table["\n"] {
        out += cr + lf
      } else if let replacement = table[character] {
        out += replacement
      } else {
        out.append(character)
      }
    }
    return out
  }
}
