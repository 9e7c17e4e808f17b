import Crypto
import SwiftASN1
import X509

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The one place that turns swift-certificates' `Certificate` into a ``CertificateSummary``.
enum X509Summaries {
  static func summary(der bytes: [UInt8]) -> CertificateSummary? {
    guard let certificate = try? Certificate(derEncoded: bytes) else { return nil }
    return summary(certificate, der: bytes)
  }

  static func summary(_ certificate: Certificate, der bytes: [UInt8]) -> CertificateSummary {
    var commonNames: [String] = []
    for rdn in certificate.subject {
      for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
        if let text = String(attribute.value) { commonNames.append(text) }
      }
    }
    var dnsNames: [String] = []
    var ipAddresses: [[UInt8]] = []
    // A malformed subjectAltName yields no names: nothing can match it, which the rules report.
    if let names = try? certificate.extensions.subjectAlternativeNames {
      for name in names {
        switch name {
        case .dnsName(let text): dnsNames.append(text)
        case .ipAddress(let octets): ipAddresses.append(Array(octets.bytes))
        default: continue
        }
      }
    }
    var isCA = false
    if case .isCertificateAuthority = try? certificate.extensions.basicConstraints { isCA = true }
    var usages: [String]?
    if let eku = try? certificate.extensions.extendedKeyUsage {
      usages = eku.map { usage in
        switch usage {
        case .serverAuth: "1.3.6.1.5.5.7.3.1"
        case .clientAuth: "1.3.6.1.5.5.7.3.2"
        case .any: "2.5.29.37.0"
        default: usage.description
        }
      }
    }
    let digest = SHA256.hash(data: bytes)
    let hex = digest.map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
    return CertificateSummary(
      subject: certificate.subject.description, issuer: certificate.issuer.description,
      names: CertificateNames(
        commonNames: commonNames, dnsNames: dnsNames, ipAddresses: ipAddresses),
      notValidBefore: Int64(certificate.notValidBefore.timeIntervalSince1970.rounded(.down)),
      notValidAfter: Int64(certificate.notValidAfter.timeIntervalSince1970.rounded(.down)),
      sha256: hex, isCertificateAuthority: isCA, extendedKeyUsage: usages, derBytes: bytes)
  }
}

extension X509Summaries {
  /// Whether `issuer` issued `child`: its subject is the child's issuer and its public key
  /// verifies the child's signature.
  static func isIssued(_ child: CertificateSummary, by issuer: CertificateSummary) -> Bool {
    guard child.issuer == issuer.subject,
      let childCertificate = try? Certificate(derEncoded: child.derBytes),
      let issuerCertificate = try? Certificate(derEncoded: issuer.derBytes)
    else { return false }
    return issuerCertificate.publicKey.isValidSignature(
      childCertificate.signature, for: childCertificate)
  }
}

/// Chains of given certificates, checked link by link against their CAs.
public enum CertificateChains {
  /// Why `leaf` does not chain to one of `anchors` through `intermediates`, or `nil` when it
  /// does. Each link needs a matching issuer name and a valid signature; validity dates are
  /// left to the expiry rules.
  public static func problem(
    leaf: CertificateSummary, intermediates: [CertificateSummary], anchors: [CertificateSummary]
  ) -> String? {
    var current = leaf
    var used = Set<String>()
    for _ in 0...intermediates.count {
      if anchors.contains(where: { $0.sha256 == current.sha256 }) { return nil }
      if let anchor = anchors.first(where: { X509Summaries.isIssued(current, by: $0) }) {
        _ = anchor
        return nil
      }
      guard
        let next = intermediates.first(where: {
          !used.contains($0.sha256) && X509Summaries.isIssued(current, by: $0)
        })
      else {
        let named = anchors.contains { $0.subject == current.issuer }
        return named
          ? "the signature of \(quoted(current.subject)) does not verify with the key of its "
            + "issuer \(quoted(current.issuer))"
          : "no given CA or intermediate is \(quoted(current.issuer)), the issuer of "
            + "\(quoted(current.subject))"
      }
      used.insert(next.sha256)
      current = next
    }
    return "the chain does not reach a given CA"
  }
}
