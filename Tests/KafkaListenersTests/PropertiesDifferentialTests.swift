import Foundation
import Testing

@testable import KafkaListeners

/// `PropertiesReader` claims to read exactly what `java.util.Properties.load(InputStream)` reads,
/// so the only convincing test is to ask Java. The differential test loads the hand-written
/// fixtures in `Fixtures/properties/`, 1,200 seeded random files and 400 lines written by
/// `PropertiesWriter` with the real `java` (one JVM for all files, through
/// `Tests/Java/PropertiesDump.java`) and requires the same result, file by file.
///
/// Without `java` on the PATH the differential test is skipped (visibly), unless
/// `KAFKA_LISTENERS_REQUIRE_JAVA=1` says that a missing JVM is a failure, as CI should.
@Suite struct PropertiesDifferentialTests {
  // MARK: - Differential test against java.util.Properties

  @Test(
    "Reader agrees with java.util.Properties on fixtures, random files and written lines",
    .enabled(
      if: JavaRuntime.path != nil || JavaRuntime.isRequired,
      """
      java not found on PATH: differential test against java.util.Properties skipped \
      (set KAFKA_LISTENERS_REQUIRE_JAVA=1 to make this a failure)
      """))
  func agreesWithJava() throws {
    let java = try #require(
      JavaRuntime.path,
      "KAFKA_LISTENERS_REQUIRE_JAVA=1, but no executable `java` was found on PATH")

    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("kafka-listeners-properties-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }

    // Every case as (relative name, bytes, what Java must print when it is known in advance).
    var cases: [(name: String, bytes: [UInt8], expected: [String]?)] = []
    for fixture in try Self.fixtureNames() {
      let bytes = try Self.fixtureBytes(fixture)
      cases.append(("fixtures/\(fixture)", bytes, nil))
    }
    let fixtureCount = cases.count
    #expect(fixtureCount >= 30, "expected at least 30 fixtures in Fixtures/properties")

    var random = SplitMix64(seed: 0x4B41_464B_4150_524F)
    for index in 0..<1_200 {
      cases.append((Self.name("random", index), RandomProperties.file(&random), nil))
    }
    // Lines from `PropertiesWriter`, ten to a file: Java must read back exactly what was written.
    var writerRandom = SplitMix64(seed: 0x5752_4954_4552_4A56)
    for index in 0..<40 {
      var text = ""
      var pairs: [(key: [UInt16], value: [UInt16])] = []
      for _ in 0..<10 {
        let key = RandomProperties.writerString(&writerRandom)
        let value = RandomProperties.writerString(&writerRandom)
        text += PropertiesWriter.line(key: key, value: value) + "\n"
        pairs.append((Array(key.utf16), Array(value.utf16)))
      }
      cases.append((Self.name("writer", index), Array(text.utf8), Canonical.lines(pairs)))
    }

    for item in cases {
      let url = directory.appendingPathComponent(item.name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(item.bytes).write(to: url)
    }

    let output = try JavaRuntime.dump(java: java, files: cases.map(\.name), in: directory)
    let javaResults = try Canonical.parse(javaOutput: output, expectedFiles: cases.map(\.name))

    var mismatches: [String] = []
    var equal = 0
    for item in cases {
      let ours = Canonical.lines(PropertiesReader.read(path: item.name, bytes: item.bytes))
      let theirs = javaResults[item.name] ?? ["<missing from java output>"]
      var problems: [String] = []
      if ours != theirs { problems.append("PropertiesReader and java.util.Properties differ") }
      if let expected = item.expected, expected != theirs {
        problems.append("java.util.Properties does not read back what PropertiesWriter wrote")
      }
      if problems.isEmpty {
        equal += 1
      } else if mismatches.count < 5 {
        mismatches.append(
          Self.report(
            name: item.name, bytes: item.bytes, problems: problems, ours: ours, java: theirs,
            expected: item.expected))
      } else if mismatches.count < 25 {
        mismatches.append("\(item.name): \(problems.joined(separator: "; "))")
      } else if mismatches.count == 25 {
        mismatches.append("… (further differing files not listed)")
      }
    }

    print(
      "properties differential: compared \(cases.count) files with java.util.Properties"
        + " (\(fixtureCount) fixtures), \(equal) equal")
    #expect(
      equal == cases.count,
      """
      \(cases.count - equal) of \(cases.count) files differ from java.util.Properties:

      \(mismatches.joined(separator: "\n\n"))
      """)
  }

