/// `controller.quorum.voters` (`{id}@{host}:{port}`) and `controller.quorum.bootstrap.servers`
/// (`[NAME://]host:port`), parsed exactly as the validators of Kafka's `QuorumConfig` (formerly
/// `RaftConfig`) parse them when the configuration is loaded.
///
/// Both are LIST values: trimmed, split on `\s*,\s*`, empty elements kept. Kafka fails on the
/// first bad element; here every element is judged, so that each can be reported where it is.

/// Why one quorum list element is rejected.
public enum QuorumEntryProblem: Sendable, Hashable {
  /// A voter is not exactly two parts around `@` (Java's `split("@")`, trailing empty parts
  /// dropped, so `1@` and an empty element end up here too).
  case notIdAtAddress
  /// The part before `@` is not a Java `int`.
  case invalidVoterId(String)
  /// The address does not match `Utils.getHost`/`getPort`'s regular expression.
  case unparsableAddress
  /// The port has more digits than an `int` holds (`Integer.parseInt` throws).
  case portOverflow(String)
  /// The port is above 65535 (`InetSocketAddress` throws).
  case portOutOfRange(Int)
}

/// One well-formed `controller.quorum.voters` element.
public struct QuorumVoter: Sendable, Hashable {
  /// The voter's node id.
  public let id: Int
  /// The host (possibly empty: the regular expression allows it).
  public let host: String
  /// The port.
  public let port: Int
  /// The element it was read from.
  public let element: ListElement
}

/// One well-formed `controller.quorum.bootstrap.servers` element.
public struct QuorumBootstrapServer: Sendable, Hashable {
  /// The host.
  public let host: String
  /// The port.
  public let port: Int
  /// The element it was read from.
  public let element: ListElement
}

/// A parsed `controller.quorum.voters`.
public struct QuorumVoters: Sendable {
  /// The entry, when written.
  public let entry: PropertyEntry?
  /// Every element, empty ones included.
  public let elements: [ListElement]
  /// The well-formed voters, in order (a later duplicate id wins in Kafka's map).
  public let voters: [QuorumVoter]
  /// The rejected elements and why.
  public let malformed: [(element: ListElement, problem: QuorumEntryProblem)]

  /// Parses the value of `entry` (no entry: Kafka's default, an empty list).
  public init(entry: PropertyEntry?) {
    self.entry = entry
    elements = entry.map { ListSplitting.listKeepingEmpty.split($0) } ?? []
    var voters: [QuorumVoter] = []
    var malformed: [(element: ListElement, problem: QuorumEntryProblem)] = []
    for element in elements {
      switch QuorumVoters.parse(element.text) {
      case .success(let (id, host, port)):
        voters.append(QuorumVoter(id: id, host: host, port: port, element: element))
      case .failure(let problem):
        malformed.append((element, problem.problem))
      }
    }
    self.voters = voters
    self.malformed = malformed
  }

  /// Whether the list has no elements at all (unset or blank).
  public var isEmpty: Bool { elements.isEmpty }

  /// The distinct voter ids in ascending order, as Kafka's messages show them.
  public var ids: [Int] { Array(Set(voters.map(\.id))).sorted() }

  /// The voter Kafka keeps for `id`: the last element naming it.
  public func voter(withId id: Int) -> QuorumVoter? { voters.last { $0.id == id } }

  struct Failure: Error { let problem: QuorumEntryProblem }

  /// `QuorumConfig.parseVoterConnections` for one element.
  static func parse(_ text: String) -> Result<(Int, String, Int), Failure> {
    let parts = javaSplit(text, on: "@")
    guard parts.count == 2 else { return .failure(Failure(problem: .notIdAtAddress)) }
    guard let id = Int32(parts[0], radix: 10) else {
      return .failure(Failure(problem: .invalidVoterId(parts[0])))
    }
    switch QuorumAddress.parse(parts[1]) {
    case .success(let (host, port)): return .success((Int(id), host, port))
    case .failure(let failure): return .failure(failure)
    }
  }

  /// Java's `String.split` with a one-character separator: trailing empty parts are dropped,
  /// but an empty input gives one empty part.
  static func javaSplit(_ text: String, on separator: Character) -> [String] {
    if text.isEmpty { return [""] }
    var parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    while let last = parts.last, last.isEmpty { parts.removeLast() }
    return parts
  }
}

/// A parsed `controller.quorum.bootstrap.servers`.
public struct QuorumBootstrapServers: Sendable {
  /// The entry, when written.
  public let entry: PropertyEntry?
  /// Every element, empty ones included.
  public let elements: [ListElement]
  /// The well-formed servers, in order.
  public let servers: [QuorumBootstrapServer]
  /// The rejected elements and why.
  public let malformed: [(element: ListElement, problem: QuorumEntryProblem)]

  /// Parses the value of `entry` (no entry: Kafka's default, an empty list).
  public init(entry: PropertyEntry?) {
    self.entry = entry
    elements = entry.map { ListSplitting.listKeepingEmpty.split($0) } ?? []
    var servers: [QuorumBootstrapServer] = []
    var malformed: [(element: ListElement, problem: QuorumEntryProblem)] = []
    for element in elements {
      switch QuorumAddress.parse(element.text) {
      case .success(let (host, port)):
        servers.append(QuorumBootstrapServer(host: host, port: port, element: element))
      case .failure(let failure):
        malformed.append((element, failure.problem))
      }
    }
    self.servers = servers
    self.malformed = malformed
  }

