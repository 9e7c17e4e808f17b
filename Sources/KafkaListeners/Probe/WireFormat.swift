/// A Kafka wire-format decoding failure: where it happened and why. Decoders read untrusted
/// bytes, so they return this instead of trapping.
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The message being decoded, e.g. `Metadata v9 response`.
  public var context: String
  /// Byte offset within the message payload (after the frame size).
  public var offset: Int
  /// The field being read, e.g. `brokers[1].host (COMPACT_STRING)`.
  public var field: String
  /// What was wrong, e.g. `4 bytes needed, 0 left`.
  public var reason: String
  /// Whether the bytes simply ran out (as opposed to being invalid).
  public var truncated: Bool

  /// Creates an error.
  public init(context: String, offset: Int, field: String, reason: String, truncated: Bool) {
    self.context = context
    self.offset = offset
    self.field = field
    self.reason = reason
    self.truncated = truncated
  }

  /// One line, e.g. `Metadata v9 response: truncated at offset 121 reading
  /// cluster_authorized_operations (INT32), 4 bytes needed, 0 left`.
  public var description: String {
    let what = truncated ? "truncated" : "invalid"
    return "\(context): \(what) at offset \(offset) reading \(field), \(reason)"
  }
}

/// Reads Kafka primitive types from a byte array. Every length is checked against the bytes
/// left before anything is allocated.
struct WireReader {
  let bytes: [UInt8]
  private(set) var offset: Int
  let context: String

  init(_ bytes: [UInt8], offset: Int = 0, context: String) {
    self.bytes = bytes
    self.offset = offset
    self.context = context
  }

  var remaining: Int { bytes.count - offset }

  func error(_ field: String, _ reason: String, truncated: Bool = false, at: Int? = nil)
    -> WireError
  {
    WireError(
      context: context, offset: at ?? offset, field: field, reason: reason, truncated: truncated)
  }

  private mutating func take(_ count: Int, _ field: String) throws(WireError) -> ArraySlice<UInt8> {
    guard count <= remaining else {
      throw error(field, "\(count) bytes needed, \(remaining) left", truncated: true)
    }
    defer { offset += count }
    return bytes[offset..<offset + count]
  }

  private mutating func integer(_ size: Int, _ field: String) throws(WireError) -> UInt64 {
    var value: UInt64 = 0
    for byte in try take(size, field) { value = value << 8 | UInt64(byte) }
    return value
  }

  mutating func int8(_ field: String) throws(WireError) -> Int8 {
    Int8(truncatingIfNeeded: try integer(1, "\(field) (INT8)"))
  }

  mutating func int16(_ field: String) throws(WireError) -> Int16 {
    Int16(truncatingIfNeeded: try integer(2, "\(field) (INT16)"))
  }

  mutating func int32(_ field: String) throws(WireError) -> Int32 {
    Int32(truncatingIfNeeded: try integer(4, "\(field) (INT32)"))
  }

  mutating func int64(_ field: String) throws(WireError) -> Int64 {
    Int64(truncatingIfNeeded: try integer(8, "\(field) (INT64)"))
  }

  mutating func boolean(_ field: String) throws(WireError) -> Bool {
    try integer(1, "\(field) (BOOLEAN)") != 0
  }

  mutating func uuid(_ field: String) throws(WireError) -> [UInt8] {
    Array(try take(16, "\(field) (UUID)"))
  }

