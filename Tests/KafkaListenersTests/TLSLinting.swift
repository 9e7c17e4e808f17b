@testable import KafkaListeners

/// Lints `paths` through the path-based API (which reads the certificate files the inputs
/// name) with certificates judged at `now`, and keeps the diagnostics whose code starts with
/// one of `codePrefixes`.
func tlsDiagnostics(
  _ paths: [String], now: Int64, certificates: [CertificateMapping], codePrefixes: [String]
) throws -> [Diagnostic] {
  var configuration = Configuration()
  configuration.tls.now = now
  configuration.tls.certificatePaths = certificates
  return try KafkaListeners.lint(paths: paths, configuration: configuration).diagnostics
    .filter { codePrefixes.contains(String($0.code.prefix(4))) }
}
