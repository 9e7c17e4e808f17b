/// Finds the documents this tool understands among all YAML inputs of a run — Strimzi `Kafka`
/// and `KafkaNodePool` resources and `kafka-listeners/v1` `ClusterDescription`s — and reads them
/// into ``Cluster`` models. Every other document (Deployments, ConfigMaps, …) is skipped
/// silently, so whole manifest directories can be linted.
enum ClusterReader {
  /// Strimzi's API group versions this reader accepts.
  static let strimziVersions = ["kafka.strimzi.io/v1", "kafka.strimzi.io/v1beta2"]
  /// The description's API version.
  static let descriptionVersion = "kafka-listeners/v1"

  /// Reads every recognised document of `files`. Pools are joined to their `Kafka` across
  /// documents and files of the same run.
  static func read(_ files: [YAMLFile]) -> (clusters: [Cluster], issues: [ReadIssue]) {
    var reader = FieldReader()
    var kafkas: [YAMLMapping] = []
    var pools: [YAMLMapping] = []
    var clusters: [Cluster] = []
    var documentLines: [SourceLocation: ClosedRange<Int>] = [:]
    // Pools join their Kafka and get node ids in document order; reading the files in path
    // order makes the result independent of the order the inputs were named in.
    for file in files.sorted(by: { $0.path < $1.path }) {
      for document in file.documents {
        documentLines[document.location] = document.location.line...lastLine(of: document)
        guard let mapping = document.mapping,
          let apiVersion = mapping["apiVersion"]?.scalar?.text,
          let kind = mapping["kind"]?.scalar?.text
        else { continue }
        if strimziVersions.contains(apiVersion) {
          switch kind {
          case "Kafka": kafkas.append(mapping)
          case "KafkaNodePool": pools.append(mapping)
          default: continue
          }
        } else if apiVersion == descriptionVersion {
          guard kind == "ClusterDescription" else {
            reader.report(
              FieldReader.invalidValue,
              "kind must be ClusterDescription for apiVersion \(descriptionVersion), not \(quoted(kind))",
              at: mapping["kind"]?.location ?? mapping.location)
            continue
          }
          if let cluster = DescriptionReader.read(mapping, reader: &reader) {
            clusters.append(cluster)
          }
        }
      }
    }
    reader.kubernetesBooleans = true
    clusters += StrimziReader.read(kafkas: kafkas, pools: pools, reader: &reader)
    reader.kubernetesBooleans = false
    for index in clusters.indices where clusters[index].lines == nil {
      clusters[index].lines = documentLines[clusters[index].location]
    }
    clusters.sort { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    return (clusters, reader.issues)
  }

  /// The last line any node of a document starts on, so the document's extent is known.
  private static func lastLine(of node: YAMLNode) -> Int {
    switch node {
    case .scalar(let scalar):
      return scalar.location.line + scalar.text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    case .mapping(let mapping):
      return mapping.pairs.last.map { lastLine(of: $0.value) } ?? mapping.location.line
    case .sequence(let sequence):
      return sequence.items.last.map(lastLine(of:)) ?? sequence.location.line
    }
  }
}
