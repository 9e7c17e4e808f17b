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
    // Plain index loops: generic slice and `starts(with:)` calls, in a debug build, made a file
    // of 100,000 suppression comments take over a second here.
    let n = text.count
    func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
    func skipBlanks(_ i: inout Int) { while i < n && isBlank(text[i]) { i += 1 } }
    func consume(_ word: [UInt8], _ i: inout Int) -> Bool {
      guard i + word.count <= n else { return false }
      for k in 0..<word.count where text[i + k] != word[k] { return false }
      i += word.count
      return true
    }
    var i = 1  // past `#` or `!`
    skipBlanks(&i)
    guard consume(prefixBytes, &i) else { return nil }
    skipBlanks(&i)
    let isFile: Bool
    if consume(ignoreFileBytes, &i) {
      isFile = true
    } else if consume(ignoreBytes, &i) {
      isFile = false
    } else {
      return nil
    }
    // A reason follows `--`.
    var end = n
    var index = i
    while index + 1 < n {
      if text[index] == UInt8(ascii: "-") && text[index + 1] == UInt8(ascii: "-") {
        end = index
        break
      }
      index += 1
    }
    var written: [String] = []
    var wordStart = i
    for index in i...end {
      if index == end || text[index] == UInt8(ascii: ",") || isBlank(text[index]) {
        if index > wordStart {
          written.append(String(decoding: text[wordStart..<index], as: UTF8.self))
        }
        wordStart = index + 1
      }
    }
    return (isFile, written)
  }

  private static let prefixBytes = Array(prefix.utf8)
  private static let ignoreFileBytes = Array("ignore-file".utf8)
  private static let ignoreBytes = Array("ignore".utf8)

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

/// Suppressions by file and rule code, so that finding the ones covering a diagnostic does not
/// test every suppression: a file of 50,000 suppressions and 50,000 findings made that
/// billions of tests.
struct SuppressionIndex {
  private struct Group {
    var fileWide: [Int] = []
    /// Line scopes sorted by their first line, with the suppression each belongs to.
    var spans: [(lines: ClosedRange<Int>, suppression: Int)] = []
    /// `reach[j]`: the last line any of `spans[0...j]` covers.
    var reach: [Int] = []
  }

  private struct Key: Hashable {
    var file: String
    var code: String
  }

  private var groups: [Key: Group] = [:]

  init(_ suppressions: [Suppression]) {
    for (index, suppression) in suppressions.enumerated() {
      for rule in suppression.rules {
        guard let code = rule.code else { continue }
        // Appended in place: a copy of the group would copy its arrays on every append. A code
        // written twice in one suppression finds that suppression last in its group.
        let key = Key(file: suppression.location.file, code: code)
        switch suppression.scope {
        case .file:
          if groups[key]?.fileWide.last != index {
            groups[key, default: Group()].fileWide.append(index)
          }
        case .lines(let lines):
          if groups[key]?.spans.last?.suppression != index {
            groups[key, default: Group()].spans.append((lines, index))
          }
        case .nothing: break
        }
      }
    }
    for key in Array(groups.keys) {
      guard var group = groups.removeValue(forKey: key) else { continue }
      group.spans.sort {
        ($0.lines.lowerBound, $0.suppression) < ($1.lines.lowerBound, $1.suppression)
      }
      var reach = Int.min
      group.reach = group.spans.map { span in
        reach = max(reach, span.lines.upperBound)
        return reach
      }
      groups[key] = group
    }
  }

  /// The indices of the suppressions that cover `diagnostic`.
  func covering(_ diagnostic: Diagnostic) -> [Int] {
    guard let group = groups[Key(file: diagnostic.location.file, code: diagnostic.code)] else {
      return []
    }
    var found = group.fileWide
    let line = diagnostic.location.line
    // Spans starting after the line cannot cover it; of the others, walk back while some
    // earlier span still reaches the line (scopes rarely overlap, so this is one or two steps).
    var low = 0
    var high = group.spans.count
    while low < high {
      let mid = (low + high) / 2
      if group.spans[mid].lines.lowerBound <= line { low = mid + 1 } else { high = mid }
    }
    var j = low - 1
    while j >= 0 && group.reach[j] >= line {
      if group.spans[j].lines.contains(line) { found.append(group.spans[j].suppression) }
      j -= 1
    }
    return found
  }
}
