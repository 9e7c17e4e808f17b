/// The Kafka API keys the probe speaks.
public enum KafkaAPIKey: Int16, Sendable, CaseIterable {
  /// Metadata: the brokers a listener advertises.
  case metadata = 3
  /// ApiVersions: the version ranges a broker supports.
  case apiVersions = 18
  /// DescribeCluster: an alternative broker list (Kafka 2.8+).
  case describeCluster = 60
}

/// Builds request frames (size prefix included).
public enum KafkaRequest {
  /// A whole request frame: `INT32 size`, request header v1 (or v2 when `flexible`), body.
  /// The client id is a `NULLABLE_STRING` with an INT16 length in both header versions, so that
  /// any broker can read the header of any ApiVersions request.
  public static func frame(
    apiKey: KafkaAPIKey, version: Int16, correlationID: Int32, clientID: String?,
    flexible: Bool, body: [UInt8]
  ) -> [UInt8] {
    var header = WireWriter()
    header.int16(apiKey.rawValue)
    header.int16(version)
    header.int32(correlationID)
    header.nullableString(clientID)
    if flexible { header.emptyTaggedFields() }
    var frame = WireWriter()
    frame.int32(Int32(clamping: header.bytes.count + body.count))
    frame.append(header.bytes)
    frame.append(body)
    return frame.bytes
  }

  /// An ApiVersions request frame. v3+ carries the client software name and version.
  public static func apiVersions(
    version: Int16, correlationID: Int32, clientID: String?,
    softwareName: String = "kafka-listeners", softwareVersion: String = KafkaListeners.version
  ) -> [UInt8] {
    var body = WireWriter()
    let flexible = version >= 3
    if flexible {
      body.compactString(softwareName)
      body.compactString(softwareVersion)
      body.emptyTaggedFields()
    }
    return frame(
      apiKey: .apiVersions, version: version, correlationID: correlationID, clientID: clientID,
      flexible: flexible, body: body.bytes)
  }

  /// A Metadata request frame for v1…v13 that asks for brokers only (an empty topic list) or,
  /// with `allTopics`, for every topic (a null list). It never asks to create topics.
  public static func metadata(
    version: Int16, correlationID: Int32, clientID: String?, allTopics: Bool = false
  ) -> [UInt8] {
    var body = WireWriter()
    let flexible = version >= 9
    if flexible {
      body.unsignedVarint(allTopics ? 0 : 1)
    } else {
      body.int32(allTopics ? -1 : 0)
    }
    if version >= 4 { body.boolean(false) }  // allow_auto_topic_creation
    if version >= 8 && version <= 10 { body.boolean(false) }  // include_cluster_authorized_ops
    if version >= 8 { body.boolean(false) }  // include_topic_authorized_operations
    if flexible { body.emptyTaggedFields() }
    return frame(
      apiKey: .metadata, version: version, correlationID: correlationID, clientID: clientID,
      flexible: flexible, body: body.bytes)
  }
}

extension KafkaRequest {
  /// A DescribeCluster request frame, v0…v2 (flexible from v0): brokers only (`endpoint_type`
  /// 1, v1+), fenced brokers left out (v2+), no authorized operations.
  public static func describeCluster(version: Int16, correlationID: Int32, clientID: String?)
    -> [UInt8]
  {
    var body = WireWriter()
    body.boolean(false)  // include_cluster_authorized_operations
    if version >= 1 { body.int8(1) }  // endpoint_type: brokers
    if version >= 2 { body.boolean(false) }  // include_fenced_brokers
    body.emptyTaggedFields()
    return frame(
      apiKey: .describeCluster, version: version, correlationID: correlationID,
      clientID: clientID, flexible: true, body: body.bytes)
  }
}

/// A DescribeCluster response, v0–v2: the same per-listener broker list as Metadata, from
/// another code path of the broker, which `probe --describe-cluster` compares with Metadata.
public struct DescribeClusterResponse: Sendable, Hashable {
  /// The correlation id from the response header.
  public var correlationID: Int32
  /// The error code (0 on success).
  public var errorCode: Int16
  /// The error message, if any.
  public var errorMessage: String?
  /// The cluster id.
  public var clusterID: String
  /// The controller id (a random alive broker in KRaft).
  public var controllerID: Int32
  /// The brokers of the listener the request arrived on.
  public var brokers: [MetadataBroker]
  /// Bytes left after the last field of this version.
  public var trailingBytes = 0

