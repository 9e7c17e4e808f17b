/// A JSON value whose objects keep their key order, so that rendered output is the same bytes on
/// every run and on every platform (Foundation's encoder escapes `/` and orders keys its own way).
public indirect enum JSONValue: Sendable, Hashable {
  /// `null`
  case null
  /// `true` / `false`
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, keys in the order given.
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    a.rendered(indent: nil) == b.rendered(indent: nil)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(rendered(indent: nil)) }

  /// The JSON text; pretty-printed with `indent` spaces per level, or compact when `nil`.
  public func rendered(indent: Int? = 2) -> String {
    rendered(indent: indent, newline: false)
  }

  /// The JSON text, followed by a line feed when `newline` is set: a document written to a
  /// file or a terminal ends with one, and adding it here saves copying a large text to
  /// append one byte.
  consuming func rendered(indent: Int? = 2, newline: Bool) -> String {
    // Written as UTF-8 bytes and decoded once: appending to a `String` scalar by scalar took
    // most of `generate --format json`'s time on large clusters.
    var out: [UInt8] = []
    write(into: &out, indent: indent, level: 0)
    if newline { out.append(UInt8(ascii: "\n")) }
    // A large document's values (a cluster of thousands of nodes) are freed on another thread;
    // the caller has its text.
    if out.count >= 1 << 20 { Parallel.release(consume self) }
    return String(decoding: out, as: UTF8.self)
  }

  private func write(into out: inout [UInt8], indent: Int?, level: Int) {
    switch self {
    case .null: out += "null".utf8
    case .bool(let value): out += (value ? "true" : "false").utf8
    case .int(let value): out += String(value).utf8
    case .string(let value): JSONValue.writeString(value, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]".utf8
        return
      }
      out.append(UInt8(ascii: "["))
      // A long array (the nodes of a large cluster) is written item by item on several
      // processors, then joined in order: the same bytes as writing it here.
      let written: [[UInt8]]? =
        items.count >= 1_000
        ? Parallel.map(items, minimumCount: 1_000) { item in
          // A node of a generated cluster takes one to a few kilobytes: starting there saves
          // growing each piece from nothing, a reallocation and copy at every doubling.
          var bytes: [UInt8] = []
          bytes.reserveCapacity(1_024)
          item.write(into: &bytes, indent: indent, level: level + 1)
          return bytes
        } : nil
      if let written {
        // Room for the pieces at once, rather than growing (and copying) a large text
        // step by step.
        let separators = items.count * (2 + (indent ?? 0) * (level + 1))
        out.reserveCapacity(out.count + written.reduce(separators) { $0 + $1.count })
      }
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        JSONValue.newline(into: &out, indent: indent, level: level + 1)
        if let written {
          out += written[index]
        } else {
          item.write(into: &out, indent: indent, level: level + 1)
        }
      }
      JSONValue.newline(into: &out, indent: indent, level: level)
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        out += "{}".utf8
        return
      }
      out.append(UInt8(ascii: "{"))
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        JSONValue.newline(into: &out, indent: indent, level: level + 1)
        JSONValue.writeString(key, into: &out)
        out += (indent == nil ? ":" : ": ").utf8
        value.write(into: &out, indent: indent, level: level + 1)
      }
      JSONValue.newline(into: &out, indent: indent, level: level)
      out.append(UInt8(ascii: "}"))
    }
  }

  private static func newline(into out: inout [UInt8], indent: Int?, level: Int) {
    guard let indent else { return }
    out.append(UInt8(ascii: "\n"))
    let count = indent * level
    // Copied from a run of spaces: appending them one by one showed in large outputs.
    if count <= spaces.count {
      out.append(contentsOf: spaces[..<count])
    } else {
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }
  }

  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

  /// A JSON string: `"` and `\` escaped, control characters (and DEL) as short escapes or
  /// `\u00XX`, everything else as its UTF-8 bytes. Every byte that needs an escape is ASCII, so
  /// the bytes of other characters are copied unchanged.
  private static func writeString(_ value: String, into out: inout [UInt8]) {
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
