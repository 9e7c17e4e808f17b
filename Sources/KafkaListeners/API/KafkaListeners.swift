/// The library's entry points: lint files on disk or in memory, read a configuration, list the
/// rules.
///
/// ```swift
/// import KafkaListeners
///
/// let report = try KafkaListeners.lint(paths: ["config/server.properties"])
/// for diagnostic in report.diagnostics { print(diagnostic) }
/// ```
public enum KafkaListeners {
  /// This release of the library and tool.
  public static let version = "0.1.0"

  /// Where the project and its rule documentation live.
  public static let repositoryURL = "https://github.com/kafka-listeners/kafka-listeners"

  /// Lints files and directories on disk. Directories are walked for `*.properties`, `*.yaml`,
  /// `*.yml` and `*.json` (hidden entries skipped, symbolic links to directories not followed).
  ///
  /// - Throws: ``ToolError/noSuchFile(_:)`` when a named path does not exist. Files that exist
  ///   but cannot be read become ``UnreadableFile`` diagnostics instead.
  public static func lint(
    paths: [String], configuration: Configuration = Configuration(), limits: Limits = Limits()
  ) throws(ToolError) -> LintReport {
    let (input, configuration, fileCount) = try prepare(
      paths: paths, configuration: configuration, limits: limits)
    let report = Linter(configuration: configuration).lint(input, fileCount: fileCount)
    if input.isLarge { Parallel.release(consume input) }
    return report
  }

  /// Reads the inputs under `paths` as every command reads them: the files, the compose
  /// environment next to them, the certificates given in the configuration, the keystores the
  /// inputs name, and the server.properties files that descriptions name for their nodes. `lint`
  /// and `generate` share it, so that both report the same findings.
  static func prepare(
    paths: [String], configuration: Configuration, limits: Limits
  ) throws(ToolError) -> (input: LintInput, configuration: Configuration, fileCount: Int) {
    let collector = InputCollector(limits: limits)
    let files = try collector.collect(paths)
    var configuration = composeFiles(for: files, configuration: configuration, limits: limits)
    try CertificateLoading.loadGiven(&configuration.tls)
    var input = LintInput(files: files, configuration: configuration)
    // Keystores named by the broker configurations just parsed (parsing them again cost as much
    // as the rest of a large file's lint).
    CertificateLoading.loadKeystores(
      into: &input, for: input.brokerConfigurations.map(\.file),
      password: configuration.tls.keystorePassword)
    CertificateLoading.loadComposeKeystores(
      into: &input, password: configuration.tls.keystorePassword)
    // Descriptions may name their nodes' server.properties (`spec.properties`) for drift checks;
    // they are read once the descriptions are parsed, so nothing is parsed twice.
    let referenced = collector.referencedFiles(of: input.clusters, inputs: files)
    input.addProperties(referenced)
    CertificateLoading.loadDescribed(
      into: &input, referenced: referenced, password: configuration.tls.keystorePassword)
    return (input, configuration, files.count + referenced.count)
  }

  /// Lints files already in memory.
  public static func lint(
    _ files: [SourceFile], configuration: Configuration = Configuration()
  ) -> LintReport {
    Linter(configuration: configuration).lint(files)
  }

  /// Lints the inputs and derives every cluster's per-node listener configuration.
  public static func generate(
    paths: [String], configuration: Configuration = Configuration(), limits: Limits = Limits()
  ) throws(ToolError) -> (report: LintReport, clusters: [DerivedCluster]) {
    var (input, configuration, fileCount) = try prepare(
      paths: paths, configuration: configuration, limits: limits)
    // Generating is how drift is repaired, so drift (KL501) must not stop it.
    configuration.rules[ConfigurationDrift.code] = .off
    let report = Linter(configuration: configuration).lint(input, fileCount: fileCount)
    let clusters = input.derivedClusters
    if input.isLarge { Parallel.release(consume input) }
    return (report, clusters)
  }

  /// Derives the per-node listener configuration of in-memory inputs.
  public static func generate(
    _ files: [SourceFile], configuration: Configuration = Configuration()
  ) -> (report: LintReport, clusters: [DerivedCluster]) {
    // Generating is how drift is repaired, so drift (KL501) must not stop it.
    var configuration = configuration
    configuration.rules[ConfigurationDrift.code] = .off
    let input = LintInput(files: files, configuration: configuration)
    let report = Linter(configuration: configuration).lint(input, fileCount: files.count)
    return (report, input.derivedClusters)
  }

  /// The bytes of a regular file, or `nil` when it cannot be read.
  public static func readFile(_ path: String) -> [UInt8]? {
    if case .bytes(let bytes) = FileReading.read(path, limit: Limits().maxFileBytes) { return bytes }
    return nil
  }

  /// Every rule the linter knows, in code order.
  public static var rules: [any Rule] { RuleRegistry.all }

  /// Reads a configuration file (`.kafka-listeners.yaml`).
  public static func loadConfiguration(path: String) throws(ToolError) -> Configuration {
    let bytes: [UInt8]
    switch FileReading.read(path, limit: 1 << 20) {
    case .bytes(let read): bytes = read
    case .unreadable(let reason):
      if !FileReading.exists(path) { throw .noSuchFile(path) }
      throw .unreadableConfiguration(path, reason)
    }
    return try ConfigurationReader.read(path: path, bytes: bytes)
  }

  /// Finds `.kafka-listeners.yaml` in `directory` or the nearest directory above it.
  public static func findConfiguration(from directory: String) -> String? {
    var current = FileReading.absolute(directory)
    while true {
      let candidate = current == "/" ? "/" + Configuration.fileName
        : current + "/" + Configuration.fileName
      if FileReading.exists(candidate) { return candidate }
      guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
      current = slash == current.startIndex ? "/" : String(current[..<slash])
    }
  }
}

/// Bounds on what one run reads, so that hostile input cannot exhaust memory.
public struct Limits: Sendable {
  /// The largest file read, in bytes.
  public var maxFileBytes: Int

  /// Creates limits; the default file size limit is 256 MiB.
  public init(maxFileBytes: Int = 256 << 20) {
    self.maxFileBytes = maxFileBytes
  }
}
