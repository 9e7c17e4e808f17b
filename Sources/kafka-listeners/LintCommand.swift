import ArgumentParser
import KafkaListeners

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, sarif, github
}

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check server.properties files, Kafka resources and cluster descriptions.")

  @Argument(
    help: ArgumentHelp(
      "Files and directories to check (default: the current directory).",
      discussion: "Directories are walked for *.properties, *.yaml, *.yml and *.json."))
  var paths: [String] = []

  @Option(help: "Output format.")
  var format: ReportFormat = .text

  @Flag(help: "Fail (exit 1) on warnings too, not only on errors.")
  var strict = false

  @Option(help: ArgumentHelp("Configuration file (default: .kafka-listeners.yaml found upward).", valueName: "file"))
  var config: String?

  @Flag(help: "Do not read any configuration file.")
  var noConfig = false

  @Option(help: ArgumentHelp("Kafka version whose startup checks apply (default: \(KafkaVersion.newest)).", valueName: "X.Y"))
  var kafkaVersion: String?

  @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to a file instead of standard output.", valueName: "file"))
  var output: String?

  @Flag(help: "Also resolve every advertised name with the system resolver (bounded time per name).")
  var resolve = false

  @Option(
    name: .customLong("properties"),
    help: ArgumentHelp(
      "A server.properties of a description's node, compared with what would be generated.",
      valueName: "NODE=FILE"))
  var nodeProperties: [String] = []

  @OptionGroup var compose: ComposeOptions
  @Option(
    help: ArgumentHelp(
      "A certificate (PEM, DER, JKS, PKCS#12 or Secret) a node presents; repeatable.",
      discussion: "Without NODE_ID= the certificate serves every node.",
      valueName: "[NODE_ID=]FILE"))
  var certificate: [String] = []

  @Option(
    help: ArgumentHelp(
      "A CA certificate (or bundle) clients trust, to check broker chains against; repeatable.",
      valueName: "FILE"))
  var ca: [String] = []

  @Option(help: ArgumentHelp("Judge certificate validity at this moment.", valueName: "RFC3339"))
  var now: String?

  @Option(
    help: ArgumentHelp(
      "Client libraries whose hostname rules apply (default: both).",
      valueName: "java|librdkafka|both"))
  var tlsClients: String?

  @Option(
    help: ArgumentHelp(
      "Warn about certificates expiring within this many days (default: 30).", valueName: "days"))
  var tlsExpiryWarningDays: Int?

  @Option(
    help: ArgumentHelp("Environment variable holding the keystore password.", valueName: "NAME"))
  var keystorePasswordEnv: String?

  @Option(help: ArgumentHelp("File holding the keystore password (first line).", valueName: "file"))
  var keystorePasswordFile: String?

  func validate() throws {
    if let now, TLSOptions.parseTime(now) == nil {
      throw ValidationError(
        "--now takes an RFC 3339 time such as 2026-11-27T12:00:00Z, not '\(now)'")
    }
    if let tlsClients, TLSOptions.parseClients(tlsClients) == nil {
      throw ValidationError("--tls-clients takes java, librdkafka or both, not '\(tlsClients)'")
    }
    if let days = tlsExpiryWarningDays, days < 0 {
      throw ValidationError("--tls-expiry-warning-days must not be negative")
    }
    for value in certificate where CertificateMapping(argument: value).path.isEmpty {
      throw ValidationError("--certificate takes [NODE_ID=]FILE, not '\(value)'")
    }
    if config != nil && noConfig {
      throw ValidationError("--config and --no-config cannot be used together")
    }
    for value in nodeProperties where parseNodeProperties(value) == nil {
      throw ValidationError("--properties takes NODE=FILE with a numeric node id, not '\(value)'")
    }
  }

  func run() throws { try request.run() }

  /// The options as plain values.
  var request: LintRequest {
    LintRequest(
      paths: paths, format: format, strict: strict, config: config, noConfig: noConfig,
      kafkaVersion: kafkaVersion, output: output, resolve: resolve,
      nodeProperties: nodeProperties, composeVariables: compose.variables,
      useProcessEnv: compose.useProcessEnv, certificate: certificate, ca: ca, now: now,
      tlsClients: tlsClients, tlsExpiryWarningDays: tlsExpiryWarningDays,
      keystorePasswordEnv: keystorePasswordEnv, keystorePasswordFile: keystorePasswordFile)
  }
}

