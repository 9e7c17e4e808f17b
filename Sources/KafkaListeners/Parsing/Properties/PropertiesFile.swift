/// A `.properties` file as `java.util.Properties.load(InputStream)` reads it, with the position of
/// every key, value and comment, and the raw bytes of every physical line.
///
/// Kafka loads `server.properties` through that exact method, so this model is what the broker
/// sees: ISO-8859-1 bytes, `#`/`!` comments, `=`/`:`/whitespace separators, backslash
/// continuations and escapes, and the last of duplicate keys winning.
public struct PropertiesFile: Sendable {
  /// The path the file was read from, as the user named it.
  public let path: String
  /// The file's bytes, unchanged.
  public let bytes: [UInt8]
  /// Every physical line, in order. A line ends at LF, CR or CR LF.
  public let lines: [PhysicalLine]
  /// Every key/value pair in file order, duplicates included.
  public let entries: [PropertyEntry]
  /// Every comment line, in file order.
  public let comments: [PropertiesComment]
  /// Problems met while reading: escapes Java rejects and continuations that run off the end.
  public let issues: [PropertiesIssue]

  /// The entry Kafka uses for `key`: the last one in the file whose key has exactly the same
  /// UTF-16 code units (Java's `String.equals`, not Swift's canonical equivalence).
  public func entry(_ key: String) -> PropertyEntry? {
    guard let index = lastIndexByKey[Array(key.utf16)] else { return nil }
    return entries[index]
  }

  /// The effective value of `key` (the last occurrence), or `nil` when the key is absent.
  public subscript(key: String) -> String? { entry(key)?.value }

  /// The entries `Properties.load` keeps: for every distinct key (compared by UTF-16 code units,
  /// as Java's `Hashtable` compares them) the last entry with that key, in file order.
  /// Computed once, when the file is read: several rules walk it.
  public let effectiveEntries: [PropertyEntry]

  /// The effective key/value map, as `Properties.load` leaves it.
  ///
  /// Swift `String`s compare by canonical equivalence and cannot hold unpaired surrogates, so
  /// keys Java keeps apart (`\u00e9` and `e\u0301`, or `\uD800` and `\uD801`) collapse here into
  /// one, the one written last. `effectiveEntries` keeps them apart.
  public var properties: [String: String] {
    var map: [String: String] = [:]
    map.reserveCapacity(lastIndexByKey.count)
    for entry in effectiveEntries { map[entry.key] = entry.value }
    return map
  }

  /// The location of a byte offset in the file.
  public func location(ofByte offset: Int) -> SourceLocation {
    let (line, column) = lineIndex.position(of: offset)
    return SourceLocation(file: path, line: line, column: column)
  }

  /// The raw bytes of a 1-based physical line, terminator included.
  public func rawLine(_ number: Int) -> ArraySlice<UInt8> {
    guard number >= 1, number <= lines.count else { return [] }
    let line = lines[number - 1]
    return bytes[line.start..<line.end]
  }

  /// Index of the last entry for each key, keyed by the key's exact UTF-16 code units.
  let lastIndexByKey: [[UInt16]: Int]
  /// For each entry, the index of the entry before it with the same key, or -1.
  let earlierIndexWithSameKey: [Int]
  let lineIndex: LineIndex

  init(
    path: String, bytes: [UInt8], lineIndex: LineIndex, entries: [PropertyEntry],
    comments: [PropertiesComment], issues: [PropertiesIssue]
  ) {
    self.path = path
    self.bytes = bytes
    self.lineIndex = lineIndex
    self.lines = lineIndex.lines
    self.entries = entries
    self.comments = comments
    self.issues = issues
    var last: [[UInt16]: Int] = [:]
    last.reserveCapacity(entries.count)
    var earlier = [Int](repeating: -1, count: entries.count)
    for (index, entry) in entries.enumerated() {
      if let previous = last.updateValue(index, forKey: entry.keyUTF16) { earlier[index] = previous }
    }
    self.lastIndexByKey = last
    self.earlierIndexWithSameKey = earlier
    if last.count == entries.count {
      // Most files set every key once: then the answer is `entries` itself, shared, not copied.
      effectiveEntries = entries
    } else {
      var superseded = [Bool](repeating: false, count: entries.count)
      for index in earlier where index >= 0 { superseded[index] = true }
      effectiveEntries = entries.indices.filter { !superseded[$0] }.map { entries[$0] }
    }
  }
}

/// One physical line of a `.properties` file, as byte offsets.
public struct PhysicalLine: Sendable, Hashable {
  /// Offset of the line's first byte.
  public let start: Int
  /// Offset just past the line's content (before its terminator).
  public let contentEnd: Int
  /// Offset just past the line's terminator (equal to `contentEnd` on a last line without one).
  public let end: Int
}

/// A comment line (`#` or `!` first on a logical line).
public struct PropertiesComment: Sendable, Hashable {
  /// The comment's text from its `#` or `!` to the end of the line, decoded as ISO-8859-1.
  public let text: String
  /// Where the `#` or `!` is.
  public let location: SourceLocation
}

/// How a key was separated from its value.
public enum PropertiesSeparator: Sendable, Hashable {
  /// `=` or `:` (with optional whitespace around it).
  case character(Character)
  /// Whitespace alone.
  case whitespace
  /// Nothing: the line is a key without a value.
  case none
}

