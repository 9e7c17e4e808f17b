import Foundation

/// Reads `.properties` bytes exactly as `java.util.Properties.load(InputStream)` does.
///
/// The structure mirrors the JDK's `LineReader.readLine` and `Properties.load0`/`loadConvert`
/// step by step, because the corner cases (a comment that cannot be continued, a blank line that
/// ends a continuation, `\r\n` after a continuation backslash, a trailing backslash at the end of
/// the file) only come out right when the same state machine runs. A differential test compares
/// the result with the real JDK on hand-written and generated files.
public enum PropertiesReader {
  /// The longest logical line read, in bytes; a longer one is skipped and reported, so a
  /// 10 MB line cannot cost seconds and hundreds of megabytes.
  public static let maxLineBytes = 1 << 20

  /// Parses `bytes`; never throws. Problems Java would throw on are recorded in `issues` and
  /// the offending text is kept literally.
  public static func read(
    path: String, bytes: [UInt8], maxLineBytes: Int = PropertiesReader.maxLineBytes
  ) -> PropertiesFile {
    var parser = Parser(path: path, bytes: bytes)
    parser.maxLineBytes = maxLineBytes
    parser.run()
    return PropertiesFile(
      path: path, bytes: bytes, lineIndex: parser.lineIndex, entries: parser.entries,
      comments: parser.comments, issues: parser.issues)
  }

  /// Parses UTF-8 text, for tests and examples.
  public static func read(path: String, text: String) -> PropertiesFile {
    read(path: path, bytes: Array(text.utf8))
  }
}

private let space: UInt8 = 0x20
private let tab: UInt8 = 0x09
private let formFeed: UInt8 = 0x0C
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D
private let backslash: UInt8 = 0x5C
private let equalsSign: UInt8 = 0x3D
private let colon: UInt8 = 0x3A
private let hash: UInt8 = 0x23
private let bang: UInt8 = 0x21

@inline(__always) private func isWhitespace(_ c: UInt8) -> Bool {
  c == space || c == tab || c == formFeed
}

private struct Parser {
  let path: String
  let bytes: [UInt8]
  let lineIndex: LineIndex
  var entries: [PropertyEntry] = []
  var comments: [PropertiesComment] = []
  var issues: [PropertiesIssue] = []

  // The logical line being assembled: its characters and the byte offset each came from.
  var line: [UInt8] = []
  var maxLineBytes = PropertiesReader.maxLineBytes
  var overflowed = false
  var origin: [Int] = []
  var position = 0
  // Where the logical line's first character was read, even if that character was a
  // continuation backslash that was dropped again: a line holding only `\` at the end of the
  // file is still an entry (empty key, empty value) for Java, and it needs a location.
  var logicalStart = 0

  /// The line index of the last position looked up. Lookups move forward through the file
  /// as it is read, so a few steps from there replace most binary searches (five per entry).
  /// A class, so that the non-mutating lookups can move it.
  final class LineCursor {
    var line = 0
  }
  let cursor = LineCursor()

  /// ``LineIndex/position(of:)``, starting from the cursor.
  func position(of offset: Int) -> (line: Int, column: Int) {
    let lines = lineIndex.lines
    var index = cursor.line
    guard index < lines.count, lines[index].start <= offset else {
      let found = lineIndex.position(of: offset)
      cursor.line = max(0, found.line - 1)
      return found
    }
    var steps = 0
    while index + 1 < lines.count && lines[index + 1].start <= offset {
      index += 1
      steps += 1
      if steps == 32 {
        // Far ahead (a long comment block): search the rest.
        let found = lineIndex.position(of: offset)
        cursor.line = found.line - 1
        return found
      }
    }
    cursor.line = index
    return (index + 1, offset - lines[index].start + 1)
  }

