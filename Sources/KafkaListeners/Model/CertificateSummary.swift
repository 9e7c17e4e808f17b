/// What the TLS checks need to know about one X.509 certificate.
public struct CertificateSummary: Sendable, Hashable {
  /// The subject distinguished name, RFC 4514 style (`CN=kafka-0,O=example`).
  public var subject: String
  /// The issuer distinguished name.
  public var issuer: String
  /// Subject common names and subjectAltName DNS and IP entries.
  public var names: CertificateNames
  /// Start of validity, seconds since 1970-01-01T00:00:00Z.
  public var notValidBefore: Int64
  /// End of validity, seconds since 1970-01-01T00:00:00Z.
  public var notValidAfter: Int64
  /// SHA-256 of the DER encoding, lower-case hex.
  public var sha256: String
  /// Whether basicConstraints marks it as a certificate authority.
  public var isCertificateAuthority: Bool
  /// extendedKeyUsage purposes as dotted OIDs; `nil` when the extension is absent.
  public var extendedKeyUsage: [String]?
  /// The DER encoding, for chain verification.
  public var derBytes: [UInt8]

  /// Creates a summary.
  public init(
    subject: String, issuer: String, names: CertificateNames, notValidBefore: Int64,
    notValidAfter: Int64, sha256: String, isCertificateAuthority: Bool,
    extendedKeyUsage: [String]?, derBytes: [UInt8]
  ) {
    self.subject = subject
    self.issuer = issuer
    self.names = names
    self.notValidBefore = notValidBefore
    self.notValidAfter = notValidAfter
    self.sha256 = sha256
    self.isCertificateAuthority = isCertificateAuthority
    self.extendedKeyUsage = extendedKeyUsage
    self.derBytes = derBytes
  }

  /// Whether a TLS server may use it: no extendedKeyUsage, or one that lists `serverAuth`
  /// (1.3.6.1.5.5.7.3.1) or `anyExtendedKeyUsage` (2.5.29.37.0), as Java and OpenSSL require.
  public var allowsServerAuthentication: Bool {
    guard let usages = extendedKeyUsage else { return true }
    return usages.contains("1.3.6.1.5.5.7.3.1") || usages.contains("2.5.29.37.0")
  }

  /// The first 12 hex digits of the SHA-256 fingerprint, for messages.
  public var shortFingerprint: String { String(sha256.prefix(12)) }

  /// Parses one DER-encoded certificate; `nil` when it is not one.
  public init?(derEncoded bytes: [UInt8]) {
    guard let summary = X509Summaries.summary(der: bytes) else { return nil }
    self = summary
  }
}

/// A certificate file as read: its certificates (leaf first) or the reason there are none.
public struct CertificateFile: Sendable, Hashable {
  /// The path as the user named it (for a Secret or properties value, the file holding it).
  public var path: String
  /// Where in `path` the certificate text starts (line 1, column 1 for whole files).
  public var location: SourceLocation
  /// The certificates in file order: for a server chain the first is the leaf.
  public var certificates: [CertificateSummary]
  /// Why nothing (or not everything) could be read, when that happened.
  public var problem: String?
  /// The `openssl`/`keytool` command that converts an unsupported keystore, when one helps.
  public var conversionHint: String?

  /// Creates a file record.
  public init(
    path: String, location: SourceLocation? = nil, certificates: [CertificateSummary],
    problem: String? = nil, conversionHint: String? = nil
  ) {
    self.path = path
    self.location = location ?? .start(of: path)
    self.certificates = certificates
    self.problem = problem
    self.conversionHint = conversionHint
  }

  /// The certificate a server presents first: the first that is not a CA, else the first.
  public var leaf: CertificateSummary? {
    certificates.first { !$0.isCertificateAuthority } ?? certificates.first
  }

  /// `file (sha256 3f9a…)`, for messages.
  public var label: String {
    guard let leaf else { return path }
    return "\(path) (sha256 \(leaf.shortFingerprint)…)"
  }
}
