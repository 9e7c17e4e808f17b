/// Reads a `kafka-listeners/v1` `ClusterDescription` into a ``Cluster``.
enum DescriptionReader {
  /// Reads one description document.
  static func read(_ document: YAMLMapping, reader: inout FieldReader) -> Cluster? {
    nil
  }
}