  init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    self.lineIndex = LineIndex(bytes: bytes)
  }

  mutating func run() {
    while let end = readLine() {
      if overflowed {
        // The line is not split into key and value: its entry is not modelled at all.
        issues.append(
          PropertiesIssue(
            kind: .lineTooLong(limit: maxLineBytes), location: location(of: logicalStart)))
        continue
      }
      split(logicalLineEnd: end)
    }
  }

  /// `LineReader.readLine`: assembles the next logical line into `line`/`origin`, returning the
  /// offset of the last byte consumed for it, or `nil` at the end of input.
  mutating func readLine() -> Int? {
    line.removeAll(keepingCapacity: true)
    origin.removeAll(keepingCapacity: true)
    overflowed = false
    var skipWhiteSpace = true
    var appendedLineBegin = false
    var precedingBackslash = false
    let n = bytes.count
    while true {
      if position >= n {
        if line.isEmpty { return nil }
        if precedingBackslash { dropContinuationBackslash(atEndOfInput: true) }
        return n
      }
      let c = bytes[position]
      position += 1
      if skipWhiteSpace {
        if isWhitespace(c) { continue }
        if !appendedLineBegin && (c == carriageReturn || c == lineFeed) { continue }
        skipWhiteSpace = false
        appendedLineBegin = false
      }
      if line.isEmpty && (c == hash || c == bang) {
        // A comment runs to the end of the physical line; a backslash cannot continue it.
        let start = position - 1
        var end = n
        while position < n {
          let b = bytes[position]
          position += 1
          if b == carriageReturn || b == lineFeed {
            end = position - 1
            break
          }
        }
        recordComment(from: start, to: end)
        if end == n { return nil }
        skipWhiteSpace = true
        continue
      }
      if c != lineFeed && c != carriageReturn {
        if line.isEmpty { logicalStart = position - 1 }
        // Past the limit only the backslash parity is tracked, which is all that decides where
        // the logical line ends; the stored part keeps `line` non-empty as Java's length would.
        if line.count < maxLineBytes {
          line.append(c)
          origin.append(position - 1)
        } else {
          overflowed = true
          precedingBackslash = (c == backslash) ? !precedingBackslash : false
          skipToLineEnd(&precedingBackslash)
          continue
        }
        precedingBackslash = (c == backslash) ? !precedingBackslash : false
        continue
      }
      // End of a physical line.
      if line.isEmpty {
        skipWhiteSpace = true
        continue
      }
      if position >= n {
        if precedingBackslash { dropContinuationBackslash(atEndOfInput: true) }
        return position - 1
      }
      guard precedingBackslash else { return position - 1 }
      dropContinuationBackslash(atEndOfInput: false)
      skipWhiteSpace = true
      appendedLineBegin = true
      precedingBackslash = false
      if c == carriageReturn && bytes[position] == lineFeed { position += 1 }
    }
  }

  /// Past the length limit: moves to the next line terminator (or the end of input) without
  /// storing anything, keeping the backslash parity that decides whether the line continues —
  /// which depends only on the run of backslashes just before the terminator. `memchr` finds
  /// the terminator, because even a plain byte loop costs seconds on a 10 MB line in a debug
  /// build.
  mutating func skipToLineEnd(_ precedingBackslash: inout Bool) {
    let start = position
    let n = bytes.count
    guard start < n else { return }
    let (end, run) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
      guard let base = buffer.baseAddress else { return (n, 0) }
      var end = n
      if let found = memchr(base + start, Int32(lineFeed), n - start) {
        end = start + (UnsafeRawPointer(found) - UnsafeRawPointer(base + start))
      }
      if end > start, let found = memchr(base + start, Int32(carriageReturn), end - start) {
        end = start + (UnsafeRawPointer(found) - UnsafeRawPointer(base + start))
      }
      var run = 0
      while end - run > start && buffer[end - run - 1] == backslash { run += 1 }
      return (end, run)
    }
    if run == end - start {
      // Only backslashes were skipped: they continue the parity the line had.
      if run % 2 == 1 { precedingBackslash.toggle() }
    } else {
      precedingBackslash = run % 2 == 1
    }
    position = end
  }

  mutating func dropContinuationBackslash(atEndOfInput: Bool) {
    guard let offset = origin.last else { return }
    if atEndOfInput {
      issues.append(
        PropertiesIssue(kind: .danglingContinuation, location: location(of: offset)))
    }
    line.removeLast()
    origin.removeLast()
  }

  mutating func recordComment(from start: Int, to end: Int) {
    let slice = bytes[start..<end]
    // ISO-8859-1: ASCII bytes are their own UTF-8; other bytes are code points U+0080–U+00FF.
    let text =
      UTF8Validation.firstNonASCIIOffset(bytes, in: start..<end) == nil
      ? String(decoding: slice, as: UTF8.self)
      : String(decoding: slice.map { UInt16($0) }, as: UTF16.self)
    comments.append(PropertiesComment(text: text, location: location(of: start)))
  }

  func location(of offset: Int) -> SourceLocation {
    let (l, c) = position(of: offset)
    return SourceLocation(file: path, line: l, column: c)
  }

  func range(from first: Int, through last: Int) -> SourceLocation {
    var loc = location(of: first)
    let (l, c) = position(of: last)
    loc.endLine = l
    loc.endColumn = c + 1
    return loc
  }

  /// `Properties.load0`: splits the logical line into key and value.
  mutating func split(logicalLineEnd: Int) {
    let limit = line.count
    var keyLength = 0
    var valueStart = limit
    var hasSeparator = false
    var separator = PropertiesSeparator.none
    var precedingBackslash = false
    while keyLength < limit {
      let c = line[keyLength]
      if (c == equalsSign || c == colon) && !precedingBackslash {
        valueStart = keyLength + 1
        hasSeparator = true
        separator = .character(Character(Unicode.Scalar(c)))
        break
      } else if isWhitespace(c) && !precedingBackslash {
        valueStart = keyLength + 1
        separator = .whitespace
        break
      }
      precedingBackslash = (c == backslash) ? !precedingBackslash : false
      keyLength += 1
    }
    while valueStart < limit {
      let c = line[valueStart]
      if !isWhitespace(c) {
        if !hasSeparator && (c == equalsSign || c == colon) {
          hasSeparator = true
          separator = .character(Character(Unicode.Scalar(c)))
        } else {
          break
        }
      }
      valueStart += 1
    }
    let key = convert(0, keyLength)
    let value = convert(valueStart, limit)

    // `line` is empty when the logical line was a lone continuation backslash at the end of the
    // file (`\` or `\` LF as the last line): Java still stores the entry "" = "".
    let first = origin.first ?? logicalStart
    let keyLocation =
      keyLength > 0
      ? range(from: origin[0], through: origin[keyLength - 1]) : location(of: first)
    let valueLocation: SourceLocation
    if valueStart < limit {
      valueLocation = range(from: origin[valueStart], through: origin[limit - 1])
    } else {
      valueLocation = location(of: (origin.last ?? first) + 1)
    }
    let firstLine = position(of: first).line
    let lastLine = max(firstLine, position(of: logicalLineEnd).line)
    let lineStart = lineIndex.lines.isEmpty ? 0 : lineIndex.lines[firstLine - 1].start
    entries.append(
      PropertyEntry(
        key: key.string, value: value.string, keyLocation: keyLocation,
        valueLocation: valueLocation, separator: separator, lines: firstLine...lastLine,
        isIndented: first > lineStart, exactKey: key.exact, exactValue: value.exact,
        valueSpans: value.spans, file: path, lineIndex: lineIndex))
  }

  struct Converted {
    var string: String
    var exact: [UInt16]?
    var spans: [SourceSpan]
  }

  /// `Properties.loadConvert`: processes escapes in `line[start..<end]`, recording where each
  /// resulting UTF-16 unit came from.
  mutating func convert(_ start: Int, _ end: Int) -> Converted {
    if let plain = convertPlain(start, end) { return plain }
    var units: [UInt16] = []
    units.reserveCapacity(end - start)
    var spans: [SourceSpan] = []
    var i = start
    func appendPlain(_ unit: UInt16, from offset: Int) {
      if var last = spans.last, !last.isEscape,
        last.byteOffset + last.count == offset, last.unitOffset + last.count == units.count
      {
        last.count += 1
        spans[spans.count - 1] = last
      } else {
        spans.append(
          SourceSpan(
            unitOffset: units.count, byteOffset: offset, count: 1, isEscape: false, width: 1))
      }
      units.append(unit)
    }
    while i < end {
      let c = line[i]
      guard c == backslash, i + 1 < end else {
        appendPlain(UInt16(c), from: origin[i])
        i += 1
        continue
      }
      let escapeOffset = origin[i]
      let next = line[i + 1]
      if next == UInt8(ascii: "u") {
        var value: UInt16 = 0
        var valid = i + 2 + 4 <= end
        if valid {
          for k in 0..<4 {
            guard let digit = hexValue(line[i + 2 + k]) else {
              valid = false
              break
            }
            value = value << 4 | UInt16(digit)
          }
        }
        if !valid {
          let shown = line[i..<min(end, i + 6)].map { Character(Unicode.Scalar($0)) }
          issues.append(
            PropertiesIssue(
              kind: .malformedUnicodeEscape(text: String(shown)),
              location: location(of: escapeOffset)))
          // Java stops loading here; keep the text literally so later rules still see a value.
          appendPlain(UInt16(c), from: origin[i])
          i += 1
          continue
        }
        spans.append(
          SourceSpan(
            unitOffset: units.count, byteOffset: escapeOffset, count: 1, isEscape: true,
            width: origin[i + 5] - escapeOffset + 1))
        units.append(value)
        i += 6
        continue
      }
      let unit: UInt16
      switch next {
      case UInt8(ascii: "t"): unit = 0x09
      case UInt8(ascii: "r"): unit = 0x0D
      case UInt8(ascii: "n"): unit = 0x0A
      case UInt8(ascii: "f"): unit = 0x0C
      default: unit = UInt16(next)
      }
      spans.append(
        SourceSpan(
          unitOffset: units.count, byteOffset: escapeOffset, count: 1, isEscape: true,
          width: origin[i + 1] - escapeOffset + 1))
      units.append(unit)
      i += 2
    }
    if units.allSatisfy({ $0 < 0x80 }) {
      // ASCII, nearly every key and value: one byte per unit, and nothing a String cannot hold.
      let string = String(unsafeUninitializedCapacity: units.count) { buffer in
        for (index, unit) in units.enumerated() { buffer[index] = UInt8(truncatingIfNeeded: unit) }
        return units.count
      }
      return Converted(string: string, exact: nil, spans: spans)
    }
    let string = String(decoding: units, as: UTF16.self)
    let exact = string.utf16.elementsEqual(units) ? nil : units
    return Converted(string: string, exact: exact, spans: spans)
  }
}

