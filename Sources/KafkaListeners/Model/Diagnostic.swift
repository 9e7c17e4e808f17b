/// How serious a finding is. Ordered: `note` < `warning` < `error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
  /// Informational; never fails a run.
  case note
  /// Likely a problem; fails a run only with `--strict`.
  case warning
  /// A definite problem; fails a run.
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A finding: one rule, one place, one line of message, and optional notes that point elsewhere.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Secondary information attached to a diagnostic, such as the other half of a duplicate.
  public struct Note: Sendable, Hashable {
    /// One line of text.
    public var message: String
    /// Where the note points, when it points somewhere.
    public var location: SourceLocation?

    /// Creates a note.
    public init(_ message: String, at location: SourceLocation? = nil) {
      self.message = Diagnostic.bounded(message)
      self.location = location
    }
  }

  /// The rule code, `KLnnn`.
  public var code: String
  /// The rule's kebab-case name.
  public var name: String
  /// The severity after configuration was applied.
  public var severity: Severity
  /// One line describing this occurrence.
  public var message: String
  /// Where the problem is.
  public var location: SourceLocation
  /// Further locations and explanations.
  public var notes: [Note]

  /// Creates a diagnostic.
  public init(
    code: String, name: String, severity: Severity, message: String,
    location: SourceLocation, notes: [Note] = []
  ) {
    self.code = code
    self.name = name
    self.severity = severity
    self.message = Self.bounded(message)
    self.location = location
    self.notes = notes
  }

  /// The longest message kept whole, in characters.
  public static let maxMessageLength = 2_000

  /// `message`, or its start and end around a marker when it is longer than
  /// `maxMessageLength`. Messages quote configuration values (Kafka's own messages embed the
  /// whole `listeners` value), so without a bound a value of 4,000 listeners, reported once per
  /// listener, made 230 MB of output.
  static func bounded(_ message: String) -> String {
    guard message.utf8.count > maxMessageLength, message.count > maxMessageLength else {
      return message
    }
    let head = message.prefix(maxMessageLength - 500)
    let tail = message.suffix(400)
    let left = message.count - head.count - tail.count
    return head + " … (\(left) characters left out) … " + tail
  }

  /// `file:line:column: severity: message [KLnnn name]`.
  public var description: String {
    "\(location): \(severity.rawValue): \(message) [\(code) \(name)]"
  }

  /// Sorted by file, line, column, rule code, then message, so output never depends on the
  /// order in which rules ran.
  public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
    if a.location.file != b.location.file { return a.location.file < b.location.file }
    if a.location.line != b.location.line { return a.location.line < b.location.line }
    if a.location.column != b.location.column { return a.location.column < b.location.column }
    if a.code != b.code { return a.code < b.code }
    if a.message != b.message { return a.message < b.message }
    return a.location < b.location
  }
}
