/// Renders rule documentation from the rules' metadata: the README's rule table and sections,
/// `kafka-listeners rules` and `kafka-listeners explain`.
public enum RuleDocumentation {
  /// One line per rule: `KL001  error    unreadable-file  A file named for linting …`.
  public static func list(_ rules: [any Rule] = RuleRegistry.documented) -> String {
    let width = rules.map(\.metadata.name.count).max() ?? 0
    return rules.map { rule in
      let m = rule.metadata
      let severity = m.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
      let name = m.name.padding(toLength: width, withPad: " ", startingAt: 0)
      return "\(m.code)  \(severity)\(name)  \(m.summary)"
    }.joined(separator: "\n") + "\n"
  }

  /// The documentation of one rule as plain text, for `explain`.
  public static func explain(_ rule: any Rule) -> String {
    let m = rule.metadata
    var out = "\(m.code) \(m.name) (\(m.severity.rawValue))\n\n\(m.summary)\n\n\(m.rationale)\n"
    out += "\nOrigin: \(m.origin.label)"
    if let message = m.origin.upstreamMessage { out += "\nUpstream message: \(message)" }
    out += "\nKafka versions: \(m.versionText)\n"
    for (title, examples) in [("Triggers", m.triggering), ("Passes", m.passing)] {
      for example in examples {
        out += "\n\(title) (\(example.path)):\n"
        if let reason = example.unreadableReason {
          out += "    (a file that cannot be read: \(reason))\n"
          continue
        }
        for line in example.displayText.split(separator: "\n", omittingEmptySubsequences: false)
          .dropLast(example.displayText.hasSuffix("\n") ? 1 : 0)
        {
          out += "    " + visible(String(line)) + "\n"
        }
      }
    }
    out += "\nDocumentation: \(m.helpURI)\n"
    return out
  }

  /// The rule table and one section per rule, in Markdown, as the README holds them.
  public static func markdown(_ rules: [any Rule] = RuleRegistry.documented) -> String {
    var out = "| Code | Name | Severity | Origin | Kafka | Summary |\n"
    out += "|---|---|---|---|---|---|\n"
    for rule in rules {
      let m = rule.metadata
      out += "| [\(m.code)](#\(m.anchor)) | `\(m.name)` | \(m.severity.rawValue) | "
      out += "\(m.origin.label) | \(m.versionText) | \(tableCell(m.summary)) |\n"
    }
    for rule in rules {
      let m = rule.metadata
      out += "\n### \(m.code) \(m.name)\n\n"
      out += "**\(m.severity.rawValue)** · origin: \(m.origin.label) · Kafka versions: "
      out += "\(m.versionText)\n\n\(m.summary)\n\n\(m.rationale)\n"
      if let message = m.origin.upstreamMessage {
        out += "\nUpstream message: `\(message)`\n"
      }
      for (title, examples) in [("Triggers", m.triggering), ("Passes", m.passing)] {
        for example in examples {
          out += "\n\(title) (`\(example.path)`):\n\n"
          if let reason = example.unreadableReason {
            out += "*a file that cannot be read: \(reason)*\n"
            continue
          }
          let language = SourceFile.kind(forPath: example.path) == .yaml ? "yaml" : "properties"
          var text = visible(example.displayText)
          if !text.hasSuffix("\n") { text += "\n" }
          out += "```\(language)\n\(text)```\n"
        }
      }
    }
    return out
  }

  /// The rules as JSON, for tools.
  public static func json(_ rules: [any Rule] = RuleRegistry.documented) -> String {
    JSONValue.array(
      rules.map { rule in
        let m = rule.metadata
        var members: [(String, JSONValue)] = [
          ("code", .string(m.code)), ("name", .string(m.name)),
          ("severity", .string(m.severity.rawValue)), ("summary", .string(m.summary)),
          ("rationale", .string(m.rationale)), ("origin", .string(m.origin.label)),
          ("kafkaVersions", .string(m.versionText)), ("helpUri", .string(m.helpURI)),
        ]
        if let message = m.origin.upstreamMessage {
          members.append(("upstreamMessage", .string(message)))
        }
        return .object(members)
      }
    ).rendered(newline: true)
  }

  private static func tableCell(_ text: String) -> String {
    text.replacingAll(["|": "\\|", "\n": " "])
  }

  /// Shows invisible characters of examples (a byte order mark, a NUL) so the docs stay honest.
  private static func visible(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFEFF: out += "<BOM>"
      case 0x00: out += "<NUL>"
      case 0x0D: out += "<CR>"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
