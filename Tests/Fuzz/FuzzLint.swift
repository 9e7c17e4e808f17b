// libFuzzer harness: the whole pipeline. The input is linted both as a YAML file and as a
// server.properties file in one run (so cross-file rules see both), generated, and rendered in
// every report format. Built by `Tests/Fuzz/run.sh`.
@testable import KafkaListeners

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let files = [
    SourceFile(path: "fuzz.yaml", content: .bytes(bytes)),
    SourceFile(path: "server.properties", content: .bytes(bytes)),
  ]
  let report = KafkaListeners.lint(files)
  _ = TextRenderer().render(report)
  _ = JSONReportRenderer.render(report)
  _ = SARIFRenderer.render(report)
  _ = GitHubRenderer.render(report)
  let (_, clusters) = KafkaListeners.generate(files)
  _ = GenerateRenderer.json(clusters)
  for cluster in clusters {
    for node in cluster.nodes {
      _ = GenerateRenderer.properties(cluster, node)
      _ = GenerateRenderer.environment(cluster, node, style: .apache)
    }
  }
  return 0
}
