#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files through a temporary file in the same directory and a rename, so that readers
/// never see half a file and a failure at any step leaves the old file as it was.
public enum AtomicFile {
  /// Writes `bytes` to `path`. An existing file keeps its permission bits.
  ///
  /// - Parameters:
  ///   - bytes: the new contents.
  ///   - path: the file to replace or create.
  ///   - rename: the final step, replaceable in tests to simulate a failure.
  public static func write(
    _ bytes: [UInt8], to path: String,
    rename: (String, String) -> Int32 = { systemRename($0, $1) }
  ) throws(ToolError) {
    let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    let base = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    let temporary =
      (directory.isEmpty ? "/" : directory + "/") + ".\(base).kafka-listeners-\(getpid()).tmp"
    var mode: mode_t = 0o644
    var info = stat()
    if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .writeFailed(path, FileReading.errorText(errno)) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer -> Int in
        guard let start = buffer.baseAddress else { return 0 }
        return systemWrite(fd, start + written, bytes.count - written)
      }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        let reason = FileReading.errorText(errno)
        close(fd)
        unlink(temporary)
        throw .writeFailed(path, reason)
      }
      written += count
    }
    if fchmod(fd, mode) != 0 || fsync(fd) != 0 {
      let reason = FileReading.errorText(errno)
      close(fd)
      unlink(temporary)
      throw .writeFailed(path, reason)
    }
    close(fd)
    if rename(temporary, path) != 0 {
      let reason = FileReading.errorText(errno)
      unlink(temporary)
      throw .writeFailed(path, reason)
    }
  }

  /// Whether `path` is a symbolic link (which a generated file must never replace or follow).
  public static func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// Creates `directory` and its parents when missing.
  public static func createDirectory(_ directory: String) throws(ToolError) {
    var current = directory.hasPrefix("/") ? "" : "."
    for part in directory.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw .writeFailed(directory, FileReading.errorText(errno))
      }
    }
  }

  /// `rename(2)`.
  public static func systemRename(_ from: String, _ to: String) -> Int32 {
    renameFile(from, to)
  }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}

private func renameFile(_ from: String, _ to: String) -> Int32 {
  rename(from, to)
}
