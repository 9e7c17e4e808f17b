/// Strimzi's templates: `{nodeId}` and `{nodePodName}` in host templates, and arithmetic in
/// port templates.
enum Templates {
  /// `ModelUtils.renderTemplate`: plain replacement; unknown placeholders stay as written.
  static func renderHost(_ template: String, nodeId: Int, podName: String) -> String {
    template.replacingAll(substring: "{nodeId}", with: String(nodeId))
      .replacingAll(substring: "{nodePodName}", with: podName)
  }

  /// `advertisedPortTemplate`: `{nodeId}` is substituted, then the text is evaluated with `+`,
  /// `-`, `*` and parentheses only; the result is truncated to an integer. `nil` for anything
  /// else, which Strimzi rejects with "Invalid advertised port template: <template>".
  static func evaluatePort(_ template: String, nodeId: Int) -> Int? {
    let text = template.replacingAll(substring: "{nodeId}", with: String(nodeId))
    var parser = ArithmeticParser(Array(text.utf8))
    guard let value = parser.expression(), parser.atEnd, value.isFinite,
      abs(value) < Double(Int32.max)
    else { return nil }
    return Int(value)
  }
}

/// A recursive-descent parser for `+ - *` and parentheses over decimal numbers.
private struct ArithmeticParser {
  let bytes: [UInt8]
  var index = 0
  var depth = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool {
    var i = index
    while i < bytes.count, bytes[i] == 0x20 { i += 1 }
    return i == bytes.count
  }

  mutating func skipSpaces() {
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
  }

  mutating func expression() -> Double? {
    guard var value = term() else { return nil }
    while true {
      skipSpaces()
      guard index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D else { return value }
      let op = bytes[index]
      index += 1
      guard let right = term() else { return nil }
      value = op == 0x2B ? value + right : value - right
    }
  }

  mutating func term() -> Double? {
    guard var value = factor() else { return nil }
    while true {
      skipSpaces()
      guard index < bytes.count, bytes[index] == 0x2A else { return value }
      index += 1
      guard let right = factor() else { return nil }
      value *= right
    }
  }

  mutating func factor() -> Double? {
    skipSpaces()
    guard index < bytes.count else { return nil }
    if bytes[index] == 0x2D || bytes[index] == 0x2B {
      let negative = bytes[index] == 0x2D
      index += 1
      return factor().map { negative ? -$0 : $0 }
    }
    if bytes[index] == 0x28 {
      depth += 1
      guard depth < 64 else { return nil }
      index += 1
      guard let value = expression() else { return nil }
      skipSpaces()
      guard index < bytes.count, bytes[index] == 0x29 else { return nil }
      index += 1
      depth -= 1
      return value
    }
    let start = index
    while index < bytes.count, (0x30...0x39).contains(bytes[index]) || bytes[index] == 0x2E {
      index += 1
    }
    guard index > start, index - start <= 15 else { return nil }
    return Double(String(decoding: bytes[start..<index], as: UTF8.self))
  }
}

extension String {
  /// Replaces every occurrence of `substring`, compared as UTF-8 bytes (without Foundation,
  /// whose search cost microseconds per call and ran for every node's template). UTF-8 is
  /// self-synchronising, so a match always starts and ends on whole characters' bytes.
  func replacingAll(substring: String, with replacement: String) -> String {
    let needle = Array(substring.utf8)
    guard let first = needle.first, utf8.contains(first) else { return self }
    let haystack = Array(utf8)
    var out: [UInt8] = []
    var copied = 0
    var index = 0
    while index + needle.count <= haystack.count {
      if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) {
        out += haystack[copied..<index]
        out += replacement.utf8
        index += needle.count
        copied = index
      } else {
        index += 1
      }
    }
    guard copied > 0 else { return self }
    out += haystack[copied...]
    return String(decoding: out, as: UTF8.self)
  }
}
