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
  /// The number of documents composed before any error.
  public let documentCount: Int
  /// The error that stopped reading, if any. Documents after it are not read.
  public let syntaxError: SyntaxError?
}

/// Reads YAML and JSON with Yams (libyaml), keeping positions. The only file that imports Yams
/// outside configuration reading.
enum YAMLReader {
  static func read(path: String, bytes: [UInt8]) -> YAMLFile {
    if let offset = UTF8Validation.firstInvalidOffset(bytes) {
      let location = lineColumn(ofByte: offset, in: bytes, path: path)
      return YAMLFile(
        path: path, documentCount: 0,
        syntaxError: .init(
          message: "the file is not valid UTF-8 (byte 0x\(hex(bytes[offset])) at offset \(offset))",
          location: location))
    }
    let text = String(decoding: bytes, as: UTF8.self)
    var count = 0
    do {
      let parser = try Parser(yaml: text, resolver: .basic)
      while try parser.nextRoot() != nil { count += 1 }
      return YAMLFile(path: path, documentCount: count, syntaxError: nil)
    } catch let error as YamlError {
      return YAMLFile(
        path: path, documentCount: count, syntaxError: syntaxError(error, path: path))
    } catch {
      return YAMLFile(
        path: path, documentCount: count,
        syntaxError: .init(message: "\(error)", location: .start(of: path)))
    }
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

  private static func lineColumn(ofByte offset: Int, in bytes: [UInt8], path: String)
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
