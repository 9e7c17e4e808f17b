#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Settings of the TLS certificate-name checks (`lint --certificate`, `--now`, `--tls-clients`,
/// `--tls-expiry-warning-days`, or `tls:` in `.kafka-listeners.yaml`).
public struct TLSOptions: Sendable {
  /// Certificate files named by path, read by ``KafkaListeners/lint(paths:configuration:limits:)``
  /// into ``certificates``.
  public var certificatePaths: [CertificateMapping] = []
  /// Certificates already read, each for one node or for all.
  public var certificates: [GivenCertificate] = []
  /// Keystores named by server.properties inputs (`ssl.keystore.location`), already read.
  public var keystores: [PropertiesKeystore] = []
  /// CA files clients trust (`lint --ca`), read by the API into ``trustedCertificates``.
  public var caPaths: [String] = []
  /// CA certificates clients trust, for chain checks.
  public var trustedCertificates: [CertificateSummary] = []
  /// The client libraries whose hostname rules apply (both by default).
  public var clients: [HostnameMatcher] = HostnameMatcher.allCases
  /// The moment certificates are judged at, in seconds since 1970-01-01T00:00:00Z; `nil` means
  /// the system clock when linting starts.
  public var now: Int64?
  /// A certificate ending within this many days gets a warning.
  public var expiryWarningDays = 30
  /// The password of encrypted PKCS#12 keystores (never printed).
  public var keystorePassword: String?

  /// Creates the default options.
  public init() {}

  /// Parses `--now`: RFC 3339 (`2026-11-27T12:00:00Z`) or a date (`2026-11-27`, midnight UTC).
  public static func parseTime(_ text: String) -> Int64? { UTCDate.parse(text) }

  /// Parses `java`, `librdkafka` (or `openssl`), `both`, or a comma-separated list of them.
  public static func parseClients(_ text: String) -> [HostnameMatcher]? {
    var clients: [HostnameMatcher] = []
    for part in text.split(separator: ",") {
      switch part.lowercased() {
      case "java": clients.append(.java)
      case "librdkafka", "openssl": clients.append(.openssl)
      case "both": clients += HostnameMatcher.allCases
      default: return nil
      }
    }
    var seen = Set<HostnameMatcher>()
    let unique = clients.filter { seen.insert($0).inserted }
    return unique.isEmpty ? nil : unique
  }

  /// The system clock in seconds since 1970-01-01T00:00:00Z.
  public static var systemNow: Int64 { Int64(Date().timeIntervalSince1970.rounded(.down)) }
}

/// `[NODE_ID=]FILE`: a certificate file and the node that presents it (every node when `nil`).
public struct CertificateMapping: Sendable, Hashable {
  /// The node id, or `nil` for every node.
  public var node: Int?
  /// The file as the user named it.
  public var path: String

  /// Creates a mapping.
  public init(node: Int?, path: String) {
    self.node = node
    self.path = path
  }

  /// Parses `[NODE_ID=]FILE`; a prefix that is not a node id is part of the path.
  public init(argument: String) {
    if let equals = argument.firstIndex(of: "="), let node = Int(argument[..<equals]), node >= 0 {
      self.init(node: node, path: String(argument[argument.index(after: equals)...]))
    } else {
      self.init(node: nil, path: argument)
    }
  }
}

/// A certificate file read for one node (or every node when `node` is `nil`), on one listener
/// (or every TLS listener when `listener` is `nil`).
public struct GivenCertificate: Sendable, Hashable {
  /// The node id, or `nil` for every node.
  public var node: Int?
  /// The Kafka listener name (`EXTERNAL-9094`, compared ignoring case), or `nil` for every
  /// listener. The key of the mapping is (node, listener), as in the TLS-names specification.
  public var listener: String?
  /// The certificates read.
  public var file: CertificateFile

  /// Creates a given certificate.
  public init(node: Int?, listener: String? = nil, file: CertificateFile) {
    self.node = node
    self.listener = listener
    self.file = file
  }
}

