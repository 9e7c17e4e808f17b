/// Writes JSON text straight into bytes, laid out as ``JSONValue/rendered(indent:)`` lays it
/// out: `JSONValue` renders through it, and output too large to build as a tree of values first
/// (the nodes of a large generated cluster) is written with it directly.
///
/// Values are written in document order: `openObject()`, then `key(_:)` and a value for each
/// member, then `close()`; arrays likewise without keys.
struct JSONWriter {
  /// The text so far.
  private(set) var bytes: [UInt8] = []
  /// Spaces per level, or `nil` for compact text.
  let indent: Int?
  /// The level of the first value written: a piece of a larger document starts deeper.
  private let baseLevel: Int
  /// The open arrays and objects, innermost last.
  private var open: [Container] = []
  /// A member's key was written: its value follows without a separator.
  private var afterKey = false

  /// A writer for a document, or for a piece of one whose first value sits at `level`.
  init(indent: Int?, level: Int = 0, capacity: Int = 0) {
    self.indent = indent
    baseLevel = level
    bytes.reserveCapacity(capacity)
  }

  /// The level the items of the innermost open array or object are written at.
  var itemLevel: Int { baseLevel + open.count }

  mutating func null() {
    beginValue()
    bytes += "null".utf8
  }

  mutating func bool(_ value: Bool) {
    beginValue()
    bytes += (value ? "true" : "false").utf8
  }

  mutating func int(_ value: Int) {
    beginValue()
    bytes += String(value).utf8
  }

  mutating func string(_ value: String) {
    beginValue()
    JSONWriter.writeString(value, into: &bytes)
  }

  /// A value already written as text at ``itemLevel`` (by another writer, e.g. on another
  /// processor).
  mutating func raw(_ piece: [UInt8]) {
    beginValue()
    bytes += piece
  }

  /// Room for `count` more bytes, so that a large text is not grown (and copied) step by step.
  mutating func reserve(_ count: Int) {
    bytes.reserveCapacity(bytes.count + count)
  }

  /// Writes each of `items` with `write`, as the items of the open array.
  ///
  /// The items of a long array (the nodes of a large cluster) are independent of each other:
  /// they are written on several processors, each into a piece of its own that starts with
  /// room for a kilobyte (an item takes one to a few, and growing from nothing reallocates at
  /// every doubling), and the pieces are joined in order. The bytes are those of writing the
  /// items here one after another.
  mutating func items<Item: Sendable>(
    _ items: [Item], _ write: @Sendable (Item, inout JSONWriter) -> Void
  ) {
    let parallelCount = 1_000
    guard items.count >= parallelCount else {
      for item in items { write(item, &self) }
      return
    }
    let level = itemLevel
    let indent = indent
    let pieces = Parallel.map(items, minimumCount: parallelCount) { item in
      var piece = JSONWriter(indent: indent, level: level, capacity: 1_024)
      write(item, &piece)
      return piece.bytes
    }
    // Each piece is preceded by a comma or nothing, a line feed and its indentation.
    reserve(pieces.reduce(items.count * (2 + (indent ?? 0) * level)) { $0 + $1.count })
    for piece in pieces { raw(piece) }
  }

  mutating func openObject() {
    beginValue()
    bytes.append(UInt8(ascii: "{"))
    open.append(Container(isArray: false))
  }

  mutating func openArray() {
    beginValue()
    bytes.append(UInt8(ascii: "["))
    open.append(Container(isArray: true))
  }

  /// The key of the next member of the open object.
  mutating func key(_ key: String) {
    beginValue()
    JSONWriter.writeString(key, into: &bytes)
    bytes += (indent == nil ? ":" : ": ").utf8
    afterKey = true
  }

  /// A member of the open object whose value is a string.
  mutating func member(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  /// A member of the open object whose value is an integer.
  mutating func member(_ name: String, _ value: Int) {
    key(name)
    int(value)
  }

  /// A member of the open object whose value is `true` or `false`.
  mutating func member(_ name: String, _ value: Bool) {
    key(name)
    bool(value)
  }

  /// Hands the text written so far to `output` once it is `threshold` bytes or more, and
  /// starts again empty: a long document streams out in pieces instead of being held whole.
  mutating func flush<Output: TextOutputStream>(to output: inout Output, threshold: Int = 0) {
    guard !bytes.isEmpty, bytes.count >= threshold else { return }
    output.write(String(decoding: bytes, as: UTF8.self))
    bytes.removeAll(keepingCapacity: true)
  }

  /// Closes the innermost open object or array.
  mutating func close() {
    guard let container = open.popLast() else { return }
    // An empty container stays on one line: `[]`, `{}`.
    if container.hasItems { newline(level: itemLevel) }
    bytes.append(container.isArray ? UInt8(ascii: "]") : UInt8(ascii: "}"))
  }

  /// Ends the document with a line feed.
  mutating func finishLine() {
    bytes.append(UInt8(ascii: "\n"))
  }

  // MARK: - Layout

  private struct Container {
    var isArray: Bool
    var hasItems = false
  }

  /// Before any value or key: the separator and line break of an item, unless the value
  /// follows its key.
  private mutating func beginValue() {
    if afterKey {
      afterKey = false
      return
    }
    guard !open.isEmpty else { return }
    if open[open.count - 1].hasItems {
      bytes.append(UInt8(ascii: ","))
    } else {
      open[open.count - 1].hasItems = true
    }
    newline(level: itemLevel)
  }

  private mutating func newline(level: Int) {
    guard let indent else { return }
    bytes.append(UInt8(ascii: "\n"))
    let count = indent * level
    // Copied from a run of spaces: appending them one by one showed in large outputs.
    if count <= JSONWriter.spaces.count {
      bytes.append(contentsOf: JSONWriter.spaces[..<count])
    } else {
      bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }
  }

  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

  /// A JSON string: `"` and `\` escaped, control characters (and DEL) as short escapes or
  /// `\u00XX`, everything else as its UTF-8 bytes. Every byte that needs an escape is ASCII, so
  /// the bytes of other characters are copied unchanged.
  static func writeString(_ value: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Most strings need no escape at all: they are scanned and copied whole, from their
    // contiguous bytes rather than through the UTF-8 view's iterator.
    var text = value
    let copied = text.withUTF8 { bytes in
      guard !bytes.contains(where: needsEscape) else { return false }
      out.append(contentsOf: bytes)
      return true
    }
    if copied {
      out.append(UInt8(ascii: "\""))
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += #"\""#.utf8
      case UInt8(ascii: "\\"): out += #"\\"#.utf8
      case UInt8(ascii: "\n"): out += #"\n"#.utf8
      case UInt8(ascii: "\r"): out += #"\r"#.utf8
      case UInt8(ascii: "\t"): out += #"\t"#.utf8
      case 0..<0x20, 0x7F:
        let hex = Array("0123456789abcdef".utf8)
        out += #"\u00"#.utf8
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
      default:
        out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
  }
}
