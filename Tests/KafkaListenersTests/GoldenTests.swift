import Foundation
import TestSupport
import Testing

/// Golden files: each `Fixtures/cases/<name>/` holds `args` (one command-line argument per line)
/// and the expected `stdout` and exit `status` of the built executable. `UPDATE_GOLDEN=1`
/// rewrites them; review the diff before committing.
@Suite struct GoldenTests {
  static let cases: [String] = {
    let directory = packagePath("Fixtures/cases")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter {
      FileManager.default.fileExists(atPath: "\(directory)/\($0)/args")
    }.sorted()
  }()

  @Test func thereAreCases() { #expect(GoldenTests.cases.count >= 6) }

  @Test(arguments: cases)
  func matchesGoldenOutput(name: String) throws {
    let directory = packagePath("Fixtures/cases/\(name)")
    let args = try String(contentsOfFile: "\(directory)/args", encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let result = try runCLI(args)
    let stdoutPath = "\(directory)/stdout"
    let statusPath = "\(directory)/status"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try result.stdout.write(toFile: stdoutPath, atomically: true, encoding: .utf8)
      try "\(result.status)\n".write(toFile: statusPath, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOfFile: stdoutPath, encoding: .utf8)
    let status = try String(contentsOfFile: statusPath, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(result.stdout == expected, "\(name): stdout differs from the golden file")
    #expect("\(result.status)" == status, "\(name): exit status")
  }
}
