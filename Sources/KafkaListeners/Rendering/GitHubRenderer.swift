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
    escape(text, [(UInt8(ascii: "%"), "%25"), (0x0D, "%0D"), (0x0A, "%0A")])
  }

  /// Escapes a property value as `@actions/core`'s `escapeProperty` does.
  public static func escapeProperty(_ text: String) -> String {
    escape(
      text,
      [
        (UInt8(ascii: "%"), "%25"), (0x0D, "%0D"), (0x0A, "%0A"), (UInt8(ascii: ":"), "%3A"),
        (UInt8(ascii: ","), "%2C"),
      ])
  }

  /// Replaces the bytes of `table` in one pass. They are ASCII, so replacing bytes replaces
  /// what `@actions/core` replaces in UTF-16 (a `%` followed by a combining mark included);
  /// text without any, most of it, is returned as it is.
  private static func escape(_ text: String, _ table: [(byte: UInt8, escaped: String)]) -> String {
    func replacement(_ byte: UInt8) -> String? { table.first { $0.byte == byte }?.escaped }
    guard text.utf8.contains(where: { replacement($0) != nil }) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 32)
    for byte in text.utf8 {
      if let escaped = replacement(byte) { out += escaped.utf8 } else { out.append(byte) }
    }
    return String(decoding: out, as: UTF8.self)
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
