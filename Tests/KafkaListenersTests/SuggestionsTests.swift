import Testing

@testable import KafkaListeners

/// "Did you mean": the length and letter-count shortcuts must never change the answer.
@Suite struct SuggestionsTests {
  /// The answer without shortcuts: the edit distance to every candidate.
  static func bruteForce(_ word: String, _ candidates: [String]) -> (String, Int)? {
    var best: (String, Int)?
    for candidate in candidates {
      let limit = candidate.count >= 12 ? 2 : 1
      let distance = Suggestions.editDistance(
        word.lowercased(), candidate.lowercased(), limit: limit)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best
  }

  @Test func typosOfListenerKeysAreFound() {
    let keys = MisspelledConfigKey.knownKeys
    #expect(Suggestions.closest(to: "advertised.listener", in: keys)?.match == "advertised.listeners")
    #expect(Suggestions.closest(to: "Process.Roles", in: keys)?.distance == 0)
    #expect(Suggestions.closest(to: "inter.borker.listener.name", in: keys)?.distance == 1)
    #expect(Suggestions.closest(to: "custom.topic.retention.8", in: keys) == nil)
  }

  /// 20,000 words made from the listener keys by up to three random edits (so that some are
  /// within the limits and some just outside), plus unrelated words: the answer is the brute
  /// force's.
  @Test func shortcutsGiveTheBruteForceAnswer() {
    let keys = MisspelledConfigKey.knownKeys + ["nodeId", "nodePodName", "Ünïcode.Kéy"]
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEZ._-0123456789é")
    var random = SplitMix64(seed: 7)
    var matched = 0
    for _ in 0..<20_000 {
      var word = Array(random.pick(keys))
      for _ in 0..<random.below(4) {
        let position = random.below(word.count + 1)
        switch random.below(4) {
        case 0: word.insert(random.pick(alphabet), at: position)
        case 1 where position < word.count: word.remove(at: position)
        case 2 where position < word.count: word[position] = random.pick(alphabet)
        default:
          if position + 1 < word.count { word.swapAt(position, position + 1) }
        }
      }
      let text = String(word)
      let fast = Suggestions.closest(to: text, in: keys)
      let slow = Self.bruteForce(text, keys)
      #expect(fast?.match == slow?.0 && fast?.distance == slow?.1, "\(text)")
      if fast != nil { matched += 1 }
    }
    // Both outcomes must be common for the comparison to mean something.
    #expect(matched > 5_000 && matched < 19_000)
  }
}
