import ArgumentParser
import Testing

@testable import kafka_listeners

/// The start-up fast path must read every argument list exactly as argument-parser does, or
/// leave it to argument-parser.
@Suite struct LintFastPathTests {
  /// argument-parser's reading: the lint request, or `nil` for another command or an error.
  static func parsed(_ arguments: [String]) -> LintRequest? {
    guard let command = try? KafkaListenersCommand.parseAsRoot(arguments) else { return nil }
    return (command as? LintCommand)?.request
  }

  @Test(arguments: [
    ["lint", "Fixtures/strimzi/kafka.yaml", "Fixtures/strimzi/pools.yaml"],
    ["Fixtures/properties/server.properties"],
    [],
    ["lint"],
    ["lint", "--format", "github", "a.yaml"],
    ["lint", "--format=sarif", "--strict", "a.yaml", "b.properties"],
    ["a.yaml", "--no-config", "--kafka-version", "3.9"],
    ["lint", "--config", ".kafka-listeners.yaml", "x"],
    ["lint", "generate"],
  ])
  func everydayRunsTakeTheFastPathWithArgumentParsersMeaning(_ arguments: [String]) throws {
    let fast = try #require(LintFastPath.request(arguments))
    #expect(fast == Self.parsed(arguments))
  }

  @Test(arguments: [
    ["--help"], ["help"], ["lint", "--help"], ["--version"], ["generate", "a.yaml"],
    ["rules"], ["explain", "KL001"], ["lint", "--", "-a.yaml"], ["lint", "-o", "out.json", "a"],
    ["lint", "--format", "xml", "a"], ["lint", "--format"], ["lint", "--strict=yes"],
    ["lint", "--config", "c.yaml", "--no-config"], ["lint", "--format", "json", "--format", "text"],
    ["lint", "--certificate", "0=a.pem", "a.yaml"], ["lint", "--env", "A=1", "compose.yml"],
    ["lint", "--config", "--strict"], ["lint", "-"], ["lint", "--config=", "c.yaml"],
  ])
  func everythingElseIsLeftToArgumentParser(_ arguments: [String]) {
    #expect(LintFastPath.request(arguments) == nil)
  }

  /// 2,000 random lists of words both readers know, some of them wrong: whenever the fast path
  /// answers, argument-parser must give the same request.
  @Test func agreesWithArgumentParserOnGeneratedArgumentLists() {
    let words = [
      "lint", "generate", "rules", "help", "a.yaml", "b.properties", "", " ", "lint.yaml",
      "--strict", "--no-config", "--format", "--format=json", "--format=bogus", "json", "text",
      "sarif", "github", "--config", "--config=c.yaml", "--config=", "c.yaml", "--kafka-version",
      "--kafka-version=3.9", "3.9", "4.1", "--", "-", "-o", "--output", "--resolve", "--strict=1",
      "--no-config=x", "--format=", "-s", "--unknown", "=", "a=b",
    ]
    var random = SplitMix64(seed: 20_261_127)
    var fastAnswers = 0
    for _ in 0..<2_000 {
      let arguments = random.picks(words, count: 0..<6)
      guard let fast = LintFastPath.request(arguments) else { continue }
      fastAnswers += 1
      #expect(fast == Self.parsed(arguments), "\(arguments)")
    }
    // The comparison means something only if the fast path answered often.
    #expect(fastAnswers > 200)
  }
}