  // MARK: - Writer round trip

  @Test("PropertiesWriter lines read back to exactly the key and value written")
  func writerRoundTrip() {
    var random = SplitMix64(seed: 0x524F_554E_4454_5250)
    var failures: [String] = []
    var pairs: [(String, String)] = [
      ("", ""), (" ", " "), ("#", "#"), ("!", "!"), ("a b", " b "), ("=", "="), (":", ":"),
      ("\\", "\\"), ("\r\n", "\r\n"), ("\t", "\t"), ("\u{0C}", "\u{0C}"), ("é", "😀"),
      ("listeners", "PLAINTEXT://:9092,SSL://:9093"), ("k", "\\u0041"), ("x", "a\\"),
    ]
    for _ in 0..<5_000 {
      pairs.append(
        (RandomProperties.writerString(&random), RandomProperties.writerString(&random)))
    }
    for (key, value) in pairs {
      let line = PropertiesWriter.line(key: key, value: value)
      // Printable ASCII only, so the line means the same in ISO-8859-1 and in UTF-8.
      let isPrintableASCII = line.utf8.allSatisfy { (0x20...0x7E).contains($0) }
      let file = PropertiesReader.read(path: "written.properties", text: line + "\n")
      let entry = file.entries.first
      let ok =
        isPrintableASCII && file.issues.isEmpty && file.entries.count == 1
        && entry?.keyUTF16 == Array(key.utf16) && entry?.valueUTF16 == Array(value.utf16)
      if !ok && failures.count < 10 {
        failures.append(
          "key \(key.debugDescription) value \(value.debugDescription) -> "
            + "\(line.debugDescription) -> "
            + file.entries.map { "\($0.key.debugDescription)=\($0.value.debugDescription)" }
            .joined(separator: ", "))
      }
    }
    if !failures.isEmpty {
      Issue.record(
        "PropertiesWriter lines that do not read back:\n\(failures.joined(separator: "\n"))")
    }
  }

