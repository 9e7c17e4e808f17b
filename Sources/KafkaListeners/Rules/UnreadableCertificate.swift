/// KL451: a certificate file, Secret value or keystore cannot be read.
public struct UnreadableCertificate: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL451", name: "unreadable-certificate", severity: .error,
    summary: "A certificate, Secret value or keystore cannot be read, so its names cannot be "
      + "checked.",
    rationale: """
      The TLS-name checks read PEM (single certificates and chains), DER, JKS and PKCS#12 \
      keystores (PBES2/AES, given the password) and Kubernetes Secrets. A garbled PEM block, \
      a truncated file or a PKCS#12 keystore in the legacy RC2/3DES format (the default of \
      OpenSSL 1.x and old JDKs) cannot be read; the message names the conversion command for \
      the latter (`openssl pkcs12 -legacy -in OLD.p12 -nokeys -out certificates.pem`). Fix or \
      convert the file so that its names are checked.
      """,
    triggering: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-1.kafka.example.com:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=↓-----BEGIN CERTIFICATE----- \\
          MIIBdzCCARygAwIBAgICECMwCgYIKoZIzj0EAwIw \\
          -----END CERTIFICATE-----

        """)
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        node.id=1
        listeners=SSL://:9093
        advertised.listeners=SSL://kafka-1.kafka.example.com:9093
        ssl.keystore.type=PEM
        ssl.keystore.certificate.chain=
        """ + TLSExampleCertificates.propertiesValue(TLSExampleCertificates.kafka1))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    TLSAnalysis.certificateFiles(input).compactMap { file in
      guard let problem = file.problem else { return nil }
      var notes: [Diagnostic.Note] = []
      if let hint = file.conversionHint { notes.append(.init("convert it with: \(hint)")) }
      let message =
        file.certificates.isEmpty
        ? "cannot read the certificates of \(file.path): \(problem)"
        : "\(file.path) was read only in part: \(problem)"
      return metadata.diagnostic(message, at: file.location, notes: notes)
    }
  }
}
