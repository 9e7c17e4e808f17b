/// Rewrites an existing `.properties` file so that some keys have new values while every other
/// byte — comments, order, unrelated keys, line endings — stays as it was.
public enum PropertiesMerge {
  /// The marker lines around keys the file did not have.
  static let beginMarker = "# BEGIN kafka-listeners generated"
  static let endMarker = "# END kafka-listeners generated"

  /// One key whose value differs between the file and the wanted values.
  public struct Difference: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The effective value in the file, `nil` when the key is absent.
    public var current: String?
    /// The wanted value.
    public var wanted: String
    /// Where the key is in the file (the start of the file when absent).
    public var location: SourceLocation
  }

  /// The keys whose effective value in `file` differs from `values`, in `values`' order.
  public static func differences(_ file: PropertiesFile, _ values: [(key: String, value: String)])
    -> [Difference]
  {
    values.compactMap { key, value in
      let entry = file.entry(key)
      if entry?.value == value { return nil }
      return Difference(
        key: key, current: entry?.value, wanted: value,
        location: entry?.keyLocation ?? .start(of: file.path))
    }
  }

  /// The merged bytes: each key's effective entry (its last occurrence, all its continuation
  /// lines) is replaced by one `key=value` line with the same line ending; absent keys are
  /// appended between marker comments. Merging again with the same values changes nothing.
  public static func merge(_ file: PropertiesFile, _ values: [(key: String, value: String)])
    -> [UInt8]
  {
    let bytes = file.bytes
    let newline = dominantLineEnding(file)
    var replacements: [(first: Int, last: Int, text: [UInt8])] = []
    var missing: [(String, String)] = []
    for (key, value) in values {
      guard let entry = file.entry(key) else {
        missing.append((key, value))
        continue
      }
      if entry.value == value { continue }
      let first = file.lines[entry.lines.lowerBound - 1]
      let last = file.lines[entry.lines.upperBound - 1]
      let ending = Array(bytes[last.contentEnd..<last.end])
      replacements.append(
        (first.start, last.end, Array(PropertiesWriter.line(key: key, value: value).utf8) + ending))
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 256)
    var position = 0
    for replacement in replacements.sorted(by: { $0.first < $1.first }) {
      out += bytes[position..<replacement.first]
      out += replacement.text
      position = replacement.last
    }
    out += bytes[position...]
    if !missing.isEmpty {
      if let lastByte = out.last, lastByte != 0x0A && lastByte != 0x0D { out += newline }
      out += Array(beginMarker.utf8) + newline
      for (key, value) in missing {
        out += Array(PropertiesWriter.line(key: key, value: value).utf8) + newline
      }
      out += Array(endMarker.utf8) + newline
    }
    return out
  }

  /// The line ending most lines of the file use (LF for a file without any).
  static func dominantLineEnding(_ file: PropertiesFile) -> [UInt8] {
    var counts: [[UInt8]: Int] = [:]
    for line in file.lines where line.end > line.contentEnd {
      counts[Array(file.bytes[line.contentEnd..<line.end]), default: 0] += 1
    }
    return counts.max { ($0.value, $1.key.count) < ($1.value, $0.key.count) }?.key ?? [0x0A]
  }
}