  @Test("PropertiesWriter escapes only what it must")
  func writerEscapesMinimally() {
    #expect(
      PropertiesWriter.line(key: "listeners", value: "PLAINTEXT://:9092")
        == "listeners=PLAINTEXT://:9092")
    #expect(PropertiesWriter.escapeKey("a#b!c") == "a#b!c")
    #expect(PropertiesWriter.escapeKey("#a") == "\\#a")
    #expect(PropertiesWriter.escapeKey("!a") == "\\!a")
    #expect(PropertiesWriter.escapeKey("a b:c=d") == "a\\ b\\:c\\=d")
    #expect(PropertiesWriter.escapeValue(" a b ") == "\\ a b ")
    #expect(PropertiesWriter.escapeValue("C:\\kafka") == "C:\\\\kafka")
    #expect(PropertiesWriter.escapeValue("é😀") == "\\u00E9\\uD83D\\uDE00")
  }

  // MARK: - Cases found by the differential test

  @Test("A lone continuation backslash on the last line is an empty entry, as in Java")
  func loneBackslashAtEndOfFile() {
    // (text, line of the backslash that becomes the empty entry)
    for (text, line) in [("a=b\n\\", 2), ("a=b\n\\\n", 2), ("a=b\n\\\n\\", 3)] {
      let file = PropertiesReader.read(path: "t.properties", text: text)
      #expect(file.entries.map(\.key) == ["a", ""], "\(text.debugDescription)")
      #expect(file[""] == "", "\(text.debugDescription)")
      #expect(file.issues.contains { $0.kind == .danglingContinuation })
      #expect(file.entries.last?.keyLocation.line == line, "\(text.debugDescription)")
    }
    // A lone backslash followed by more text is an ordinary continuation.
    let continued = PropertiesReader.read(path: "t.properties", text: "\\\n   e=f\n")
    #expect(continued.entries.map(\.key) == ["e"])
    #expect(continued.entries.first?.keyLocation.line == 2)
    #expect(continued.entries.first?.keyLocation.column == 4)
  }

  @Test("Keys are told apart by UTF-16 code units, as Java's Hashtable does")
  func keysCompareByCodeUnits() {
    let text = "\\u00e9=precomposed\ne\\u0301=decomposed\n\\uD800=one\n\\uD801=two\n"
    let file = PropertiesReader.read(path: "t.properties", text: text)
    #expect(file.effectiveEntries.count == 4)
    #expect(file["\u{E9}"] == "precomposed")
    #expect(file["e\u{301}"] == "decomposed")
    #expect(file.effectiveEntries.map(\.keyUTF16) == [[0xE9], [0x65, 0x301], [0xD800], [0xD801]])
  }

  // MARK: - Locations

  @Test("Locations follow continuations, escapes and line terminators")
  func locations() throws {
    let text = "# comment\n  listeners = PLAINTEXT://:9092,\\\n     SSL://:9093\nk\\:x=\\u0041b\n"
    let file = PropertiesReader.read(path: "s.properties", text: text)
    #expect(file.entries.count == 2)
    let listeners = try #require(file.entry("listeners"))
    #expect(listeners.value == "PLAINTEXT://:9092,SSL://:9093")
    #expect(listeners.lines == 2...3)
    #expect(listeners.isIndented)
    #expect(listeners.keyLocation.line == 2)
    #expect(listeners.keyLocation.column == 3)
    #expect(listeners.keyLocation.endColumn == 12)
    #expect(listeners.valueLocation.line == 2)
    #expect(listeners.valueLocation.column == 15)
    #expect(listeners.valueLocation.endLine == 3)
    #expect(listeners.valueLocation.endColumn == 17)
    // "S" of SSL is value offset 18: the second physical line, after five spaces.
    let ssl = listeners.location(ofValueOffset: 18)
    #expect((ssl.line, ssl.column) == (3, 6))
    // The comma just before the continuation stays on the first line.
    let comma = listeners.location(ofValueOffset: 17)
    #expect((comma.line, comma.column) == (2, 32))
    let range = listeners.location(ofValueRange: 18, 29)
    #expect((range.line, range.column, range.endLine, range.endColumn) == (3, 6, 3, 17))

    let escaped = try #require(file.entry("k:x"))
    #expect(escaped.value == "Ab")
    #expect((escaped.keyLocation.line, escaped.keyLocation.column) == (4, 1))
    #expect(escaped.keyLocation.endColumn == 5)
    // "A" came from the six-byte escape at column 6; "b" follows it at column 12.
    let a = escaped.location(ofValueOffset: 0)
    #expect((a.line, a.column) == (4, 6))
    let b = escaped.location(ofValueOffset: 1)
    #expect((b.line, b.column) == (4, 12))
    let escapeRange = escaped.location(ofValueRange: 0, 1)
    #expect(escapeRange.endColumn == 12)
  }

  @Test("Locations after CR LF and CR-only continuations")
  func locationsWithCarriageReturns() throws {
    for terminator in ["\r\n", "\r"] {
      let text = "a=x\\\(terminator)  yz\(terminator)b=1\(terminator)"
      let file = PropertiesReader.read(path: "c.properties", text: text)
      let a = try #require(file.entry("a"))
      #expect(a.value == "xyz")
      #expect(a.lines == 1...2)
      let y = a.location(ofValueOffset: 1)
      #expect((y.line, y.column) == (2, 3), "\(terminator.debugDescription)")
      let b = try #require(file.entry("b"))
      #expect((b.keyLocation.line, b.keyLocation.column) == (3, 1))
      #expect(b.lines == 3...3)
    }
  }

  @Test("An escape split by a continuation points at its backslash")
  func escapeAcrossContinuation() throws {
    let file = PropertiesReader.read(path: "e.properties", text: "a=caf\\u00\\\n    e9!\n")
    let a = try #require(file.entry("a"))
    #expect(a.value == "café!")
    let e = a.location(ofValueOffset: 3)
    #expect((e.line, e.column) == (1, 6))
    let bang = a.location(ofValueOffset: 4)
    #expect((bang.line, bang.column) == (2, 7))
  }

  // MARK: - Helpers

  private static func fixtureNames() throws -> [String] {
    let directory = propertiesTestRoot.appendingPathComponent("Fixtures/properties")
    return try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".properties") }.sorted()
  }

  private static func fixtureBytes(_ name: String) throws -> [UInt8] {
    let url = propertiesTestRoot.appendingPathComponent("Fixtures/properties/\(name)")
    return Array(try Data(contentsOf: url))
  }

  private static func name(_ kind: String, _ index: Int) -> String {
    let number = String(index)
    return "\(kind)/\(kind)-\(String(repeating: "0", count: max(0, 4 - number.count)))\(number)"
      + ".properties"
  }

  private static func report(
    name: String, bytes: [UInt8], problems: [String], ours: [String], java: [String],
    expected: [String]?
  ) -> String {
    func show(_ lines: [String]) -> String {
      let shown = lines.prefix(40).map { "    " + Canonical.readable($0) }
      let more = lines.count > 40 ? ["    … \(lines.count - 40) more lines"] : []
      return (shown + more).joined(separator: "\n")
    }
    var text = """
      \(name): \(problems.joined(separator: "; "))
        bytes (\(bytes.count)): \(Canonical.escape(bytes))
        PropertiesReader:
      \(show(ours))
        java.util.Properties:
      \(show(java))
      """
    if let expected { text += "\n  written:\n\(show(expected))" }
    return text
  }
}