  /// Decodes a response payload (the bytes after the frame size) as `version`.
  public static func decode(_ payload: [UInt8], version: Int16) throws(WireError)
    -> DescribeClusterResponse
  {
    var r = WireReader(payload, context: "DescribeCluster v\(version) response")
    let correlationID = try r.int32("correlation_id")
    try r.skipTaggedFields("response header")
    _ = try r.int32("throttle_time_ms")
    let errorCode = try r.int16("error_code")
    let errorMessage = try r.string("error_message", compact: true, nullable: true)
    if version >= 1 { _ = try r.int8("endpoint_type") }
    let clusterID = try r.requiredString("cluster_id", compact: true)
    let controllerID = try r.int32("controller_id")
    // broker_id + host length + port + rack length + tags (+ is_fenced from v2).
    let count =
      try r.arrayCount("brokers", compact: true, minimumElementSize: version >= 2 ? 12 : 11) ?? 0
    var brokers: [MetadataBroker] = []
    for index in 0..<count {
      let path = "brokers[\(index)]"
      let node = try r.int32("\(path).broker_id")
      let host = try r.requiredString("\(path).host", compact: true)
      let port = try r.int32("\(path).port")
      let rack = try r.string("\(path).rack", compact: true, nullable: true)
      if version >= 2 { _ = try r.boolean("\(path).is_fenced") }
      try r.skipTaggedFields(path)
      brokers.append(MetadataBroker(nodeID: node, host: host, port: port, rack: rack))
    }
    _ = try r.int32("cluster_authorized_operations")
    try r.skipTaggedFields("body")
    return DescribeClusterResponse(
      correlationID: correlationID, errorCode: errorCode, errorMessage: errorMessage,
      clusterID: clusterID, controllerID: controllerID, brokers: brokers,
      trailingBytes: r.remaining)
  }
}

/// The supported version range of one API, from ApiVersions.
public struct APIVersionRange: Sendable, Hashable {
  /// The API key.
  public var apiKey: Int16
  /// Lowest supported version.
  public var minVersion: Int16
  /// Highest supported version.
  public var maxVersion: Int16

  /// Creates a range.
  public init(apiKey: Int16, minVersion: Int16, maxVersion: Int16) {
    self.apiKey = apiKey
    self.minVersion = minVersion
    self.maxVersion = maxVersion
  }
}

/// An ApiVersions response (v0–v4).
public struct ApiVersionsResponse: Sendable, Hashable {
  /// The correlation id from the response header (always header v0 for ApiVersions).
  public var correlationID: Int32
  /// 0 on success; 35 UNSUPPORTED_VERSION when the broker did not know the request version.
  public var errorCode: Int16
  /// Every API the broker serves, in the broker's order.
  public var apiKeys: [APIVersionRange]
  /// Throttle time (v1+).
  public var throttleTimeMs: Int32?
  /// The version the body was decoded as.
  public var decodedVersion: Int16

  /// The range of one API, if the broker lists it.
  public func range(_ key: KafkaAPIKey) -> APIVersionRange? {
    apiKeys.first { $0.apiKey == key.rawValue }
  }

  /// Decodes a response payload (the bytes after the frame size) as `version`. ApiVersions
  /// responses always use response header v0 (KIP-511), whatever the request version.
  public static func decode(_ payload: [UInt8], version: Int16) throws(WireError)
    -> ApiVersionsResponse
  {
    var reader = WireReader(payload, context: "ApiVersions v\(version) response")
    let correlationID = try reader.int32("correlation_id")
    let errorCode = try reader.int16("error_code")
    let flexible = version >= 3
    let count =
      try reader.arrayCount("api_keys", compact: flexible, minimumElementSize: flexible ? 7 : 6)
      ?? 0
    var keys: [APIVersionRange] = []
    keys.reserveCapacity(count)
    for index in 0..<count {
      let key = try reader.int16("api_keys[\(index)].api_key")
      let minVersion = try reader.int16("api_keys[\(index)].min_version")
      let maxVersion = try reader.int16("api_keys[\(index)].max_version")
      if flexible { try reader.skipTaggedFields("api_keys[\(index)]") }
      keys.append(APIVersionRange(apiKey: key, minVersion: minVersion, maxVersion: maxVersion))
    }
    var throttle: Int32?
    if version >= 1 { throttle = try reader.int32("throttle_time_ms") }
    if flexible { try reader.skipTaggedFields("body") }
    if reader.remaining > 0 {
      throw reader.error("end of body", "\(reader.remaining) unexpected trailing bytes")
    }
    return ApiVersionsResponse(
      correlationID: correlationID, errorCode: errorCode, apiKeys: keys,
      throttleTimeMs: throttle, decodedVersion: version)
  }

