/// Quotes user text for a one-line message: control characters are escaped and long text is
/// shortened, so one diagnostic is always one line whatever the input holds.
func quoted(_ text: String, limit: Int = 80) -> String {
  var out = "'"
  var count = 0
  for scalar in text.unicodeScalars {
    if count == limit {
      out += "…"
      break
    }
    switch scalar {
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case "'": out += "\\'"
    case "\\": out += "\\\\"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    count += 1
  }
  return out + "'"
}
