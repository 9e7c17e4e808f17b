/// Typed values of the description format on top of ``FieldReader``: strings that also reject
/// unquoted YAML floats (so the reader agrees with every JSON Schema validator, which sees a
/// number there), lists of mappings with their paths, and the name patterns the format uses.
extension DescriptionParser {
  /// A string field; `nonEmpty` reports `""` (the format's own address fields need a value).
  mutating func string(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool = false,
    nonEmpty: Bool = false
  ) -> Located<String>? {
    guard let node = reader.value(parent, key, path: path, required: required) else { return nil }
    return string(node, path: "\(path).\(key)", nonEmpty: nonEmpty)
  }

  /// A string node.
  mutating func string(_ node: YAMLNode, path: String, nonEmpty: Bool = false) -> Located<String>? {
    if let scalar = node.scalar, !scalar.isQuoted, Self.isYAMLFloat(scalar.text) {
      reader.report(
        FieldReader.wrongType,
        "\(path) must be a string, not a number; quote it (\"\(scalar.text)\"): YAML reads "
          + "unquoted \(scalar.text) as a number, and 3.10 as 3.1",
        at: node.location)
      return nil
    }
    guard let value = reader.string(node, path: path) else { return nil }
    if nonEmpty, value.value.isEmpty {
      reader.report(FieldReader.invalidValue, "\(path) must not be empty", at: value.location)
      return nil
    }
    return value
  }

  /// A list of strings.
  mutating func strings(
    _ parent: YAMLMapping, _ key: String, path: String, nonEmpty: Bool = false
  ) -> [Located<String>] {
    guard let sequence = reader.sequence(parent, key, path: path) else { return [] }
    return sequence.items.enumerated().compactMap {
      string($1, path: "\(path).\(key)[\($0)]", nonEmpty: nonEmpty)
    }
  }

  /// A map of strings (annotations, labels).
  mutating func stringMap(
    _ parent: YAMLMapping, _ key: String, path: String
  ) -> [String: Located<String>] {
    guard let mapping = reader.mapping(parent, key, path: path) else { return [:] }
    var result: [String: Located<String>] = [:]
    for (keyNode, valueNode) in mapping.pairs {
      guard let name = keyNode.scalar?.text else {
        reader.report(
          FieldReader.wrongType,
          "\(path).\(key) has a key that is \(keyNode.kindDescription), not a string",
          at: keyNode.location)
        continue
      }
      if let value = string(valueNode, path: "\(path).\(key).\(name)") { result[name] = value }
    }
    return result
  }

  /// The mappings of a list, each with its index; items of another kind are reported.
  mutating func items(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool = false
  ) -> [(index: Int, mapping: YAMLMapping)] {
    guard let sequence = reader.sequence(parent, key, path: path, required: required) else {
      return []
    }
    var result: [(index: Int, mapping: YAMLMapping)] = []
    for (index, node) in sequence.items.enumerated() {
      guard let mapping = node.mapping else {
        reader.report(
          FieldReader.wrongType,
          "\(path).\(key)[\(index)] must be a mapping, not \(node.kindDescription)",
          at: node.location)
        continue
      }
      result.append((index, mapping))
    }
    return result
  }

  /// Whether `text` is a YAML 1.2 core-schema float (`3.9`, `.5`, `1e3`), which every YAML and
  /// JSON tool reads as a number when unquoted.
  static func isYAMLFloat(_ text: String) -> Bool {
    // `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, scanned by hand: this runs for
    // every string of a description, and a regular expression per call is far slower.
    let bytes = Array(text.utf8)
    var i = 0
    func digits() -> Int {
      let start = i
      while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
      return i - start
    }
    if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
    let whole = digits()
    var fraction = 0
    var dot = false
    if i < bytes.count, bytes[i] == 0x2E {
      dot = true
      i += 1
      fraction = digits()
    }
    guard whole > 0 || (dot && fraction > 0) else { return false }
    if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
      i += 1
      if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
      guard digits() > 0 else { return false }
    }
    return i == bytes.count && Int(text) == nil
  }

  /// An RFC 1123 label as Kubernetes names use it: `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`.
  static func isDNSLabel(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    func alphanumeric(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
    guard let first = bytes.first, let last = bytes.last, alphanumeric(first), alphanumeric(last)
    else { return false }
    return bytes.allSatisfy { alphanumeric($0) || $0 == 0x2D }
  }

  /// Dot-separated RFC 1123 labels, as a cluster DNS domain is written.
  static func isDNSName(_ text: String) -> Bool {
    text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
      isDNSLabel(String($0))
    }
  }
}
