/// The names a certificate can be matched on: its subject common names and the DNS and IP
/// entries of its subjectAltName extension.
public struct CertificateNames: Sendable, Hashable {
  /// Subject common names in certificate order; the last is the most specific.
  public var commonNames: [String]
  /// dNSName entries of the subjectAltName extension, verbatim.
  public var dnsNames: [String]
  /// iPAddress entries of the subjectAltName extension: 4 or 16 bytes each.
  public var ipAddresses: [[UInt8]]

  /// Creates a name set.
  public init(commonNames: [String] = [], dnsNames: [String] = [], ipAddresses: [[UInt8]] = []) {
    self.commonNames = commonNames
    self.dnsNames = dnsNames
    self.ipAddresses = ipAddresses
  }

  /// Every name as `DNS:…`, `IP:…` and `CN=…`, for messages (subjectAltName order, then CN).
  public var descriptions: [String] {
    dnsNames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\(IPText.format($0))" }
      + commonNames.map { "CN=\($0)" }
  }
}

/// How a TLS client library decides whether a certificate names the host it connected to.
///
/// Kafka's Java client verifies with the JDK's `HostnameChecker` (TLS rules); librdkafka and the
/// clients built on it (confluent-kafka for Python, Go, .NET) hand the host to OpenSSL's
/// `X509_check_host`/`X509_check_ip` with default flags. The two disagree on wildcards in
/// other than the left-most label, on `*.com`, on underscores and on non-ASCII names.
public enum HostnameMatcher: String, Sendable, Hashable, CaseIterable {
  /// JDK `sun.security.util.HostnameChecker`, TLS type, private CA.
  case java
  /// OpenSSL 3.x `X509_check_host`/`X509_check_ip` with flags 0, as librdkafka calls it.
  case openssl

  /// A name for messages: `Java clients` or `librdkafka (OpenSSL)`.
  public var clientDescription: String {
    switch self {
    case .java: "Java clients"
    case .openssl: "librdkafka (OpenSSL)"
    }
  }

  /// Whether a client of this kind accepts a certificate with `names` for `host`.
  public func matches(host: String, names: CertificateNames) -> Bool {
    matchingName(host: host, names: names) != nil
  }

  /// The certificate name (`DNS:…`, `IP:…` or `CN=…`) that makes `host` match, or `nil` when
  /// a client of this kind rejects the certificate for `host`.
  ///
  /// `host` is the name the client dialled exactly as Kafka parses it (an IPv6 literal may be
  /// given with or without brackets); no trailing dot is removed, because whether the client
  /// strips it depends on its version.
  public func matchingName(host: String, names: CertificateNames) -> String? {
    var host = host
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    if let address = IPText.parse(host) {
      // Both check IP literals against iPAddress entries only: no CN, no dNSName text.
      for candidate in names.ipAddresses where candidate == address {
        return "IP:\(IPText.format(candidate))"
      }
      return nil
    }
    switch self {
    case .java: return JavaHostnameChecker.match(host, names)
    case .openssl: return OpenSSLHostCheck.match(host, names)
    }
  }

  /// Why a client of this kind refuses `host` before looking at any certificate, or `nil`.
  /// Java rejects names that are not valid SNI host names (underscores, empty or over-long
  /// labels, leading or trailing hyphens, a trailing dot).
  public func hostProblem(_ host: String) -> String? {
    switch self {
    case .java:
      if IPText.parse(host) != nil { return nil }
      return JavaHostnameChecker.sniProblem(host)
    case .openssl:
      return nil
    }
  }
}

/// The JDK's `HostnameChecker` for TLS (`TYPE_TLS`), with a private trust anchor (so the
/// public-suffix restriction on wildcards does not apply).
enum JavaHostnameChecker {
  static func match(_ host: String, _ names: CertificateNames) -> String? {
    // The given name must be a legal SNIHostName or nothing matches ("Illegal given domain name").
    guard sniProblem(host) == nil, let name = IDNA.toASCII(host) else { return nil }
    if !names.dnsNames.isEmpty {
      let nameIsASCII = UTF8Validation.isASCII(name, excluding: 0)
      for pattern in names.dnsNames {
        switch plainComparison(name, pattern, nameIsASCII: nameIsASCII) {
        case .equal: return "DNS:\(pattern)"
        case .different: continue
        case .needsFullCheck: if isMatched(name, pattern) { return "DNS:\(pattern)" }
        }
      }
      return nil
    }
    // Without dNSName entries Java falls back to the most specific (last) common name.
    if let cn = names.commonNames.last, isMatched(name, cn) { return "CN=\(cn)" }
    return nil
  }

  enum PlainComparison { case equal, different, needsFullCheck }

