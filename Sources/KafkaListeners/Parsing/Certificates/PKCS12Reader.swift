import Crypto
import SwiftASN1
import _CryptoExtras

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The certificates of a PKCS#12 keystore (RFC 7292), walked with swift-asn1: PFX →
/// AuthenticatedSafe → SafeContents → CertBag. Certificate bags in `encryptedData` are
/// decrypted when they use PBES2 (PBKDF2 + AES-CBC, the default of OpenSSL 3 and current JDKs).
/// The legacy RC2/3DES schemes are reported with a conversion command instead. The MAC is not
/// checked: the certificates do not depend on it.
enum PKCS12Reader {
  struct Result {
    var certificates: [CertificateSummary] = []
    var problem: String?
    var conversionHint: String?
  }

  /// PBKDF2 iteration counts above this are refused, so a crafted file cannot burn CPU.
  static let maxIterations = 1_000_000

  static let legacyConversion =
    "openssl pkcs12 -legacy -in OLD.p12 -nokeys -out certificates.pem, or "
    + "keytool -importkeystore -srckeystore OLD.p12 -destkeystore NEW.p12 -deststoretype PKCS12"

  private static let legacySchemes: [String: String] = [
    "1.2.840.113549.1.12.1.1": "pbeWithSHAAnd128BitRC4",
    "1.2.840.113549.1.12.1.2": "pbeWithSHAAnd40BitRC4",
    "1.2.840.113549.1.12.1.3": "pbeWithSHAAnd3-KeyTripleDES-CBC",
    "1.2.840.113549.1.12.1.4": "pbeWithSHAAnd2-KeyTripleDES-CBC",
    "1.2.840.113549.1.12.1.5": "pbeWithSHAAnd128BitRC2-CBC",
    "1.2.840.113549.1.12.1.6": "pbeWithSHAAnd40BitRC2-CBC",
    "1.2.840.113549.1.5.3": "pbeWithMD5AndDES-CBC",
    "1.2.840.113549.1.5.10": "pbeWithSHA1AndDES-CBC",
  ]

  private enum Failure: Error {
    case malformed(String)
    case unsupported(String)
    case password(String)
  }

  static func read(_ bytes: [UInt8], password: String?) -> Result {
    var result = Result()
    do {
      let pfx = try children(BER.parse(bytes))
      guard pfx.count >= 2, try Int(derEncoded: pfx[0]) == 3 else {
        throw Failure.malformed("not a certificate or a PKCS#12 keystore")
      }
      let authSafe = try contentInfo(pfx[1])
      guard authSafe.type == "1.2.840.113549.1.7.1", let data = try octets(authSafe.content)
      else {
        throw Failure.malformed("PKCS#12 content is not data (signed keystores are not read)")
      }
      for info in try children(BER.parse(data)) {
        let content = try contentInfo(info)
        switch content.type {
        case "1.2.840.113549.1.7.1":
          guard let safeContents = try octets(content.content) else { continue }
          try bags(safeContents, into: &result.certificates)
        case "1.2.840.113549.1.7.6":
          guard let node = content.content else { continue }
          let plain = try decrypt(node, password: password)
          try bags(plain, into: &result.certificates)
        default:
          continue
        }
      }
      if result.certificates.isEmpty { result.problem = "the keystore holds no certificate" }
    } catch Failure.malformed(let reason) {
      result.problem = reason
    } catch Failure.unsupported(let reason) {
      result.problem = reason
      result.conversionHint = legacyConversion
    } catch Failure.password(let reason) {
      result.problem = reason
    } catch {
      result.problem = "not a certificate or a valid PKCS#12 keystore"
    }
    return result
  }

  private static func children(_ node: ASN1Node) throws -> [ASN1Node] {
    guard case .constructed(let nodes) = node.content else {
      throw Failure.malformed("malformed PKCS#12 structure")
    }
    return Array(nodes)
  }

  /// ContentInfo: an OID and an optional `[0] EXPLICIT` content.
  private static func contentInfo(_ node: ASN1Node) throws -> (type: String, content: ASN1Node?) {
    let parts = try children(node)
    guard let first = parts.first else { throw Failure.malformed("empty PKCS#12 ContentInfo") }
    let type = try ASN1ObjectIdentifier(derEncoded: first).description
    guard parts.count > 1, parts[1].identifier.tagClass == .contextSpecific else {
      return (type, nil)
    }
    return (type, try children(parts[1]).first)
  }

  /// An OCTET STRING's bytes, primitive or (BER) constructed from segments.
  private static func octets(_ node: ASN1Node?) throws -> [UInt8]? {
    guard let node else { return nil }
    switch node.content {
    case .primitive(let bytes): return Array(bytes)
    case .constructed(let parts):
      var all: [UInt8] = []
      for part in parts { all += try octets(part) ?? [] }
      return all
    }
  }

