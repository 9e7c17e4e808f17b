// libFuzzer harness: the Strimzi (`Kafka`, `KafkaNodePool`) and `ClusterDescription` readers
// and listener derivation, through `LintInput` as the linter runs them. Built by
// `Tests/Fuzz/run.sh`.
@testable import KafkaListeners

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCluster(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let input = LintInput(files: [SourceFile(path: "fuzz.yaml", content: .bytes(bytes))])
  _ = GenerateRenderer.json(input.derivedClusters)
  for cluster in input.derivedClusters {
    for node in cluster.nodes { _ = GenerateRenderer.properties(cluster, node) }
  }
  return 0
}
