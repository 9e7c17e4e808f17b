import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// Kafka configuration fixtures carry their expectations in header comments:
///
/// ```properties
/// # kafka-version: 3.8          (optional; the newest when absent; repeatable)
/// # expect: KL204 7:27          (a diagnostic of this rule must start here; repeatable)
/// ```
///
/// Every file in `Fixtures/kafka/broken/` must produce each expected diagnostic (and at least
/// one); every file in `Fixtures/kafka/valid/` must produce no error for each version it names:
/// a configuration Kafka accepts is never rejected here.
@Suite struct KafkaFixtureTests {
  struct Fixture: CustomStringConvertible, Sendable {
    var path: String
    var versions: [KafkaVersion]
    var expected: [String]
    var description: String { (path as NSString).lastPathComponent }
  }

  static func fixtures(_ directory: String) -> [Fixture] {
    let root = packagePath("Fixtures/kafka/\(directory)")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
      .filter { $0.hasSuffix(".properties") }.sorted()
    return names.map { name in
      let path = "Fixtures/kafka/\(directory)/\(name)"
      let text = (try? String(contentsOfFile: packagePath(path), encoding: .isoLatin1)) ?? ""
      var versions: [KafkaVersion] = []
      var expected: [String] = []
      for line in text.split(whereSeparator: \.isNewline) {
        if let match = line.wholeMatch(of: /# kafka-version: *([0-9.]+) */),
          let version = KafkaVersion(String(match.1))
        {
          versions.append(version)
        } else if let match = line.wholeMatch(of: /# expect: *(KL[0-9]{3}) +([0-9]+:[0-9]+) */) {
          expected.append("\(match.1) \(match.2)")
        }
      }
      return Fixture(
        path: path, versions: versions.isEmpty ? [.newest] : versions, expected: expected.sorted())
    }
  }

  private func lint(_ fixture: Fixture, _ version: KafkaVersion) throws -> [Diagnostic] {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packagePath(fixture.path))))
    let linter = Linter(configuration: Configuration(kafkaVersion: version))
    return linter.lint([SourceFile(path: fixture.path, content: .bytes(bytes))]).diagnostics
  }

  @Test func thereAreFixtures() {
    #expect(KafkaFixtureTests.fixtures("broken").count >= 40)
    #expect(KafkaFixtureTests.fixtures("valid").count >= 4)
  }

  @Test(arguments: fixtures("broken"))
  func brokenFixtureProducesExpectedDiagnostics(fixture: Fixture) throws {
    #expect(!fixture.expected.isEmpty, "\(fixture.path) has no '# expect:' line")
    for version in fixture.versions {
      let found = try lint(fixture, version)
      let positions = Set(found.map { "\($0.code) \($0.location.line):\($0.location.column)" })
      for expectation in fixture.expected {
        #expect(
          positions.contains(expectation),
          "\(fixture.path) for Kafka \(version): expected \(expectation), found \(found.map(\.description))"
        )
      }
    }
  }

  @Test(arguments: fixtures("valid"))
  func validFixtureHasNoErrors(fixture: Fixture) throws {
    for version in fixture.versions {
      let errors = try lint(fixture, version).filter { $0.severity == .error }
      #expect(errors.isEmpty, "\(fixture.path) for Kafka \(version): \(errors.map(\.description))")
    }
  }
}
