/// KL011: a backslash before an ordinary character, which Java silently drops.
public struct DroppedBackslash: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL011", name: "dropped-backslash", severity: .warning,
    summary: "A backslash in a value escapes an ordinary character and silently disappears.",
    rationale: """
      In a `.properties` file a backslash escapes the next character: `\\t`, `\\n`, `\\r`, `\\f` \
      and `\\uXXXX` have meanings, and before any other character the backslash is dropped. So \
      `log.dirs=D:\\kafka\\data` gives Kafka `D:kafkadata`, and a regular expression loses its \
      escapes. Write a literal backslash as `\\\\` (or use forward slashes in paths).
      """,
    origin: .javaProperties(message: nil),
    triggering: [
      RuleExample("server.properties", "log.dirs=D:↓\\kafka↓\\data\n")
    ],
    passing: [
      RuleExample(
        "server.properties",
        "log.dirs=D:\\\\kafka\\\\data\nsasl.jaas.config=a\\=b\\:c\\ d\\tx\\u0041\n")
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for file in input.propertiesFiles {
      for entry in file.entries {
        for span in entry.valueSpans where span.isEscape && span.width == 2 {
          let escaped = file.bytes[span.byteOffset + 1]
          // Escapes with a meaning, and escapes of characters that would otherwise separate,
          // start a comment or continue a line, are intended.
          if "tnrf\\=: #!\t\u{0C}".utf8.contains(escaped) { continue }
          let character = Character(Unicode.Scalar(escaped))
          diagnostics.append(
            metadata.diagnostic(
              "the backslash before \(quoted(String(character))) is dropped, so "
                + "\(quoted(entry.key)) is \(quoted(entry.value)); write \\\\ for a backslash",
              at: file.location(ofByte: span.byteOffset)))
        }
      }
    }
    return diagnostics
  }
}
