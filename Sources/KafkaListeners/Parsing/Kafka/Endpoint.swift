/// One `NAME://host:port` entry of `listeners` or `advertised.listeners`, parsed exactly as
/// Kafka's endpoint regular expression `^(.*)://\[?([0-9a-zA-Z\-%._:]*)\]?:(-?[0-9]+)` does.
public struct Endpoint: Sendable, Hashable {
  /// The entry as written (after list trimming).
  public let text: String
  /// The listener name, upper-cased as Kafka does (`Locale.ROOT`).
  public let name: String
  /// The listener name as written.
  public let writtenName: String
  /// The host; `nil` when empty (bind to every address, or advertise the canonical host name).
  public let host: String?
  /// The port text as written (it may be negative or too large).
  public let portText: String
  /// The port when it fits in a Java `int`; `nil` when `Integer.parseInt` would throw.
  public let port: Int?
  /// Where the entry is.
  public let location: SourceLocation

  /// The outcome of parsing one entry.
  public enum ParseResult: Sendable, Hashable {
    /// A well-formed endpoint.
    case endpoint(Endpoint)
    /// The entry does not match Kafka's regular expression.
    case malformed(ListElement)
  }

  /// Parses one list element.
  public static func parse(_ element: ListElement) -> ParseResult {
    let text = element.text
    let units = Array(text.utf16)
    // Group 1 is greedy: try the last "://" first, then earlier ones.
    var separators: [Int] = []
    if units.count >= 3 {
      for i in 0...(units.count - 3)
      where units[i] == 0x3A && units[i + 1] == 0x2F && units[i + 2] == 0x2F {
        separators.append(i)
      }
    }
    for separator in separators.reversed() {
      let name = units[0..<separator]
      // `.` does not match line terminators in Java regular expressions.
      if name.contains(where: { [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains($0) }) { continue }
      guard let (host, port) = matchHostPort(units[(separator + 3)...]) else { continue }
      let writtenName = String(decoding: name, as: UTF16.self)
      let portText = String(decoding: port, as: UTF16.self)
      let hostText = String(decoding: host, as: UTF16.self)
      return .endpoint(
        Endpoint(
          text: text, name: writtenName.uppercased(), writtenName: writtenName,
          host: hostText.isEmpty ? nil : hostText, portText: portText,
          port: Int32(portText, radix: 10).map(Int.init), location: element.location))
    }
    return .malformed(element)
  }

  /// `\[?([0-9a-zA-Z\-%._:]*)\]?:(-?[0-9]+)` anchored at both ends.
  private static func matchHostPort(_ rest: ArraySlice<UInt16>) -> (
    ArraySlice<UInt16>, ArraySlice<UInt16>
  )? {
    guard let colon = rest.lastIndex(of: 0x3A) else { return nil }
    var port = rest[(colon + 1)...]
    let digits = port.first == 0x2D ? port.dropFirst() : port
    guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    port = rest[(colon + 1)...]
    var host = rest[rest.startIndex..<colon]
    if host.first == 0x5B { host = host.dropFirst() }
    if host.last == 0x5D { host = host.dropLast() }
    guard host.allSatisfy(isHostCharacter) else { return nil }
    return (host, port)
  }

  private static func isHostCharacter(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
    case 0x2D, 0x25, 0x2E, 0x5F, 0x3A: true
    default: false
    }
  }

  /// Whether the host is an IPv4 literal (dotted quad, each part 0–255).
  public var isIPv4: Bool { host.map(IPAddress.isIPv4) ?? false }
  /// Whether the host is an IPv6 literal (optionally with a `%scope`).
  public var isIPv6: Bool { host.map(IPAddress.isIPv6) ?? false }
}

/// IP literal checks as commons-validator's `InetAddressValidator` makes them, which Kafka uses
/// for the IPv4/IPv6 same-port exception.
enum IPAddress {
  static func isIPv4(_ text: String) -> Bool {
    // Most hosts are names: their first byte, or one pass over the bytes, settles them before
    // anything is split.
    guard let first = text.utf8.first, (0x30...0x39).contains(first) else { return false }
    guard text.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || (0x30...0x39).contains($0) }) else {
      return false
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return false }
    return parts.allSatisfy { part in
      guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(part), value <= 255
      else { return false }
      // commons-validator rejects leading zeros ("01").
      return part.count == 1 || part.first != "0"
    }
  }

  static func isIPv6(_ text: String) -> Bool {
    guard text.containsByte(UInt8(ascii: ":")) else { return false }
    var address = Substring(text)
    if let percent = address.firstIndex(of: "%") {
      // A scope id must be non-empty.
      if address.index(after: percent) == address.endIndex { return false }
      address = address[..<percent]
    }
    guard address.contains(":") else { return false }
    let doubleColons = address.components(separatedBy: "::").count - 1
    if doubleColons > 1 { return false }
    if address.hasPrefix(":") && !address.hasPrefix("::") { return false }
    if address.hasSuffix(":") && !address.hasSuffix("::") { return false }
    var groups = address.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
    var groupCount = 0
    if let last = groups.last, last.contains(".") {
      guard isIPv4(last) else { return false }
      groups.removeLast()
      groupCount += 2
    }
    for group in groups {
      guard group.count <= 4, group.allSatisfy({ $0.isHexDigit && $0.isASCII }) else {
        return false
      }
      groupCount += 1
    }
    return doubleColons == 1 ? groupCount < 8 : groupCount == 8
  }

  /// Loopback or unspecified addresses and names: what a client elsewhere cannot reach.
  static func isLoopback(_ host: String) -> Bool {
    let lower = host.lowercased()
    if lower == "localhost" || lower.hasSuffix(".localhost") { return true }
    if isIPv4(lower) && lower.hasPrefix("127.") { return true }
    if lower == "::1" || lower == "0:0:0:0:0:0:0:1" { return true }
    return false
  }

  /// `0.0.0.0`, `::` and their spellings: bind-all addresses, not addresses to connect to.
  static func isUnspecified(_ host: String) -> Bool {
    host == "0.0.0.0" || host == "::" || host == "0:0:0:0:0:0:0:0"
  }
}