  /// Decodes as `version`, and when that fails re-parses as v0, as Java's
  /// `ApiVersionsResponse.parse` does: an UNSUPPORTED_VERSION answer has a v0 body.
  public static func decodeWithFallback(_ payload: [UInt8], version: Int16) throws(WireError)
    -> ApiVersionsResponse
  {
    do {
      let response = try decode(payload, version: version)
      if response.errorCode == 35 && version > 0 { return try decode(payload, version: 0) }
      return response
    } catch {
      guard version > 0, let v0 = try? decode(payload, version: 0) else { throw error }
      return v0
    }
  }
}

/// One broker in a Metadata response.
public struct MetadataBroker: Sendable, Hashable {
  /// The node id.
  public var nodeID: Int32
  /// The advertised host, as clients will use it (no brackets for IPv6).
  public var host: String
  /// The advertised port (validated by the probe, not the decoder).
  public var port: Int32
  /// The rack (v1+), or `nil`.
  public var rack: String?

  /// Creates a broker entry.
  public init(nodeID: Int32, host: String, port: Int32, rack: String?) {
    self.nodeID = nodeID
    self.host = host
    self.port = port
    self.rack = rack
  }
}

/// One partition of a topic in a Metadata response.
public struct MetadataPartition: Sendable, Hashable {
  /// Partition error code.
  public var errorCode: Int16
  /// The partition index.
  public var index: Int32
  /// The leader's node id, or -1.
  public var leaderID: Int32
  /// Replica node ids.
  public var replicas: [Int32]
}

/// One topic in a Metadata response.
public struct MetadataTopic: Sendable, Hashable {
  /// Topic error code.
  public var errorCode: Int16
  /// The topic name (nullable from v12).
  public var name: String?
  /// Whether the topic is internal (v1+).
  public var isInternal: Bool
  /// Partitions.
  public var partitions: [MetadataPartition]
}

/// A Metadata response, v1–v13, decoded from one version-gated field table.
public struct MetadataResponse: Sendable, Hashable {
  /// The correlation id from the response header.
  public var correlationID: Int32
  /// The version decoded.
  public var version: Int16
  /// Throttle time (v3+).
  public var throttleTimeMs: Int32?
  /// The brokers advertised on the listener the request arrived on.
  public var brokers: [MetadataBroker]
  /// The cluster id (v2+).
  public var clusterID: String?
  /// A broker id (in KRaft a random alive broker, not the active controller), -1 for none.
  public var controllerID: Int32
  /// Topics (all of them from brokers that ignore the empty list, such as Tansu).
  public var topics: [MetadataTopic]
  /// The top-level error code (v13+).
  public var errorCode: Int16?
  /// Bytes left after the last field of this version (reported as a note, not an error: a
  /// newer broker may add fields).
  public var trailingBytes = 0

