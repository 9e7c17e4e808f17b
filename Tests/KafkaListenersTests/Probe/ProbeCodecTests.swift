import Foundation
import Testing

@testable import KafkaListeners

/// Byte-level tests of the Kafka codec against hand-made frames that kafka-python's
/// schema-driven codec encodes byte for byte and decodes to the same values.
@Suite struct ProbeCodecTests {
  static func bytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      if let byte = UInt8(hex[index..<next], radix: 16) { out.append(byte) }
      index = next
    }
    return out
  }

  /// The payload of a frame: the bytes after the 4-byte size, which must match.
  static func payload(_ hex: String) throws -> [UInt8] {
    let frame = bytes(hex)
    let size = frame.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    try #require(size == frame.count - 4, "frame size \(size) vs \(frame.count - 4)")
    return Array(frame.dropFirst(4))
  }

  static let metadataV12Response =
    "000000610000000700000000000300000001126b61666b612d302e6b61666b612e7376630000238400000000"
    + "000210622d322e6578616d706c652e636f6d0000238605617a2d620017713153682d395f495369615f7a77"
    + "47494e7a52767951000000010100"
  static let metadataV1Response =
    "0000004c00000008000000020000000100116b61666b612d302e6b61666b612e73766300002384ffff0000"
    + "0002000f622d322e6578616d706c652e636f6d000023860004617a2d620000000100000000"
  static let metadataV13Response =
    "000000630000000900000000000300000001126b61666b612d302e6b61666b612e7376630000238400000000"
    + "000210622d322e6578616d706c652e636f6d0000238605617a2d620017713153682d395f495369615f7a77"
    + "47494e7a527679510000000101000000"
  static let tansuV12Response =
    "0000003e000000020000000000020000006f176b61666b612d696e7465726e616c2e6578616d706c6500004a"
    + "9400000d746573742d636c75737465720000006f0100"
  static let unsupportedVersion = "0000001000000001002300000001001200000004"

  static let twoBrokers = [
    MetadataBroker(nodeID: 1, host: "kafka-0.kafka.svc", port: 9092, rack: nil),
    MetadataBroker(nodeID: 2, host: "b-2.example.com", port: 9094, rack: "az-b"),
  ]

  /// The DescribeCluster v0 exchange recorded against Tansu (the probe spec, §4): the request
  /// `00000012 003c 0000 00000014 0005 "probe" 00 | 00 00` and its answer.
  @Test func describeClusterV0MatchesTheRecordedExchange() throws {
    let frame = KafkaRequest.describeCluster(version: 0, correlationID: 20, clientID: "probe")
    #expect(frame == Self.bytes("00000012003c00000000001400057072" + "6f6265" + "00" + "0000"))
    let payload = Self.bytes(
      "00000014" + "00" + "00000000" + "0000" + "00" + "0d" + hex("test-cluster") + "0000006f"
        + "02" + "0000006f" + "17" + hex("kafka-internal.example") + "00004a94" + "00" + "00"
        + "80000000" + "00")
    let response = try DescribeClusterResponse.decode(payload, version: 0)
    #expect(response.correlationID == 20 && response.errorCode == 0)
    #expect(response.clusterID == "test-cluster" && response.controllerID == 111)
    #expect(
      response.brokers == [
        MetadataBroker(nodeID: 111, host: "kafka-internal.example", port: 19092, rack: nil)
      ])
    // One byte short anywhere is an error, never a crash.
    for cut in 0..<payload.count {
      #expect(throws: WireError.self) {
        try DescribeClusterResponse.decode(Array(payload.prefix(cut)), version: 0)
      }
    }
  }

  @Test func describeClusterV1AndV2RequestFields() {
    // v1 adds endpoint_type 1 (brokers), v2 include_fenced_brokers false.
    #expect(
      KafkaRequest.describeCluster(version: 1, correlationID: 1, clientID: nil).suffix(3)
        == [0, 1, 0])
    #expect(
      KafkaRequest.describeCluster(version: 2, correlationID: 1, clientID: nil).suffix(4)
        == [0, 1, 0, 0])
  }

  private func hex(_ text: String) -> String {
    text.utf8.map { String(format: "%02x", $0) }.joined()
  }

  @Test func metadataV12RequestBytes() {
    let frame = KafkaRequest.metadata(version: 12, correlationID: 7, clientID: "kl-probe")
    #expect(frame == Self.bytes("000000170003000c0000000700086b6c2d70726f62650001000000"))
  }

  @Test func metadataV1RequestBytes() {
    let frame = KafkaRequest.metadata(version: 1, correlationID: 8, clientID: "kl-probe")
    #expect(frame == Self.bytes("00000016000300010000000800086b6c2d70726f626500000000"))
  }

  @Test func metadataRequestAskingForAllTopicsSendsNull() {
    let flexible = KafkaRequest.metadata(
      version: 12, correlationID: 7, clientID: "kl-probe", allTopics: true)
    #expect(flexible.suffix(4) == [0x00, 0x00, 0x00, 0x00])
    let classic = KafkaRequest.metadata(
      version: 1, correlationID: 8, clientID: "kl-probe", allTopics: true)
    #expect(classic.suffix(4) == [0xff, 0xff, 0xff, 0xff])
  }

  @Test func metadataV9RequestCarriesTheV8ToV10ClusterOperationsFlag() {
    // v9: compact empty topics, allow_auto_topic_creation, include_cluster_authorized_ops,
    // include_topic_authorized_operations, tags.
    let frame = KafkaRequest.metadata(version: 9, correlationID: 1, clientID: nil)
    #expect(Array(frame.suffix(5)) == [0x01, 0x00, 0x00, 0x00, 0x00])
    #expect(Array(frame[12..<14]) == [0xff, 0xff], "null client id keeps an INT16 length")
  }

  @Test func apiVersionsV3RequestBytes() {
    let frame = KafkaRequest.apiVersions(
      version: 3, correlationID: 1, clientID: "kl-probe", softwareName: "kafka-listeners",
      softwareVersion: "0.1.0")
    #expect(
      frame
        == Self.bytes(
          "0000002a001200030000000100086b6c2d70726f626500106b61666b612d6c697374656e65727306302e312e3000"
        ))
  }

  @Test func apiVersionsV0RequestHasAnEmptyBody() {
    let frame = KafkaRequest.apiVersions(version: 0, correlationID: 2, clientID: "kl-probe")
    #expect(frame == Self.bytes("0000001200120000000000020008") + Array("kl-probe".utf8))
  }

  @Test func decodesMetadataV12() throws {
    let response = try MetadataResponse.decode(
      try Self.payload(Self.metadataV12Response), version: 12)
    #expect(response.correlationID == 7)
    #expect(response.throttleTimeMs == 0)
    #expect(response.brokers == Self.twoBrokers)
    #expect(response.clusterID == "q1Sh-9_ISia_zwGINzRvyQ")
    #expect(response.controllerID == 1)
    #expect(response.topics.isEmpty)
    #expect(response.errorCode == nil)
  }

  @Test func decodesMetadataV1() throws {
    let response = try MetadataResponse.decode(
      try Self.payload(Self.metadataV1Response), version: 1)
    #expect(response.correlationID == 8)
    #expect(response.throttleTimeMs == nil)
    #expect(response.brokers == Self.twoBrokers)
    #expect(response.clusterID == nil)
    #expect(response.controllerID == 1)
  }

  @Test func decodesMetadataV13WithItsTopLevelErrorCode() throws {
    let response = try MetadataResponse.decode(
      try Self.payload(Self.metadataV13Response), version: 13)
    #expect(response.correlationID == 9)
    #expect(response.brokers == Self.twoBrokers)
    #expect(response.errorCode == 0)
    // The v13 body read as v12 leaves the error code over, which the decoder counts (the probe
    // shows it as a note): versions must not be mixed up.
    let asV12 = try MetadataResponse.decode(try Self.payload(Self.metadataV13Response), version: 12)
    #expect(asV12.trailingBytes == 2 && asV12.errorCode == nil)
  }

  @Test func decodesARealTansuCapture() throws {
    let response = try MetadataResponse.decode(
      try Self.payload(Self.tansuV12Response), version: 12)
    #expect(
      response.brokers == [
        MetadataBroker(nodeID: 111, host: "kafka-internal.example", port: 19092, rack: nil)
      ])
    #expect(response.clusterID == "test-cluster")
    #expect(response.controllerID == 111)
  }

  @Test(arguments: [
    (metadataV12Response, Int16(12)), (metadataV1Response, Int16(1)),
    (metadataV13Response, Int16(13)), (tansuV12Response, Int16(12)),
  ])
  func everyPrefixFailsAsTruncated(hex: String, version: Int16) throws {
    let payload = try Self.payload(hex)
    for length in 0..<payload.count {
      do {
        _ = try MetadataResponse.decode(Array(payload.prefix(length)), version: version)
        Issue.record("a \(length)-byte prefix decoded")
      } catch {
        #expect(error.truncated, "\(length): \(error)")
        #expect(error.offset <= length)
        #expect(error.description.contains("truncated at offset"))
      }
    }
    // A leftover byte is kept as a count (reported as a note), not an error.
    let longer = try MetadataResponse.decode(payload + [0], version: version)
    #expect(longer.trailingBytes == 1)
    #expect(longer.brokers == (try MetadataResponse.decode(payload, version: version)).brokers)
  }

  @Test func truncationNamesTheFieldAndVersion() throws {
    let payload = try Self.payload(Self.metadataV1Response)
    // Cut inside broker[1].host.
    do {
      _ = try MetadataResponse.decode(Array(payload.prefix(50)), version: 1)
      Issue.record("decoded")
    } catch {
      #expect(
        error.description
          == "Metadata v1 response: truncated at offset 43 reading brokers[1].host (STRING), "
          + "15 bytes needed, 7 left")
    }
  }

  @Test func aHugeBrokerCountIsRejectedBeforeAllocating() throws {
    var payload = try Self.payload(Self.metadataV12Response)
    // The brokers COMPACT_ARRAY byte sits after correlation id, header tags and throttle.
    #expect(payload[9] == 0x03)
    payload.replaceSubrange(9...9, with: [0xff, 0xff, 0xff, 0xff, 0x0f])
    do {
      _ = try MetadataResponse.decode(payload, version: 12)
      Issue.record("decoded")
    } catch {
      #expect(error.field == "brokers (COMPACT_ARRAY)")
      #expect(error.reason.hasPrefix("count 4294967294 needs at least"))
    }
  }

  @Test func aSixByteVarintIsRejected() {
    var reader = WireReader([0xff, 0xff, 0xff, 0xff, 0xff, 0x01], context: "test")
    #expect(throws: WireError.self) { try reader.unsignedVarint("v") }
  }

  @Test func unknownTaggedFieldsAreSkippedByTheirSize() throws {
    var payload = try Self.payload(Self.metadataV12Response)
    #expect(payload.last == 0x00)
    payload.removeLast()
    payload += [0x01, 0x05, 0x02, 0xab, 0xcd]
    let response = try MetadataResponse.decode(payload, version: 12)
    #expect(response.brokers == Self.twoBrokers)
    #expect(response.clusterID == "q1Sh-9_ISia_zwGINzRvyQ")
  }

  @Test func invalidUTF8IsAnErrorNotAReplacement() throws {
    var payload = try Self.payload(Self.tansuV12Response)
    // First byte of the host "kafka-internal.example".
    let index = try #require(payload.firstIndex(of: UInt8(ascii: "k")))
    payload[index] = 0xff
    do {
      _ = try MetadataResponse.decode(payload, version: 12)
      Issue.record("decoded")
    } catch {
      #expect(error.reason == "not valid UTF-8")
      #expect(!error.truncated)
    }
  }

  @Test func unsupportedVersionAnswerIsReparsedAsV0() throws {
    let payload = try Self.payload(Self.unsupportedVersion)
    let response = try ApiVersionsResponse.decodeWithFallback(payload, version: 3)
    #expect(response.errorCode == 35)
    #expect(response.decodedVersion == 0)
    #expect(response.correlationID == 1)
    #expect(response.apiKeys == [APIVersionRange(apiKey: 18, minVersion: 0, maxVersion: 4)])
    #expect(throws: WireError.self) { try ApiVersionsResponse.decode(payload, version: 3) }
  }

  @Test func decodesAFlexibleApiVersionsAnswerWithBodyTags() throws {
    // Header v0, error 0, two keys, throttle 0, then Tansu's four body tags.
    var writer = WireWriter()
    writer.int32(1)
    writer.int16(0)
    writer.unsignedVarint(3)
    for (key, max) in [(Int16(3), Int16(12)), (18, 4)] {
      writer.int16(key)
      writer.int16(0)
      writer.int16(max)
      writer.emptyTaggedFields()
    }
    writer.int32(0)
    writer.append([0x04, 0x00, 0x01, 0x01, 0x01, 0x08] + Array(repeating: 0xff, count: 8))
    writer.append([0x02, 0x01, 0x01, 0x03, 0x01, 0x00])
    let response = try ApiVersionsResponse.decodeWithFallback(writer.bytes, version: 3)
    #expect(response.errorCode == 0)
    #expect(response.decodedVersion == 3)
    #expect(response.range(.metadata)?.maxVersion == 12)
    #expect(response.range(.apiVersions)?.maxVersion == 4)
    #expect(response.range(.describeCluster) == nil)
  }

  @Test func bootstrapListsParse() throws {
    let list = try ProbeEndpoint.parseList("a.example:9092, [::1]:9093,10.0.0.1:1").get()
    #expect(list.map(\.description) == ["a.example:9092", "[::1]:9093", "10.0.0.1:1"])
    #expect(list[1].host == "::1")
    for bad in ["a.example", "a.example:0", "a.example:x", ":9092", "::1:9092", "a:1,"] {
      #expect(throws: ProbeUsageError.self) { try ProbeEndpoint.parseList(bad).get() }
    }
  }

  @Test func sniIsStrippedOfTheDotAndNeverAnIP() {
    #expect(ProbeTLS.sni(for: "kafka-0.example.com.") == "kafka-0.example.com")
    #expect(ProbeTLS.sni(for: "127.0.0.1") == nil)
    #expect(ProbeTLS.sni(for: "::1") == nil)
    #expect(ProbeTLS.sni(for: "kafka-0") == "kafka-0")
  }
}
