import ArgumentParser
import KafkaListeners

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The command line. Exit codes are a contract: 0 clean, 1 findings, 2 the tool could not do its
/// job. argument-parser's usage error (64) is remapped to 2 here.
@main
struct KafkaListenersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kafka-listeners",
    abstract: "Generate and lint Apache Kafka listener configuration.",
    discussion: """
      Exit codes: 0 nothing at or above the failing severity, 1 findings (or drift under \
      --check), 2 the tool could not do its job (bad usage, unreadable input, bad configuration).
      """,
    version: KafkaListeners.version,
    subcommands: [
      LintCommand.self, GenerateCommand.self, ProbeCommand.self, RulesCommand.self,
      ExplainCommand.self,
    ],
    defaultSubcommand: LintCommand.self)

  static func main() {
    do {
      if let request = LintFastPath.request(Array(CommandLine.arguments.dropFirst())) {
        try request.run()
        terminate(0)
      }
      var command = try parseAsRoot()
      try command.run()
      terminate(0)
    } catch let error as ToolError {
      Output.error("error: \(error)")
      terminate(2)
    } catch let code as ExitCode {
      terminate(code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        Output.write(fullMessage(for: error) + "\n")
        terminate(0)
      }
      Output.error(fullMessage(for: error))
      terminate(code == .validationFailure || code == .failure ? 2 : code.rawValue)
    }
  }
}

/// Standard output as a `TextOutputStream`, for renderers that write a long report in pieces.
struct StandardOutput: TextOutputStream {
  mutating func write(_ string: String) { Output.write(string) }
}

/// Writing to the standard streams without Foundation, which keeps start-up short.
enum Output {
  static func write(_ text: String) { put(text, to: STDOUT_FILENO) }

  static func error(_ text: String) {
    put(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
  }

  private static func put(_ text: String, to fd: Int32) {
    // Written from the string's own storage: a generated configuration can be tens of
    // megabytes, not worth copying to write once.
    var text = text
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      var written = 0
      while written < bytes.count {
        let n = writeBytes(fd, base + written, bytes.count - written)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        written += n
      }
    }
  }

  /// Colour only on a terminal, and never when `NO_COLOR` is set or the terminal is dumb.
  static var useColor: Bool {
    if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
    if let term = getenv("TERM"), strcmp(term, "dumb") == 0 { return false }
    return isatty(STDOUT_FILENO) != 0
  }
}

/// `exit(3)`, named apart from `ParsableCommand.exit`.
func terminate(_ code: Int32) -> Never { exit(code) }

/// Keeps `value` alive until the process exits. The results of a large run (a generated
/// 10,000-node cluster is millions of small objects) took tens of milliseconds to free after
/// the output was written, for memory the process hands back when it exits anyway.
func keepUntilExit(_ value: Any) { keptUntilExit.append(value) }

/// Written only by `keepUntilExit`, on the main thread, and never read.
nonisolated(unsafe) private var keptUntilExit: [Any] = []

/// `write(2)`, named apart from `Output.write`.
func writeBytes(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
