import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An in-process stand-in for brokers, for what one Tansu process cannot show: several brokers
/// in one answer, UNSUPPORTED_VERSION, scripted per-request answers. It accepts connections on
/// 127.0.0.x, reads whole request frames and answers each from the script (nil closes the
/// connection). Its encoder is written here, apart from the library's, so tests are not
/// circular.
final class FakeBroker: @unchecked Sendable {
  /// One request as the fake saw it.
  struct Request {
    var apiKey: Int16
    var version: Int16
    var correlationID: Int32
  }

  typealias Script = @Sendable (Request) -> [UInt8]?

  let address: String
  let port: Int
  private let listener: Int32
  private let script: Script
  private let lock = NSLock()
  private var stopped = false
  private var seen: [Request] = []

  init(address: String, script: @escaping Script) throws {
    self.address = address
    self.script = script
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    inet_pton(AF_INET, address, &addr.sin_addr)
    let bound = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, Glibc.listen(fd, 16) == 0 else {
      close(fd)
      throw BackgroundError("fake broker cannot bind \(address)")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    listener = fd
    port = Int(UInt16(bigEndian: addr.sin_port))
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  var requests: [Request] { lock.withLock { seen } }

  /// Closes the listening socket once: a second close could hit a descriptor that another
  /// test opened in the meantime.
  func stop() {
    let first = lock.withLock {
      defer { stopped = true }
      return !stopped
    }
    guard first else { return }
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  deinit { stop() }

  private func acceptLoop() {
    while true {
      let client = accept(listener, nil, nil)
      if client < 0 { return }
      if lock.withLock({ stopped }) {
        close(client)
        return
      }
      Thread { [self] in serve(client) }.start()
    }
  }

  private func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: count)
    var got = 0
    while got < count {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, count - got) }
      if n <= 0 { return nil }
      got += n
    }
    return buffer
  }

  private func serve(_ fd: Int32) {
    defer { close(fd) }
    while let sizeBytes = readExactly(fd, 4) {
      let size = sizeBytes.reduce(0) { $0 << 8 | Int($1) }
      guard size >= 8, size < 1 << 20, let body = readExactly(fd, size) else { return }
      let request = Request(
        apiKey: Int16(body[0]) << 8 | Int16(body[1]),
        version: Int16(body[2]) << 8 | Int16(body[3]),
        correlationID: body[4..<8].reduce(0) { $0 << 8 | Int32($1) })
      lock.withLock { seen.append(request) }
      guard let payload = script(request) else { return }
      let frame = FakeEncoder.int32(Int32(payload.count)) + payload
      var sent = 0
      while sent < frame.count {
        let n = frame.withUnsafeBytes { write(fd, $0.baseAddress! + sent, frame.count - sent) }
        if n <= 0 { return }
        sent += n
      }
    }
  }
}

/// Response encoders for the fake, written apart from the library's codec.
enum FakeEncoder {
  static func int16(_ v: Int16) -> [UInt8] {
    [UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
  }
  static func int32(_ v: Int32) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> $0) }
  }

  /// ApiVersions v0 (`error`, ranges) or v1/v2 (plus throttle), header v0.
  static func apiVersions(
    correlation: Int32, version: Int16, error: Int16, ranges: [(Int16, Int16, Int16)]
  ) -> [UInt8] {
    var out = int32(correlation) + int16(error) + int32(Int32(ranges.count))
    for (key, low, high) in ranges { out += int16(key) + int16(low) + int16(high) }
    if version >= 1 { out += int32(0) }
    return out
  }

  /// A DescribeCluster v1 response (header v1, endpoint_type 1).
  static func describeClusterV1(
    correlation: Int32, brokers: [(Int32, String, Int32)], cluster: String, controller: Int32
  ) -> [UInt8] {
    func compact(_ s: String) -> [UInt8] { [UInt8(s.utf8.count + 1)] + Array(s.utf8) }
    var out = int32(correlation) + [0] + int32(0) + int16(0) + [0] + [1] + compact(cluster)
    out += int32(controller) + [UInt8(brokers.count + 1)]
    for (id, host, port) in brokers { out += int32(id) + compact(host) + int32(port) + [0, 0] }
    out += int32(Int32.min) + [0]
    return out
  }

  /// A Metadata v12 response; `topics` are (name, leader of each partition).
  static func metadataV12(
    correlation: Int32, brokers: [(Int32, String, Int32)], cluster: String, controller: Int32,
    topics: [(String, [Int32])] = []
  ) -> [UInt8] {
    func compact(_ s: String) -> [UInt8] { [UInt8(s.utf8.count + 1)] + Array(s.utf8) }
    var out = int32(correlation) + [0] + int32(0) + [UInt8(brokers.count + 1)]
    for (id, host, port) in brokers { out += int32(id) + compact(host) + int32(port) + [0, 0] }
    out += compact(cluster) + int32(controller) + [UInt8(topics.count + 1)]
    for (name, leaders) in topics {
      // error_code, name, topic_id (16 bytes), is_internal, partitions.
      out += [0, 0] + compact(name) + [UInt8](repeating: 7, count: 16) + [0]
      out += [UInt8(leaders.count + 1)]
      for (index, leader) in leaders.enumerated() {
        // error_code, partition_index, leader_id, leader_epoch, replica_nodes, isr_nodes,
        // offline_replicas, tags.
        out += [0, 0] + int32(Int32(index)) + int32(leader) + int32(0)
        out += [2] + int32(max(leader, 0)) + [2] + int32(max(leader, 0)) + [1, 0]
      }
      out += int32(Int32.min) + [0]
    }
    out += [0]
    return out
  }
}