extension Parser {
  /// The common case of ``convert(_:_:)`` without its per-byte work: ASCII text without a
  /// backslash, read from one physical line. Its UTF-16 units are its bytes and it is one plain
  /// span, exactly what the general loop produces. `nil` sends anything else to that loop.
  /// The byte loop was most of the time of a 100,000-line file (ten times more in a debug build).
  func convertPlain(_ start: Int, _ end: Int) -> Converted? {
    let count = end - start
    guard count > 0 else { return Converted(string: "", exact: nil, spans: []) }
    // `origin` only grows, so equal distances mean no continuation joined two lines here.
    guard origin[end - 1] - origin[start] == count - 1 else { return nil }
    guard UTF8Validation.firstNonASCIIOffset(line, in: start..<end) == nil else { return nil }
    let string: String? = line.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, memchr(base + start, Int32(backslash), count) == nil
      else { return nil }
      return String(decoding: UnsafeBufferPointer(start: base + start, count: count), as: UTF8.self)
    }
    guard let string else { return nil }
    return Converted(
      string: string, exact: nil,
      spans: [
        SourceSpan(
          unitOffset: 0, byteOffset: origin[start], count: count, isEscape: false, width: 1)
      ])
  }
}

@inline(__always) private func hexValue(_ c: UInt8) -> UInt8? {
  switch c {
  case 0x30...0x39: c - 0x30
  case 0x41...0x46: c - 0x41 + 10
  case 0x61...0x66: c - 0x61 + 10
  default: nil
  }
}
