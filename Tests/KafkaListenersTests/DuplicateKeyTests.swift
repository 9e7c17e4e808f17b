import Testing

@testable import KafkaListeners

/// KL007 compares keys as Java's `Hashtable` does: by UTF-16 code units.
@Suite struct DuplicateKeyTests {
  private func codes(_ text: String) -> [String] {
    Linter().lint([SourceFile(path: "s.properties", text: text)]).diagnostics.map {
      "\($0.location.line):\($0.code)"
    }
  }

  @Test func canonicallyEquivalentKeysAreDistinctForJava() {
    // `café` precomposed and with a combining accent: equal Swift strings, two Java keys.
    #expect(codes("caf\\u00e9=1\ncafe\\u0301=2\n").filter { $0.hasSuffix("KL007") } == [])
  }

  @Test func exactDuplicatesAreReportedAtTheLaterKey() {
    #expect(codes("caf\\u00e9=1\ncaf\\u00e9=2\n").filter { $0.hasSuffix("KL007") } == ["2:KL007"])
  }
}
