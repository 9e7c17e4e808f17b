import CYaml

/// Builds ``YAMLNode`` trees straight from libyaml's event stream, enforcing ``YAMLLimits`` as
/// each event arrives.
///
/// Yams' own composer (`Parser.nextRoot`) is not used for inputs: it builds the whole document
/// before a caller can count anything, so a 10 MB flow sequence costs about 900 MB inside it,
/// and its duplicate-key check hashes every key in full, which makes an aliased composite key
/// exponential (minutes of CPU for a 1 KB file). Here every alias adds the size of the subtree
/// it stands for to the node count before anything is copied, the depth is checked on the way
/// down, and duplicate keys are found by hashing each key once. libyaml (which Yams carries)
/// still does all the scanning and parsing, so positions and syntax messages are libyaml's.
struct YAMLComposer {
  enum Failure: Error {
    /// A syntax error or a YAML composition error (undefined alias, duplicate key).
    case syntax(YAMLFile.SyntaxError)
    /// A limit was exceeded.
    case limit(YAMLFile.SyntaxError)
  }

  /// A collection being composed.
  private struct Frame {
    var isMapping: Bool
    var location: SourceLocation
    var anchor: String?
    /// The document's node count when the collection started, for the anchor's size.
    var nodesAtStart: Int
    var items: [YAMLNode] = []
    /// Mapping keys' identities in order, for the duplicate check.
    var keyIdentities: [KeyIdentity] = []
  }

  /// What makes two mapping keys equal: their text and tag for scalars, their structure
  /// otherwise (as YAML defines key equality).
  private enum KeyIdentity: Hashable {
    case scalar(text: String, tag: String)
    case complex(String)
  }

  let path: String
  let limits: YAMLLimits
  /// The input, for positions of reader errors (which libyaml gives as byte offsets).
  let bytes: [UInt8]

  /// Composes every document of `bytes`, which must be valid UTF-8.
  static func compose(path: String, bytes: [UInt8], limits: YAMLLimits) -> YAMLFile {
    var file = YAMLFile(path: path)
    var composer = YAMLComposer(path: path, limits: limits, bytes: bytes)
    let failure = bytes.withUnsafeBufferPointer { buffer -> Failure? in
      do throws(Failure) {
        try composer.run(buffer, into: &file)
        return nil
      } catch {
        return error
      }
    }
    switch failure {
    case .syntax(let error): file.syntaxError = error
    case .limit(let error): file.limitExceeded = error
    case nil: break
    }
    return file
  }

  private mutating func run(_ buffer: UnsafeBufferPointer<UInt8>, into file: inout YAMLFile)
    throws(Failure)
  {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw .limit(.init(message: "out of memory starting the YAML parser", location: start))
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

    var documents = 0
    var nodes = 0
    // Anchor name -> the node and how many nodes it stands for, scoped to one document.
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var earlierAnchors: Set<String> = []
    var stack: [Frame] = []
    var root: YAMLNode?

    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        throw .syntax(syntaxError(parser))
      }
      defer { yaml_event_delete(&event) }
      let location = self.location(event.start_mark)

