import Yams

/// A YAML or JSON input after composition: how many documents it holds, or the syntax error that
/// stopped libyaml.
public struct YAMLFile: Sendable {
  /// A syntax error with its position.
  public struct SyntaxError: Sendable, Hashable {
    /// libyaml's description of the problem.
    public let message: String
    /// Where libyaml stopped.
    public let location: SourceLocation
  }

  /// The path as the user named it.
  public let path: String
  /// The documents read before any error, in order (empty documents left out).
  public var documents: [YAMLNode] = []
  /// The number of documents composed before any error.
  public var documentCount: Int { documents.count }
  /// The syntax error that stopped reading, if any. Documents after it are not read.
  public var syntaxError: SyntaxError?
  /// The limit that stopped reading, if any (size, depth, node budget, document count).
  public var limitExceeded: SyntaxError?

  init(path: String) {
    self.path = path
  }
}

/// Reads YAML and JSON with libyaml (through ``YAMLComposer``), keeping positions.
enum YAMLReader {
  static func read(path: String, bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLFile {
    var file = YAMLFile(path: path)
    if bytes.count > limits.maxBytes {
      file.limitExceeded = .init(
        message: "the file is \(bytes.count) bytes; YAML inputs are limited to \(limits.maxBytes)",
        location: .start(of: path))
      return file
    }
    if let offset = UTF8Validation.firstInvalidOffset(bytes) {
      file.syntaxError = .init(
        message: "the file is not valid UTF-8 (byte 0x\(hex(bytes[offset])) at offset \(offset))",
        location: lineColumn(ofByte: offset, in: bytes, path: path))
      return file
    }
    return YAMLComposer.compose(path: path, bytes: bytes, limits: limits)
  }

  /// Turns a Yams error into one line of text and a position.
  static func syntaxError(_ error: YamlError, path: String) -> YAMLFile.SyntaxError {
    func at(_ mark: Mark) -> SourceLocation {
      SourceLocation(file: path, line: mark.line, column: mark.column)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let prefix = context.map { "\($0.text): " } ?? ""
      return .init(message: prefix + problem, location: at(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .init(
        message: "duplicate key " + duplicates.map { quoted($0) }.joined(separator: ", ")
          + ": it appears again later in the same mapping",
        location: at(context.mark))
    case .reader(let problem, _, _, _):
      return .init(message: problem, location: .start(of: path))
    default:
      return .init(message: "\(error)", location: .start(of: path))
    }
  }

  static func lineColumn(ofByte offset: Int, in bytes: [UInt8], path: String)
    -> SourceLocation
  {
    var line = 1
    var lineStart = 0
    for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    let prefix = bytes[lineStart..<min(offset, bytes.count)]
    let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    return SourceLocation(file: path, line: line, column: column)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
