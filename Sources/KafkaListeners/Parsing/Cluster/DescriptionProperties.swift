/// `spec.properties`: the server.properties file each node runs with, so that `lint` can compare
/// the files with the configuration derived from the description (configuration drift).
extension DescriptionParser {
  /// Reads `spec.properties[]` (`node`, `file`); paths are resolved against the directory of
  /// the description, as a reader of the description would resolve them.
  mutating func nodeProperties(_ spec: YAMLMapping, nodeIDs: [Int]) -> [Int: Located<String>] {
    var result: [Int: Located<String>] = [:]
    var seenNodes: [Int: SourceLocation] = [:]
    var seenFiles: [String: (node: Int, location: SourceLocation)] = [:]
    for (index, item) in items(spec, "properties", path: "spec") {
      let path = "spec.properties[\(index)]"
      reader.checkKeys(item, allowed: keys("spec.properties[]"), path: path)
      let node = reader.integer(
        item, "node", path: path, required: true, range: 0...DescriptionReader.maxNodeID)
      var file = string(item, "file", path: path, required: true, nonEmpty: true)
      if let written = file, SourceFile.kind(forPath: written.value) == .yaml {
        reader.report(
          FieldReader.invalidValue,
          "\(path).file must name a server.properties file, not a YAML or JSON file: "
            + quoted(written.value),
          at: written.location)
        file = nil
      }
      guard let node, let file else { continue }
      if !nodeIDs.isEmpty, !nodeIDs.contains(node.value) {
        reader.report(
          FieldReader.invalidValue,
          "\(path).node \(node.value) is not a node of this cluster (node ids "
            + nodeIDs.sorted().map(String.init).joined(separator: ", ") + ")",
          at: node.location)
        continue
      }
      if let first = seenNodes[node.value] {
        duplicate("\(path).node \(node.value) is listed twice", at: node.location, first: first)
        continue
      }
      let resolved = PropertiesReference.resolve(file.value, relativeTo: file.location.file)
      if let other = seenFiles[resolved] {
        reader.issues.append(
          ReadIssue(
            code: FieldReader.invalidValue,
            message: "\(path).file \(quoted(file.value)) is already the file of node "
              + "\(other.node); each node has its own server.properties (node.id differs)",
            location: file.location,
            notes: [Diagnostic.Note("node \(other.node)'s file is named here", at: other.location)]
          ))
        continue
      }
      seenNodes[node.value] = node.location
      seenFiles[resolved] = (node.value, file.location)
      result[node.value] = Located(resolved, at: file.location)
    }
    return result
  }
}

/// Paths of the properties files a description names: relative to the description's
/// directory, compared after lexical normalisation (`./a/../b` is `b`). Nothing here touches
/// the file system.
enum PropertiesReference {
  /// `reference` as seen from the working directory, given the path of the file that names it.
  static func resolve(_ reference: String, relativeTo document: String) -> String {
    if reference.hasPrefix("/") { return normalize(reference) }
    guard let slash = document.lastIndex(of: "/") else { return normalize(reference) }
    let directory = document[...slash]
    return normalize(directory + reference)
  }

  /// Removes `.` and empty segments and folds `..` into the segment before it, where there is
  /// one; a path that climbs above its start keeps its leading `..`.
  static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var segments: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..":
        if let last = segments.last, last != ".." {
          segments.removeLast()
        } else if !absolute {
          segments.append(segment)
        }
      default: segments.append(segment)
      }
    }
    let joined = segments.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }
}
