/// Reads certificates from the formats brokers are configured with: PEM (single certificates,
/// bundles and chains), DER, JKS/JCEKS keystores and PKCS#12 keystores. Private keys are never
/// decoded. Nothing here throws: an unreadable file becomes a ``CertificateFile`` with a
/// `problem`.
public enum CertificateReader {
  /// At most this many certificates are read from one file.
  public static let maxCertificates = 1_000

  /// Reads `bytes`, recognising the format by content. `password` unlocks encrypted PKCS#12
  /// certificate bags; JKS certificates are not encrypted and need none.
  public static func read(
    path: String, bytes: [UInt8], password: String? = nil,
    location: SourceLocation? = nil
  ) -> CertificateFile {
    var file = CertificateFile(path: path, location: location, certificates: [])
    if bytes.starts(with: [0xFE, 0xED, 0xFE, 0xED]) || bytes.starts(with: [0xCE, 0xCE, 0xCE, 0xCE])
    {
      (file.certificates, file.problem) = JavaKeyStoreReader.read(bytes)
      return file
    }
    if let text = PEMText.text(bytes), text.contains("-----BEGIN ") {
      (file.certificates, file.problem) = PEMText.certificates(in: text)
      return file
    }
    if bytes.first == 0x30 {
      if let certificate = CertificateSummary(derEncoded: bytes) {
        file.certificates = [certificate]
        return file
      }
      let result = PKCS12Reader.read(bytes, password: password)
      file.certificates = result.certificates
      file.problem = result.problem
      file.conversionHint = result.conversionHint
      return file
    }
    file.problem = "not a PEM, DER, JKS or PKCS#12 certificate file"
    return file
  }
}

/// PEM blocks in text: `CERTIFICATE` blocks are decoded, other blocks (keys) are skipped
/// undecoded; text around blocks (`Bag Attributes` lines from `openssl pkcs12`) is ignored.
/// Line breaks inside a block are optional, as in Kafka's inline `ssl.keystore.certificate.chain`
/// values joined by `\` continuations.
enum PEMText {
  /// The bytes as text when they are ASCII/UTF-8, else `nil`.
  static func text(_ bytes: [UInt8]) -> String? {
    guard !bytes.contains(0) else { return nil }
    return String(validating: bytes, as: UTF8.self)
  }

  static func certificates(in text: String) -> ([CertificateSummary], String?) {
    var certificates: [CertificateSummary] = []
    var problems: [String] = []
    var rest = Substring(text)
    var index = 0
    while let begin = rest.firstRange(of: "-----BEGIN ") {
      let afterBegin = rest[begin.upperBound...]
      guard let labelEnd = afterBegin.firstRange(of: "-----") else {
        problems.append("a PEM BEGIN line is not closed")
        break
      }
      let label = String(afterBegin[..<labelEnd.lowerBound])
      let body = afterBegin[labelEnd.upperBound...]
      guard let end = body.firstRange(of: "-----END \(label)-----") else {
        problems.append("the PEM block \(quoted(label)) has no END line")
        break
      }
      rest = body[end.upperBound...]
      index += 1
      guard label == "CERTIFICATE" else {
        if label.hasSuffix("PRIVATE KEY") || label == "CERTIFICATE REQUEST" { continue }
        problems.append("block \(index) is \(quoted(label)), not CERTIFICATE; it was skipped")
        continue
      }
      guard certificates.count < CertificateReader.maxCertificates else {
        problems.append(
          "more than \(CertificateReader.maxCertificates) certificates; the rest were skipped")
        break
      }
      guard let der = Base64.decode(String(body[..<end.lowerBound])),
        let summary = CertificateSummary(derEncoded: der)
      else {
        problems.append("certificate block \(index) is not a valid X.509 certificate")
        continue
      }
      certificates.append(summary)
    }
    if certificates.isEmpty && problems.isEmpty { problems.append("no CERTIFICATE block") }
    return (certificates, problems.isEmpty ? nil : problems.joined(separator: "; "))
  }
}

/// JKS (`0xFEEDFEED`) and JCEKS (`0xCECECECE`) keystores, laid out as `JavaKeyStore.engineLoad`
/// reads them. Certificates are stored in the clear, so no password is needed; the encrypted
/// private keys are skipped unread.
enum JavaKeyStoreReader {
  static func read(_ bytes: [UInt8]) -> ([CertificateSummary], String?) {
    var reader = ByteReader(bytes)
    var certificates: [CertificateSummary] = []
    guard reader.u32() != nil, let version = reader.u32(), version == 1 || version == 2,
      let count = reader.u32()
    else { return ([], "not a valid JKS keystore (bad header)") }
    let jceks = bytes.starts(with: [0xCE, 0xCE, 0xCE, 0xCE])
    func certificate() -> String? {
      if version == 2 {
        guard let type = reader.utf() else { return "truncated" }
        guard type == "X.509" else { return "certificate type \(type) is not supported" }
      }
      guard let length = reader.u32(), let der = reader.bytes(Int(length)) else {
        return "truncated"
      }
      guard certificates.count < CertificateReader.maxCertificates else { return nil }
      guard let summary = CertificateSummary(derEncoded: der) else {
        return "an entry is not a valid X.509 certificate"
      }
      certificates.append(summary)
      return nil
    }
    for _ in 0..<min(count, 100_000) {
      guard let tag = reader.u32() else { return (certificates, "truncated keystore") }
      switch tag {
      case 1:
        guard reader.utf() != nil, reader.bytes(8) != nil, let keyLength = reader.u32(),
          reader.bytes(Int(keyLength)) != nil, let chainLength = reader.u32()
        else { return (certificates, "truncated keystore") }
        for _ in 0..<min(chainLength, 10_000) {
          if let problem = certificate() { return (certificates, problem) }
        }
      case 2:
        guard reader.utf() != nil, reader.bytes(8) != nil else {
          return (certificates, "truncated keystore")
        }
        if let problem = certificate() { return (certificates, problem) }
      case 3 where jceks:
        // Secret keys are serialized Java objects of unknown length: stop at the first one.
        return (certificates, certificates.isEmpty ? "JCEKS secret-key entries are not read" : nil)
      default:
        return (certificates, "unknown keystore entry tag \(tag)")
      }
    }
    return (certificates, certificates.isEmpty ? "the keystore holds no certificate" : nil)
  }
}

/// Big-endian reads over a byte array, each returning `nil` past the end.
struct ByteReader {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func bytes(_ count: Int) -> [UInt8]? {
    guard count >= 0, count <= bytes.count - offset else { return nil }
    defer { offset += count }
    return Array(bytes[offset..<(offset + count)])
  }

  mutating func u16() -> UInt16? {
    guard let two = bytes(2) else { return nil }
    return two.reduce(0) { $0 << 8 | UInt16($1) }
  }

  mutating func u32() -> UInt32? {
    guard let four = bytes(4) else { return nil }
    return four.reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// Java's `DataInput.readUTF`: a 2-byte length and modified UTF-8.
  mutating func utf() -> String? {
    guard let length = u16(), let text = bytes(Int(length)) else { return nil }
    return String(decoding: text, as: UTF8.self)
  }
}
