import Foundation
import KafkaListeners

/// The package's root directory, found from this file's path.
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A path inside the package.
public func packagePath(_ relative: String) -> String {
  packageRoot.appendingPathComponent(relative).path
}

/// The result of running a process.
public struct ProcessResult: Sendable {
  /// Exit status (or 128 + signal when killed by one).
  public var status: Int32
  /// Standard output as UTF-8.
  public var stdout: String
  /// Standard error as UTF-8.
  public var stderr: String
}

/// The built `kafka-listeners` executable, next to the test bundle.
public var cliPath: String {
  if let override = ProcessInfo.processInfo.environment["KAFKA_LISTENERS_BIN"] { return override }
  let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  var directory = bundle.deletingLastPathComponent()
  // On Linux the test runner is `<build>/debug/<package>PackageTests.xctest`; on macOS it is a
  // bundle whose executable sits three levels deeper.
  while directory.path != "/" {
    let candidate = directory.appendingPathComponent("kafka-listeners").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    directory.deleteLastPathComponent()
  }
  return packagePath(".build/debug/kafka-listeners")
}

/// Runs a program and waits for it, with standard input closed.
public func run(
  _ executable: String, _ arguments: [String], in directory: String? = nil,
  environment: [String: String]? = nil
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  if let environment { process.environment = environment }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Read both pipes before waiting so a large output cannot fill a pipe and block the child.
  let group = DispatchGroup()
  nonisolated(unsafe) var errData = Data()
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  let status =
    process.terminationReason == .uncaughtSignal
    ? 128 + process.terminationStatus : process.terminationStatus
  return ProcessResult(
    status: status, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs the built CLI. `NO_COLOR` is set so output is plain unless a test says otherwise.
public func runCLI(
  _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]
) throws -> ProcessResult {
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  for (key, value) in environment { env[key] = value }
  return try run(cliPath, arguments, in: directory ?? packageRoot.path, environment: env)
}

/// Finds a program on `PATH`.
public func which(_ program: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for directory in path.split(separator: ":") {
    let candidate = "\(directory)/\(program)"
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}

/// Validates a JSON document against a JSON Schema with Python's `jsonschema`; returns `nil`
/// when valid, else the validator's message.
public func jsonSchemaErrors(_ document: String, schema: String) throws -> String? {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("kl-schema-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let instance = directory.appendingPathComponent("instance.json")
  try document.write(to: instance, atomically: true, encoding: .utf8)
  let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    instance = json.load(open(sys.argv[2]))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(e.path))
    for e in errors[:5]:
        print(list(e.path), e.message)
    sys.exit(1 if errors else 0)
    """
  guard let python = which("python3") else { return "python3 is not installed" }
  let result = try run(python, ["-c", script, schema, instance.path])
  return result.status == 0 ? nil : result.stdout + result.stderr
}

/// A fresh temporary directory, removed by the caller.
public func temporaryDirectory(_ prefix: String = "kl") throws -> URL {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  return directory
}