  /// An ASCII `template` without wildcards against `name`, a legal SNI host name: equal
  /// ignoring ASCII case is a match (the template is then legal too, and Java compares labels
  /// ignoring case), anything else is not (`name` has no empty labels for Java's tokenizer to
  /// drop). Certificates list a dozen names or more and large clusters check every broker, so
  /// the full check runs only for wildcards and non-ASCII names.
  private static func plainComparison(_ name: String, _ template: String, nameIsASCII: Bool)
    -> PlainComparison
  {
    guard nameIsASCII, UTF8Validation.isASCII(template, excluding: UInt8(ascii: "*")) else {
      return .needsFullCheck
    }
    // Most names of a certificate differ in length from the host: no byte needs comparing.
    if name.utf8.count != template.utf8.count { return .different }
    func lower(_ byte: UInt8) -> UInt8 {
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
    return name.utf8.elementsEqual(template.utf8) { lower($0) == lower($1) } ? .equal : .different
  }

  /// Java's `new SNIHostName(name)`: `IDN.toASCII(name, USE_STD3_ASCII_RULES)` must succeed,
  /// and the result must not be empty or end in a dot.
  static func sniProblem(_ host: String) -> String? {
    if host.isEmpty { return "an empty host name" }
    if host.hasSuffix(".") { return "a trailing dot" }
    // Every advertised host of a large cluster comes here, and nearly all are legal ASCII
    // names: those are recognised from their bytes, without splitting them into labels.
    var text = host
    if text.withUTF8(isLegalASCIIHostName) { return nil }
    return sniProblemByLabel(host)
  }

  /// `sniProblem` for any name, label by label; tests hold the byte check to it.
  static func sniProblemByLabel(_ host: String) -> String? {
    if host.isEmpty { return "an empty host name" }
    if host.hasSuffix(".") { return "a trailing dot" }
    guard let ascii = IDNA.toASCII(host) else { return "a label that cannot be converted to ASCII" }
    for label in ascii.split(separator: ".", omittingEmptySubsequences: false) {
      if label.isEmpty { return "an empty label" }
      if label.utf8.count > 63 { return "a label longer than 63 characters" }
      if label.hasPrefix("-") || label.hasSuffix("-") { return "a label starting or ending with -" }
      for byte in label.utf8 where !isLDH(byte) {
        return byte == UInt8(ascii: "_")
          ? "an underscore" : "the character \(quoted(String(UnicodeScalar(byte))))"
      }
    }
    return nil
  }

  /// Whether `bytes` is a name `sniProblem` finds no problem in: ASCII letters, digits and
  /// hyphens in dot-separated labels of 1 to 63 bytes, none starting or ending with a hyphen.
  /// A name this rejects may still be legal (it is then checked label by label).
  private static func isLegalASCIIHostName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = 0
    for index in 0...bytes.count {
      guard index == bytes.count || bytes[index] == UInt8(ascii: ".") else {
        if !isLDH(bytes[index]) { return false }
        continue
      }
      let length = index - start
      if length == 0 || length > 63 { return false }
      if bytes[start] == UInt8(ascii: "-") || bytes[index - 1] == UInt8(ascii: "-") {
        return false
      }
      start = index + 1
    }
    return true
  }

  private static func isLDH(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
      true
    default: false
    }
  }

  /// `HostnameChecker.isMatched` for TLS.
  static func isMatched(_ name: String, _ template: String) -> Bool {
    // Shortcut for the common miss: an ASCII template without wildcards matches only a name of
    // the same length (IDNA leaves ASCII as it is; labels then compare ignoring case).
    if template.utf8.count != name.utf8.count,
      template.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "*") }),
      name.utf8.allSatisfy({ $0 < 0x80 })
    {
      return false
    }
    guard let template = IDNA.toASCII(template) else { return false }
    if template == "*" || template == "*." { return false }
    if let star = template.lastIndex(of: "*"), !template[star...].contains(".") { return false }
    // The template, its wildcards replaced by a letter, must itself be a legal SNI host name.
    let probe = String(template.map { $0 == "*" ? "z" : $0 })
    guard sniProblem(probe) == nil else { return false }
    return matchAllWildcards(name, template)
  }

  /// Equal label counts; each label matched by a glob where `*` may stand for any run.
  private static func matchAllWildcards(_ name: String, _ template: String) -> Bool {
    // StringTokenizer drops empty tokens; legal names have none anyway.
    let names = asciiLowercased(name).split(separator: ".")
    let templates = asciiLowercased(template).split(separator: ".")
    guard names.count == templates.count else { return false }
    for (label, pattern) in zip(names, templates) where !matchWildCards(label, pattern) {
      return false
    }
    return true
  }

  /// A port of `HostnameChecker.matchWildCards`.
  private static func matchWildCards(_ name: Substring, _ template: Substring) -> Bool {
    guard template.contains("*") else { return name == template }
    var rest = name
    var pieces = template.split(separator: "*", omittingEmptySubsequences: false)
    let last = pieces.removeLast()
    var isBeginning = true
    for before in pieces {
      guard let range = rest.firstRange(of: before) else { return false }
      if isBeginning && range.lowerBound != rest.startIndex { return false }
      isBeginning = false
      rest = rest[range.upperBound...]
    }
    return rest.hasSuffix(last)
  }
}

