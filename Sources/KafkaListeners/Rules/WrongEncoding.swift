/// KL008: a byte order mark or UTF-16 text in a `.properties` file.
public struct WrongEncoding: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL008", name: "wrong-encoding", severity: .error,
    summary: "A `.properties` file starts with a byte order mark or is UTF-16.",
    rationale: """
      Kafka reads its configuration with `Properties.load(InputStream)`, one ISO-8859-1 character \
      per byte. A UTF-8 byte order mark becomes the characters `ï»¿` at the start of the first \
      key, so the first setting is silently ignored; UTF-16 text becomes keys full of NUL \
      characters, so every setting is. Editors on Windows add both. Save the file as ASCII (or \
      UTF-8 without a byte order mark).
      """,
    origin: .javaProperties(message: nil),
    triggering: [
      RuleExample("server.properties", "↓\u{FEFF}process.roles=broker,controller\n")
    ],
    passing: [
      RuleExample("server.properties", "process.roles=broker,controller\n")
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    input.propertiesFiles.compactMap { file in
      let bytes = file.bytes
      let start = SourceLocation.start(of: file.path)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        let victim = file.entries.first.map {
          "the first key is read as \(quoted($0.key)), so Kafka ignores that setting"
        }
        return metadata.diagnostic(
          "UTF-8 byte order mark: Java reads it as the characters 'ï»¿'; "
            + (victim ?? "remove it"),
          at: start)
      }
      if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
        return metadata.diagnostic(
          "UTF-16 byte order mark: Kafka reads .properties files as ISO-8859-1 bytes, so no key "
            + "in this file is read as written; save it as ASCII",
          at: start)
      }
      if let nul = bytes.firstOffset(ofByte: 0) {
        return metadata.diagnostic(
          "NUL byte: the file looks like UTF-16 or binary data, and Kafka reads it as ISO-8859-1; "
            + "save it as ASCII",
          at: file.location(ofByte: nul))
      }
      return nil
    }
  }
}