/// One key/value pair of a `.properties` file.
///
/// A class with constant fields: rules walk every entry of a file, and copying a value with a
/// dozen references (strings, locations, spans) was a fifth of linting a large file.
public final class PropertyEntry: Sendable {
  /// The key after escapes were processed.
  public let key: String
  /// The value after escapes were processed. Unpaired UTF-16 surrogates, which Java keeps but a
  /// Swift `String` cannot hold, appear here as U+FFFD; `valueUTF16` keeps them exactly.
  public let value: String
  /// Where the key starts and ends.
  public let keyLocation: SourceLocation
  /// Where the value starts and ends (an empty value points just past the separator).
  public let valueLocation: SourceLocation
  /// The separator between key and value.
  public let separator: PropertiesSeparator
  /// The 1-based physical lines the entry spans, continuations included.
  public let lines: ClosedRange<Int>
  /// Whether the key's line starts with whitespace.
  public let isIndented: Bool

  let exactKey: [UInt16]?
  let exactValue: [UInt16]?
  let valueSpans: [SourceSpan]
  let file: String
  let lineIndex: LineIndex

  init(
    key: String, value: String, keyLocation: SourceLocation, valueLocation: SourceLocation,
    separator: PropertiesSeparator, lines: ClosedRange<Int>, isIndented: Bool,
    exactKey: [UInt16]?, exactValue: [UInt16]?, valueSpans: [SourceSpan], file: String,
    lineIndex: LineIndex
  ) {
    self.key = key
    self.value = value
    self.keyLocation = keyLocation
    self.valueLocation = valueLocation
    self.separator = separator
    self.lines = lines
    self.isIndented = isIndented
    self.exactKey = exactKey
    self.exactValue = exactValue
    self.valueSpans = valueSpans
    self.file = file
    self.lineIndex = lineIndex
  }

  /// The key as the UTF-16 code units Java holds.
  public var keyUTF16: [UInt16] { exactKey ?? Array(key.utf16) }
  /// The value as the UTF-16 code units Java holds.
  public var valueUTF16: [UInt16] { exactValue ?? Array(value.utf16) }

  /// The location of the value character at a UTF-16 offset, following continuations and
  /// escapes back to the source byte that produced it.
  public func location(ofValueOffset offset: Int) -> SourceLocation {
    guard let last = valueSpans.last else { return valueLocation }
    let span = valueSpans[spanIndex(atOrBefore: offset)]
    let byte: Int
    if offset >= last.unitOffset + last.count {
      byte = last.byteOffset + (last.isEscape ? last.width : last.count)
    } else if span.isEscape {
      byte = span.byteOffset
    } else {
      byte = span.byteOffset + max(0, offset - span.unitOffset)
    }
    let (line, column) = lineIndex.position(of: byte)
    return SourceLocation(file: file, line: line, column: column)
  }

  /// The location of the value text from `start` to `end` (UTF-16 offsets, end exclusive).
  public func location(ofValueRange start: Int, _ end: Int) -> SourceLocation {
    var begin = location(ofValueOffset: start)
    if end > start {
      let lastChar = location(ofValueOffset: end - 1)
      let width = valueSpanWidth(at: end - 1)
      begin.endLine = lastChar.line
      begin.endColumn = lastChar.column + width
    }
    return begin
  }

  private func valueSpanWidth(at offset: Int) -> Int {
    guard !valueSpans.isEmpty else { return 1 }
    let span = valueSpans[spanIndex(atOrBefore: offset)]
    guard offset >= span.unitOffset && offset < span.unitOffset + span.count else { return 1 }
    return span.isEscape ? span.width : 1
  }

  /// The last span starting at or before `offset` (the first when none does), by binary
  /// search: rules locate every element of long lists, and a scan made that quadratic.
  /// `valueSpans` must not be empty.
  private func spanIndex(atOrBefore offset: Int) -> Int {
    var low = 0
    var high = valueSpans.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if valueSpans[mid].unitOffset <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }
}

/// A parse problem in a `.properties` file.
public struct PropertiesIssue: Sendable, Hashable {
  /// What went wrong.
  public enum Kind: Sendable, Hashable {
    /// `\u` not followed by four hexadecimal digits; Java throws
    /// `IllegalArgumentException: Malformed \uxxxx encoding.` and Kafka does not start.
    case malformedUnicodeEscape(text: String)
    /// The file ends in an odd number of backslashes; Java drops the last one silently.
    case danglingContinuation
    /// A logical line longer than the reader's limit; it was skipped, not read.
    case lineTooLong(limit: Int)
  }
  /// What went wrong.
  public let kind: Kind
  /// Where it went wrong.
  public let location: SourceLocation
}

/// A run of value characters that came from consecutive source bytes (`isEscape == false`), or one
/// character that came from an escape sequence `width` bytes long.
struct SourceSpan: Sendable, Hashable {
  var unitOffset: Int
  var byteOffset: Int
  var count: Int
  var isEscape: Bool
  var width: Int
}

/// Offsets of line starts, for turning byte offsets into line and column.
struct LineIndex: Sendable {
  let lines: [PhysicalLine]

  init(bytes: [UInt8]) {
    var lines: [PhysicalLine] = []
    var start = 0
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b == 0x0A {
        lines.append(PhysicalLine(start: start, contentEnd: i, end: i + 1))
        i += 1
        start = i
      } else if b == 0x0D {
        let end = (i + 1 < n && bytes[i + 1] == 0x0A) ? i + 2 : i + 1
        lines.append(PhysicalLine(start: start, contentEnd: i, end: end))
        i = end
        start = i
      } else {
        i += 1
      }
    }
    if start < n { lines.append(PhysicalLine(start: start, contentEnd: n, end: n)) }
    self.lines = lines
  }

  /// 1-based line and column of a byte offset; an offset at or past the end of a line's content
  /// stays on that line.
  func position(of offset: Int) -> (line: Int, column: Int) {
    guard !lines.isEmpty else { return (1, offset + 1) }
    var low = 0
    var high = lines.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lines[mid].start <= offset { low = mid } else { high = mid - 1 }
    }
    return (low + 1, offset - lines[low].start + 1)
  }
}