// MARK: - Running Java

/// The package root: this file is `Tests/KafkaListenersTests/<name>.swift`.
private let propertiesTestRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private enum JavaRuntime {
  /// The first executable `java` on PATH.
  static let path: String? = {
    let search = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for directory in search.split(separator: ":") where !directory.isEmpty {
      let candidate = String(directory) + "/java"
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
        !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    return nil
  }()

  /// Whether a missing `java` fails the test instead of skipping it.
  static let isRequired = ProcessInfo.processInfo.environment["KAFKA_LISTENERS_REQUIRE_JAVA"] == "1"

  /// Runs `PropertiesDump.java` over `files` (paths relative to `directory`) in one JVM.
  static func dump(java: String, files: [String], in directory: URL) throws -> String {
    let source = propertiesTestRoot.appendingPathComponent("Tests/Java/PropertiesDump.java")
    // Output goes to files rather than pipes, so a large dump can never block the JVM on a full
    // pipe while this process waits for it to exit.
    let stdoutURL = directory.appendingPathComponent("java-stdout.txt")
    let stderrURL = directory.appendingPathComponent("java-stderr.txt")
    _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
    let stdout = try FileHandle(forWritingTo: stdoutURL)
    let stderr = try FileHandle(forWritingTo: stderrURL)
    defer {
      try? stdout.close()
      try? stderr.close()
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: java)
    // The run is short: C1 alone starts faster, and the class data archive saves class loading.
    process.arguments = ["-Xshare:auto", "-XX:TieredStopAtLevel=1", source.path] + files
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    process.waitUntilExit()
    let output = String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self)
    let errors = String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw JavaFailure(
        description: "java exited with status \(process.terminationStatus):\n\(errors)")
    }
    return output
  }

  struct JavaFailure: Error, CustomStringConvertible {
    var description: String
  }
}

// MARK: - Canonical form

/// The text form `PropertiesDump.java` prints: `KEY <hex> VALUE <hex>` per key, sorted by UTF-16
/// code units, or a single `ERROR` line.
private enum Canonical {
  static let malformedEscape =
    "ERROR java.lang.IllegalArgumentException: Malformed \\uxxxx encoding."

  static func lines(_ file: PropertiesFile) -> [String] {
    // Java throws at the first malformed escape and the whole load fails.
    let failed = file.issues.contains {
      if case .malformedUnicodeEscape = $0.kind { return true }
      return false
    }
    if failed { return [malformedEscape] }
    return lines(file.effectiveEntries.map { ($0.keyUTF16, $0.valueUTF16) })
  }