      // The node this event completed, and for a scalar its tag (part of a key's identity).
      var completed: (node: YAMLNode, scalarTag: String?)?
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > limits.maxDocuments {
          throw .limit(
            .init(message: "more than \(limits.maxDocuments) documents in one file",
              location: location))
        }
        nodes = 0
        earlierAnchors.formUnion(anchors.keys)
        anchors = [:]
        root = nil
      case YAML_DOCUMENT_END_EVENT:
        if let root, !root.isNull { file.documents.append(root) }
      case YAML_SCALAR_EVENT:
        nodes += 1
        try checkBudget(nodes, location)
        try checkDepth(stack.count, location)
        let scalar = event.data.scalar
        let text = String(
          decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        let tag =
          scalar.quoted_implicit == 1 ? Self.stringTag : Self.string(scalar.tag) ?? Self.stringTag
        let node = YAMLNode.scalar(
          YAMLScalar(
            text: text, isQuoted: scalar.style != YAML_PLAIN_SCALAR_STYLE, tag: nil,
            location: location))
        if let anchor = Self.string(scalar.anchor) { anchors[anchor] = (node, 1) }
        completed = (node, tag)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        nodes += 1
        try checkBudget(nodes, location)
        try checkDepth(stack.count, location)
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let anchor = Self.string(
          isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
        stack.append(
          Frame(isMapping: isMapping, location: location, anchor: anchor, nodesAtStart: nodes - 1))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let frame = stack.popLast() else { continue }
        let node: YAMLNode
        if frame.isMapping {
          try checkDuplicateKeys(frame)
          var pairs: [(key: YAMLNode, value: YAMLNode)] = []
          pairs.reserveCapacity(frame.items.count / 2)
          var index = 0
          while index + 1 < frame.items.count {
            pairs.append((frame.items[index], frame.items[index + 1]))
            index += 2
          }
          node = .mapping(YAMLMapping(pairs: pairs, location: frame.location))
        } else {
          node = .sequence(YAMLSequence(items: frame.items, location: frame.location))
        }
        if let anchor = frame.anchor { anchors[anchor] = (node, nodes - frame.nodesAtStart) }
        completed = (node, nil)
      case YAML_ALIAS_EVENT:
        let name = Self.string(event.data.alias.anchor) ?? ""
        guard let target = anchors[name] else {
          throw .syntax(
            .init(
              message: earlierAnchors.contains(name)
                ? "an alias refers to an anchor of an earlier document; anchors do not cross "
                  + "document boundaries" : "found undefined alias",
              location: location))
        }
        try checkDepth(stack.count, location)
        // The alias stands for the whole subtree: counted in full, copied never.
        nodes += target.size
        try checkBudget(nodes, location)
        completed = (target.node, nil)
      default:
        continue
      }

      guard let (node, scalarTag) = completed else { continue }
      if stack.isEmpty {
        root = node
      } else {
        let last = stack.count - 1
        // In a mapping, items alternate key, value: an even count means this node is a key.
        if stack[last].isMapping && stack[last].items.count % 2 == 0 {
          // Only keys need an identity: a complex value is never written out.
          let identity: KeyIdentity =
            if case .scalar(let scalar) = node, let scalarTag {
              .scalar(text: scalar.text, tag: scalarTag)
            } else {
              Self.identity(of: node)
            }
          stack[last].keyIdentities.append(identity)
        }
        stack[last].items.append(node)
      }
    }
  }

  private static let stringTag = "tag:yaml.org,2002:str"

  private var start: SourceLocation { .start(of: path) }

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(file: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  /// The root is at depth 0; a node deeper than the limit is refused before it is built.
  private func checkDepth(_ depth: Int, _ location: SourceLocation) throws(Failure) {
    if depth > limits.maxDepth {
      throw .limit(
        .init(
          message: "the document nests deeper than \(limits.maxDepth) levels", location: location))
    }
  }

  private func checkBudget(_ nodes: Int, _ location: SourceLocation) throws(Failure) {
    if nodes > limits.maxNodes {
      throw .limit(
        .init(
          message: "the document expands to more than \(limits.maxNodes) nodes (aliases count "
            + "each time they are used); it is rejected as an alias bomb",
          location: location))
    }
  }

  /// Reports the first key (in text order) that appears twice, at its first appearance.
  private func checkDuplicateKeys(_ frame: Frame) throws(Failure) {
    guard frame.keyIdentities.count > 1 else { return }
    var firstIndex: [KeyIdentity: Int] = [:]
    var repeated: [KeyIdentity: Int] = [:]
    for (index, identity) in frame.keyIdentities.enumerated() {
      if let first = firstIndex[identity] {
        repeated[identity] = first
      } else {
        firstIndex[identity] = index
      }
    }
    guard !repeated.isEmpty else { return }
    let names = repeated.keys.map(Self.displayName).sorted()
    let first = repeated.min { Self.displayName($0.key) < Self.displayName($1.key) }
    let keyIndex = (first?.value ?? 0) * 2
    let location = keyIndex < frame.items.count ? frame.items[keyIndex].location : frame.location
    throw .syntax(
      .init(
        message: "duplicate key " + names.map { quoted($0) }.joined(separator: ", ")
          + ": it appears again later in the same mapping",
        location: location))
  }

  private static func displayName(_ identity: KeyIdentity) -> String {
    switch identity {
    case .scalar(let text, _): text
    case .complex: "<complex key>"
    }
  }

  /// A key's identity. Complex keys are rare; their structure is written out once, which costs
  /// no more than the nodes already counted against the budget.
  private static func identity(of node: YAMLNode) -> KeyIdentity {
    if case .scalar(let scalar) = node { return .scalar(text: scalar.text, tag: stringTag) }
    var out = ""
    func write(_ node: YAMLNode) {
      switch node {
      case .scalar(let scalar):
        out += "s\(scalar.text.utf8.count):" + scalar.text
      case .sequence(let sequence):
        out += "[\(sequence.items.count)"
        sequence.items.forEach(write)
        out += "]"
      case .mapping(let mapping):
        out += "{\(mapping.pairs.count)"
        for pair in mapping.pairs {
          write(pair.key)
          write(pair.value)
        }
        out += "}"
      }
    }
    write(node)
    return .complex(out)
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  /// libyaml's description of a parse failure, as Yams words it.
  private func syntaxError(_ parser: yaml_parser_t) -> YAMLFile.SyntaxError {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    switch parser.error {
    case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
      let prefix = parser.context.map { String(cString: $0) + ": " } ?? ""
      return .init(message: prefix + problem, location: location(parser.problem_mark))
    case YAML_READER_ERROR:
      return .init(
        message: problem,
        location: YAMLReader.lineColumn(ofByte: parser.problem_offset, in: bytes, path: path))
    case YAML_MEMORY_ERROR:
      return .init(message: "libyaml ran out of memory", location: start)
    default:
      return .init(message: problem, location: start)
    }
  }
}
