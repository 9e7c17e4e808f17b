import Foundation
import TestSupport
import Testing

/// The same inputs give the same bytes: every fixture directory is linted (text, json, sarif)
/// and generated (json, properties) twice, and once more with its files named one by one in
/// reverse order, and every output must be byte-identical (stdout, stderr and exit code).
struct DeterminismTests {
  static let directories = [
    "Fixtures/properties", "Fixtures/kafka", "Fixtures/strimzi", "Fixtures/descriptions",
  ]

  static let commands: [[String]] = [
    ["lint", "--format", "text"], ["lint", "--format", "json"], ["lint", "--format", "sarif"],
    ["generate", "--format", "json"], ["generate", "--format", "properties"],
  ]

  /// The inputs below `directory`, as the CLI's walk finds them (expected outputs left out).
  static func inputs(_ directory: String) throws -> [String] {
    let root = packagePath(directory)
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var files: [String] = []
    while let relative = walker.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      guard !name.hasPrefix("."), !name.contains(".expected.") else { continue }
      guard [".yaml", ".yml", ".json", ".properties"].contains(where: name.hasSuffix) else {
        continue
      }
      files.append(directory + "/" + relative)
    }
    return files.sorted()
  }

  static func output(_ arguments: [String]) throws -> String {
    let result = try runCLI(arguments)
    return "exit \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
  }

  @Test(arguments: directories)
  func outputIsByteIdentical(directory: String) throws {
    let files = try Self.inputs(directory)
    #expect(!files.isEmpty)
    for command in Self.commands {
      let what = "\(command.joined(separator: " ")) \(directory)"
      let first = try Self.output(command + [directory])
      let second = try Self.output(command + [directory])
      #expect(first == second, "\(what): two runs differ")

      let forward = try Self.output(command + files)
      let again = try Self.output(command + files)
      let reversed = try Self.output(command + files.reversed())
      #expect(forward == again, "\(what) (files named one by one): two runs differ")
      #expect(forward == reversed, "\(what): reverse order changes the output")
    }
  }
}
