/// What kind of address an advertised host is. The kind decides who can resolve and reach it:
/// a `*.svc` name only inside Kubernetes, a compose service name only inside its network,
/// `localhost` only on the machine itself.
enum HostKind: Sendable, Hashable {
  /// A placeholder filled in at run time (`${…}`, `<…>`) or a template left unrendered (`{…}`).
  case placeholder
  /// Not a valid host name or IP address; the reason is part of a sentence.
  case invalid(String)
  /// An IPv4 or IPv6 literal.
  case ip(IPKind)
  /// `localhost` or a name under `.localhost` (RFC 6761: always the loopback address).
  case loopbackName
  /// A name that only the Kubernetes cluster DNS resolves.
  case kubernetes(KubernetesName)
  /// A name without dots: a compose service or container name, a short host name.
  case singleLabel
  /// A name under a suffix reserved for private use, which public DNS never answers.
  case privateUse(suffix: String)
  /// Any other DNS name: resolvable wherever its DNS zone is served.
  case qualified
}

/// Kinds of IP address, by what can route to them.
enum IPKind: String, Sendable, Hashable {
  /// `127.0.0.0/8`, `::1`.
  case loopback
  /// `169.254.0.0/16`, `fe80::/10`.
  case linkLocal
  /// `0.0.0.0`, `::`.
  case unspecified
  /// RFC 1918 (`10/8`, `172.16/12`, `192.168/16`) and IPv6 unique local (`fc00::/7`).
  case privateNetwork
  /// `100.64.0.0/10`, carrier-grade NAT (RFC 6598), also used by VPN overlays.
  case sharedAddressSpace
  /// Multicast, broadcast and other addresses no unicast client connects to.
  case nonUnicast
  /// Everything else.
  case global

  /// A phrase for messages (`a private address`).
  var phrase: String {
    switch self {
    case .loopback: "a loopback address"
    case .linkLocal: "a link-local address"
    case .unspecified: "the unspecified address"
    case .privateNetwork: "a private address"
    case .sharedAddressSpace: "a carrier-grade NAT address (100.64.0.0/10)"
    case .nonUnicast: "not a unicast address"
    case .global: "a public address"
    }
  }
}

/// How a name belongs to Kubernetes.
enum KubernetesName: Sendable, Hashable {
  /// `<service>.<namespace>.svc`: resolved through the pods' DNS search path.
  case service
  /// `….svc.<domain>` or `….cluster.local`: `domain` is the cluster domain written.
  case qualified(domain: String)
  /// A pod, headless-service or Strimzi service name without `.svc`, found only through the
  /// search path of a pod in the same namespace.
  case shortName
}

/// Classifies hosts. The Kubernetes names of one cluster (pod and service names) are passed in,
/// so that `my-cluster-kafka-0.my-cluster-kafka-brokers` is recognised as one.
struct HostClassifier: Sendable {
  /// Pod and service names of the cluster, for short Kubernetes names.
  var kubernetesNames: KubernetesNames = []

  /// Suffixes reserved for private or local use: public DNS never answers them (`.internal`
  /// by ICANN in 2024, `.local` for mDNS by RFC 6762, `.home.arpa` by RFC 8375; `.localdomain`,
  /// `.lan` and `.intranet` by long convention).
  static let privateUseSuffixes = [
    "internal", "local", "home.arpa", "localdomain", "lan", "intranet",
  ]

