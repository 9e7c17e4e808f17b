/// KL450: a broker certificate does not chain to the CA given with it.
public struct CertificateChainNotVerifiable: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL450", name: "certificate-chain-not-verifiable", severity: .warning,
    summary: "A broker certificate is not signed, directly or through its chain, by the CA "
      + "given with it.",
    rationale: """
      Clients trust a broker only if its certificate chains to a CA in their truststore. When \
      a Secret holds `ca.crt` beside `tls.crt` (cert-manager, `kubernetes.io/tls`), a \
      description's `tls.ca` names the CA of its certificate, or `lint --ca FILE` names the CA \
      clients trust, every link is checked: the issuer's name and its signature. A \
      certificate reissued by another CA, a bundle missing its intermediate or a stale \
      `ca.crt` fail every client with `PKIX path building failed` (Java) or `unable to get \
      local issuer certificate` (OpenSSL). Put the intermediates in the broker's chain after \
      its certificate, and give clients the CA that signed it.
      """,
    triggering: [
      RuleExample(
        "secret.yaml",
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: kafka-1-tls
        type: kubernetes.io/tls
        stringData:
          tls.crt: ↓|

        """ + indented(TLSExampleCertificates.kafka1, by: 4) + """
            ca.crt: |

          """ + indented(TLSExampleCertificates.otherCa, by: 4))
    ],
    passing: [
      RuleExample(
        "secret.yaml",
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: kafka-1-tls
        type: kubernetes.io/tls
        stringData:
          tls.crt: |

        """ + indented(TLSExampleCertificates.kafka1, by: 4) + """
            ca.crt: |

          """ + indented(TLSExampleCertificates.ca, by: 4))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var checked: [(CertificateFile, [CertificateSummary], String)] = []
    // A Secret's ca.crt is the CA its tls.crt (or <pod>.crt) must chain to.
    let secrets = Dictionary(grouping: input.tls.secrets) {
      "\($0.namespace ?? "")/\($0.secretName)"
    }
    for (_, entries) in secrets.sorted(by: { $0.key < $1.key }) {
      guard let ca = entries.first(where: { $0.key == "ca.crt" }), !ca.file.certificates.isEmpty
      else { continue }
      for entry in entries where entry.key != "ca.crt" {
        checked.append((entry.file, ca.file.certificates, "ca.crt of Secret \(entry.secretName)"))
      }
    }
    // A description's `tls.ca` (or its Secret's ca.crt) is the CA its certificate must chain to.
    for described in input.tls.described {
      guard let ca = described.ca, !ca.certificates.isEmpty,
        !checked.contains(where: { $0.0.location == described.certificate.file.location })
      else { continue }
      checked.append((described.certificate.file, ca.certificates, "the CA \(ca.path)"))
    }
    if !input.tls.trustedCertificates.isEmpty {
      for file in TLSAnalysis.certificateFiles(input)
      where !input.tls.secrets.contains(where: { $0.key == "ca.crt" && $0.file == file }) {
        checked.append((file, input.tls.trustedCertificates, "the CA given with --ca"))
      }
    }
    for (file, anchors, what) in checked {
      guard let leaf = file.certificates.first, !leaf.isCertificateAuthority else { continue }
      guard
        let problem = CertificateChains.problem(
          leaf: leaf, intermediates: Array(file.certificates.dropFirst()), anchors: anchors)
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "certificate \(file.label) does not chain to \(what): \(problem)", at: file.location))
    }
    return diagnostics
  }
}
