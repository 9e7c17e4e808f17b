/// "Did you mean" suggestions for misspelled keys and values.
enum Suggestions {
  /// The candidate closest to `word` (case-insensitively), when it is close enough to be a
  /// plausible typo: one edit for short words, two for words of 12 characters or more.
  static func closest(to word: String, in candidates: [String]) -> (match: String, distance: Int)? {
    let lower = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
      let limit = candidate.count >= 12 ? 2 : 1
      let distance = editDistance(lower, candidate.lowercased(), limit: limit)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best.map { (match: $0.0, distance: $0.1) }
  }

  /// Optimal string alignment distance (adjacent transpositions count as one edit), stopping
  /// early once it exceeds `limit`.
  static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      previous2 = previous
      previous = current
    }
    return previous[y.count]
  }
}
