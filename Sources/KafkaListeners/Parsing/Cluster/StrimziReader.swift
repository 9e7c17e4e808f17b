/// Reads Strimzi `Kafka` and `KafkaNodePool` resources into ``Cluster`` models.
enum StrimziReader {
  /// Reads every `Kafka` and joins the `KafkaNodePool`s that name it.
  static func read(kafkas: [YAMLMapping], pools: [YAMLMapping], reader: inout FieldReader)
    -> [Cluster]
  {
    []
  }
}
