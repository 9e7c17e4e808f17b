#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns command-line paths into inputs: files as given, directories walked in sorted order.
struct InputCollector {
  var limits: Limits

  func collect(_ paths: [String]) throws(ToolError) -> [SourceFile] {
    var files: [SourceFile] = []
    var seen = Set<String>()
    for path in paths {
      switch FileReading.type(of: path, followingLinks: true) {
      case .missing:
        throw .noSuchFile(path)
      case .directory:
        for file in walk(path) where seen.insert(file).inserted {
          files.append(SourceFile(path: file, content: FileReading.read(file, limit: limits.maxFileBytes)))
        }
      case .other:
        if seen.insert(path).inserted {
          files.append(SourceFile(path: path, content: FileReading.read(path, limit: limits.maxFileBytes)))
        }
      }
    }
    return files
  }

  /// The server.properties files that cluster descriptions name in `spec.properties`, when
  /// they exist and are not among `inputs` already, so that drift is checked without naming
  /// them on the command line. A file that does not exist is left out (the drift rule reports
  /// it where the description names it).
  func referencedFiles(of clusters: [Cluster], inputs: [SourceFile]) -> [SourceFile] {
    var known = Set(inputs.map { PropertiesReference.normalize($0.path) })
    var result: [SourceFile] = []
    for path in clusters.flatMap({ $0.nodeProperties.values.map(\.value) }).sorted()
    where known.insert(path).inserted && FileReading.exists(path) {
      result.append(
        SourceFile(
          path: path, content: FileReading.read(path, limit: limits.maxFileBytes),
          kind: .properties))
    }
    return result
  }

  /// Lintable files below `directory`, sorted; hidden entries and links to directories are
  /// skipped, so a walk always ends.
  private func walk(_ directory: String) -> [String] {
    var result: [String] = []
    var pending = [directory]
    while let current = pending.popLast() {
      let names = FileReading.directoryEntries(current).sorted()
      var subdirectories: [String] = []
      for name in names where !name.hasPrefix(".") {
        let path = current.hasSuffix("/") ? current + name : current + "/" + name
        switch FileReading.type(of: path, followingLinks: false) {
        case .directory: subdirectories.append(path)
        case .other where SourceFile.isLintable(fileName: name): result.append(path)
        default: break
        }
      }
      pending += subdirectories.reversed()
    }
    return result.sorted()
  }
}

/// Low-level file access that never blocks on FIFOs and never reads past a size limit.
enum FileReading {
  enum FileType { case missing, directory, other }

  static func type(of path: String, followingLinks: Bool) -> FileType {
    var info = stat()
    let status = followingLinks ? stat(path, &info) : lstat(path, &info)
    guard status == 0 else {
      // A dangling or looping link still exists; reading it reports why it cannot be read.
      var linkInfo = stat()
      return lstat(path, &linkInfo) == 0 ? .other : .missing
    }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
  }

  static func exists(_ path: String) -> Bool { type(of: path, followingLinks: false) != .missing }

  static func directoryEntries(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Reads a regular file whole, or says why it cannot.
  static func read(_ path: String, limit: Int) -> SourceFile.Content {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .unreadable(errorText(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .unreadable(errorText(errno)) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .unreadable("it is a directory")
    case S_IFIFO: return .unreadable("it is a FIFO, not a regular file")
    default: return .unreadable("it is not a regular file")
    }
    let size = Int(info.st_size)
    if size > limit {
      return .unreadable("it is \(size) bytes, over the limit of \(limit) bytes")
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var total = 0
    while total < size {
      let count = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return readBytes(fd, base + total, size - total)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .unreadable(errorText(errno))
      }
      if count == 0 { break }
      total += count
    }
    if total < size { bytes.removeLast(size - total) }
    return .bytes(bytes)
  }

  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if path == "." || path.isEmpty { return cwd }
    return cwd == "/" ? "/" + path : cwd + "/" + path
  }

  static func errorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(decoding: UnsafeRawBufferPointer(start: text, count: strlen(text)), as: UTF8.self)
  }
}

/// `read(2)`, named apart from `FileReading.read`.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
