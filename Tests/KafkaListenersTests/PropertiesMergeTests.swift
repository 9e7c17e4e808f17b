import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

@Suite struct PropertiesMergeTests {
  let original = Array(
    ("# Broker 1\r\nbroker.rack=eu-west-1a\r\n! listeners below\r\n"
      + "listeners=PLAINTEXT://:9092,\\\r\n   SSL://:9093\r\nnum.io.threads=8\r\n"
      + "advertised.listeners=PLAINTEXT://old:9092\r\n").utf8)
  let wanted: [(key: String, value: String)] = [
    ("listeners", "PLAIN-9092://0.0.0.0:9092"),
    ("advertised.listeners", "PLAIN-9092://kafka-1.example.com:9092"),
    ("inter.broker.listener.name", "PLAIN-9092"),
  ]

  private func lines(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
  }

  @Test func mergeReplacesOnlyTheListenerKeysAndKeepsEveryOtherByte() {
    let file = PropertiesReader.read(path: "server.properties", bytes: original)
    let merged = PropertiesMerge.merge(file, wanted)
    let result = lines(merged)
    #expect(
      result == [
        "# Broker 1", "broker.rack=eu-west-1a", "! listeners below",
        "listeners=PLAIN-9092://0.0.0.0:9092", "num.io.threads=8",
        "advertised.listeners=PLAIN-9092://kafka-1.example.com:9092",
        "# BEGIN kafka-listeners generated", "inter.broker.listener.name=PLAIN-9092",
        "# END kafka-listeners generated", "",
      ])
    // Every unrelated line is byte-for-byte the original, CRLF included.
    let before = lines(original)
    for line in ["# Broker 1", "broker.rack=eu-west-1a", "! listeners below", "num.io.threads=8"] {
      #expect(before.contains(line) && result.contains(line))
    }
    let reread = PropertiesReader.read(path: "server.properties", bytes: merged)
    #expect(PropertiesMerge.differences(reread, wanted).isEmpty)
    #expect(reread["broker.rack"] == "eu-west-1a")
    #expect(reread["num.io.threads"] == "8")
  }

  @Test func mergeIsIdempotent() {
    let file = PropertiesReader.read(path: "server.properties", bytes: original)
    let once = PropertiesMerge.merge(file, wanted)
    let twice = PropertiesMerge.merge(PropertiesReader.read(path: "s", bytes: once), wanted)
    #expect(once == twice)
  }

  @Test func differencesNameEachKeyWithItsLocation() {
    let file = PropertiesReader.read(path: "server.properties", bytes: original)
    let differences = PropertiesMerge.differences(file, wanted)
    #expect(differences.map(\.key) == ["listeners", "advertised.listeners", "inter.broker.listener.name"])
    #expect(differences[0].location.line == 4)
    #expect(differences[0].current == "PLAINTEXT://:9092,SSL://:9093")
    #expect(differences[2].current == nil)
  }

  @Test func fileWithoutTrailingNewlineGetsOneBeforeTheBlock() {
    let file = PropertiesReader.read(path: "s", text: "a=1")
    let merged = String(decoding: PropertiesMerge.merge(file, [("b", "2")]), as: UTF8.self)
    #expect(merged == "a=1\n# BEGIN kafka-listeners generated\nb=2\n# END kafka-listeners generated\n")
  }

  @Test func failedRenameLeavesTheOriginalIntact() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("server.properties").path
    try Data(original).write(to: URL(fileURLWithPath: path))
    #expect(chmod(path, 0o640) == 0)
    #expect(throws: ToolError.self) {
      try AtomicFile.write(Array("replaced\n".utf8), to: path, rename: { _, _ in
        errno = EXDEV
        return -1
      })
    }
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == original)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["server.properties"])
    // A successful write keeps the file's mode.
    try AtomicFile.write(Array("replaced\n".utf8), to: path)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o640)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "replaced\n")
  }
}
