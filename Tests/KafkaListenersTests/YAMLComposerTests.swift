import Foundation
import TestSupport
import Testing
import Yams

@testable import KafkaListeners

/// The composer builds trees from libyaml's events itself (so that limits apply before memory
/// is spent). These tests hold it to Yams' composer, the reference, on every YAML and JSON
/// fixture: the same documents, scalars, quoting and positions, and the same syntax errors.
@Suite struct YAMLComposerTests {
  /// Every YAML/JSON fixture small enough for Yams to compose in reasonable time.
  static let fixtures: [String] = {
    let root = packagePath("Fixtures")
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var paths: [String] = []
    while let relative = walker.nextObject() as? String {
      let lower = relative.lowercased()
      guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json")
      else { continue }
      // Golden outputs are JSON written by the tool, not inputs; they compose all the same.
      paths.append("Fixtures/" + relative)
    }
    return paths.sorted()
  }()

  /// A tree in a form both composers can produce: kind, raw text, quoting, line:column.
  static func render(_ node: YAMLNode, into out: inout [String], depth: Int = 0) {
    let at = "\(node.location.line):\(node.location.column)"
    switch node {
    case .scalar(let scalar):
      out.append("\(depth) scalar \(at) \(scalar.isQuoted ? "q" : "p") \(scalar.text.debugDescription)")
    case .sequence(let sequence):
      out.append("\(depth) sequence \(at) \(sequence.items.count)")
      for item in sequence.items { render(item, into: &out, depth: depth + 1) }
    case .mapping(let mapping):
      out.append("\(depth) mapping \(at) \(mapping.pairs.count)")
      for pair in mapping.pairs {
        render(pair.key, into: &out, depth: depth + 1)
        render(pair.value, into: &out, depth: depth + 1)
      }
    }
  }

  static func render(_ node: Node, into out: inout [String], depth: Int = 0) {
    let at = "\(node.mark?.line ?? 0):\(node.mark?.column ?? 0)"
    switch node {
    case .scalar(let scalar):
      let quoted = scalar.style != .plain
      out.append("\(depth) scalar \(at) \(quoted ? "q" : "p") \(scalar.string.debugDescription)")
    case .sequence(let sequence):
      out.append("\(depth) sequence \(at) \(sequence.count)")
      for item in sequence { render(item, into: &out, depth: depth + 1) }
    case .mapping(let mapping):
      out.append("\(depth) mapping \(at) \(mapping.count)")
      for (key, value) in mapping {
        render(key, into: &out, depth: depth + 1)
        render(value, into: &out, depth: depth + 1)
      }
    case .alias:
      out.append("\(depth) alias")
    }
  }

  @Test(arguments: fixtures)
  func composesLikeYams(path: String) throws {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packagePath(path))))
    let ours = YAMLReader.read(path: path, bytes: bytes)
    // Inputs refused before parsing (size, encoding) or stopped by a limit are where the two are
    // meant to differ: Yams would spend the memory and time the limits exist to prevent.
    if ours.limitExceeded != nil || UTF8Validation.firstInvalidOffset(bytes) != nil { return }

    var reference: [String] = []
    var referenceError: YAMLFile.SyntaxError?
    do {
      let parser = try Parser(yaml: String(decoding: bytes, as: UTF8.self), resolver: .basic)
      while let root = try parser.nextRoot() {
        if case .scalar(let scalar) = root, scalar.style == .plain,
          ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        {
          continue
        }
        Self.render(root, into: &reference)
      }
    } catch let error as YamlError {
      referenceError = YAMLReader.syntaxError(error, path: path)
    }
    var composed: [String] = []
    for document in ours.documents { Self.render(document, into: &composed) }

    if let referenceError {
      let error = try #require(ours.syntaxError, "Yams: \(referenceError.message)")
      // libyaml reader errors: Yams places them at the start of the file, we at their byte.
      if !error.message.contains("control characters") {
        #expect(error == referenceError)
      }
    } else if let error = ours.syntaxError {
      // Yams keeps anchors from one document to the next; YAML scopes them to their document.
      #expect(error.message.contains("earlier document"), "\(error.message) at \(error.location)")
    } else {
      #expect(composed == reference)
    }
  }

  /// Found by the YAML fuzzer: an aliased mapping used as a key, repeated through merge keys.
  /// Yams' duplicate-key check hashes each key in full (exponential); the composer counts each
  /// alias against the budget first and stops.
  @Test func aliasedCompositeKeysStopAtTheBudget() throws {
    let path = "Fixtures/hostile/fuzz-yaml-1.yaml"
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packagePath(path))))
    let file = YAMLReader.read(path: path, bytes: bytes)
    let limit = try #require(file.limitExceeded)
    #expect(limit.message.contains("more than 250000 nodes"))
  }

  @Test func duplicateKeysAreFoundAtEveryLevelAndPointAtTheFirst() {
    let text = "a:\n  b: 1\n  c:\n    - {x: 1, y: 2, x: 3}\n"
    let file = YAMLReader.read(path: "d.yaml", bytes: Array(text.utf8))
    #expect(file.syntaxError?.message == "duplicate key 'x': it appears again later in the same mapping")
    #expect(file.syntaxError?.location == SourceLocation(file: "d.yaml", line: 4, column: 8))
    let complex = "? [a, b]\n: 1\n? [a, b]\n: 2\n"
    let second = YAMLReader.read(path: "c.yaml", bytes: Array(complex.utf8))
    #expect(second.syntaxError?.message.hasPrefix("duplicate key") == true)
    let distinct = "? [a, b]\n: 1\n? [a, c]\n: 2\n"
    #expect(YAMLReader.read(path: "c.yaml", bytes: Array(distinct.utf8)).syntaxError == nil)
  }

  @Test func anchorsAreScopedToTheirDocument() {
    let text = "a: &x 1\n---\nb: *x\n"
    let file = YAMLReader.read(path: "s.yaml", bytes: Array(text.utf8))
    #expect(file.documents.count == 1)
    #expect(file.syntaxError?.message.contains("earlier document") == true)
    #expect(file.syntaxError?.location == SourceLocation(file: "s.yaml", line: 3, column: 4))
  }

  @Test func controlCharactersArePlacedWhereTheyAre() {
    let text = "a: 1\nb: x\u{7}y\n"
    let file = YAMLReader.read(path: "c.yaml", bytes: Array(text.utf8))
    #expect(file.syntaxError?.location.line == 2)
  }
}