  /// Whether the list has no elements at all (unset or blank).
  public var isEmpty: Bool { elements.isEmpty }
}

/// `Utils.getHost` / `Utils.getPort`: the whole text must match
/// `^(?:[0-9a-zA-Z\-%._]*://)?\[?([0-9a-zA-Z\-%._:]*)]?:([0-9]+)`, then the port must be an
/// `int` and a valid socket port.
enum QuorumAddress {
  static func parse(_ text: String) -> Result<(String, Int), QuorumVoters.Failure> {
    guard let (host, portText) = match(Array(text.utf16)) else {
      return .failure(.init(problem: .unparsableAddress))
    }
    guard let port = Int32(portText, radix: 10).map(Int.init) else {
      return .failure(.init(problem: .portOverflow(portText)))
    }
    guard port <= 65535 else { return .failure(.init(problem: .portOutOfRange(port))) }
    return .success((host, port))
  }

  /// The regular expression, with Java's backtracking: the optional `NAME://` prefix is tried
  /// first, then the whole text without it.
  static func match(_ units: [UInt16]) -> (host: String, port: String)? {
    if let prefixEnd = schemePrefixEnd(units), let result = matchHostPort(units[prefixEnd...]) {
      return result
    }
    return matchHostPort(units[...])
  }

  /// The end of a leading `[0-9a-zA-Z\-%._]*://`, when there is one.
  private static func schemePrefixEnd(_ units: [UInt16]) -> Int? {
    var index = 0
    while index < units.count && isSchemeCharacter(units[index]) { index += 1 }
    guard index + 3 <= units.count, units[index] == 0x3A, units[index + 1] == 0x2F,
      units[index + 2] == 0x2F
    else { return nil }
    return index + 3
  }

  /// `\[?([0-9a-zA-Z\-%._:]*)]?:([0-9]+)` over the whole slice. The port is everything after
  /// the last `:` because the host class contains `:` but the port's does not.
  private static func matchHostPort(_ rest: ArraySlice<UInt16>) -> (host: String, port: String)? {
    guard let colon = rest.lastIndex(of: 0x3A) else { return nil }
    let port = rest[(colon + 1)...]
    guard !port.isEmpty, port.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    var host = rest[rest.startIndex..<colon]
    if host.first == 0x5B { host = host.dropFirst() }
    if host.last == 0x5D { host = host.dropLast() }
    guard host.allSatisfy({ isSchemeCharacter($0) || $0 == 0x3A }) else { return nil }
    return (String(decoding: host, as: UTF16.self), String(decoding: port, as: UTF16.self))
  }

  private static func isSchemeCharacter(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x25, 0x2E, 0x5F: true
    default: false
    }
  }
}

// MARK: - KRaft settings shared by the KL220–KL239 rules

extension BrokerConfiguration {
  /// `controller.quorum.voters` as Kafka parses it.
  var quorumVoters: QuorumVoters { QuorumVoters(entry: entry("controller.quorum.voters")) }

  /// `controller.quorum.bootstrap.servers` as Kafka 3.9+ parses it.
  var quorumBootstrapServers: QuorumBootstrapServers {
    QuorumBootstrapServers(entry: entry("controller.quorum.bootstrap.servers"))
  }

  /// The KRaft roles when `process.roles` names only `broker` and `controller` (duplicates
  /// allowed); `nil` in ZooKeeper mode or when a role is invalid, because Kafka then never
  /// reaches the role-specific checks and the intended roles are unknown.
  var kraftRoleSet: Set<String>? {
    guard isKRaft,
      roleElements.allSatisfy({ $0.text == "broker" || $0.text == "controller" })
    else { return nil }
    return Set(roleElements.map(\.text))
  }

  /// The node id Kafka uses when it is a valid `int` (`node.id`, or `broker.id` copied to it).
  var validNodeId: (value: Int, entry: PropertyEntry)? {
    guard let (value, entry) = nodeId, let value else { return nil }
    return (value, entry)
  }

  /// The controller listener names Kafka compares, as this version splits them. 4.2+ rejects
  /// empty names (reported as empty list values) and drops exact duplicates.
  var effectiveControllerNames: [ListElement] {
    guard version >= KafkaVersion(4, 2) else { return controllerNames }
    var seen = Set<String>()
    return controllerNames.filter { !$0.text.isEmpty && seen.insert($0.text).inserted }
  }

  /// Whether a controller finds at least one of its controller listeners, as Kafka's check
  /// "controller.listener.names must contain at least one value appearing in the 'listeners'
  /// configuration" does: names compared exactly as written with the upper-cased listener
  /// names, in `listeners` up to 3.8 and among the effective advertised controller listeners
  /// (`advertised.listeners` entries, else `listeners` entries) from 3.9.
  var hasControllerListener: Bool {
    let names = Set(effectiveControllerNames.map(\.text))
    var endpoints = listeners.endpoints
    if version >= KafkaVersion(3, 9), let advertised {
      endpoints += advertised.endpoints
    }
    return endpoints.contains { names.contains($0.name) }
  }
}

/// User text inside Kafka's message, kept on one line (control characters escaped).
func kraftMessageText(_ text: String) -> String {
  var out = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out
}
