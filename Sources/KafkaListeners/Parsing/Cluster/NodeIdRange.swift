/// The value of a `KafkaNodePool`'s `strimzi.io/next-node-ids` or `strimzi.io/remove-node-ids`
/// annotation, read exactly as Strimzi's `NodeIdRange` reads it: `[` items `]`, where an item is
/// `N` or `A-B` (a descending `B-A` counts down), items separated by commas, whitespace allowed
/// around everything. A blank value or `[]` is an empty range, not an error.
struct NodeIdRange: Sendable, Hashable {
  /// One item: a single id (`first == last`) or a range walked from `first` to `last`.
  struct Item: Sendable, Hashable {
    var first: Int
    var last: Int

    /// How many ids the item yields.
    var count: Int { abs(last - first) + 1 }
  }

  /// Why a value is not a range.
  struct Failure: Error, Sendable, Hashable {
    /// One line, for the diagnostic.
    var reason: String
  }

  /// The items in the order written.
  var items: [Item]

  /// The largest id Strimzi accepts: ids are Java `int`s, read with `Integer.parseInt`.
  static let maximumId = Int(Int32.max)

  /// Parses `text`, or explains why Strimzi rejects it.
  static func parse(_ text: String) -> Result<NodeIdRange, Failure> {
    var scanner = Scanner(Array(text.unicodeScalars))
    // `String.isBlank` in Java: every character is whitespace by `Character.isWhitespace`.
    if scanner.characters.allSatisfy(isJavaWhitespace) { return .success(NodeIdRange(items: [])) }
    scanner.skipWhitespace()
    guard scanner.take("[") else {
      return .failure(Failure(reason: "it does not start with '['"))
    }
    scanner.skipWhitespace()
    var items: [Item] = []
    if scanner.take("]") {
      scanner.skipWhitespace()
      return scanner.atEnd
        ? .success(NodeIdRange(items: []))
        : .failure(Failure(reason: "there is text after the closing ']'"))
    }
    while true {
      scanner.skipWhitespace()
      guard let first = scanner.digits() else {
        if scanner.atEnd { return .failure(Failure(reason: "the closing ']' is missing")) }
        let found = scanner.peek.map { "'\(Character($0))'" } ?? "the end"
        let what = scanner.peek == "," || scanner.peek == "]" ? "an empty item" : found
        return .failure(
          Failure(reason: "an id (digits only) is expected, but there is \(what)"))
      }
      var last = first
      scanner.skipWhitespace()
      if scanner.take("-") {
        scanner.skipWhitespace()
        guard let end = scanner.digits() else {
          return .failure(Failure(reason: "the range '\(first)-' has no end"))
        }
        last = end
        scanner.skipWhitespace()
      }
      guard let start = Int(first), start <= maximumId else { return .failure(tooLarge(first)) }
      guard let stop = Int(last), stop <= maximumId else { return .failure(tooLarge(last)) }
      items.append(Item(first: start, last: stop))
      if scanner.take(",") { continue }
      if scanner.take("]") {
        scanner.skipWhitespace()
        guard scanner.atEnd else {
          return .failure(Failure(reason: "there is text after the closing ']'"))
        }
        return .success(NodeIdRange(items: items))
      }
      if scanner.atEnd { return .failure(Failure(reason: "the closing ']' is missing")) }
      let found = scanner.peek.map { "'\(Character($0))'" } ?? "the end"
      return .failure(Failure(reason: "',' or ']' is expected after \(first), not \(found)"))
    }
  }

  private static func tooLarge(_ digits: String) -> Failure {
    Failure(reason: "\(digits) is larger than \(maximumId), the largest id (a Java int)")
  }

  /// Every id in Strimzi's order, lazily: a range like `[0-2000000000]` is never materialised.
  var ids: Iterator { Iterator(items: items) }

  /// The first `limit` ids in order.
  func prefix(_ limit: Int) -> [Int] {
    var result: [Int] = []
    var iterator = ids
    while result.count < limit, let id = iterator.next() { result.append(id) }
    return result
  }

  /// Walks the items as Strimzi's `getNextNodeId` does.
  struct Iterator: IteratorProtocol, Sendable {
    var items: [Item]
    var index = 0
    var offset = 0

    init(items: [Item]) {
      self.items = items
    }

    /// The next id of the range that is in `present`, as `next()` would find it by trying
    /// every id, but jumping over the ids between candidates: a range of two billion ids is
    /// searched in steps over `sorted` (every candidate, ascending) instead.
    mutating func next(amongSorted sorted: [Int], present: Set<Int>) -> Int? {
      while index < items.count {
        let item = items[index]
        if offset < item.count {
          if item.first <= item.last {
            var position = NodeIdRange.lowerBound(sorted, item.first + offset)
            while position < sorted.count, sorted[position] <= item.last {
              let id = sorted[position]
              if present.contains(id) {
                offset = id - item.first + 1
                return id
              }
              position += 1
            }
          } else {
            var position = NodeIdRange.lowerBound(sorted, item.first - offset + 1) - 1
            while position >= 0, sorted[position] >= item.last {
              let id = sorted[position]
              if present.contains(id) {
                offset = item.first - id + 1
                return id
              }
              position -= 1
            }
          }
        }
        index += 1
        offset = 0
      }
      return nil
    }

    mutating func next() -> Int? {
      while index < items.count {
        let item = items[index]
        if offset < item.count {
          let id = item.first <= item.last ? item.first + offset : item.first - offset
          offset += 1
          return id
        }
        index += 1
        offset = 0
      }
      return nil
    }
  }

  /// Searches a sorted array for the first index whose element is not below `value`.
  static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Java's `\s`: space, tab, newline, vertical tab, form feed, carriage return.
  static func isRegexWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r": true
    default: false
    }
  }

  /// Java's `Character.isWhitespace`: Unicode space separators except the non-breaking ones,
  /// line and paragraph separators, and the ASCII controls \t \n \u{0B} \f \r \u{1C}–\u{1F}.
  static func isJavaWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x1F: return true
    case 0xA0, 0x2007, 0x202F: return false
    default:
      switch scalar.properties.generalCategory {
      case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
      default: return false
      }
    }
  }

  private struct Scanner {
    let characters: [Unicode.Scalar]
    var position = 0

    init(_ characters: [Unicode.Scalar]) {
      self.characters = characters
    }

    var atEnd: Bool { position >= characters.count }
    var peek: Unicode.Scalar? { atEnd ? nil : characters[position] }

    mutating func skipWhitespace() {
      while let next = peek, NodeIdRange.isRegexWhitespace(next) { position += 1 }
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
      guard peek == scalar else { return false }
      position += 1
      return true
    }

    /// ASCII digits, as text (so an overlong number is reported rather than overflowing).
    mutating func digits() -> String? {
      var text = ""
      while let next = peek, ("0"..."9").contains(next) {
        text.unicodeScalars.append(next)
        position += 1
      }
      return text.isEmpty ? nil : text
    }
  }
}