/// OpenSSL's `X509_check_host` with flags 0 (`crypto/x509/v3_utl.c`).
enum OpenSSLHostCheck {
  static func match(_ host: String, _ names: CertificateNames) -> String? {
    let subject = Array(host.utf8)
    if !names.dnsNames.isEmpty {
      for pattern in names.dnsNames {
        // A name without `*` matches only a host of its length: most names of a certificate
        // are skipped without copying their bytes.
        if pattern.utf8.count != subject.count && !pattern.utf8.contains(UInt8(ascii: "*")) {
          continue
        }
        if equalWildcard(Array(pattern.utf8), subject) { return "DNS:\(pattern)" }
      }
      return nil
    }
    // With no dNSName entry every subject CN is tried (OpenSSL 1.1 and 3.x).
    for cn in names.commonNames where equalWildcard(Array(cn.utf8), subject) { return "CN=\(cn)" }
    return nil
  }

  private static func lower(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }

  private static func isAlnum(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func equalNoCase(_ pattern: ArraySlice<UInt8>, _ subject: ArraySlice<UInt8>)
    -> Bool
  {
    guard pattern.count == subject.count else { return false }
    // Indices, not `zip`: the generic iterator was most of a debug build's TLS checks.
    var p = pattern.startIndex
    var s = subject.startIndex
    while p < pattern.endIndex {
      let l = pattern[p]
      if l == 0 || lower(l) != lower(subject[s]) { return false }
      p += 1
      s += 1
    }
    return true
  }

  private static func equalWildcard(_ pattern: [UInt8], _ subject: [UInt8]) -> Bool {
    // Without a `*` there is no wildcard to validate: the names compare as they are. Most
    // names of a certificate are such, and most differ from the host in length.
    if pattern.firstOffset(ofByte: UInt8(ascii: "*")) == nil {
      return equalNoCase(pattern[...], subject[...])
    }
    var star: Int?
    if !(subject.count > 1 && subject[0] == UInt8(ascii: ".")) { star = validStar(pattern) }
    guard let star else { return equalNoCase(pattern[...], subject[...]) }
    return wildcardMatch(
      prefix: pattern[..<star], suffix: pattern[(star + 1)...], subject: subject)
  }

  /// The only legal `*`: in the first label, at its start or end, with at least two dots after.
  private static func validStar(_ p: [UInt8]) -> Int? {
    var star: Int?
    var atLabelStart = true
    var hyphenLast = false
    var idna = false
    var dots = 0
    for i in p.indices {
      let c = p[i]
      if c == UInt8(ascii: "*") {
        let atStart = atLabelStart
        let atEnd = i == p.count - 1 || p[i + 1] == UInt8(ascii: ".")
        if star != nil || idna || dots > 0 { return nil }
        if !atStart && !atEnd { return nil }
        star = i
        atLabelStart = false
      } else if isAlnum(c) {
        if atLabelStart && p.count - i >= 4
          && p[i..<(i + 4)].map(lower) == Array("xn--".utf8)
        {
          idna = true
        }
        hyphenLast = false
        atLabelStart = false
      } else if c == UInt8(ascii: ".") {
        if hyphenLast || atLabelStart { return nil }
        atLabelStart = true
        hyphenLast = false
        idna = false
        dots += 1
      } else if c == UInt8(ascii: "-") {
        if atLabelStart { return nil }
        hyphenLast = true
      } else {
        return nil
      }
    }
    if atLabelStart || hyphenLast || dots < 2 { return nil }
    return star
  }

  private static func wildcardMatch(
    prefix: ArraySlice<UInt8>, suffix: ArraySlice<UInt8>, subject: [UInt8]
  ) -> Bool {
    guard subject.count >= prefix.count + suffix.count else { return false }
    guard equalNoCase(prefix, subject[..<prefix.count]) else { return false }
    let start = prefix.count
    let end = subject.count - suffix.count
    guard equalNoCase(subject[end...], suffix) else { return false }
    var allowIDNA = false
    if prefix.isEmpty && suffix.first == UInt8(ascii: ".") {
      // A whole-label wildcard must match at least one character.
      if start == end { return false }
      allowIDNA = true
    }
    if !allowIDNA && subject.count >= 4 && subject[..<4].map(lower) == Array("xn--".utf8) {
      return false
    }
    if end == start + 1 && subject[start] == UInt8(ascii: "*") { return true }
    for byte in subject[start..<end] where !(isAlnum(byte) || byte == UInt8(ascii: "-")) {
      return false
    }
    return true
  }
}

/// IP address text: parsing for matching, formatting for messages.
enum IPText {
  /// 4 bytes for a dotted quad, 16 for an IPv6 literal (brackets allowed), else `nil`.
  static func parse(_ text: String) -> [UInt8]? {
    if let v4 = IPLiteral.ipv4(text) { return v4 }
    guard let groups = IPLiteral.ipv6(text), groups.count == 8 else { return nil }
    return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
  }

