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

  func validate() throws {
    if config != nil && noConfig {
      throw ValidationError("--config and --no-config cannot be used together")
    }
  }

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
    let report = try KafkaListeners.lint(
      paths: paths.isEmpty ? ["."] : paths, configuration: configuration)

    let rendered: String
    switch format {
    case .text: rendered = TextRenderer(color: output == nil && Output.useColor).render(report)
    case .json: rendered = JSONReportRenderer.render(report)
    case .sarif: rendered = SARIFRenderer.render(report)
    case .github: rendered = GitHubRenderer.render(report)
    }
    if let output {
      try FileWriting.writeAtomically(rendered, to: output)
    } else {
      Output.write(rendered)
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

/// Writes a file through a temporary file in the same directory and a rename, so a reader never
/// sees half a file and a failed run leaves the old one in place.
enum FileWriting {
  static func writeAtomically(_ text: String, to path: String) throws {
    let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) : "."
    let temporary = (directory.isEmpty ? "" : directory + "/") + ".kafka-listeners-\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw ToolError.writeFailed(path, errorText(errno)) }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return writeBytes(fd, base + written, bytes.count - written)
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        let reason = errorText(errno)
        close(fd)
        unlink(temporary)
        throw ToolError.writeFailed(path, reason)
      }
      written += n
    }
    if fsync(fd) != 0 || close(fd) != 0 || rename(temporary, path) != 0 {
      let reason = errorText(errno)
      unlink(temporary)
      throw ToolError.writeFailed(path, reason)
    }
  }
}

func errorText(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "error \(code)" }
  return String(decoding: UnsafeRawBufferPointer(start: text, count: strlen(text)), as: UTF8.self)
}
