// libFuzzer harness: the guarded YAML reader (size, depth, node budget, document limits) on
// arbitrary bytes. Built by `Tests/Fuzz/run.sh`.
@testable import KafkaListeners

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let file = YAMLReader.read(path: "fuzz.yaml", bytes: bytes)
  var nodes = 0
  for document in file.documents { nodes += count(document) }
  // The builder must enforce its own budget.
  precondition(nodes <= YAMLLimits().maxNodes * max(1, file.documents.count))
  return 0
}

private func count(_ node: YAMLNode) -> Int {
  switch node {
  case .scalar: 1
  case .mapping(let mapping): mapping.pairs.reduce(1) { $0 + count($1.key) + count($1.value) }
  case .sequence(let sequence): sequence.items.reduce(1) { $0 + count($1) }
  }
}