  /// Decodes a response payload (the bytes after the frame size) as `version`.
  public static func decode(_ payload: [UInt8], version: Int16) throws(WireError)
    -> MetadataResponse
  {
    var r = WireReader(payload, context: "Metadata v\(version) response")
    let flexible = version >= 9
    let correlationID = try r.int32("correlation_id")
    if flexible { try r.skipTaggedFields("response header") }
    var throttle: Int32?
    if version >= 3 { throttle = try r.int32("throttle_time_ms") }
    // node_id + port + host length (+ rack length from v1, + tags when flexible).
    let brokerSize = flexible ? 11 : (version >= 1 ? 12 : 10)
    let brokerCount =
      try r.arrayCount("brokers", compact: flexible, minimumElementSize: brokerSize) ?? 0
    var brokers: [MetadataBroker] = []
    brokers.reserveCapacity(brokerCount)
    for index in 0..<brokerCount {
      let path = "brokers[\(index)]"
      let node = try r.int32("\(path).node_id")
      let host = try r.requiredString("\(path).host", compact: flexible)
      let port = try r.int32("\(path).port")
      var rack: String?
      if version >= 1 { rack = try r.string("\(path).rack", compact: flexible, nullable: true) }
      if flexible { try r.skipTaggedFields(path) }
      brokers.append(MetadataBroker(nodeID: node, host: host, port: port, rack: rack))
    }
    var clusterID: String?
    if version >= 2 { clusterID = try r.string("cluster_id", compact: flexible, nullable: true) }
    let controllerID = try r.int32("controller_id")
    let topicCount = try r.arrayCount("topics", compact: flexible, minimumElementSize: 6) ?? 0
    var topics: [MetadataTopic] = []
    for index in 0..<topicCount {
      topics.append(try decodeTopic(&r, index: index, version: version))
    }
    if version >= 8 && version <= 10 { _ = try r.int32("cluster_authorized_operations") }
    var errorCode: Int16?
    if version >= 13 { errorCode = try r.int16("error_code") }
    if flexible { try r.skipTaggedFields("body") }
    return MetadataResponse(
      correlationID: correlationID, version: version, throttleTimeMs: throttle,
      brokers: brokers, clusterID: clusterID, controllerID: controllerID, topics: topics,
      errorCode: errorCode, trailingBytes: r.remaining)
  }

  private static func decodeTopic(_ r: inout WireReader, index: Int, version: Int16)
    throws(WireError) -> MetadataTopic
  {
    let flexible = version >= 9
    let path = "topics[\(index)]"
    let errorCode = try r.int16("\(path).error_code")
    let name = try r.string("\(path).name", compact: flexible, nullable: version >= 12)
    if version >= 12 {
      // Nullable from v12; older versions require it.
    } else if name == nil {
      throw r.error("\(path).name", "null in a non-nullable field")
    }
    if version >= 10 { _ = try r.uuid("\(path).topic_id") }
    var isInternal = false
    if version >= 1 { isInternal = try r.boolean("\(path).is_internal") }
    let partitionCount =
      try r.arrayCount("\(path).partitions", compact: flexible, minimumElementSize: 10) ?? 0
    var partitions: [MetadataPartition] = []
    for p in 0..<partitionCount {
      let pp = "\(path).partitions[\(p)]"
      let error = try r.int16("\(pp).error_code")
      let partitionIndex = try r.int32("\(pp).partition_index")
      let leader = try r.int32("\(pp).leader_id")
      if version >= 7 { _ = try r.int32("\(pp).leader_epoch") }
      let replicas = try int32Array(&r, "\(pp).replica_nodes", flexible: flexible)
      _ = try int32Array(&r, "\(pp).isr_nodes", flexible: flexible)
      if version >= 5 { _ = try int32Array(&r, "\(pp).offline_replicas", flexible: flexible) }
      if flexible { try r.skipTaggedFields(pp) }
      partitions.append(
        MetadataPartition(
          errorCode: error, index: partitionIndex, leaderID: leader, replicas: replicas))
    }
    if version >= 8 { _ = try r.int32("\(path).topic_authorized_operations") }
    if flexible { try r.skipTaggedFields(path) }
    return MetadataTopic(
      errorCode: errorCode, name: name, isInternal: isInternal, partitions: partitions)
  }

  private static func int32Array(_ r: inout WireReader, _ field: String, flexible: Bool)
    throws(WireError) -> [Int32]
  {
    let count = try r.arrayCount(field, compact: flexible, minimumElementSize: 4) ?? 0
    var values: [Int32] = []
    values.reserveCapacity(count)
    for index in 0..<count { values.append(try r.int32("\(field)[\(index)]")) }
    return values
  }
}

/// Names of the Kafka error codes the probe reports.
public enum KafkaErrorCode {
  /// `NAME (code)` for the codes the probe meets, the bare number otherwise.
  public static func name(_ code: Int16) -> String {
    let names: [Int16: String] = [
      -1: "UNKNOWN_SERVER_ERROR", 0: "NONE", 31: "CLUSTER_AUTHORIZATION_FAILED",
      33: "UNSUPPORTED_SASL_MECHANISM", 34: "ILLEGAL_SASL_STATE", 35: "UNSUPPORTED_VERSION",
      42: "INVALID_REQUEST", 58: "SASL_AUTHENTICATION_FAILED", 129: "REBOOTSTRAP_REQUIRED",
    ]
    return names[code].map { "\(code) \($0)" } ?? "\(code)"
  }
}
