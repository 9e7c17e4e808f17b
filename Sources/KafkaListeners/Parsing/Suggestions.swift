/// "Did you mean" suggestions for misspelled keys and values.
enum Suggestions {
  /// The candidate closest to `word` (case-insensitively), when it is close enough to be a
  /// plausible typo: one edit for short words, two for words of 12 characters or more.
  static func closest(to word: String, in candidates: [String]) -> (match: String, distance: Int)? {
    closest(to: word, in: Vocabulary(candidates))
  }

  /// The candidate closest to `word`, among candidates prepared once.
  static func closest(to word: String, in vocabulary: Vocabulary) -> (
    match: String, distance: Int
  )? {
    let lower = Array(word.lowercased().utf8)
    let wordCounts = ByteCounts(lower)
    var scratch = EditDistanceRows()
    var best: (String, Int)?
    for candidate in vocabulary.words {
      // Cheap lower bounds first: lengths, then letter counts, further apart than the largest
      // limit cannot match. They keep a file of 600,000 unknown keys from costing seconds.
      guard abs(candidate.lower.count - lower.count) <= 2,
        wordCounts.distanceBound(to: candidate.counts) <= 2
      else { continue }
      let distance = editDistance(lower, candidate.lower, limit: candidate.limit, rows: &scratch)
      if distance <= candidate.limit, distance < (best?.1 ?? Int.max) {
        best = (candidate.word, distance)
      }
    }
    return best.map { (match: $0.0, distance: $0.1) }
  }

  /// Candidates with what the comparison needs computed once: the lowercased bytes, their
  /// counts and the number of edits allowed.
  struct Vocabulary: Sendable {
    struct Word: Sendable {
      var word: String
      var lower: [UInt8]
      var counts: ByteCounts
      /// One edit for short words, two for words of 12 characters or more.
      var limit: Int
    }

    var words: [Word]

    init(_ candidates: [String]) {
      words = candidates.map { candidate in
        let lower = Array(candidate.lowercased().utf8)
        return Word(
          word: candidate, lower: lower, counts: ByteCounts(lower),
          limit: candidate.count >= 12 ? 2 : 1)
      }
    }
  }

  /// How often each byte occurs, in 32 buckets (`byte & 31`). One edit (insertion, deletion or
  /// substitution) changes the counts by at most 2 in total and a transposition by 0, so half
  /// the total difference is a lower bound of the edit distance; merging bytes into buckets
  /// only lowers it.
  struct ByteCounts: Sendable {
    // A SIMD vector, not an array: no allocation per candidate.
    var counts = SIMD32<Int16>()

    init(_ bytes: [UInt8]) {
      for byte in bytes { counts[Int(byte & 31)] &+= 1 }
    }

    /// A lower bound of the edit distance between the two byte strings counted.
    func distanceBound(to other: ByteCounts) -> Int {
      var total = 0
      for index in 0..<32 { total += abs(Int(counts[index]) - Int(other.counts[index])) }
      return (total + 1) / 2
    }
  }

  /// Optimal string alignment distance (adjacent transpositions count as one edit), stopping
  /// early once it exceeds `limit`.
  static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    var rows = EditDistanceRows()
    return editDistance(Array(a.utf8), Array(b.utf8), limit: limit, rows: &rows)
  }

  /// The three rows of the distance table, kept between calls so that comparing one word with
  /// many candidates allocates them once.
  struct EditDistanceRows {
    var previous2: [Int] = []
    var previous: [Int] = []
    var current: [Int] = []
  }

  static func editDistance(_ x: [UInt8], _ y: [UInt8], limit: Int, rows: inout EditDistanceRows)
    -> Int
  {
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    let width = y.count + 1
    rows.previous2.removeAll(keepingCapacity: true)
    rows.previous2.append(contentsOf: repeatElement(0, count: width))
    rows.previous.removeAll(keepingCapacity: true)
    rows.previous.append(contentsOf: 0..<width)
    rows.current.removeAll(keepingCapacity: true)
    rows.current.append(contentsOf: repeatElement(0, count: width))
    for i in 1...x.count {
      rows.current[0] = i
      var rowMinimum = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        var value = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          value = min(value, rows.previous2[j - 2] + 1)
        }
        rows.current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      // Rotate the rows without copying them.
      swap(&rows.previous2, &rows.previous)
      swap(&rows.previous, &rows.current)
    }
    return rows.previous[y.count]
  }
}