  /// Last wins for equal keys, then sorted as `String.compareTo` sorts.
  static func lines(_ pairs: [(key: [UInt16], value: [UInt16])]) -> [String] {
    var map: [[UInt16]: [UInt16]] = [:]
    for pair in pairs { map[pair.key] = pair.value }
    return map.keys.sorted { $0.lexicographicallyPrecedes($1) }
      .map { "KEY \(hex($0)) VALUE \(hex(map[$0]!))" }
  }

  static func hex(_ units: [UInt16]) -> String {
    if units.isEmpty { return "-" }
    return units.map { unit in
      let digits = String(unit, radix: 16)
      return String(repeating: "0", count: 4 - digits.count) + digits
    }.joined(separator: " ")
  }

  /// Splits the dump into one list of lines per file and checks that every file is there.
  static func parse(javaOutput: String, expectedFiles: [String]) throws -> [String: [String]] {
    var results: [String: [String]] = [:]
    var current: String?
    var sawEnd = false
    for line in javaOutput.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("FILE ") {
        let name = String(line.dropFirst(5))
        results[name] = []
        current = name
      } else if line.hasPrefix("END ") {
        sawEnd = Int(line.dropFirst(4)) == expectedFiles.count
        current = nil
      } else if let name = current, !line.isEmpty {
        results[name, default: []].append(String(line))
      }
    }
    guard sawEnd, results.count == expectedFiles.count else {
      throw JavaRuntime.JavaFailure(
        description: "incomplete java output (\(results.count) of \(expectedFiles.count) files)")
    }
    return results
  }

  /// A canonical line with the hex decoded, for failure messages.
  static func readable(_ line: String) -> String {
    guard line.hasPrefix("KEY "), let split = line.range(of: " VALUE ") else { return line }
    func decode(_ hex: Substring) -> String {
      if hex == "-" { return "\"\"" }
      let units = hex.split(separator: " ").compactMap { UInt16($0, radix: 16) }
      let string = String(decoding: units, as: UTF16.self)
      // Unpaired surrogates decode to U+FFFD; then only the code units tell values apart.
      if string.utf16.elementsEqual(units) { return string.debugDescription }
      return string.debugDescription + " [\(hex)]"
    }
    let key = line[line.index(line.startIndex, offsetBy: 4)..<split.lowerBound]
    let value = line[split.upperBound...]
    return "\(decode(key)) = \(decode(value))"
  }

  /// Bytes as an ASCII string: printable ASCII kept, everything else `\xNN` (and `\\`).
  static func escape(_ bytes: [UInt8]) -> String {
    var out = ""
    for byte in bytes.prefix(2_000) {
      switch byte {
      case 0x5C: out += "\\\\"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x09: out += "\\t"
      case 0x20...0x7E: out.append(Character(Unicode.Scalar(byte)))
      default:
        let digits = String(byte, radix: 16)
        out += "\\x" + (digits.count == 1 ? "0" : "") + digits
      }
    }
    if bytes.count > 2_000 { out += "… (\(bytes.count - 2_000) more bytes)" }
    return "\"\(out)\""
  }
}

/// Random `.properties` bytes biased towards the constructs where readers go wrong.
private enum RandomProperties {
  static let whitespace: [UInt8] = [0x20, 0x09, 0x0C]
  static let letters = Array("abkvx.-_0129".utf8)
  // Interesting code units for `\uXXXX`: separators, whitespace, surrogates, extremes.
  static let escapedUnits = [
    "0041", "0061", "003d", "003A", "0020", "0009", "000a", "0000", "005C", "0023", "00e9",
    "00FF", "20ac", "FEFF", "ffff", "d83d", "DE00", "D800", "dbff", "DC00", "dfff",
  ]
  static let malformedEscapes = ["\\u", "\\u1", "\\u12", "\\u123", "\\u12G4", "\\uZZZZ", "\\u 12"]