  /// Dotted quad, or RFC 5952 compressed IPv6; other lengths as hex.
  static func format(_ bytes: [UInt8]) -> String {
    if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
    guard bytes.count == 16 else {
      return bytes.map { String($0, radix: 16) }.joined(separator: ":")
    }
    let groups = stride(from: 0, to: 16, by: 2).map {
      UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
    }
    // The longest run of two or more zero groups becomes `::`.
    var best: Range<Int>?
    var index = 0
    while index < 8 {
      guard groups[index] == 0 else {
        index += 1
        continue
      }
      var end = index
      while end < 8 && groups[end] == 0 { end += 1 }
      if end - index >= 2 && (best == nil || end - index > (best?.count ?? 0)) {
        best = index..<end
      }
      index = end
    }
    let hex = groups.map { String($0, radix: 16) }
    guard let best else { return hex.joined(separator: ":") }
    return hex[..<best.lowerBound].joined(separator: ":") + "::"
      + hex[best.upperBound...].joined(separator: ":")
  }
}

/// Lower-cases ASCII letters only, as Java's `toLowerCase(Locale.ENGLISH)` does for LDH names.
func asciiLowercased(_ text: String) -> String {
  String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
}

/// The ASCII form of an internationalised name (RFC 3490 ToASCII without nameprep beyond
/// lower-casing): labels with non-ASCII characters become `xn--` Punycode labels.
enum IDNA {
  static func toASCII(_ name: String) -> String? {
    // ASCII labels are kept as they are, so an ASCII name is its own conversion; checked first
    // because certificate checks convert every advertised host and certificate name.
    if name.utf8.allSatisfy({ $0 < 0x80 }) { return name }
    var labels: [String] = []
    for label in name.split(separator: ".", omittingEmptySubsequences: false) {
      if label.unicodeScalars.allSatisfy(\.isASCII) {
        labels.append(String(label))
      } else {
        guard let encoded = punycode(String(label).lowercased()) else { return nil }
        labels.append("xn--" + encoded)
      }
    }
    return labels.joined(separator: ".")
  }

  /// RFC 3492 encoding.
  static func punycode(_ input: String) -> String? {
    let base = 36
    let tMin = 1
    let tMax = 26
    let skew = 38
    let damp = 700
    let scalars = input.unicodeScalars.map { Int($0.value) }
    var output = scalars.filter { $0 < 0x80 }.map { Character(UnicodeScalar(UInt8($0))) }
    let basicCount = output.count
    var handled = basicCount
    if basicCount > 0 { output.append("-") }
    var n = 0x80
    var delta = 0
    var bias = 72
    func adapt(_ delta: Int, _ points: Int, _ first: Bool) -> Int {
      var delta = first ? delta / damp : delta / 2
      delta += delta / points
      var k = 0
      while delta > ((base - tMin) * tMax) / 2 {
        delta /= base - tMin
        k += base
      }
      return k + (base - tMin + 1) * delta / (delta + skew)
    }
    func digit(_ d: Int) -> Character {
      Character(UnicodeScalar(UInt8(d < 26 ? d + 97 : d + 22)))
    }
    while handled < scalars.count {
      guard let m = scalars.filter({ $0 >= n }).min() else { return nil }
      let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
      guard !overflow, product <= Int(Int32.max) - delta else { return nil }
      delta += product
      n = m
      for c in scalars {
        if c < n { delta += 1 }
        if c == n {
          var q = delta
          var k = base
          while true {
            let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
            if q < t { break }
            output.append(digit(t + (q - t) % (base - t)))
            q = (q - t) / (base - t)
            k += base
          }
          output.append(digit(q))
          bias = adapt(delta, handled + 1, handled == basicCount)
          delta = 0
          handled += 1
        }
      }
      delta += 1
      n += 1
    }
    return String(output)
  }
}