/// A certificate a cluster description maps to a listener or a node (`tls.certificate`), as
/// read by the API.
public struct DescribedCertificate: Sendable, Hashable {
  /// Where the description's cluster starts: a mapping serves that cluster only, as node ids
  /// repeat across clusters.
  public var cluster: SourceLocation
  /// The node (`spec.nodes[].tls`, every listener) or the listener (`spec.listeners[].tls`,
  /// every broker), and the certificates read.
  public var certificate: GivenCertificate
  /// The CA the certificate must chain to: `tls.ca`, else a Secret's `ca.crt`.
  public var ca: CertificateFile?

  /// Creates a described certificate.
  public init(cluster: SourceLocation, certificate: GivenCertificate, ca: CertificateFile? = nil) {
    self.cluster = cluster
    self.certificate = certificate
    self.ca = ca
  }
}

/// Calendar dates for messages, without Foundation's formatters.
enum UTCDate {
  /// `2026-12-09` for a moment in seconds since the epoch.
  static func day(_ seconds: Int64) -> String {
    let (y, m, d) = civil(days: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d))"
  }

  /// Parses `YYYY-MM-DD` or RFC 3339 `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
  static func parse(_ text: String) -> Int64? {
    let chars = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= chars.count else { return nil }
      var value = 0
      for c in chars[range] {
        guard (48...57).contains(c) else { return nil }
        value = value * 10 + Int(c - 48)
      }
      return value
    }
    guard chars.count >= 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var seconds = Int64(days(year: year, month: month, day: day)) * 86_400
    if chars.count == 10 { return seconds }
    guard chars.count >= 20, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t"),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      hour < 24, minute < 60, second < 61
    else { return nil }
    seconds += Int64(hour * 3600 + minute * 60 + second)
    var index = 19
    if index < chars.count && chars[index] == UInt8(ascii: ".") {
      index += 1
      while index < chars.count && (48...57).contains(chars[index]) { index += 1 }
    }
    guard index < chars.count else { return nil }
    if chars[index] == UInt8(ascii: "Z") || chars[index] == UInt8(ascii: "z") {
      return index == chars.count - 1 ? seconds : nil
    }
    guard chars.count == index + 6, let h = number((index + 1)..<(index + 3)),
      let m = number((index + 4)..<(index + 6))
    else { return nil }
    let offset = Int64(h * 3600 + m * 60)
    return chars[index] == UInt8(ascii: "+") ? seconds - offset : seconds + offset
  }

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civil(days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

/// Reading the certificate files the options and the inputs name (the rules read no files).
enum CertificateLoading {
  /// The largest certificate or keystore file read.
  static let maxBytes = 16 << 20

  /// Reads `certificatePaths` into `certificates` and `caPaths` into `trustedCertificates`.
  static func loadGiven(_ options: inout TLSOptions) throws(ToolError) {
    for path in options.caPaths {
      guard case .bytes(let bytes) = FileReading.read(path, limit: maxBytes) else {
        throw .noSuchFile(path)
      }
      // A file that is no certificate at all becomes a KL451 diagnostic like any other.
      let file = readCertificateFile(path: path, bytes: bytes, password: options.keystorePassword)
      options.trustedCertificates += file.certificates
      if file.problem != nil { options.certificates.append(GivenCertificate(node: -1, file: file)) }
    }
    for mapping in options.certificatePaths {
      switch FileReading.read(mapping.path, limit: maxBytes) {
      case .bytes(let bytes):
        let file = readCertificateFile(
          path: mapping.path, bytes: bytes, password: options.keystorePassword)
        options.certificates.append(GivenCertificate(node: mapping.node, file: file))
      case .unreadable(let reason):
        if !FileReading.exists(mapping.path) { throw .noSuchFile(mapping.path) }
        options.certificates.append(
          GivenCertificate(
            node: mapping.node,
            file: CertificateFile(path: mapping.path, certificates: [], problem: reason)))
      }
    }
  }

  /// A certificate file: a Kubernetes Secret's certificate keys, or any certificate format.
  static func readCertificateFile(path: String, bytes: [UInt8], password: String?)
    -> CertificateFile
  {
    if let text = PEMText.text(bytes), !text.contains("-----BEGIN "),
      text.contains("kind:") || text.contains("\"kind\"")
    {
      let entries = KubernetesSecretCertificates.read(path: path, text: text)
      if let entry = entries.first(where: { $0.key != "ca.crt" }) ?? entries.first {
        return entry.file
      }
    }
    return CertificateReader.read(path: path, bytes: bytes, password: password)
  }

  /// What descriptions add to the TLS inputs once they are parsed: the certificates their `tls:`
  /// blocks map, and the keystores of the server.properties files they name
  /// (`spec.properties`), which are read after the inputs' own keystores were collected.
  static func loadDescribed(
    into input: inout LintInput, referenced: [SourceFile], password: String?
  ) {
    input.tls.described = described(by: input.clusters, password: password)
    let paths = Set(referenced.map(\.path))
    loadKeystores(
      into: &input,
      for: input.brokerConfigurations.map(\.file).filter { paths.contains($0.path) },
      password: password)
  }

  /// The certificates cluster descriptions map with `tls:` blocks, in document order (listeners,
  /// then nodes). Each file is read once however often it is named.
  ///
  /// A file that is missing or cannot be read is not a ``ToolError``, unlike a missing
  /// `--certificate`: a path on the command line is the user's request to the tool, but a path
  /// inside a description is input, and problems of the input are diagnostics. It becomes a
  /// ``CertificateFile`` with a problem, located where the description names it, which
  /// `unreadable-certificate` (KL451) reports; the rest of the run goes on.
  static func described(by clusters: [Cluster], password: String?) -> [DescribedCertificate] {
    var cache: [String: SourceFile.Content] = [:]
    func content(_ path: String) -> SourceFile.Content {
      if let known = cache[path] { return known }
      let read = FileReading.read(path, limit: maxBytes)
      cache[path] = read
      return read
    }
    func certificate(_ path: Located<String>) -> CertificateFile {
      switch content(path.value) {
      case .unreadable(let reason):
        return CertificateFile(
          path: path.value, location: path.location, certificates: [], problem: reason)
      case .bytes(let bytes):
        var file = readCertificateFile(path: path.value, bytes: bytes, password: password)
        // Readable certificates point at themselves, like `--certificate` files; a problem
        // points at the description, where the user chose the file.
        if file.problem != nil { file.location = path.location }
        return file
      }
    }
    func secret(_ source: CertificateSource) -> (CertificateFile, CertificateFile?) {
      let path = source.path
      guard case .bytes(let bytes) = content(path.value) else { return (certificate(path), nil) }
      let entries =
        PEMText.text(bytes).map { KubernetesSecretCertificates.read(path: path.value, text: $0) }
        ?? []
      let wanted = source.key?.value ?? "tls.crt"
      let ca = entries.first { $0.key == "ca.crt" }?.file
      if let entry = entries.first(where: { $0.key == wanted })
        ?? (source.key == nil ? entries.first(where: { $0.key != "ca.crt" }) : nil)
      {
        return (entry.file, ca)
      }
      let keys = entries.map(\.key)
      let problem =
        keys.isEmpty
        ? "it is not a Kubernetes Secret with a certificate"
        : "the Secret has no key \(quoted(wanted)) (it has \(keys.joined(separator: ", ")))"
      return (
        CertificateFile(
          path: path.value, location: (source.key ?? path).location, certificates: [],
          problem: problem), nil
      )
    }
    func read(_ source: CertificateSource) -> (CertificateFile, CertificateFile?) {
      var (file, ca) = source.kind == .secret ? secret(source) : (certificate(source.path), nil)
      if let path = source.ca { ca = certificate(path) }
      return (file, ca)
    }

    var result: [DescribedCertificate] = []
    for cluster in clusters where cluster.origin == .description {
      for listener in cluster.listeners {
        guard let source = listener.certificate else { continue }
        let (file, ca) = read(source)
        result.append(
          DescribedCertificate(
            cluster: cluster.location,
            certificate: GivenCertificate(node: nil, listener: listener.kafkaName, file: file),
            ca: ca))
      }
      for node in cluster.nodes {
        guard let source = node.certificate else { continue }
        let (file, ca) = read(source)
        result.append(
          DescribedCertificate(
            cluster: cluster.location, certificate: GivenCertificate(node: node.id, file: file),
            ca: ca))
      }
    }
    return result
  }

  /// Reads the keystores that broker server.properties inputs name with
  /// `ssl.keystore.location` (also per listener), resolved against the properties file's
  /// directory, into `input.tls.keystores`. A keystore that does not exist is recorded in
  /// `input.tls.missingKeystores`, a note rather than an error: it may exist only on the broker
  /// host. The properties' own `ssl.keystore.password` unlocks PKCS#12 certificate bags.
  static func loadKeystores(
    into input: inout LintInput, for brokerFiles: [PropertiesFile], password: String?
  ) {
    for properties in brokerFiles {
      for entry in properties.effectiveEntries {
        let key = entry.key
        let prefix: String
        let listener: String?
        if key == "ssl.keystore.location" {
          prefix = ""
          listener = nil
        } else if key.hasPrefix("listener.name."), key.hasSuffix(".ssl.keystore.location") {
          let name = key.dropFirst("listener.name.".count).dropLast(
            ".ssl.keystore.location".count)
          prefix = "listener.name.\(name)."
          listener = String(name)
        } else {
          continue
        }
        let location = entry.value.trimmingCharacters(in: " \t")
        guard !location.isEmpty else { continue }
        let joined: String
        if location.hasPrefix("/") {
          joined = location
        } else if let slash = properties.path.lastIndex(of: "/") {
          joined = String(properties.path[...slash]) + location
        } else {
          joined = location
        }
        let path = PathText.normalized(joined)
        let storePassword = properties[prefix + "ssl.keystore.password"] ?? password
        switch readKeystore(path, password: storePassword) {
        case .read(let file):
          input.tls.keystores.append(
            PropertiesKeystore(propertiesPath: properties.path, listener: listener, file: file))
        case .missing:
          input.tls.missingKeystores.append(
            MissingKeystore(
              owner: .properties(properties.path), listener: listener, path: path,
              location: entry.valueLocation))
        }
      }
    }
  }

  /// Reads the keystore each compose Kafka service with a TLS listener mounts from the project
  /// (§2.1 item 3) into `input.tls.composeKeystores`; one that is bind-mounted but absent is
  /// recorded in `input.tls.missingKeystores`. Keystores in named volumes or not mounted at
  /// all are not looked for: `keystore-not-found` tells those from the model alone.
  static func loadComposeKeystores(into input: inout LintInput, password: String?) {
    for broker in input.composeBrokers {
      guard let reference = ComposeKeystores.reference(for: broker),
        case .hostPath(let path, let volume) = reference.resolution
      else { continue }
      var storePassword = reference.password ?? password
      if let passwordFile = reference.passwordFile,
        case .hostPath(let file, _) = passwordFile.resolution,
        case .bytes(let bytes) = FileReading.read(file, limit: 64 << 10)
      {
        // The images read it with `$(cat FILE)`: the whole file, trailing newlines removed.
        var text = String(decoding: bytes, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        storePassword = text
      }
      switch readKeystore(path, password: storePassword) {
      case .read(let file):
        input.tls.composeKeystores.append(
          ComposeKeystore(service: broker.service.location, file: file))
      case .missing:
        input.tls.missingKeystores.append(
          MissingKeystore(
            owner: .composeService(broker.service.location), listener: nil, path: path,
            location: reference.location,
            notes: [
              .init(
                "\(reference.containerPath) comes from this bind mount of \(volume.source ?? "")",
                at: volume.location)
            ]))
      }
    }
  }

  private enum KeystoreRead {
    case read(CertificateFile)
    case missing
  }

  /// A keystore file: read, or missing. One that exists but cannot be read (a directory, no
  /// permission) is a file with a problem, which `unreadable-certificate` reports.
  private static func readKeystore(_ path: String, password: String?) -> KeystoreRead {
    switch FileReading.read(path, limit: maxBytes) {
    case .bytes(let bytes):
      var file = CertificateReader.read(path: path, bytes: bytes, password: password)
      file.location = .start(of: path)
      return .read(file)
    case .unreadable(let reason):
      guard FileReading.exists(path) else { return .missing }
      return .read(CertificateFile(path: path, certificates: [], problem: reason))
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var text = Substring(self)
    while let first = text.first, set.contains(first) { text = text.dropFirst() }
    while let last = text.last, set.contains(last) { text = text.dropLast() }
    return String(text)
  }
}