  static func file(_ random: inout SplitMix64) -> [UInt8] {
    // Most files are small; a few are long enough to cross Java's 8,192-byte read buffer.
    let lineCount = random.chance(1, in: 40) ? 1_200 + random.below(1_200) : 1 + random.below(12)
    // A malformed escape fails the whole file, so keep them to a minority of files.
    let malformed = random.chance(1, in: 6)
    let highBytes = random.chance(1, in: 4)
    var out: [UInt8] = []
    for index in 0..<lineCount {
      line(&random, into: &out, malformed: malformed, highBytes: highBytes)
      let isLast = index == lineCount - 1
      if isLast && random.chance(1, in: 3) { break }  // no terminator at the end of the file
      switch random.below(10) {
      case 0..<6: out.append(0x0A)
      case 6..<8: out += [0x0D, 0x0A]
      default: out.append(0x0D)
      }
    }
    return out
  }

  static func line(
    _ random: inout SplitMix64, into out: inout [UInt8], malformed: Bool, highBytes: Bool
  ) {
    if random.chance(1, in: 3) { spaces(&random, into: &out) }
    switch random.below(20) {
    case 0, 1: return  // blank (or whitespace-only) line
    case 2, 3:
      out.append(random.chance(1, in: 2) ? 0x23 : 0x21)  // comment
    default: break
    }
    for _ in 0..<random.below(9) {
      token(&random, into: &out, malformed: malformed, highBytes: highBytes)
    }
    // A continuation (or an even run that is not one) at the end of the line.
    if random.chance(1, in: 3) { out += Array(repeating: 0x5C, count: 1 + random.below(4)) }
  }

  static func token(
    _ random: inout SplitMix64, into out: inout [UInt8], malformed: Bool, highBytes: Bool
  ) {
    switch random.below(40) {
    case 0..<8: out += Array(repeating: 0x5C, count: 1 + random.below(4))
    case 8..<12: out.append(0x3D)
    case 12..<15: out.append(0x3A)
    case 15..<21: spaces(&random, into: &out)
    case 21..<28:
      for _ in 0...random.below(4) { out.append(random.pick(letters)) }
    case 28..<31: out += Array(("\\u" + random.pick(escapedUnits)).utf8)
    case 31..<33: out.append(random.chance(1, in: 2) ? 0x23 : 0x21)
    case 33..<35: out += [0x5C, random.pick(Array("tnrfbz u#!=:".utf8))]
    case 35:
      if malformed { out += Array(random.pick(malformedEscapes).utf8) }
    case 36:
      // `u` and hex digits that a preceding backslash run may turn into an escape.
      if malformed { out += Array("u0\(random.pick(["", "4", "41", "041"]))".utf8) }
    case 37, 38:
      if highBytes { out.append(UInt8(0x80 + random.below(0x80))) }
    default:
      if random.chance(1, in: 4) { out.append(0x00) }
    }
  }

  static func spaces(_ random: inout SplitMix64, into out: inout [UInt8]) {
    for _ in 0...random.below(3) { out.append(random.pick(whitespace)) }
  }

  static let writerPieces: [String] = [
    " ", "  ", "\t", "\u{0C}", "\r", "\n", "\r\n", "#", "!", "=", ":", "\\", "\\\\", "\\u0041",
    "\\u12", "u", "a", "b", "key", "x.y", "PLAINTEXT://:9092", "é", "€", "😀", "\u{0}", "\u{7F}",
    "\u{85}", "\u{A0}", "\u{FEFF}", "\u{2028}", "e\u{301}", "ÿ", "\u{10FFFF}",
  ]

  /// A string for `PropertiesWriter`, often empty or starting with a character that needs care.
  static func writerString(_ random: inout SplitMix64) -> String {
    if random.chance(1, in: 10) { return "" }
    var text = ""
    if random.chance(1, in: 4) { text += random.pick([" ", "#", "!", "=", ":", "\t", "\\"]) }
    for _ in 0..<random.below(6) { text += random.pick(writerPieces) }
    if random.chance(1, in: 4) { text += random.pick([" ", "  ", "\\", "\t"]) }
    return text
  }
}
