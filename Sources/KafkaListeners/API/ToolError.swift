/// A problem running the tool, as opposed to a problem in the files it checks: a missing path,
/// a bad configuration file, an unknown option value. The command line exits with 2.
public enum ToolError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A path named on the command line does not exist.
  case noSuchFile(String)
  /// The configuration file is invalid.
  case invalidConfiguration(SourceLocation, String)
  /// The configuration file could not be read.
  case unreadableConfiguration(String, String)
  /// A rule code or name that no rule has.
  case unknownRule(String)
  /// A Kafka version this tool does not model.
  case unsupportedKafkaVersion(String)
  /// An output could not be written.
  case writeFailed(String, String)
  /// `generate` found no Strimzi resource or cluster description in the inputs.
  case noClusters(String)
  /// `--node` names an id no cluster has.
  case noSuchNode(Int)
  /// The configuration `generate` would write is larger than ``GenerateLimits/maxOutputBytes``.
  case outputTooLarge(Int, limit: Int)

  /// One line for standard error.
  public var description: String {
    switch self {
    case .noSuchFile(let path): "\(path): no such file or directory"
    case .invalidConfiguration(let location, let message):
      "\(location): invalid configuration: \(message)"
    case .unreadableConfiguration(let path, let reason): "\(path): cannot read configuration: \(reason)"
    case .unknownRule(let rule):
      "unknown rule '\(rule)'; `kafka-listeners rules` lists them"
    case .unsupportedKafkaVersion(let text):
      "unsupported Kafka version '\(text)'; use X.Y between \(KafkaVersion.supportedRange.lowerBound) and \(KafkaVersion.newest)"
    case .writeFailed(let path, let reason): "\(path): cannot write: \(reason)"
    case .noClusters(let paths):
      "no Strimzi Kafka resource or ClusterDescription found in \(paths)"
    case .noSuchNode(let id): "no cluster in the inputs has a node with id \(id)"
    case .outputTooLarge(let size, let limit):
      "the generated configuration would be about \(size / (1 << 20)) MiB, more than the "
        + "\(limit / (1 << 20)) MiB generate writes; select one node with --node"
    }
  }
}