  /// The kind of `host`. Runs for every advertised address of every node, so the common
  /// case (a valid name of four labels or more) is decided from its bytes without splitting.
  func kind(_ host: String) -> HostKind {
    if HostClassifier.isPlaceholder(host) { return .placeholder }
    if let problem = HostName.problem(host) { return .invalid(problem) }
    if let ip = IPLiteral.kind(host) { return .ip(ip) }
    var name = host.lowercasedIfNeeded
    if name.hasSuffix(".") { name.removeLast() }
    if name == "localhost" || name.hasSuffix(".localhost") { return .loopbackName }
    // The common case, an ASCII name of four labels or more none of which is `svc`, is decided
    // without splitting it (splitting took half of this function's time on large clusters):
    // the checks below that need the labels cannot match it.
    if let summary = HostClassifier.labelSummary(name), summary.count > 3, !summary.hasSvc {
      if name.hasSuffix(".cluster.local") {
        return .kubernetes(.qualified(domain: "cluster.local"))
      }
      return HostClassifier.publicOrPrivateUse(name)
    }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    if labels.count > 1 {
      // `<service>.<namespace>.svc` and `….svc.<cluster domain>`.
      if labels[labels.count - 1] == "svc" { return .kubernetes(.service) }
      if let svc = labels.dropFirst().firstIndex(of: "svc") {
        return .kubernetes(.qualified(domain: labels[(svc + 1)...].joined(separator: ".")))
      }
      if labels.count > 2 && labels[labels.count - 2] == "cluster"
        && labels[labels.count - 1] == "local"
      {
        return .kubernetes(.qualified(domain: "cluster.local"))
      }
    }
    if let first = labels.first, labels.count <= 3, kubernetesNames.contains(first) {
      // `<pod>`, `<service>.<namespace>`, `<pod>.<headless service>[.<namespace>]`.
      if labels.count == 1 || labels.count == 2 || kubernetesNames.contains(labels[1]) {
        return .kubernetes(.shortName)
      }
    }
    if labels.count == 1 { return .singleLabel }
    return HostClassifier.publicOrPrivateUse(name)
  }

  /// A qualified name, or a private-use one by its suffix.
  private static func publicOrPrivateUse(_ name: String) -> HostKind {
    for suffix in privateUseSuffixes where name.hasSuffix("." + suffix) {
      return .privateUse(suffix: suffix)
    }
    return .qualified
  }

  /// The number of dot-separated labels of an ASCII name and whether one of them is `svc`;
  /// `nil` for a name with other characters, which is split like any other.
  private static func labelSummary(_ name: String) -> (count: Int, hasSvc: Bool)? {
    let svc = UInt32(UInt8(ascii: "s")) << 16 | UInt32(UInt8(ascii: "v")) << 8
      | UInt32(UInt8(ascii: "c"))
    var count = 1
    var length = 0
    var recent: UInt32 = 0
    var hasSvc = false
    for byte in name.utf8 {
      guard byte < 0x80 else { return nil }
      if byte == UInt8(ascii: ".") {
        if length == 3 && recent & 0xFF_FFFF == svc { hasSvc = true }
        count += 1
        length = 0
        recent = 0
      } else {
        length += 1
        recent = recent << 8 | UInt32(byte)
      }
    }
    if length == 3 && recent & 0xFF_FFFF == svc { hasSvc = true }
    return (count, hasSvc)
  }

  /// Whether the host is filled in later: `${…}` (config providers), `<…>` (addresses this
  /// tool cannot know) or `{…}` (a template placeholder Strimzi left as written).
  static func isPlaceholder(_ host: String) -> Bool {
    // `${` needs no test of its own: it contains `{`. Bytes, not Foundation's substring search,
    // which costs microseconds per call and runs for every advertised address.
    host.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
  }
}

/// The pod and Service names of one cluster on Kubernetes (none elsewhere): its pods, the
/// brokers' headless Service `<cluster>-kafka-brokers`, the bootstrap Services
/// `<cluster>-kafka-bootstrap` and `<cluster>-kafka-<listener>-bootstrap`, the per-broker
/// Services `<cluster>-<pool>-<listener>-<id>`, and `kubernetes`.
///
/// The Service names are recognised by their shape rather than listed: the list held a name
/// for every node and listener, and was built three times for each cluster linted.
struct KubernetesNames: Sendable, ExpressibleByArrayLiteral {
  /// Names matched as they are: pod names (lower-cased), `kubernetes`, or names given.
  private var listed: Set<String> = []
  /// `<cluster>-`, the start of every Service name; `nil` for no Service names.
  private var servicePrefix: String?
  private var listeners: Set<String> = []
  /// The pools of the nodes with each id.
  private var poolsByID: [Int: [String]] = [:]

  /// Exactly `names`.
  init(arrayLiteral names: String...) {
    listed = Set(names)
  }

