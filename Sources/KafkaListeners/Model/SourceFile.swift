/// An input handed to the linter: a path and its bytes, or the reason it could not be read.
public struct SourceFile: Sendable {
  /// What the file holds, as far as the reader could tell.
  public enum Content: Sendable {
    /// The file's bytes.
    case bytes([UInt8])
    /// The file could not be read; the text says why.
    case unreadable(String)
  }

  /// How the file is parsed.
  public enum Kind: String, Sendable, Hashable {
    /// Java `.properties` (server.properties and friends).
    case properties
    /// YAML or JSON (JSON is read as YAML flow style, keeping positions).
    case yaml
  }

  /// The path as the user named it.
  public var path: String
  /// The bytes, or why there are none.
  public var content: Content
  /// How the file is parsed.
  public var kind: Kind

  /// Creates an input; `kind` defaults to the one the file name implies.
  public init(path: String, content: Content, kind: Kind? = nil) {
    self.path = path
    self.content = content
    self.kind = kind ?? SourceFile.kind(forPath: path)
  }

  /// Creates an input from UTF-8 text.
  public init(path: String, text: String, kind: Kind? = nil) {
    self.init(path: path, content: .bytes(Array(text.utf8)), kind: kind)
  }

  /// `.yaml`, `.yml` and `.json` are YAML; everything else is read as `.properties`.
  public static func kind(forPath path: String) -> Kind {
    let lower = path.lowercased()
    for suffix in [".yaml", ".yml", ".json"] where lower.hasSuffix(suffix) { return .yaml }
    return .properties
  }

  /// Whether a directory walk picks up a file of this name.
  public static func isLintable(fileName: String) -> Bool {
    let lower = fileName.lowercased()
    return [".yaml", ".yml", ".json", ".properties"].contains { lower.hasSuffix($0) }
  }
}