  private static func bags(_ bytes: [UInt8], into certificates: inout [CertificateSummary]) throws {
    for bag in try children(BER.parse(bytes)) {
      let parts = try children(bag)
      guard parts.count >= 2,
        try ASN1ObjectIdentifier(derEncoded: parts[0]).description == "1.2.840.113549.1.12.10.1.3",
        let certBag = try children(parts[1]).first
      else { continue }
      let fields = try children(certBag)
      guard fields.count >= 2,
        try ASN1ObjectIdentifier(derEncoded: fields[0]).description == "1.2.840.113549.1.9.22.1",
        let value = try children(fields[1]).first, let der = try octets(value)
      else { continue }
      guard certificates.count < CertificateReader.maxCertificates else { return }
      guard let summary = CertificateSummary(derEncoded: der) else {
        throw Failure.malformed("a certificate bag does not hold a valid X.509 certificate")
      }
      certificates.append(summary)
    }
  }

  /// EncryptedData → the decrypted SafeContents.
  private static func decrypt(_ node: ASN1Node, password: String?) throws -> [UInt8] {
    let encryptedData = try children(node)
    guard encryptedData.count >= 2 else {
      throw Failure.malformed("malformed PKCS#12 EncryptedData")
    }
    let info = try children(encryptedData[1])
    guard info.count >= 3 else { throw Failure.malformed("malformed PKCS#12 EncryptedContentInfo") }
    let algorithm = try children(info[1])
    guard let algorithmNode = algorithm.first else {
      throw Failure.malformed("no encryption algorithm")
    }
    let oid = try ASN1ObjectIdentifier(derEncoded: algorithmNode).description
    guard oid == "1.2.840.113549.1.5.13" else {
      let name = legacySchemes[oid] ?? oid
      throw Failure.unsupported(
        "the keystore's certificates are encrypted with the legacy scheme \(name), "
          + "which this tool cannot decrypt")
    }
    guard let password else {
      throw Failure.password(
        "the keystore's certificates are encrypted: give its password with "
          + "--keystore-password-env or --keystore-password-file")
    }
    guard algorithm.count > 1 else { throw Failure.malformed("PBES2 without parameters") }
    let pbes2 = try children(algorithm[1])
    guard pbes2.count == 2 else { throw Failure.malformed("malformed PBES2 parameters") }
    let kdf = try children(pbes2[0])
    guard kdf.count == 2,
      try ASN1ObjectIdentifier(derEncoded: kdf[0]).description
        == "1.2.840.113549.1.5.12"
    else { throw Failure.unsupported("PBES2 with a key derivation other than PBKDF2") }
    let kdfParameters = try children(kdf[1])
    guard kdfParameters.count >= 2, let salt = try octets(kdfParameters[0]) else {
      throw Failure.malformed("malformed PBKDF2 parameters")
    }
    let iterations = try Int(derEncoded: kdfParameters[1])
    guard iterations > 0, iterations <= maxIterations else {
      throw Failure.malformed(
        "PBKDF2 iteration count \(iterations) is outside 1…\(maxIterations)")
    }
    var hash = KDF.Insecure.PBKDF2.HashFunction.insecureSHA1
    for parameter in kdfParameters.dropFirst(2) where parameter.identifier == .sequence {
      let prf = try children(parameter)
      guard let prfOID = prf.first else { continue }
      switch try ASN1ObjectIdentifier(derEncoded: prfOID).description {
      case "1.2.840.113549.2.7": hash = .insecureSHA1
      case "1.2.840.113549.2.9": hash = .sha256
      case "1.2.840.113549.2.10": hash = .sha384
      case "1.2.840.113549.2.11": hash = .sha512
      case let other: throw Failure.unsupported("PBKDF2 with the PRF \(other)")
      }
    }
    let scheme = try children(pbes2[1])
    guard scheme.count == 2, let iv = try octets(scheme[1]) else {
      throw Failure.malformed("malformed PBES2 encryption scheme")
    }
    let keyLength: Int
    switch try ASN1ObjectIdentifier(derEncoded: scheme[0]).description {
    case "2.16.840.1.101.3.4.1.2": keyLength = 16
    case "2.16.840.1.101.3.4.1.22": keyLength = 24
    case "2.16.840.1.101.3.4.1.42": keyLength = 32
    case let other: throw Failure.unsupported("PBES2 with the cipher \(other)")
    }
    guard let ciphertext = try octets(info[2]) else {
      throw Failure.malformed("no encrypted content")
    }
    do {
      let key = try KDF.Insecure.PBKDF2.deriveKey(
        from: Array(password.utf8), salt: salt, using: hash, outputByteCount: keyLength,
        unsafeUncheckedRounds: iterations)
      let plain = try AES._CBC.decrypt(ciphertext, using: key, iv: AES._CBC.IV(ivBytes: iv))
      return Array(plain)
    } catch {
      throw Failure.password("the keystore password is wrong (the certificates do not decrypt)")
    }
  }
}
