/// An inline suppression comment: `# kafka-listeners: ignore KL003[, KL005] [-- reason]` above a
/// key silences those rules on that key's lines; `# kafka-listeners: ignore-file …` silences them
/// in the whole file.
struct Suppression: Sendable {
  enum Scope: Sendable {
    case lines(ClosedRange<Int>)
    case file
    /// No key follows the comment, so it can never apply.
    case nothing
  }

  /// The rule codes as written, resolved to codes where a rule has that code or name, and
  /// where each was written (annotations locate every code; comments only the comment).
  var rules: [(written: String, code: String?, location: SourceLocation?)]
  var scope: Scope
  var location: SourceLocation

  static let prefix = "kafka-listeners:"

  /// Finds the suppressions in a properties file.
  static func find(in file: PropertiesFile, registry: [any Rule]) -> [Suppression] {
    var result: [Suppression] = []
    var codes: [String: String]?
    var entryIndex = 0
    for comment in file.comments {
      // Parsed as bytes (the directive is ASCII): a file of 100,000 comments made Character
      // and Substring scanning the larger part of a lint.
      guard let (isFile, written) = directive(Array(comment.text.utf8)) else { continue }
      // Built on the first suppression: a rule's metadata is a large value, and looking
      // names up by scanning the registry cost a copy of every rule's per suppression.
      let known = codes ?? ruleCodes(registry)
      codes = known
      let rules = written.map { name in
        (written: name, code: known[name], location: SourceLocation?.none)
      }
      let scope: Scope
      if isFile {
        scope = .file
      } else {
        while entryIndex < file.entries.count,
          file.entries[entryIndex].lines.lowerBound <= comment.location.line
        {
          entryIndex += 1
        }
        scope = entryIndex < file.entries.count ? .lines(file.entries[entryIndex].lines) : .nothing
      }
      result.append(Suppression(rules: rules, scope: scope, location: comment.location))
    }
    return result
  }

  /// Finds the `kafka-listeners.io/ignore` annotations of Strimzi resources and descriptions;
  /// each silences its rules anywhere in the resource's document.
  static func find(in clusters: [Cluster], registry: [any Rule]) -> [Suppression] {
    guard clusters.contains(where: { !$0.ignoredRules.isEmpty }) else { return [] }
    let known = ruleCodes(registry)
    return clusters.compactMap { cluster in
      guard let first = cluster.ignoredRules.first else { return nil }
      let rules = cluster.ignoredRules.map { rule in
        (written: rule.value, code: known[rule.value], location: Optional(rule.location))
      }
      let lines = cluster.lines ?? cluster.location.line...cluster.location.line
      return Suppression(rules: rules, scope: .lines(lines), location: first.location)
    }
  }

  /// `# kafka-listeners: ignore[-file] A, B -- reason` (after the `#` or `!`): whether it is
  /// file-wide, and the names written; `nil` for any other comment.
  private static func directive(_ text: [UInt8]) -> (isFile: Bool, written: [String])? {
    let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    var rest = text.dropFirst().drop(while: blank)
    let prefixBytes = Array(prefix.utf8)
    guard rest.starts(with: prefixBytes) else { return nil }
    rest = rest.dropFirst(prefixBytes.count).drop(while: blank)
    let isFile: Bool
    if rest.starts(with: "ignore-file".utf8) {
      isFile = true
      rest = rest.dropFirst("ignore-file".utf8.count)
    } else if rest.starts(with: "ignore".utf8) {
      isFile = false
      rest = rest.dropFirst("ignore".utf8.count)
    } else {
      return nil
    }
    // A reason follows `--`.
    var end = rest.endIndex
    var index = rest.startIndex
    while index + 1 < rest.endIndex {
      if rest[index] == UInt8(ascii: "-") && rest[index + 1] == UInt8(ascii: "-") {
        end = index
        break
      }
      index += 1
    }
    let written = rest[..<end].split { $0 == UInt8(ascii: ",") || blank($0) }
      .map { String(decoding: $0, as: UTF8.self) }
    return (isFile, written)
  }

  /// Every rule's code, keyed by its code and by its name.
  private static func ruleCodes(_ registry: [any Rule]) -> [String: String] {
    var codes: [String: String] = [:]
    for rule in registry {
      let metadata = rule.metadata
      codes[metadata.code] = metadata.code
      // A code wins over a name that happens to be spelled like another rule's code.
      if codes[metadata.name] == nil { codes[metadata.name] = metadata.code }
    }
    return codes
  }

  func covers(_ diagnostic: Diagnostic) -> Bool {
    guard diagnostic.location.file == location.file,
      rules.contains(where: { $0.code == diagnostic.code })
    else { return false }
    switch scope {
    case .file: return true
    case .lines(let lines): return lines.contains(diagnostic.location.line)
    case .nothing: return false
    }
  }
}
