import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Two network namespaces joined by a veth pair: the broker and its EXTERNAL proxy live in
/// `in`, the client in `out`. Each namespace has its own hosts file, so `kafka.internal`
/// resolves only inside and `kafka.external` only outside, as cluster DNS does.
final class NamespacePair {
  let inside: String
  let outside: String
  private var created: [String] = []

  static var usable: Bool {
    getuid() == 0 && LiveBroker.available && FileManager.default.isExecutableFile(atPath: ip)
  }

  static let ip =
    ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    } ?? "/usr/sbin/ip"

  init() throws {
    let tag = "klp\(getpid() % 100000)\(Int.random(in: 100...999))"
    inside = "\(tag)i"
    outside = "\(tag)o"
    do {
      try ip(["netns", "add", inside])
      created.append(inside)
      try ip(["netns", "add", outside])
      created.append(outside)
      let (a, b) = ("\(tag)a", "\(tag)b")
      try ip(["link", "add", a, "type", "veth", "peer", "name", b])
      try ip(["link", "set", a, "netns", inside])
      try ip(["link", "set", b, "netns", outside])
      try ip(["-n", inside, "addr", "add", "192.0.2.1/24", "dev", a])
      try ip(["-n", outside, "addr", "add", "192.0.2.2/24", "dev", b])
      for (namespace, device) in [(inside, a), (outside, b)] {
        try ip(["-n", namespace, "link", "set", "lo", "up"])
        try ip(["-n", namespace, "link", "set", device, "up"])
      }
      try hosts(inside, "192.0.2.1 kafka.internal\n")
      try hosts(outside, "192.0.2.1 kafka.external\n")
    } catch {
      destroy()
      throw error
    }
  }

  private func hosts(_ namespace: String, _ entries: String) throws {
    let directory = "/etc/netns/\(namespace)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try ("127.0.0.1 localhost\n" + entries).write(
      toFile: "\(directory)/hosts", atomically: true, encoding: .utf8)
  }

  @discardableResult
  private func ip(_ arguments: [String]) throws -> ProcessResult {
    let result = try run(Self.ip, arguments)
    guard result.status == 0 else {
      throw BackgroundError("ip \(arguments.joined(separator: " ")): \(result.stderr)")
    }
    return result
  }

  /// A command inside `namespace`.
  func exec(_ namespace: String, _ command: [String], environment: [String: String] = [:])
    throws -> ProcessResult
  {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    return try run(Self.ip, ["netns", "exec", namespace] + command, environment: env)
  }

  /// Waits until `address:port` accepts connections from `namespace`.
  func waitForPort(_ namespace: String, _ address: String, _ port: Int) throws {
    for _ in 0..<100 {
      let probe = try exec(
        namespace, ["/usr/bin/timeout", "1", "bash", "-c", "echo > /dev/tcp/\(address)/\(port)"])
      if probe.status == 0 { return }
      usleep(50_000)
    }
    throw BackgroundError("\(address):\(port) did not open in \(namespace)")
  }

  func destroy() {
    for namespace in created.reversed() {
      _ = try? run(Self.ip, ["netns", "del", namespace])
      try? FileManager.default.removeItem(atPath: "/etc/netns/\(namespace)")
    }
    created.removeAll()
  }

  deinit { destroy() }
}

@Suite(
  .serialized,
  .enabled(
    if: NamespacePair.usable,
    "network namespaces need root, iproute2 and Tansu (run .ci/run): namespace probe tests skipped"
  ))
struct ProbeNamespaceTests {
  @Test func internalNameResolvesOnlyInsideTheNamespace() throws {
    let pair: NamespacePair
    do {
      pair = try NamespacePair()
    } catch {
      // Some sandboxes refuse namespaces even to root: say so instead of failing.
      print("network namespaces are unavailable here (\(error)): namespace probe test skipped")
      return
    }
    defer { pair.destroy() }
    let tansu = try #require(LiveBroker.tansu)
    let directory = try temporaryDirectory("kl-netns")
    defer { try? FileManager.default.removeItem(at: directory) }
    let broker = try Background(
      "tansu broker", NamespacePair.ip,
      [
        "netns", "exec", pair.inside, tansu, "broker", "--cluster-id", "ns-cluster",
        "--listener-url", "tcp://192.0.2.1:9092", "--advertised-listener-url",
        "tcp://kafka.internal:9092", "--storage-engine", "memory://tansu/",
      ], log: directory.appendingPathComponent("broker.log"))
    defer { broker.stop() }
    let proxy = try Background(
      "tansu proxy", NamespacePair.ip,
      [
        "netns", "exec", pair.inside, tansu, "proxy", "--listener-url", "tcp://192.0.2.1:9094",
        "--advertised-listener-url", "tcp://kafka.external:9094", "--origin-url",
        "tcp://192.0.2.1:9092",
      ], log: directory.appendingPathComponent("proxy.log"))
    defer { proxy.stop() }
    try pair.waitForPort(pair.outside, "192.0.2.1", 9092)
    try pair.waitForPort(pair.outside, "192.0.2.1", 9094)

    // From outside, through EXTERNAL: the advertised name resolves here and answers.
    let external = try pair.exec(
      pair.outside, [cliPath, "probe", "192.0.2.1:9094", "--format", "json", "--timeout", "2"])
    #expect(external.status == 0, "\(external.stdout)\(external.stderr)")
    let clean = try ProbeJSON(external.stdout)
    #expect(clean.rules.isEmpty, "\(clean.messages)")
    #expect(clean.brokerSet == ["111 kafka.external:9094"])

    // From outside, through INTERNAL: the classic internal name seen from outside.
    let internalPort = try pair.exec(
      pair.outside, [cliPath, "probe", "192.0.2.1:9092", "--format", "json", "--timeout", "2"])
    #expect(internalPort.status == 1)
    let broken = try ProbeJSON(internalPort.stdout)
    #expect(broken.rules == ["KL710"])
    #expect(broken.brokerSet == ["111 kafka.internal:9092"])

    // The same address is fine from inside, where the name resolves.
    let inside = try pair.exec(
      pair.inside, [cliPath, "probe", "kafka.internal:9092", "--format", "json", "--timeout", "2"])
    #expect(inside.status == 0, "\(inside.stdout)")
    #expect(try ProbeJSON(inside.stdout).rules.isEmpty)

    // kcat (librdkafka 2.16) sees the same brokers from outside.
    if let kcat = which("kcat"), let rdkafka = LiveBroker.rdkafkaDirectory {
      let listed = try pair.exec(
        pair.outside,
        ["/usr/bin/timeout", "20", kcat, "-b", "192.0.2.1:9094", "-L", "-J", "-m", "10"],
        environment: ["LD_LIBRARY_PATH": rdkafka])
      let object =
        try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))
        as? [String: Any]
      let brokers = (object?["brokers"] as? [[String: Any]] ?? []).map {
        "\($0["id"] as? Int ?? -1) \($0["name"] as? String ?? "")"
      }
      #expect(Set(brokers) == clean.brokerSet)
    }
  }
}
