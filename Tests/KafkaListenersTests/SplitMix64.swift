/// SplitMix64: tiny, fast and fully specified, so the same seed gives the same files on every
/// platform and Swift version (unlike the standard library's unspecified `random(in:using:)`).
struct SplitMix64 {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (the modulo bias is irrelevant here).
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// True `n` times in `d`.
  mutating func chance(_ n: Int, in d: Int) -> Bool { below(d) < n }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// Picks from `items`, as many as a number drawn from `counts` (drawn first).
  mutating func picks<T>(_ items: [T], count counts: Range<Int>) -> [T] {
    (0..<(counts.lowerBound + below(counts.count))).map { _ in pick(items) }
  }
}