  init(of cluster: Cluster) {
    guard cluster.platform.value == .kubernetes else { return }
    listed = ["kubernetes"]
    listed.reserveCapacity(cluster.nodes.count + 1)
    let name = cluster.name.value
    for node in cluster.nodes {
      listed.insert(node.podName.lowercasedIfNeeded)
      if node.id >= 0 {
        poolsByID[node.id, default: []].append(node.pool)
      } else {
        // A negative id (only from a model built in code) has a '-' of its own: listed.
        for listener in cluster.listeners {
          listed.insert("\(name)-\(node.pool)-\(listener.name.value)-\(node.id)")
        }
      }
    }
    servicePrefix = name + "-"
    listeners = Set(cluster.listeners.map(\.name.value))
  }

  /// Whether `label` (a label of a lower-cased host name) is one of the names.
  func contains(_ label: Substring) -> Bool {
    let label = String(label)
    if listed.contains(label) { return true }
    guard let servicePrefix, label.hasPrefix(servicePrefix) else { return false }
    let rest = label.dropFirst(servicePrefix.count)
    if rest == "kafka-brokers" || rest == "kafka-bootstrap" { return true }
    let (head, tail) = ("kafka-", "-bootstrap")
    if rest.count >= head.count + tail.count, rest.hasPrefix(head), rest.hasSuffix(tail),
      listeners.contains(String(rest.dropFirst(head.count).dropLast(tail.count)))
    {
      return true
    }
    // `<pool>-<listener>-<id>`: the id is what follows the last '-', written as Swift writes it.
    guard let dash = rest.lastIndex(of: "-") else { return false }
    let digits = rest[rest.index(after: dash)...]
    guard let id = Int(digits), String(id) == digits, let pools = poolsByID[id] else {
      return false
    }
    let poolAndListener = rest[..<dash]
    for pool in pools where poolAndListener.hasPrefix(pool + "-") {
      let listener = poolAndListener.dropFirst((pool + "-").count)
      if listeners.contains(String(listener)) { return true }
    }
    return false
  }
}

/// RFC 1123 host-name syntax.
enum HostName {
  /// Why `host` is neither a valid DNS host name nor an IP literal, as a clause that follows
  /// the quoted host (`is not …`); `nil` when it is valid. Placeholders are not judged here.
  static func problem(_ host: String) -> String? {
    if isPlainName(host) { return nil }
    if host.isEmpty {
      return "is empty, so Kafka advertises the machine's canonical host name instead"
    }
    if IPLiteral.kind(host) != nil { return nil }
    if host.contains(":") {
      return "contains ':' but is not an IPv6 address; write a host name or an IP address"
    }
    var name = Substring(host)
    let trailingDot = name.hasSuffix(".") && name.count > 1
    if trailingDot { name = name.dropLast() }
    if name.utf8.count > 253 {
      return "is \(name.utf8.count) characters long; a DNS name has at most 253"
    }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    for label in labels {
      if label.isEmpty {
        return "has an empty label (a leading dot or '..'); every label needs 1 to 63 characters"
      }
      if label.utf8.count > 63 {
        return "has the label \(quoted(String(label), limit: 20)) of \(label.utf8.count) "
          + "characters; DNS labels have at most 63"
      }
      if let bad = label.unicodeScalars.first(where: { !isLabelScalar($0) }) {
        if bad == "_" {
          return "contains '_', not allowed in RFC 1123 host names: Docker resolves such "
            + "names, but TLS clients cannot send them as the server name or match them against "
            + "a certificate, and some resolvers refuse them; use '-'"
        }
        return "contains \(quoted(String(bad))), not allowed in host names (letters, digits, "
          + "'-' and '.')"
      }
      if label.hasPrefix("-") || label.hasSuffix("-") {
        return "has the label \(quoted(String(label), limit: 20)), which starts or ends with '-'"
      }
    }
    if let last = labels.last, last.allSatisfy({ $0.isASCII && $0.isNumber }) {
      return labels.count == 4
        ? "looks like an IPv4 address but is not one (each part is 0-255, without leading zeros)"
        : "ends in an all-numeric label, which resolvers read as an IPv4 address"
    }
    if trailingDot {
      return "ends with '.': Java refuses it as a TLS server name ('Server name value of "
        + "host_name cannot have the trailing dot'), and certificates do not match it; drop "
        + "the dot"
    }
    return nil
  }

