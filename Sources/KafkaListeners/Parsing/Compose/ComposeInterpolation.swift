/// Compose's variable interpolation (compose-spec `12-interpolation.md`): `$VAR`, `${VAR}`,
/// `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`,
/// `${VAR+alt}`, nesting inside the default, and `$$` for a literal `$`.
enum ComposeInterpolation {
  /// The result of interpolating one scalar.
  struct Result {
    var text: String
    /// Variables without a value and without a default (substituted as empty, as Compose does).
    var unresolved: [String] = []
    /// `${VAR?err}` messages for required variables that are missing.
    var errors: [String] = []
    /// Variables that had no value, so their written default was used.
    var defaulted: [String] = []
  }

  /// Interpolates `text` with `variables`; bounded by the text's length (no re-expansion).
  static func interpolate(_ text: String, _ variables: [String: String]) -> Result {
    var result = Result(text: "")
    let chars = Array(text)
    var i = 0
    expand(chars, &i, end: chars.count, variables, &result, depth: 0)
    return result
  }

  private static func isNameStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
  private static func isName(_ c: Character) -> Bool { isNameStart(c) || (c.isASCII && c.isNumber) }

  /// Expands `chars[i..<end]` into `result.text`, stopping at an unmatched `}` when nested.
  private static func expand(
    _ chars: [Character], _ i: inout Int, end: Int, _ variables: [String: String],
    _ result: inout Result, depth: Int, stopAtBrace: Bool = false
  ) {
    while i < end {
      let c = chars[i]
      if stopAtBrace && c == "}" { return }
      guard c == "$", i + 1 < end else {
        result.text.append(c)
        i += 1
        continue
      }
      let next = chars[i + 1]
      if next == "$" {
        result.text.append("$")
        i += 2
      } else if isNameStart(next) {
        var j = i + 1
        while j < end, isName(chars[j]) { j += 1 }
        let name = String(chars[(i + 1)..<j])
        substitute(name, variables, &result)
        i = j
      } else if next == "{", depth < 8 {
        var j = i + 2
        while j < end, isName(chars[j]) { j += 1 }
        let name = String(chars[(i + 2)..<j])
        guard !name.isEmpty, j < end else {
          result.text.append(c)
          i += 1
          continue
        }
        if chars[j] == "}" {
          substitute(name, variables, &result)
          i = j + 1
          continue
        }
        var op = String(chars[j])
        j += 1
        if op == ":", j < end, "-?+".contains(chars[j]) {
          op += String(chars[j])
          j += 1
        }
        guard ["-", ":-", "?", ":?", "+", ":+"].contains(op) else {
          result.text.append(c)
          i += 1
          continue
        }
        var inner = Result(text: "")
        var k = j
        expand(chars, &k, end: end, variables, &inner, depth: depth + 1, stopAtBrace: true)
        guard k < end else {
          result.text.append(c)
          i += 1
          continue
        }
        i = k + 1
        let value = variables[name]
        let isSet = value != nil
        let isNonEmpty = !(value ?? "").isEmpty
        switch op {
        case "-", ":-":
          if op == "-" ? isSet : isNonEmpty {
            result.text += value ?? ""
          } else {
            result.text += inner.text
            result.unresolved += inner.unresolved
            result.defaulted.append(name)
          }
        case "+", ":+":
          if op == "+" ? isSet : isNonEmpty {
            result.text += inner.text
            result.unresolved += inner.unresolved
          }
        default:
          if op == "?" ? isSet : isNonEmpty {
            result.text += value ?? ""
          } else {
            result.errors.append(
              inner.text.isEmpty ? "required variable \(name) is missing a value" : inner.text)
            result.unresolved.append(name)
          }
        }
      } else {
        result.text.append(c)
        i += 1
      }
    }
  }

  private static func substitute(
    _ name: String, _ variables: [String: String], _ result: inout Result
  ) {
    if let value = variables[name] {
      result.text += value
    } else {
      result.unresolved.append(name)
    }
  }

  /// Parses a `.env`/`env_file` text (`VAR=VAL`, `# comments`, quotes): name, value (`nil` when
  /// the line is a bare name), 1-based line and the column where the value starts.
  static func parseEnvFile(_ text: String, interpolating variables: [String: String]?)
    -> [(name: String, value: String?, line: Int, column: Int)]
  {
    var entries: [(String, String?, Int, Int)] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = Substring(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
      let indent = line.prefix { $0 == " " || $0 == "\t" }.count
      line = line.dropFirst(indent)
      if line.hasPrefix("export ") { line = line.dropFirst(7) }
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let eq = line.firstIndex(of: "=") else {
        let name = line.composeTrimmed()
        if !name.isEmpty { entries.append((name, nil, lineNumber, indent + 1)) }
        continue
      }
      let name = String(line[..<eq]).composeTrimmed()
      var raw = line[line.index(after: eq)...]
      let column = indent + line.distance(from: line.startIndex, to: eq) + 2
      raw = raw.drop { $0 == " " || $0 == "\t" }
      var value: String
      if raw.hasPrefix("'"), let close = raw.dropFirst().firstIndex(of: "'") {
        value = String(raw[raw.index(after: raw.startIndex)..<close])
      } else if raw.hasPrefix("\"") {
        var out = ""
        var escaped = false
        for c in raw.dropFirst() {
          if escaped {
            switch c {
            case "n": out.append("\n")
            case "t": out.append("\t")
            default: out.append(c)
            }
            escaped = false
          } else if c == "\\" {
            escaped = true
          } else if c == "\"" {
            break
          } else {
            out.append(c)
          }
        }
        value = variables.map { interpolate(out, $0).text } ?? out
      } else {
        // An inline comment starts only after whitespace.
        let chars = Array(raw)
        var cut = chars.count
        for index in chars.indices.dropFirst()
        where chars[index] == "#" && (chars[index - 1] == " " || chars[index - 1] == "\t") {
          cut = index
          break
        }
        let text = String(chars[..<cut]).composeTrimmed()
        value = variables.map { interpolate(text, $0).text } ?? text
      }
      entries.append((name, value, lineNumber, column))
    }
    return entries
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func composeTrimmed() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return String(slice)
  }
}
