import Testing

@testable import KafkaListeners

/// The word-at-a-time and `memchr` scans that replace generic byte loops must answer what the
/// plain loops answer, at every alignment and length, including the tail after the last word.
@Suite struct ByteScanTests {
  /// `fixed`, then `count` texts of random `pieces` joined, as many pieces as a number drawn
  /// from `lengths`: the inputs on which a fast check is held to its plain version.
  static func texts(
    _ fixed: [String], pieces: [String], lengths: Range<Int>, count: Int, seed: UInt64
  ) -> [String] {
    var random = SplitMix64(seed: seed)
    return fixed + (0..<count).map { _ in random.picks(pieces, count: lengths).joined() }
  }

  @Test func scansAgreeWithPlainLoops() {
    var random = SplitMix64(seed: 42)
    let alphabet: [UInt8] = Array("ab*:.\u{0}".utf8) + [0x7F, 0x80, 0xC3, 0xA9, 0xFF]
    for _ in 0..<3_000 {
      let count = random.below(40)
      let bytes = (0..<count).map { _ in
        // Mostly ASCII letters, as real input is, with a rare other byte.
        random.chance(1, in: 6) ? random.pick(alphabet) : UInt8(ascii: "k")
      }
      let lower = random.below(count + 1)
      let upper = lower + random.below(count - lower + 1)
      let expected = bytes[lower..<upper].firstIndex { $0 >= 0x80 }.map { $0 - lower }
      #expect(UTF8Validation.firstNonASCIIOffset(bytes, in: lower..<upper) == expected)
      #expect(bytes.firstOffset(ofByte: 0x2A) == bytes.firstIndex(of: 0x2A))

      // Strings are valid UTF-8: keep the ASCII bytes and add whole characters.
      let text = String(decoding: bytes.filter { $0 < 0x80 }, as: UTF8.self)
        + (random.chance(1, in: 4) ? "é" : "")
      #expect(
        UTF8Validation.isASCII(text, excluding: UInt8(ascii: "*"))
          == text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "*") })
      #expect(text.containsByte(UInt8(ascii: ":")) == text.utf8.contains(UInt8(ascii: ":")))
    }
  }

  /// The copy-free lower-casing gives what `lowercased()` gives, on ASCII, upper-case letters
  /// anywhere, and non-ASCII text whose lower case differs (`İ`, `Σ`) or does not (`ß`).
  @Test func lowercasedIfNeededAgreesWithLowercased() {
    let pieces = ["kafka", "-0", ".svc", "Kafka", "EXAMPLE", "İ", "Σ", "ß", "é", "Z", "a", "@", "[", "`", "{"]
    let texts = Self.texts(
      ["", "localhost", "LOCALHOST.", "kafka-0.kafka-brokers.ns.svc"], pieces: pieces,
      lengths: 0..<6, count: 2_000, seed: 11)
    for text in texts {
      #expect(text.lowercasedIfNeeded == text.lowercased(), "\(text)")
    }
  }

  /// The byte check that passes legal ASCII host names gives the label-by-label answer on
  /// names built from the pieces that decide it: empty, 63- and 64-byte labels, hyphens at
  /// either end, underscores, `*`, upper case, non-ASCII letters and trailing dots.
  @Test func sniByteCheckAgreesWithLabelCheck() {
    let long = String(repeating: "a", count: 63)
    let pieces = [
      "kafka", "-", ".", "0", "Z", "_", "*", "é", "..", long, long + "b", "-x", "x-", "svc", " ",
    ]
    let hosts = Self.texts(
      ["", ".", "a", "a.", "-", "a-b.c", long, long + "b", "b0.kafka.example.com"],
      pieces: pieces, lengths: 1..<7, count: 5_000, seed: 7)
    var legal = 0
    for host in hosts {
      let expected = JavaHostnameChecker.sniProblemByLabel(host)
      #expect(JavaHostnameChecker.sniProblem(host) == expected, "\(host)")
      if expected == nil { legal += 1 }
    }
    // Both answers occur often enough for the comparison to mean something.
    #expect(legal > 500 && legal < hosts.count - 500)
  }

  /// The byte check that turns most strings away from the float test gives the scalar-by-
  /// scalar answer, on texts built from digits, dots, exponents, signs, `inf`/`nan` and words.
  @Test func floatByteCheckAgreesWithScalarCheck() {
    let pieces = ["1", "0", ".", "e", "E", "+", "-", "inf", "NaN", "x", "é", "5e", "kafka", ".5"]
    let texts = Self.texts(
      [".inf", "-.Inf", "+.nan", "1e3", "4.0", "9092", "1.2.3", "1e", "h1.example.com"],
      pieces: pieces, lengths: 1..<6, count: 5_000, seed: 5)
    var floats = 0
    for text in texts {
      let expected = StrimziKafka.looksLikeFloatByScalars(text)
      #expect(StrimziKafka.looksLikeFloat(text) == expected, "\(text)")
      if expected { floats += 1 }
    }
    #expect(floats > 100 && floats < texts.count - 100)
  }
}
