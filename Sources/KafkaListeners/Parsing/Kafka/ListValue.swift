/// One element of a comma-separated configuration value, with where it was written.
public struct ListElement: Sendable, Hashable {
  /// The element's text after Kafka's trimming.
  public let text: String
  /// Where the element is inside the value (start and end).
  public let location: SourceLocation
}

/// How Kafka splits a comma-separated value. The versions differ, and the differences decide
/// whether `a,,b` or a trailing comma is accepted, so each is modelled exactly.
public enum ListSplitting: Sendable {
  /// `Csv.parseCsvList` (`listeners`, `advertised.listeners` up to 4.1): trim, split on
  /// `\s*,\s*`, drop empty elements.
  case csvDroppingEmpty
  /// ConfigDef `LIST` (4.2+ listeners, `process.roles`, quorum lists): trim, split on `\s*,\s*`
  /// keeping empty elements; an empty value is an empty list.
  case listKeepingEmpty
  /// `controller.listener.names` up to 4.0: split on `,` with no trimming of the parts.
  case commaWithoutTrimming
  /// `controller.listener.names` in 4.1: split on `,`, trimming each part, empty parts kept.
  case commaTrimmingParts

  /// Splits the value of `entry`, locating every element inside it.
  public func split(_ entry: PropertyEntry) -> [ListElement] {
    split(units: Array(entry.value.utf16)) { entry.location(ofValueRange: $0, $1) }
  }

  /// Splits a value that has no source position (a default), locating every element at `at`.
  public func split(_ value: String, at location: SourceLocation) -> [ListElement] {
    split(units: Array(value.utf16)) { _, _ in location }
  }

  private func split(
    units: [UInt16], locate: (Int, Int) -> SourceLocation
  ) -> [ListElement] {
    // ConfigDef trims STRING and LIST values (String.trim: every char <= U+0020).
    var start = 0
    var end = units.count
    while start < end && units[start] <= 0x20 { start += 1 }
    while end > start && units[end - 1] <= 0x20 { end -= 1 }
    if start == end { return [] }
    var ranges: [(Int, Int)] = []
    var elementStart = start
    var index = start
    while index <= end {
      if index == end || units[index] == 0x2C {
        ranges.append((elementStart, index))
        elementStart = index + 1
      }
      index += 1
    }
    let trimsAroundCommas = self == .csvDroppingEmpty || self == .listKeepingEmpty
      || self == .commaTrimmingParts
    var elements: [ListElement] = []
    for (rawStart, rawEnd) in ranges {
      var s = rawStart
      var e = rawEnd
      if trimsAroundCommas {
        let isSpace: (UInt16) -> Bool =
          self == .commaTrimmingParts ? { $0 <= 0x20 } : { javaRegexWhitespace($0) }
        while s < e && isSpace(units[s]) { s += 1 }
        while e > s && isSpace(units[e - 1]) { e -= 1 }
      }
      let text = String(decoding: units[s..<e], as: UTF16.self)
      elements.append(ListElement(text: text, location: locate(s, e)))
    }
    switch self {
    case .csvDroppingEmpty:
      return elements.filter { !$0.text.isEmpty }
    case .commaWithoutTrimming, .commaTrimmingParts:
      // String.split(",") drops trailing empty strings.
      while let last = elements.last, last.text.isEmpty { elements.removeLast() }
      return elements
    case .listKeepingEmpty:
      return elements
    }
  }
}

/// Java's `\s` in regular expressions: space, tab, LF, VT, FF, CR.
func javaRegexWhitespace(_ unit: UInt16) -> Bool {
  unit == 0x20 || (0x09...0x0D).contains(unit)
}
