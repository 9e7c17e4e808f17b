/// KL004: a list value continued on the next line without a backslash.
public struct SplitListValue: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL004", name: "split-list-value", severity: .error,
    summary: "A line that looks like the rest of a list value is read as a separate key.",
    rationale: """
      A value continues on the next line only when its line ends with a backslash. Without it, \
      `listeners=PLAINTEXT://:9092,` followed by `  SSL://:9093` sets `listeners` to \
      `PLAINTEXT://:9092,` and a separate key `SSL` to `//:9093` (the first `:` separates key \
      and value). Kafka ignores the unknown key, so the listener silently disappears; Kafka \
      4.2 and later also reject the trailing comma. End every line but the last of a continued \
      value with `\\`.
      """,
    origin: .javaProperties(message: nil),
    triggering: [
      RuleExample(
        "server.properties",
        """
        listeners=PLAINTEXT://:9092,
          ↓SSL://:9093

        """),
      RuleExample(
        "server.properties",
        """
        log.dirs=/var/lib/kafka/a,
            ↓/var/lib/kafka/b

        """),
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        listeners=PLAINTEXT://:9092,\\
          SSL://:9093
        ssl.enabled.protocols=TLSv1.3,
        ssl.protocol=TLS

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    input.propertiesFiles.flatMap { file in
      file.entries.indices.compactMap { index -> Diagnostic? in
        guard SplitListValue.isSplitContinuation(file.entries, index) else { return nil }
        let entry = file.entries[index]
        let text = entry.key + (entry.separator == .character(":") ? ":" : " ") + entry.value
        var notes: [Diagnostic.Note] = []
        var message = "\(quoted(text)) is read as the key \(quoted(entry.key)) with the value "
          + "\(quoted(entry.value))"
        if index > 0, SplitListValue.endsWithComma(file.entries[index - 1]) {
          let previous = file.entries[index - 1]
          message += "; end the line before with a backslash to continue "
            + quoted(previous.key)
          notes.append(.init("the value that ends with a comma", at: previous.valueLocation))
        } else {
          message += "; it looks like a listener on a line of its own"
        }
        return metadata.diagnostic(message, at: entry.keyLocation, notes: notes)
      }
    }
  }

  /// Whether the entry at `index` is most likely the rest of a list value on the line before.
  static func isSplitContinuation(_ entries: [PropertyEntry], _ index: Int) -> Bool {
    let entry = entries[index]
    if entry.separator == .character(":") && entry.value.hasPrefix("//") { return true }
    guard index > 0, entry.isIndented else { return false }
    let previous = entries[index - 1]
    return endsWithComma(previous) && entry.lines.lowerBound == previous.lines.upperBound + 1
  }

  static func endsWithComma(_ entry: PropertyEntry) -> Bool {
    entry.value.trimmingTrailing { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }.hasSuffix(",")
  }
}

extension String {
  func trimmingTrailing(while predicate: (Character) -> Bool) -> Substring {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard predicate(self[before]) else { break }
      end = before
    }
    return self[startIndex..<end]
  }
}
