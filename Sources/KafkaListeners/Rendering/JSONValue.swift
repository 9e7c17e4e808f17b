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
    var out = ""
    write(into: &out, indent: indent, level: 0)
    return out
  }

  private func write(into out: inout String, indent: Int?, level: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .string(let value): JSONValue.writeString(value, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        JSONValue.newline(into: &out, indent: indent, level: level + 1)
        item.write(into: &out, indent: indent, level: level + 1)
      }
      JSONValue.newline(into: &out, indent: indent, level: level)
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { out += "," }
        JSONValue.newline(into: &out, indent: indent, level: level + 1)
        JSONValue.writeString(key, into: &out)
        out += indent == nil ? ":" : ": "
        value.write(into: &out, indent: indent, level: level + 1)
      }
      JSONValue.newline(into: &out, indent: indent, level: level)
      out += "}"
    }
  }

  private static func newline(into out: inout String, indent: Int?, level: Int) {
    guard let indent else { return }
    out += "\n"
    out += String(repeating: " ", count: indent * level)
  }

  private static func writeString(_ value: String, into out: inout String) {
    out += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
