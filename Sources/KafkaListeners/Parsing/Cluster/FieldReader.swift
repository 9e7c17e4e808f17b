/// A problem found while reading a cluster description or Strimzi resource; the rule with
/// `code` reports it.
public struct ReadIssue: Sendable, Hashable {
  /// The rule code that reports it (`KL013`, …).
  public var code: String
  /// One line.
  public var message: String
  /// Where.
  public var location: SourceLocation
  /// Other locations.
  public var notes: [Diagnostic.Note] = []

  /// Creates an issue.
  public init(code: String, message: String, location: SourceLocation, notes: [Diagnostic.Note] = []) {
    self.code = code
    self.message = message
    self.location = location
    self.notes = notes
  }
}

/// Reads typed fields from YAML, recording an issue for each problem instead of failing: the
/// rest of the document is still read, so one run reports every problem.
///
/// Codes: KL013 unknown field, KL014 wrong type, KL015 missing required field, KL016 invalid
/// value.
struct FieldReader {
  var issues: [ReadIssue] = []
  /// Whether booleans are read as Kubernetes reads manifests: kubectl parses YAML 1.1
  /// (sigs.k8s.io/yaml), so `yes`, `on` and `y` are `true` there. Descriptions are strict.
  var kubernetesBooleans = false

  static let unknownField = "KL013"
  static let wrongType = "KL014"
  static let missingField = "KL015"
  static let invalidValue = "KL016"
  static let limitExceeded = "KL012"

  /// The most listeners one cluster may have before it is rejected unread. Kubernetes port
  /// names and Kafka's own limits make even a few dozen unusual; this only stops a generated
  /// file from costing minutes.
  static let maxListeners = 1_000

  /// Whether a listener list is within ``maxListeners``; reports KL012 when it is not.
  mutating func withinListenerLimit(_ sequence: YAMLSequence, path: String) -> Bool {
    guard sequence.items.count > Self.maxListeners else { return true }
    report(
      Self.limitExceeded,
      "\(path) has \(sequence.items.count) listeners; more than \(Self.maxListeners) are not "
        + "read, so the cluster's listeners were not checked",
      at: sequence.location)
    return false
  }

  mutating func report(_ code: String, _ message: String, at location: SourceLocation) {
    issues.append(ReadIssue(code: code, message: message, location: location))
  }

  /// Reports every key of `mapping` that is not in `allowed`, with a suggestion when one is
  /// close.
  mutating func checkKeys(_ mapping: YAMLMapping, allowed: [String], path: String) {
    // A linear search: a mapping has a few keys and allows a few dozen at most, and hashing the
    // allowed keys into a set for every mapping (every node of a large description) cost more.
    for (key, _) in mapping.pairs {
      guard let name = key.scalar?.text else {
        report(Self.wrongType, "\(path) has a key that is \(key.kindDescription), not a string", at: key.location)
        continue
      }
      if allowed.contains(name) { continue }
      var message = "unknown field \(quoted(name)) in \(path)"
      if let suggestion = Suggestions.closest(to: name, in: allowed) {
        message += "; did you mean \(quoted(suggestion.match))?"
      } else {
        message += "; expected one of " + allowed.sorted().joined(separator: ", ")
      }
      report(Self.unknownField, message, at: key.location)
    }
  }

  /// The mapping under `key`, or `nil` (reported when required or of the wrong kind).
  mutating func mapping(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool = false
  ) -> YAMLMapping? {
    guard let node = value(parent, key, path: path, required: required) else { return nil }
    guard let mapping = node.mapping else {
      report(Self.wrongType, "\(path).\(key) must be a mapping, not \(node.kindDescription)", at: node.location)
      return nil
    }
    return mapping
  }

  /// The sequence under `key`, or `nil`.
  mutating func sequence(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool = false
  ) -> YAMLSequence? {
    guard let node = value(parent, key, path: path, required: required) else { return nil }
    guard let sequence = node.sequence else {
      report(Self.wrongType, "\(path).\(key) must be a list, not \(node.kindDescription)", at: node.location)
      return nil
    }
    return sequence
  }

  /// A string field. Unquoted numbers and booleans are strings in YAML too, except where a
  /// Kubernetes API server would see a number or boolean; those are reported.
  mutating func string(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool = false
  ) -> Located<String>? {
    guard let node = value(parent, key, path: path, required: required) else { return nil }
    return string(node, path: "\(path).\(key)")
  }

  /// A string node.
  mutating func string(_ node: YAMLNode, path: String) -> Located<String>? {
    guard let scalar = node.scalar, !scalar.isNull else {
      report(Self.wrongType, "\(path) must be a string, not \(node.kindDescription)", at: node.location)
      return nil
    }
    if !scalar.isQuoted, scalar.integerValue != nil || scalar.booleanValue != nil {
      report(
        Self.wrongType,
        "\(path) must be a string, not \(node.kindDescription); quote it (\"\(scalar.text)\")",
        at: node.location)
      return nil
    }
    return Located(scalar.text, at: scalar.location)
  }

