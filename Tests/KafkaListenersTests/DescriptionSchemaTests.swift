import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// `Schemas/cluster-description.schema.json` and the reader describe the same format: every
/// valid fixture passes both, every broken fixture fails both (the reader's diagnostics are
/// golden files), and the keys and enumerations agree at every level.
///
/// Broken fixtures live in `Fixtures/descriptions/broken/`; each `X.yaml` (or `X.json`) has
/// `X.expected.json`, the output of `kafka-listeners lint --format json` on it. `UPDATE_GOLDEN=1`
/// rewrites them; review the diff before committing.
@Suite struct DescriptionSchemaTests {
  static let schemaPath = packagePath("Schemas/cluster-description.schema.json")

  /// Descriptions in a fixture directory, as paths relative to the package root.
  static func fixtures(_ directory: String) -> [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: packagePath(directory))) ?? []
    return names.filter {
      ($0.hasSuffix(".yaml") || $0.hasSuffix(".json")) && !$0.hasSuffix(".expected.json")
    }.sorted().map { "\(directory)/\($0)" }
  }

  static let valid = fixtures("Fixtures/descriptions")
  static let broken = fixtures("Fixtures/descriptions/broken")

  /// The fixture as JSON, converted with PyYAML so the schema sees what any YAML tool sees.
  static func json(_ relativePath: String) throws -> String {
    let script = """
      import json, sys, yaml
      print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), default=str))
      """
    let python = try #require(which("python3"), "python3 is needed to convert YAML")
    let result = try run(python, ["-c", script, packagePath(relativePath)])
    #expect(result.status == 0, "PyYAML could not read \(relativePath): \(result.stderr)")
    return result.stdout
  }

  static func schema() throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: schemaPath))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func thereAreFixtures() {
    #expect(Self.valid.count >= 5)
    #expect(Self.broken.count >= 10)
  }

  @Test func schemaIdentifiesItself() throws {
    let schema = try Self.schema()
    #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    #expect(
      schema["$id"] as? String
        == "https://github.com/kafka-listeners/kafka-listeners/blob/main/Schemas/"
        + "cluster-description.schema.json")
  }

  @Test(arguments: valid)
  func validFixtureMatchesTheSchema(path: String) throws {
    let errors = try jsonSchemaErrors(try Self.json(path), schema: Self.schemaPath)
    #expect(errors == nil, "\(path): \(errors ?? "")")
  }

  @Test(arguments: broken)
  func brokenFixtureFailsTheSchema(path: String) throws {
    let errors = try jsonSchemaErrors(try Self.json(path), schema: Self.schemaPath)
    #expect(errors != nil, "\(path) is valid to the schema, so it cannot be a broken example")
    #expect(
      errors?.contains("SchemaError") != true, "the schema itself is invalid: \(errors ?? "")")
  }

  @Test(arguments: broken)
  func brokenFixtureMatchesItsGoldenDiagnostics(path: String) throws {
    let result = try runCLI(["lint", "--format", "json", path])
    #expect(result.status == 1, "\(path): exit status \(result.status), \(result.stderr)")
    let golden = packagePath(
      path.replacingOccurrences(
        of: #"\.(yaml|json)$"#, with: ".expected.json", options: .regularExpression))
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try result.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOfFile: golden, encoding: .utf8)
    #expect(result.stdout == expected, "\(path): output differs from \(golden)")

    // The golden file must show the reader at work, not only other rules.
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
    let readerCodes: Set<String> = ["KL013", "KL014", "KL015", "KL016", "KL018"]
    #expect(
      diagnostics.contains { readerCodes.contains($0["rule"] as? String ?? "") },
      "\(path) produced no reading diagnostic")
    for diagnostic in diagnostics {
      #expect((diagnostic["line"] as? Int ?? 0) >= 1 && (diagnostic["column"] as? Int ?? 0) >= 1)
    }
  }

  /// The schema's object keys at every level, by the same paths as `allowedKeys`. Maps (objects
  /// whose `additionalProperties` is a schema, such as labels) hold free keys and are skipped.
  static func schemaKeys(_ root: [String: Any]) throws -> [String: [String]] {
    let definitions = root["$defs"] as? [String: Any] ?? [:]
    var result: [String: [String]] = [:]
    func resolve(_ schema: [String: Any]) -> [String: Any] {
      guard let reference = schema["$ref"] as? String else { return schema }
      let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
      return definitions[name] as? [String: Any] ?? [:]
    }
    func walk(_ raw: [String: Any], path: String) {
      let schema = resolve(raw)
      if schema["type"] as? String == "array", let items = schema["items"] as? [String: Any] {
        walk(items, path: path + "[]")
        return
      }
      guard schema["additionalProperties"] as? Bool == false,
        let properties = schema["properties"] as? [String: Any]
      else { return }
      result[path] = properties.keys.sorted()
      for (key, value) in properties {
        if let child = value as? [String: Any] {
          walk(child, path: path.isEmpty ? key : "\(path).\(key)")
        }
      }
    }
    walk(root, path: "")
    return result
  }

  @Test func readerAndSchemaAcceptTheSameKeys() throws {
    let schemaKeys = try Self.schemaKeys(try Self.schema())
    let readerKeys = DescriptionReader.allowedKeys.mapValues { $0.sorted() }
    #expect(Set(schemaKeys.keys) == Set(readerKeys.keys), "object paths differ")
    for path in Set(schemaKeys.keys).union(readerKeys.keys).sorted() {
      #expect(schemaKeys[path] == readerKeys[path], "keys of \(path.isEmpty ? "(root)" : path)")
    }
    #expect(readerKeys.count >= 18)
  }

  @Test func everyReaderKeyListIsFreeOfRepeats() {
    for (path, keys) in DescriptionReader.allowedKeys {
      #expect(Set(keys).count == keys.count, "\(path) repeats a key")
    }
  }

  /// Editors show `title` and `description` on hover: every declared property has both.
  @Test func everyPropertyIsDocumented() throws {
    let root = try Self.schema()
    var undocumented: [String] = []
    func check(_ schema: [String: Any], path: String) {
      for (key, value) in schema["properties"] as? [String: Any] ?? [:] {
        guard let property = value as? [String: Any] else { continue }
        let documented =
          property["$ref"] != nil
          || (property["title"] as? String != nil && property["description"] as? String != nil)
        if !documented { undocumented.append("\(path).\(key)") }
        check(property, path: "\(path).\(key)")
      }
    }
    check(root, path: "")
    for (name, definition) in root["$defs"] as? [String: Any] ?? [:] {
      guard let definition = definition as? [String: Any] else { continue }
      if definition["title"] == nil || definition["description"] == nil {
        undocumented.append("$defs.\(name)")
      }
      check(definition, path: "$defs.\(name)")
    }
    #expect(undocumented.isEmpty, "\(undocumented.sorted())")
  }

  /// The enumerations of the schema are the model's, so neither can gain a value alone.
  @Test func enumerationsMatchTheModel() throws {
    let root = try Self.schema()
    let definitions = try #require(root["$defs"] as? [String: Any])
    func enumeration(_ definition: String, _ property: String) -> [String] {
      let object = definitions[definition] as? [String: Any]
      let properties = object?["properties"] as? [String: Any]
      let schema = properties?[property] as? [String: Any]
      return (schema?["enum"] as? [String]) ?? []
    }
    #expect(enumeration("spec", "platform") == Cluster.Platform.allCases.map(\.rawValue))
    #expect(enumeration("listener", "type") == ListenerType.allCases.map(\.rawValue))
    #expect(enumeration("clientGroup", "position") == ClientGroup.Position.allCases.map(\.rawValue))
    #expect(
      enumeration("authentication", "type")
        == AuthenticationType.allCases.filter { $0 != .oauth }.map(\.rawValue))
    #expect(
      enumeration("listenerConfiguration", "preferredNodePortAddressType")
        == DescriptionParser.addressTypes)
    let nodeAddresses = definitions["nodeAddresses"] as? [String: Any]
    let addressKeys = Set((nodeAddresses?["properties"] as? [String: Any] ?? [:]).keys)
    #expect(addressKeys == Set(DescriptionParser.addressTypes + ["node"]))
    let roles = definitions["roles"] as? [String: Any]
    let items = roles?["items"] as? [String: Any]
    #expect(items?["enum"] as? [String] == NodeRole.allCases.map(\.rawValue))
  }

  /// The annotated example of the README section is a valid, clean description.
  @Test func readmeExampleIsValid() throws {
    let readme = try String(
      contentsOfFile: packagePath("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "### A complete example").last)
    let start = try #require(section.range(of: "```yaml\n"))
    let end = try #require(section.range(of: "```", range: start.upperBound..<section.endIndex))
    let example = String(section[start.upperBound..<end.lowerBound])
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("example.yaml")
    try example.write(to: file, atomically: true, encoding: .utf8)

    let input = LintInput(files: [SourceFile(path: "example.yaml", text: example)])
    #expect(input.clusterIssues.isEmpty, "\(input.clusterIssues)")
    #expect(input.clusters.count == 1)
    let python = try #require(which("python3"))
    let converted = try run(
      python,
      [
        "-c", "import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
        file.path,
      ])
    let errors = try jsonSchemaErrors(converted.stdout, schema: Self.schemaPath)
    #expect(errors == nil, "\(errors ?? "")")
  }
}