/// What `lint` was asked to do, apart from how the arguments were spelled: argument-parser's
/// `LintCommand` and the start-up fast path (`LintFastPath`) both produce one.
struct LintRequest: Equatable {
  var paths: [String] = []
  var format: ReportFormat = .text
  var strict = false
  var config: String?
  var noConfig = false
  var kafkaVersion: String?
  var output: String?
  var resolve = false
  var nodeProperties: [String] = []
  var composeVariables: [String] = []
  var useProcessEnv = false
  var certificate: [String] = []
  var ca: [String] = []
  var now: String?
  var tlsClients: String?
  var tlsExpiryWarningDays: Int?
  var keystorePasswordEnv: String?
  var keystorePasswordFile: String?

  /// Lints, prints the report and throws `ExitCode` when the exit code is not 0.
  func run() throws {
    var configuration = Configuration()
    if let config {
      configuration = try KafkaListeners.loadConfiguration(path: config)
    } else if !noConfig, let found = KafkaListeners.findConfiguration(from: ".") {
      configuration = try KafkaListeners.loadConfiguration(path: found)
    }
    if let kafkaVersion {
      guard let version = KafkaVersion(kafkaVersion) else {
        throw ToolError.unsupportedKafkaVersion(kafkaVersion)
      }
      configuration.kafkaVersion = version
    }
    configuration.resolveNames = resolve
    ComposeOptions.apply(
      variables: composeVariables, useProcessEnv: useProcessEnv, to: &configuration)
    configuration.nodeProperties = nodeProperties.compactMap(parseNodeProperties)
    // Command-line certificates take precedence over those of the configuration file.
    configuration.tls.certificatePaths =
      certificate.map(CertificateMapping.init(argument:)) + configuration.tls.certificatePaths
    configuration.tls.caPaths += ca
    if let now { configuration.tls.now = TLSOptions.parseTime(now) }
    if let tlsClients, let clients = TLSOptions.parseClients(tlsClients) {
      configuration.tls.clients = clients
    }
    if let tlsExpiryWarningDays { configuration.tls.expiryWarningDays = tlsExpiryWarningDays }
    if let keystorePasswordEnv {
      guard let value = getenv(keystorePasswordEnv) else {
        throw ValidationError("--keystore-password-env: \(keystorePasswordEnv) is not set")
      }
      configuration.tls.keystorePassword = String(cString: value)
    }
    if let keystorePasswordFile {
      guard let bytes = KafkaListeners.readFile(keystorePasswordFile) else {
        throw ToolError.noSuchFile(keystorePasswordFile)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      configuration.tls.keystorePassword = String(text.prefix { $0 != "\n" && $0 != "\r" })
    }
    let extra = configuration.nodeProperties.map(\.path)
    let report = try KafkaListeners.lint(
      paths: (paths.isEmpty && extra.isEmpty ? ["."] : paths) + extra,
      configuration: configuration)
    keepUntilExit(report)

    if let output {
      let rendered: String
      switch format {
      case .text: rendered = TextRenderer(color: false).render(report)
      case .json: rendered = JSONReportRenderer.render(report)
      case .sarif: rendered = SARIFRenderer.render(report)
      case .github: rendered = GitHubRenderer.render(report)
      }
      try AtomicFile.write(Array(rendered.utf8), to: output)
    } else {
      // Standard output gets the report in pieces as they are written: a report of a hundred
      // thousand findings is over 100 MB of SARIF, which need not be held at once.
      var standardOutput = StandardOutput()
      switch format {
      case .text: TextRenderer(color: Output.useColor).render(report, to: &standardOutput)
      case .json: JSONReportRenderer.render(report, to: &standardOutput)
      case .sarif: SARIFRenderer.render(report, to: &standardOutput)
      case .github: standardOutput.write(GitHubRenderer.render(report))
      }
    }
    if format == .text && !report.diagnostics.isEmpty {
      Output.error(TextRenderer().summary(report))
    }
    if report.unreadableFileCount > 0 {
      Output.error("error: \(report.unreadableFileCount) file(s) could not be read")
    }
    let code = report.exitCode(strict: strict)
    if code != 0 { throw ExitCode(code) }
  }
}

/// `NODE=FILE` of `--properties`.
func parseNodeProperties(_ value: String) -> (node: Int, path: String)? {
  guard let equals = value.firstIndex(of: "="), let node = Int(value[..<equals]), node >= 0
  else { return nil }
  let path = String(value[value.index(after: equals)...])
  return path.isEmpty ? nil : (node, path)
}

func errorText(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "error \(code)" }
  return String(decoding: UnsafeRawBufferPointer(start: text, count: strlen(text)), as: UTF8.self)
}