  /// An unsigned varint of at most 5 bytes (32 bits).
  mutating func unsignedVarint(_ field: String) throws(WireError) -> UInt32 {
    let start = offset
    var value: UInt64 = 0
    var shift: UInt64 = 0
    for index in 0..<5 {
      guard remaining > 0 else {
        throw error("\(field) (UNSIGNED_VARINT)", "1 byte needed, 0 left", truncated: true)
      }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7f) << shift
      if byte & 0x80 == 0 {
        guard value <= UInt64(UInt32.max) else {
          throw error("\(field) (UNSIGNED_VARINT)", "value exceeds 32 bits", at: start)
        }
        return UInt32(value)
      }
      shift += 7
      if index == 4 { break }
    }
    throw error("\(field) (UNSIGNED_VARINT)", "more than 5 bytes", at: start)
  }

  private mutating func utf8(_ count: Int, _ field: String, at start: Int) throws(WireError)
    -> String
  {
    let slice = try take(count, field)
    guard let text = String(validating: slice, as: UTF8.self) else {
      throw error(field, "not valid UTF-8", at: start)
    }
    return text
  }

  /// `STRING` / `NULLABLE_STRING`, or their compact forms when `compact`.
  mutating func string(_ field: String, compact: Bool, nullable: Bool) throws(WireError)
    -> String?
  {
    let start = offset
    let type =
      compact
      ? (nullable ? "COMPACT_NULLABLE_STRING" : "COMPACT_STRING")
      : (nullable ? "NULLABLE_STRING" : "STRING")
    let name = "\(field) (\(type))"
    let length: Int
    if compact {
      let raw = try unsignedVarint(field)
      if raw == 0 {
        guard nullable else { throw error(name, "null in a non-nullable field", at: start) }
        return nil
      }
      length = Int(raw) - 1
    } else {
      let raw = try int16(field)
      if raw < 0 {
        guard raw == -1, nullable else {
          throw error(name, "negative length \(raw)", at: start)
        }
        return nil
      }
      length = Int(raw)
    }
    guard length <= remaining else {
      throw error(name, "\(length) bytes needed, \(remaining) left", truncated: true)
    }
    return try utf8(length, name, at: start)
  }

  /// A non-nullable string: null is an error.
  mutating func requiredString(_ field: String, compact: Bool) throws(WireError) -> String {
    let start = offset
    guard let text = try string(field, compact: compact, nullable: false) else {
      throw error(field, "null in a non-nullable field", at: start)
    }
    return text
  }

  /// An `ARRAY` / `COMPACT_ARRAY` count; `nil` for null. The count is checked against the
  /// bytes left, `minimumElementSize` each, before the caller allocates anything.
  mutating func arrayCount(_ field: String, compact: Bool, minimumElementSize: Int)
    throws(WireError) -> Int?
  {
    let start = offset
    let type = compact ? "COMPACT_ARRAY" : "ARRAY"
    let count: Int
    if compact {
      let raw = try unsignedVarint("\(field) length")
      if raw == 0 { return nil }
      count = Int(raw) - 1
    } else {
      let raw = try int32("\(field) length")
      if raw < 0 {
        guard raw == -1 else {
          throw error("\(field) (\(type))", "negative count \(raw)", at: start)
        }
        return nil
      }
      count = Int(raw)
    }
    guard count <= remaining / max(1, minimumElementSize) else {
      throw error(
        "\(field) (\(type))",
        "count \(count) needs at least \(count * max(1, minimumElementSize)) bytes, "
          + "\(remaining) left", truncated: true, at: start)
    }
    return count
  }

  /// Skips a `TAGGED_FIELDS` section: each unknown tag is skipped by exactly its size.
  mutating func skipTaggedFields(_ field: String) throws(WireError) {
    let count = try unsignedVarint("\(field) tag count")
    for index in 0..<Int(count) {
      _ = try unsignedVarint("\(field) tag[\(index)]")
      let size = Int(try unsignedVarint("\(field) tag[\(index)] size"))
      _ = try take(size, "\(field) tag[\(index)] data")
    }
  }
}

/// Writes Kafka primitive types.
struct WireWriter {
  private(set) var bytes: [UInt8] = []

  mutating func int8(_ value: Int8) { bytes.append(UInt8(bitPattern: value)) }

  mutating func int16(_ value: Int16) {
    let bits = UInt16(bitPattern: value)
    bytes += [UInt8(bits >> 8), UInt8(bits & 0xff)]
  }

  mutating func int32(_ value: Int32) {
    let bits = UInt32(bitPattern: value)
    bytes += [
      UInt8(bits >> 24), UInt8(bits >> 16 & 0xff), UInt8(bits >> 8 & 0xff),
      UInt8(bits & 0xff),
    ]
  }

  mutating func boolean(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func unsignedVarint(_ value: UInt32) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7f) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// `NULLABLE_STRING` (INT16 length; -1 for null).
  mutating func nullableString(_ value: String?) {
    guard let value else { return int16(-1) }
    let utf8 = Array(value.utf8.prefix(Int(Int16.max)))
    int16(Int16(utf8.count))
    bytes += utf8
  }

  /// `COMPACT_STRING`.
  mutating func compactString(_ value: String) {
    let utf8 = Array(value.utf8)
    unsignedVarint(UInt32(clamping: utf8.count + 1))
    bytes += utf8
  }

  /// An empty `TAGGED_FIELDS` section.
  mutating func emptyTaggedFields() { bytes.append(0) }

  mutating func append(_ other: [UInt8]) { bytes += other }
}
