/// A position in an input file: 1-based line and column, with an optional end.
///
/// Columns count bytes for `.properties` files (each byte is one ISO-8859-1 character, as
/// `java.util.Properties.load` reads them) and Unicode scalars for YAML and JSON (as libyaml
/// counts them).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The path of the file as the user named it (or as a directory walk found it).
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column.
  public var column: Int
  /// 1-based line of the last character, when the location is a range.
  public var endLine: Int?
  /// 1-based column just past the last character, when the location is a range.
  public var endColumn: Int?

  /// Creates a location; `line` and `column` are clamped to at least 1.
  public init(file: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
    self.file = file
    self.line = max(1, line)
    self.column = max(1, column)
    self.endLine = endLine
    self.endColumn = endColumn
  }

  /// The start of a file, for findings about the file as a whole.
  public static func start(of file: String) -> SourceLocation {
    SourceLocation(file: file, line: 1, column: 1)
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if a.line != b.line { return a.line < b.line }
    if a.column != b.column { return a.column < b.column }
    if a.endLine != b.endLine { return (a.endLine ?? 0) < (b.endLine ?? 0) }
    return (a.endColumn ?? 0) < (b.endColumn ?? 0)
  }
}

/// A value the user wrote, with where they wrote it.
public struct Located<Value: Sendable>: Sendable {
  /// The value.
  public var value: Value
  /// Where the value starts (and, when known, ends).
  public var location: SourceLocation

  /// Pairs a value with its location.
  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
