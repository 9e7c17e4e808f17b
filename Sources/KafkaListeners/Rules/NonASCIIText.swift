/// KL009: non-ASCII bytes in a key or value, which Kafka reads as ISO-8859-1.
public struct NonASCIIText: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL009", name: "non-ascii-text", severity: .warning,
    summary: "A key or value contains non-ASCII bytes, which Kafka decodes as ISO-8859-1.",
    rationale: """
      `Properties.load(InputStream)` turns every byte into one character, so the UTF-8 bytes of \
      `é` arrive as `Ã©`. A host name, a password or a path with such characters is not what the \
      file shows. Write non-ASCII characters as `\\uXXXX` escapes.
      """,
    origin: .javaProperties(message: nil),
    triggering: [
      RuleExample("server.properties", "advertised.listeners=PLAINTEXT://k↓ä.example:9092\n")
    ],
    passing: [
      RuleExample("server.properties", "# Kafka-Broker für Büro\nsasl.jaas.user=k\\u00e4\n")
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for file in input.propertiesFiles {
      let bytes = file.bytes
      // Skip files with a byte order mark or NULs: wrong-encoding covers them as a whole.
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFE, 0xFF])
        || bytes.starts(with: [0xFF, 0xFE]) || bytes.firstOffset(ofByte: 0) != nil
      {
        continue
      }
      for entry in file.entries {
        let first = file.lines[entry.lines.lowerBound - 1].start
        let last = file.lines[entry.lines.upperBound - 1].contentEnd
        guard let found = UTF8Validation.firstNonASCIIOffset(bytes, in: first..<last) else {
          continue
        }
        let offset = first + found
        let latin1 = String(
          decoding: bytes[offset..<min(last, offset + 4)].map { UInt16($0) }, as: UTF16.self)
        var message = "non-ASCII byte 0x\(String(bytes[offset], radix: 16, uppercase: true))"
          + " in \(quoted(entry.key)): Kafka reads .properties files as ISO-8859-1"
        if let length = utf8SequenceLength(bytes, offset, last),
          let scalar = String(validating: bytes[offset..<offset + length], as: UTF8.self)
        {
          let latinText = String(latin1.unicodeScalars.prefix(length))
          let code = scalar.unicodeScalars.first.map { escape($0) } ?? ""
          message += ", so \(quoted(scalar)) arrives as \(quoted(latinText)); write \(code)"
        }
        diagnostics.append(metadata.diagnostic(message, at: file.location(ofByte: offset)))
      }
    }
    return diagnostics
  }

  private func utf8SequenceLength(_ bytes: [UInt8], _ offset: Int, _ end: Int) -> Int? {
    let lead = bytes[offset]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
    guard length > 0, offset + length <= end else { return nil }
    return UTF8Validation.firstInvalidOffset(bytes[offset..<offset + length]) == nil ? length : nil
  }

  private func escape(_ scalar: Unicode.Scalar) -> String {
    String(scalar).utf16.map { unit in
      let hex = String(unit, radix: 16, uppercase: true)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }.joined()
  }
}
