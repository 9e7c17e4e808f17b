/// Writes keys and values in `.properties` syntax so that `Properties.load` reads back exactly
/// what was written (`load(write(x)) == x`).
///
/// Unlike `Properties.store`, it escapes only what must be escaped, so generated lines look like
/// the ones people write: `listeners=PLAINTEXT://:9092`, not `listeners=PLAINTEXT\://\:9092`.
/// Everything outside printable ASCII becomes `\uXXXX`, so the output is the same bytes in
/// ISO-8859-1 and UTF-8.
public enum PropertiesWriter {
  /// One line `key=value` without its line terminator.
  public static func line(key: String, value: String) -> String {
    escapeKey(key) + "=" + escapeValue(value)
  }

  /// Escapes a key: separators, whitespace, a leading comment character and backslashes.
  public static func escapeKey(_ key: String) -> String {
    var out = ""
    for (index, unit) in key.utf16.enumerated() {
      switch unit {
      case 0x3D, 0x3A, 0x20: out += "\\" + String(UnicodeScalar(UInt8(unit)))
      // Only a leading `#` or `!` would start a comment. (A `where` clause binds to the last
      // pattern of a case only, so each pattern needs its own.)
      case 0x23 where index == 0, 0x21 where index == 0:
        out += "\\" + String(UnicodeScalar(UInt8(unit)))
      default: out += escapeCommon(unit)
      }
    }
    return out
  }

  /// Escapes a value: backslashes, line breaks, leading whitespace and non-ASCII characters.
  public static func escapeValue(_ value: String) -> String {
    var out = ""
    for (index, unit) in value.utf16.enumerated() {
      if unit == 0x20 && index == 0 {
        out += "\\ "
      } else {
        out += escapeCommon(unit)
      }
    }
    return out
  }

  private static func escapeCommon(_ unit: UInt16) -> String {
    switch unit {
    case 0x5C: return "\\\\"
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x0C: return "\\f"
    case 0x20...0x7E: return String(UnicodeScalar(UInt8(unit)))
    default:
      let hex = String(unit, radix: 16, uppercase: true)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }
}
