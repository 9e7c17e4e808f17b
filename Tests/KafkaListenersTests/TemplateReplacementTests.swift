import Testing

@testable import KafkaListeners

/// `replacingAll(substring:with:)`, the byte-level replacement behind host templates and
/// image variable names.
@Suite struct TemplateReplacementTests {
  @Test func replacesEveryOccurrenceLeftToRight() {
    #expect(
      "kafka-{nodeId}.example.com".replacingAll(substring: "{nodeId}", with: "12")
        == "kafka-12.example.com")
    #expect("{nodeId}{nodeId}".replacingAll(substring: "{nodeId}", with: "3") == "33")
    #expect("a....b".replacingAll(substring: "...", with: "-") == "a-.b")
    #expect(
      "broker-é-{nodeId}-😀".replacingAll(substring: "{nodeId}", with: "ü") == "broker-é-ü-😀")
    #expect("no placeholder".replacingAll(substring: "{nodeId}", with: "1") == "no placeholder")
    #expect("abc".replacingAll(substring: "", with: "x") == "abc")
    #expect("{node".replacingAll(substring: "{nodeId}", with: "1") == "{node")
  }

  /// On ASCII text, characters are bytes: the answer is the standard library's.
  @Test func agreesWithTheStandardLibraryOnGeneratedText() {
    var random = SplitMix64(seed: 3)
    let pieces = ["_", "__", "___", ".", "..", "a", "{nodeId}", "{node", "Id}", "-"]
    for _ in 0..<2_000 {
      let text = random.picks(pieces, count: 0..<10).joined()
      let needle = random.pick(["__", "___", "..", "...", "{nodeId}"])
      #expect(
        text.replacingAll(substring: needle, with: "<r>") == text.replacing(needle, with: "<r>"),
        "\(text) \(needle)")
    }
  }
}
