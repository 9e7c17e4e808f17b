/// Renders diagnostics as `path:line:col: severity: message [KLnnn name]`, one per line, with
/// notes indented below; the form compilers use, so editors and `grep` understand it.
public struct TextRenderer: Sendable {
  /// Whether to colour severities with ANSI escapes (only on a terminal, never with `NO_COLOR`).
  public var color: Bool

  /// Creates a renderer.
  public init(color: Bool = false) {
    self.color = color
  }

  /// The report, one diagnostic per line; empty when there is nothing to say.
  public func render(_ report: LintReport) -> String {
    var text = ""
    render(report, to: &text)
    return text
  }

  /// Writes the report, as ``render(_:)`` gives it, to `output` in pieces. A long report (tens
  /// of thousands of findings on a large cluster) is written in chunks of findings on several
  /// processors, a few chunks at a time, each handed to `output` in order and dropped: the same
  /// text as writing it here, never held whole.
  public func render<Output: TextOutputStream>(_ report: LintReport, to output: inout Output) {
    let diagnostics = report.diagnostics
    let chunks = Parallel.chunks(of: 2_048, count: diagnostics.count)
    for batch in Parallel.chunks(of: 8, count: chunks.count) {
      let texts = Parallel.map(Array(chunks[batch]), minimumCount: 2) { range in
        var out = ""
        for diagnostic in diagnostics[range] { append(diagnostic, to: &out) }
        return out
      }
      for text in texts { output.write(text) }
    }
  }

  private func append(_ diagnostic: Diagnostic, to out: inout String) {
    out += paint("\(diagnostic.location):", "1")
    out += " "
    out += paint("\(diagnostic.severity.rawValue):", severityStyle(diagnostic.severity))
    out += " "
    out += diagnostic.message
    out += " "
    out += paint("[\(diagnostic.code) \(diagnostic.name)]", "2")
    out += "\n"
    for note in diagnostic.notes {
      out += "  "
      out += paint(note.location.map { "\($0): " } ?? "", "1")
      out += paint("note:", "36")
      out += " "
      out += note.message
      out += "\n"
    }
  }

  /// One line such as `2 errors, 1 warning in 3 files`.
  public func summary(_ report: LintReport) -> String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    var parts = [plural(report.count(.error), "error"), plural(report.count(.warning), "warning")]
    if report.count(.note) > 0 { parts.append(plural(report.count(.note), "note")) }
    return parts.joined(separator: ", ") + " in " + plural(report.fileCount, "file")
  }

  private func severityStyle(_ severity: Severity) -> String {
    switch severity {
    case .error: "1;31"
    case .warning: "1;33"
    case .note: "1;36"
    }
  }

  private func paint(_ text: String, _ style: String) -> String {
    guard color, !text.isEmpty else { return text }
    return "\u{1B}[\(style)m\(text)\u{1B}[0m"
  }
}
