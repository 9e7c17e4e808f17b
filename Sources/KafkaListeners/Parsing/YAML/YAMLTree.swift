/// A YAML (or JSON) node with its position, independent of Yams, so the rest of the library
/// never sees libyaml types. Scalars keep their raw text and whether they were quoted: values are
/// typed by the readers, never by YAML 1.1's implicit rules (`on` is not `true`, `0777` is not
/// 511).
public indirect enum YAMLNode: Sendable {
  /// A scalar.
  case scalar(YAMLScalar)
  /// A mapping, pairs in document order.
  case mapping(YAMLMapping)
  /// A sequence.
  case sequence(YAMLSequence)

  /// Where the node starts.
  public var location: SourceLocation {
    switch self {
    case .scalar(let scalar): scalar.location
    case .mapping(let mapping): mapping.location
    case .sequence(let sequence): sequence.location
    }
  }

  /// The node as a scalar, if it is one.
  public var scalar: YAMLScalar? {
    if case .scalar(let scalar) = self { return scalar }
    return nil
  }

  /// The node as a mapping, if it is one.
  public var mapping: YAMLMapping? {
    if case .mapping(let mapping) = self { return mapping }
    return nil
  }

  /// The node as a sequence, if it is one.
  public var sequence: YAMLSequence? {
    if case .sequence(let sequence) = self { return sequence }
    return nil
  }

  /// Whether the node is YAML null (`~`, `null`, or nothing).
  public var isNull: Bool { scalar?.isNull ?? false }

  /// A short name of the node's kind for messages: "a string", "a mapping", …
  public var kindDescription: String {
    switch self {
    case .scalar(let scalar):
      if scalar.isNull { return "null" }
      if scalar.isQuoted { return "a quoted string" }
      if scalar.integerValue != nil { return "an integer" }
      if scalar.booleanValue != nil { return "a boolean" }
      return "a string"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
  }
}

/// A scalar with its raw text.
public struct YAMLScalar: Sendable, Hashable {
  /// The text after YAML unescaping, before any typing.
  public let text: String
  /// Whether it was written in quotes (or as a block scalar): then it is always a string.
  public let isQuoted: Bool
  /// An explicit tag such as `!!str`, when one was written.
  public let tag: String?
  /// Where it starts.
  public let location: SourceLocation

  /// YAML null: plain `~`, `null`, `Null`, `NULL` or empty.
  public var isNull: Bool {
    !isQuoted && tag == nil && ["", "~", "null", "Null", "NULL"].contains(text)
  }

  /// The integer a Kubernetes API server reads from this scalar: plain decimal digits with an
  /// optional sign. Quoted text, `9092.0`, `0x2384` and `1_000` are not integers to a CRD.
  public var integerValue: Int? {
    guard !isQuoted, tag == nil || tag == "tag:yaml.org,2002:int" else { return nil }
    let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
    guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return Int(text.first == "+" ? String(text.dropFirst()) : text, radix: 10)
  }

  /// `true`/`false` as JSON and YAML 1.2 spell them (not YAML 1.1's `yes`/`on`).
  public var booleanValue: Bool? {
    guard !isQuoted else { return nil }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }
}

/// A mapping with its pairs in document order.
public struct YAMLMapping: Sendable {
  /// Key/value pairs; keys are scalars (complex keys are reported when read).
  public let pairs: [(key: YAMLNode, value: YAMLNode)]
  /// Where it starts.
  public let location: SourceLocation

  /// The value of the last pair whose key is the scalar `key`.
  public subscript(key: String) -> YAMLNode? {
    pairs.last { $0.key.scalar?.text == key }?.value
  }

  /// The key node of `key`, for pointing at it.
  public func keyNode(_ key: String) -> YAMLNode? {
    pairs.last { $0.key.scalar?.text == key }?.key
  }
}

/// A sequence.
public struct YAMLSequence: Sendable {
  /// The items.
  public let items: [YAMLNode]
  /// Where it starts.
  public let location: SourceLocation
}

/// Bounds on YAML input, so hostile documents are rejected with a diagnostic instead of
/// exhausting memory or time.
public struct YAMLLimits: Sendable, Hashable {
  /// Largest file, in bytes.
  public var maxBytes: Int = 16 << 20
  /// Deepest nesting of mappings and sequences.
  public var maxDepth: Int = 64
  /// Most nodes in one document, counting each alias expansion again (the billion-laughs guard).
  public var maxNodes: Int = 250_000
  /// Most documents in one file.
  public var maxDocuments: Int = 10_000

  /// The default limits.
  public init() {}
}
