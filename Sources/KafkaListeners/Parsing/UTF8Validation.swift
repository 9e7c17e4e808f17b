import Foundation

/// Finds where bytes stop being well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF).
enum UTF8Validation {
  /// The offset of the first byte that does not start a well-formed sequence, or `nil`.
  static func firstInvalidOffset<C: RandomAccessCollection>(_ bytes: C) -> Int?
  where C.Element == UInt8, C.Index == Int {
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return i - bytes.startIndex
      }
      guard i + length <= end else { return i - bytes.startIndex }
      for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i - bytes.startIndex }
      let second = bytes[i + 1]
      if (b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F)
        || (b == 0xF0 && second < 0x90) || (b == 0xF4 && second > 0x8F)
      {
        return i - bytes.startIndex
      }
      i += length
    }
    return nil
  }

  /// The offset (from `range.lowerBound`) of the first byte of `bytes[range]` that is not
  /// ASCII, or `nil`. Eight bytes are tested at a time: nearly every input is ASCII, and a byte
  /// loop over a large file costs seconds in a debug build.
  static func firstNonASCIIOffset(_ bytes: [UInt8], in range: Range<Int>) -> Int? {
    let range = range.clamped(to: 0..<bytes.count)
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress, !range.isEmpty else { return nil }
      return firstNonASCIIOffset(base + range.lowerBound, count: range.count)
    }
  }

  /// The offset of the first byte of `count` bytes at `start` that is not ASCII, or `nil`.
  static func firstNonASCIIOffset(_ start: UnsafePointer<UInt8>, count: Int) -> Int? {
    let raw = UnsafeRawPointer(start)
    var offset = 0
    while offset + 8 <= count {
      if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
        break
      }
      offset += 8
    }
    while offset < count {
      if start[offset] >= 0x80 { return offset }
      offset += 1
    }
    return nil
  }
}

extension [UInt8] {
  /// The index of the first `byte`, found by `memchr`: the generic `firstIndex(of:)` costs
  /// seconds over a large file in a debug build, which the tests run.
  func firstOffset(ofByte byte: UInt8) -> Int? {
    withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress,
        let found = memchr(base, Int32(byte), buffer.count)
      else { return nil }
      return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
  }
}

extension UTF8Validation {
  /// Whether `text` is ASCII and holds no `excluded` byte, on its contiguous UTF-8 (`memchr`
  /// and word loads): host names are checked against every name of a certificate, and a
  /// generic scan of each cost most of the time of a large cluster's TLS checks in a debug
  /// build.
  static func isASCII(_ text: String, excluding excluded: UInt8) -> Bool {
    var text = text
    return text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return true }
      return memchr(base, Int32(excluded), buffer.count) == nil
        && firstNonASCIIOffset(base, count: buffer.count) == nil
    }
  }
}

extension String {
  /// `lowercased()`, without making a copy when there is nothing to lower: host names are
  /// compared lower-cased for every node, and are nearly always written in lower case.
  var lowercasedIfNeeded: String {
    let upper = UInt8(ascii: "A")...UInt8(ascii: "Z")
    let unchanged = utf8.allSatisfy { $0 < 0x80 && !upper.contains($0) }
    return unchanged ? self : lowercased()
  }

  /// Whether the UTF-8 of the string holds `byte`, found by `memchr`.
  func containsByte(_ byte: UInt8) -> Bool {
    var text = self
    return text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return false }
      return memchr(base, Int32(byte), buffer.count) != nil
    }
  }
}
