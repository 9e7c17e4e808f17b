// libFuzzer harness: the `.properties` reader and, for broker files, Kafka's reading of the
// listener keys (endpoints, protocol maps, quorum voters). Built by `Tests/Fuzz/run.sh`.
@testable import KafkaListeners

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProperties(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let file = PropertiesReader.read(path: "fuzz.properties", bytes: bytes)
  // Every key must be readable back; `lookup` walks the same tables the rules use.
  for entry in file.entries { _ = file[entry.key] }
  _ = BrokerConfiguration(file: file, version: .newest)
  // Rewriting must work on any file the reader accepted.
  _ = PropertiesMerge.merge(file, [("listeners", "PLAINTEXT://:9092"), ("node.id", "1")])
  return 0
}