  /// An integer field, read from the raw scalar as a Kubernetes API server would: plain digits
  /// only. `"9092"` (quoted), `9092.0`, `0x2384` and `on` are reported, because the CRD's
  /// `integer` type rejects them.
  mutating func integer(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool = false,
    range: ClosedRange<Int>? = nil
  ) -> Located<Int>? {
    guard let node = value(parent, key, path: path, required: required) else { return nil }
    return integer(node, path: "\(path).\(key)", range: range)
  }

  /// An integer node.
  mutating func integer(_ node: YAMLNode, path: String, range: ClosedRange<Int>? = nil)
    -> Located<Int>?
  {
    guard let scalar = node.scalar, let value = scalar.integerValue else {
      var message = "\(path) must be an integer, not \(node.kindDescription)"
      if let scalar = node.scalar, scalar.isQuoted,
        Int(scalar.text.trimmingCharacters(in: .whitespaces)) != nil
      {
        message +=
          " (\"\(scalar.text)\"): the Strimzi CRDs and the description schema declare an "
          + "integer, which a quoted value is not; remove the quotes"
      } else if let scalar = node.scalar, !scalar.isNull {
        message += " (\(quoted(scalar.text)))"
      }
      report(Self.wrongType, message, at: node.location)
      return nil
    }
    if let range, !range.contains(value) {
      let bounds =
        range.upperBound == Int.max
        ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
      report(Self.invalidValue, "\(path) must be \(bounds), not \(value)", at: node.location)
      return nil
    }
    return Located(value, at: scalar.location)
  }

  /// A boolean field: `true` or `false` only (YAML 1.1's `yes`/`on` are reported).
  mutating func boolean(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool = false
  ) -> Located<Bool>? {
    guard let node = value(parent, key, path: path, required: required) else { return nil }
    guard let scalar = node.scalar,
      let value = scalar.booleanValue ?? (kubernetesBooleans ? yaml11Boolean(scalar) : nil)
    else {
      var message = "\(path).\(key) must be true or false, not \(node.kindDescription)"
      if let scalar = node.scalar, !scalar.isNull { message += " (\(quoted(scalar.text)))" }
      report(Self.wrongType, message, at: node.location)
      return nil
    }
    return Located(value, at: scalar.location)
  }

  private func yaml11Boolean(_ scalar: YAMLScalar) -> Bool? {
    guard !scalar.isQuoted else { return nil }
    switch scalar.text {
    case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": return true
    case "n", "N", "no", "No", "NO", "off", "Off", "OFF": return false
    default: return nil
    }
  }

  /// A string that must be one of `allowed` (exactly, or ignoring case when `caseInsensitive`);
  /// the value returned is the allowed spelling.
  mutating func oneOf(
    _ parent: YAMLMapping, _ key: String, _ allowed: [String], path: String,
    required: Bool = false, caseInsensitive: Bool = false
  ) -> Located<String>? {
    guard let node = value(parent, key, path: path, required: required) else { return nil }
    return oneOf(node, allowed, path: "\(path).\(key)", caseInsensitive: caseInsensitive)
  }

  /// An enumerated string node.
  mutating func oneOf(
    _ node: YAMLNode, _ allowed: [String], path: String, caseInsensitive: Bool = false
  ) -> Located<String>? {
    guard let scalar = node.scalar, !scalar.isNull else {
      report(Self.wrongType, "\(path) must be a string, not \(node.kindDescription)", at: node.location)
      return nil
    }
    if let match = allowed.first(where: {
      caseInsensitive ? $0.lowercased() == scalar.text.lowercased() : $0 == scalar.text
    }) {
      return Located(match, at: scalar.location)
    }
    var message = "\(path) must be one of \(allowed.joined(separator: ", ")), not \(quoted(scalar.text))"
    if let suggestion = Suggestions.closest(to: scalar.text, in: allowed) {
      message += "; did you mean \(quoted(suggestion.match))?"
    }
    report(Self.invalidValue, message, at: scalar.location)
    return nil
  }

  /// A list of strings.
  mutating func stringList(_ parent: YAMLMapping, _ key: String, path: String) -> [Located<String>] {
    guard let sequence = sequence(parent, key, path: path) else { return [] }
    return sequence.items.enumerated().compactMap { string($1, path: "\(path).\(key)[\($0)]") }
  }

  /// A map of string to string (labels, annotations).
  mutating func stringMap(_ parent: YAMLMapping, _ key: String, path: String) -> [String: Located<String>] {
    guard let mapping = mapping(parent, key, path: path) else { return [:] }
    var result: [String: Located<String>] = [:]
    for (keyNode, valueNode) in mapping.pairs {
      guard let name = keyNode.scalar?.text else { continue }
      if let value = string(valueNode, path: "\(path).\(key).\(name)") { result[name] = value }
    }
    return result
  }

  /// The node under `key`; a missing required key is reported at the parent mapping. An explicit
  /// null counts as missing.
  mutating func value(
    _ parent: YAMLMapping, _ key: String, path: String, required: Bool
  ) -> YAMLNode? {
    guard let node = parent[key], !node.isNull else {
      if required {
        report(Self.missingField, "\(path) is missing the required field \(quoted(key))", at: parent.location)
      }
      return nil
    }
    return node
  }
}