  /// One pass over the bytes for the common case, a valid name whose last label is not
  /// numeric; anything else takes the slow path, which says what is wrong.
  private static func isPlainName(_ host: String) -> Bool {
    var total = 0
    var labelLength = 0
    var previous: UInt8 = 0x2E
    var lastLabelNumeric = true
    for byte in host.utf8 {
      total += 1
      switch byte {
      case 0x2E:
        if labelLength == 0 || previous == 0x2D { return false }
        labelLength = 0
        lastLabelNumeric = true
      case 0x2D:
        if labelLength == 0 { return false }
        labelLength += 1
        lastLabelNumeric = false
      case 0x30...0x39:
        labelLength += 1
      case 0x41...0x5A, 0x61...0x7A:
        labelLength += 1
        lastLabelNumeric = false
      default:
        return false
      }
      if labelLength > 63 { return false }
      previous = byte
    }
    return total > 0 && total <= 253 && labelLength > 0 && previous != 0x2D && !lastLabelNumeric
  }

  private static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", "-": true
    default: false
    }
  }
}

/// IP literals, parsed into their kind.
enum IPLiteral {
  /// The kind of an IPv4 or IPv6 literal; `nil` when `text` is not one.
  static func kind(_ text: String) -> IPKind? {
    if let v4 = ipv4(text) { return kind(v4) }
    if let v6 = ipv6(text) { return kind(v6) }
    return nil
  }

  /// The four octets of a dotted quad (no leading zeros, as Kafka's validator requires).
  static func ipv4(_ text: String) -> [UInt8]? {
    guard IPAddress.isIPv4(text) else { return nil }
    return text.split(separator: ".").compactMap { UInt8($0) }
  }

  /// The eight 16-bit groups of an IPv6 literal (brackets and `%scope` allowed).
  static func ipv6(_ text: String) -> [UInt16]? {
    // Every IPv6 literal has a colon; host names, tested here for every certificate name, have
    // none.
    guard text.containsByte(UInt8(ascii: ":")) else { return nil }
    var address = Substring(text)
    if address.hasPrefix("[") && address.hasSuffix("]") { address = address.dropFirst().dropLast() }
    guard IPAddress.isIPv6(String(address)) else { return nil }
    if let percent = address.firstIndex(of: "%") { address = address[..<percent] }
    func groups(_ part: Substring) -> [UInt16] {
      var result: [UInt16] = []
      for piece in part.split(separator: ":") {
        if piece.contains("."), let v4 = ipv4(String(piece)) {
          result.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
          result.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
        } else if let value = UInt16(piece, radix: 16) {
          result.append(value)
        }
      }
      return result
    }
    if let gap = address.firstRange(of: "::") {
      let head = groups(address[..<gap.lowerBound])
      let tail = groups(address[gap.upperBound...])
      return head + Array(repeating: 0, count: max(0, 8 - head.count - tail.count)) + tail
    }
    let all = groups(address)
    return all.count == 8 ? all : nil
  }

  static func kind(_ octets: [UInt8]) -> IPKind {
    let (a, b) = (octets[0], octets[1])
    if octets == [0, 0, 0, 0] { return .unspecified }
    if a == 127 { return .loopback }
    if a == 169 && b == 254 { return .linkLocal }
    if a == 10 || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168) {
      return .privateNetwork
    }
    if a == 100 && (64...127).contains(b) { return .sharedAddressSpace }
    if a == 0 || a >= 224 { return .nonUnicast }
    return .global
  }

  static func kind(_ groups: [UInt16]) -> IPKind {
    if groups.allSatisfy({ $0 == 0 }) { return .unspecified }
    if groups.dropLast().allSatisfy({ $0 == 0 }) && groups.last == 1 { return .loopback }
    // IPv4-mapped addresses (::ffff:a.b.c.d) behave like the IPv4 address.
    if groups.prefix(5).allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
      return kind([
        UInt8(groups[6] >> 8), UInt8(groups[6] & 0xFF), UInt8(groups[7] >> 8),
        UInt8(groups[7] & 0xFF),
      ])
    }
    let first = groups[0]
    if first & 0xFFC0 == 0xFE80 { return .linkLocal }
    if first & 0xFE00 == 0xFC00 { return .privateNetwork }
    if first & 0xFF00 == 0xFF00 { return .nonUnicast }
    return .global
  }
}
