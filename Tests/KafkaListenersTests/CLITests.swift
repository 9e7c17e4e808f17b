import Foundation
import TestSupport
import Testing

/// End-to-end: the built executable on fixtures, checking standard output and exit codes.
@Suite struct CLITests {
  let broken = "Fixtures/properties/broken-server.properties"
  let clean = "Fixtures/properties/clean-kraft-server.properties"

  @Test func brokenFileExitsOneWithLocatedDiagnostics() throws {
    let result = try runCLI(["lint", broken])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") }
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(
        line.wholeMatch(of: /[^:]+:\d+:\d+: (error|warning|note): .+ \[KL\d{3} [a-z0-9-]+\]/)
          != nil, "\(line)")
    }
    #expect(result.stdout.contains("\(broken):8:5: error: "))
    #expect(result.stderr.contains("2 errors, 3 warnings in 1 file"))
  }

  @Test func cleanFileExitsZeroSilently() throws {
    let result = try runCLI(["lint", clean])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
  }

  @Test func lintIsTheDefaultSubcommand() throws {
    #expect(try runCLI([broken]).status == 1)
    #expect(try runCLI([clean]).status == 0)
  }

  @Test func missingFileExitsTwoWithAMessage() throws {
    let result = try runCLI(["lint", "Fixtures/properties/does-not-exist.properties"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("does-not-exist.properties: no such file or directory"))
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try runCLI(["lint", "--format", "xml", clean]).status == 2)
    #expect(try runCLI(["lint", "--no-such-flag", clean]).status == 2)
    #expect(try runCLI(["lint", "--kafka-version", "9.9", clean]).status == 2)
    #expect(try runCLI(["explain", "KL999"]).status == 2)
  }

  @Test func helpAndVersionExitZero() throws {
    let help = try runCLI(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: kafka-listeners"))
    let version = try runCLI(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  }

  @Test func strictFailsOnWarnings() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("server.properties")
    try "num.network.threads=3\nnum.network.threads=3\n".write(
      to: file, atomically: true, encoding: .utf8)
    #expect(try runCLI(["lint", file.path]).status == 0)
    #expect(try runCLI(["lint", "--strict", file.path]).status == 1)
  }

  @Test func unreadableInputExitsTwoAndIsReported() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let fifo = directory.appendingPathComponent("server.properties").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let result = try runCLI(["lint", "--format", "json", fifo])
    #expect(result.status == 2)
    #expect(result.stdout.contains("\"rule\": \"KL001\""))
    #expect(result.stdout.contains("FIFO"))
  }

  @Test func directoriesAreWalkedInSortedOrder() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let nested = directory.appendingPathComponent("b/c")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
    let duplicate = "a=1\na=2\n"
    for path in ["z.properties", "b/c/y.properties", "a.properties", ".hidden/x.properties"] {
      try duplicate.write(
        to: directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }
    try duplicate.write(
      to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    // A link loop must not hang the walk.
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("b/loop").path, withDestinationPath: "..")
    let result = try runCLI(["lint", directory.path])
    let files = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") }
      .map { String($0.split(separator: ":")[0]).replacingOccurrences(of: directory.path + "/", with: "") }
    #expect(files == ["a.properties", "b/c/y.properties", "z.properties"])
  }

  @Test func outputIsDeterministic() throws {
    for format in ["text", "json", "sarif", "github"] {
      let first = try runCLI(["lint", "--format", format, "Fixtures/properties"])
      let second = try runCLI(["lint", "--format", format, "Fixtures/properties"])
      #expect(first.stdout == second.stdout, "\(format) output differs between runs")
      #expect(!first.stdout.isEmpty)
    }
  }

  @Test func noColorWhenNotATerminal() throws {
    let result = try runCLI(["lint", broken], environment: ["NO_COLOR": ""])
    #expect(!result.stdout.contains("\u{1B}["))
  }

  @Test func outputFileIsWrittenWhole() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("report.sarif").path
    let result = try runCLI(["lint", "--format", "sarif", "--output", target, broken])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written == (try runCLI(["lint", "--format", "sarif", broken])).stdout)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(leftovers == ["report.sarif"])
  }

  @Test func rulesAndExplain() throws {
    let list = try runCLI(["rules"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("KL007  warning duplicate-key"))
    let explain = try runCLI(["explain", "duplicate-key"])
    #expect(explain.status == 0)
    #expect(explain.stdout.hasPrefix("KL007 duplicate-key (warning)"))
    let json = try runCLI(["rules", "--format", "json"])
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    #expect(parsed?.count ?? 0 >= 10)
  }
}
