/// Renders a probe report as text or JSON (`Schemas/probe.schema.json`). Output is
/// deterministic: brokers by node id, addresses in resolver order, findings by severity, broker
/// and rule, and no timings.
public enum ProbeRenderer {
  /// Human-readable: one line per broker, then the findings, then a summary line.
  public static func text(_ report: ProbeReport) -> String {
    var out = ""
    for entry in report.bootstrap {
      out += "bootstrap \(entry.endpoint): \(statusLine(entry))\n"
    }
    if let metadata = report.metadata {
      out += "cluster \(metadata.clusterID ?? "(no id)"), controller \(metadata.controllerID), "
      out += "Metadata v\(metadata.version), \(metadata.brokers.count) "
      out += metadata.brokers.count == 1 ? "broker\n" : "brokers\n"
    }
    for broker in report.brokers {
      let b = broker.advertised
      out += "  broker \(b.nodeID) \(ProbeEndpoint(host: b.host, port: Int(b.port)))"
      out += " rack \(b.rack ?? "-") -> resolve \(broker.probe.resolution.rawValue)"
      out += " / connect \(broker.probe.connection.rawValue)"
      if report.options.tls {
        let uncovered = report.findings.contains {
          $0.code == "KL440" && $0.broker == Int(b.nodeID)
        }
        out += " / tls \(uncovered ? "name-not-covered" : tlsWord(broker.probe))"
      }
      out += " / self-view \(broker.selfView.rawValue)\n"
    }
    if !report.findings.isEmpty { out += "\n" }
    for finding in report.findings {
      let place = finding.endpoint ?? report.options.bootstrap.first?.description ?? "-"
      out += "\(place): \(finding.severity.rawValue): \(finding.message) "
      out += "[\(finding.code) \(finding.name)]\n"
      if let location = finding.location { out += "  expected at \(location)\n" }
    }
    let counts = summary(report)
    out += "\n\(counts.errors) errors, \(counts.warnings) warnings, \(counts.notes) notes\n"
    return out
  }

  private static func statusLine(_ entry: EndpointResult) -> String {
    var words = ["resolve \(entry.resolution.rawValue)"]
    if !entry.addresses.isEmpty { words[0] += " (\(entry.addresses.joined(separator: ", ")))" }
    words.append("connect \(entry.connection.rawValue)")
    if let version = entry.apiVersionsRequest { words.append("ApiVersions v\(version)") }
    return words.joined(separator: " / ")
  }

  private static func tlsWord(_ result: EndpointResult) -> String {
    if result.connection == .tlsFailed { return "failed" }
    return result.certificates.isEmpty ? "-" : "ok"
  }

  private static func summary(_ report: ProbeReport) -> (errors: Int, warnings: Int, notes: Int) {
    (
      report.findings.filter { $0.severity == .error }.count,
      report.findings.filter { $0.severity == .warning }.count,
      report.findings.filter { $0.severity == .note }.count
    )
  }

  /// The JSON document described by `Schemas/probe.schema.json`.
  public static func json(_ report: ProbeReport) -> String {
    value(report).rendered(newline: true)
  }

  /// The JSON document as a value.
  public static func value(_ report: ProbeReport) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("version", .int(1)),
      ("bootstrap", .array(report.bootstrap.map(bootstrapValue))),
    ]
    if let metadata = report.metadata {
      members.append(
        (
          "cluster",
          .object([
            ("id", metadata.clusterID.map(JSONValue.string) ?? .null),
            ("controllerId", .int(Int(metadata.controllerID))),
            ("metadataVersion", .int(Int(metadata.version))),
          ])
        ))
    }
    members.append(
      ("brokers", .array(report.brokers.map { brokerValue($0, tls: report.options.tls) })))
    if let expectation = report.options.expectation {
      members.append(
        (
          "expected",
          .object([
            ("listener", .string(expectation.listener)),
            (
              "brokers",
              .array(
                expectation.brokers.map {
                  .object([
                    ("id", .int($0.id)), ("host", .string($0.host)), ("port", .string($0.port)),
                    ("source", .string($0.location.description)),
                  ])
                })
            ),
          ])
        ))
    }
    members.append(("diagnostics", .array(report.findings.map(findingValue))))
    let counts = summary(report)
    members.append(
      (
        "summary",
        .object([
          ("errors", .int(counts.errors)), ("warnings", .int(counts.warnings)),
          ("notes", .int(counts.notes)),
        ])
      ))
    return .object(members)
  }

  private static func bootstrapValue(_ entry: EndpointResult) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("endpoint", .string(entry.endpoint.description)),
      ("resolution", resolutionValue(entry)),
      ("connection", connectionValue(entry)),
    ]
    if let version = entry.apiVersionsRequest {
      let ranges = entry.ranges.sorted { $0.key < $1.key }.map {
        (
          String($0.key),
          JSONValue.array([.int(Int($0.value.minVersion)), .int(Int($0.value.maxVersion))])
        )
      }
      members.append(
        (
          "apiVersions",
          .object([("requestVersion", .int(Int(version))), ("ranges", .object(ranges))])
        ))
    }
    if let tls = tlsValue(entry) { members.append(("tls", tls)) }
    return .object(members)
  }

  private static func resolutionValue(_ entry: EndpointResult) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("status", .string(entry.resolution.rawValue)),
      ("addresses", .array(entry.addresses.map(JSONValue.string))),
    ]
    if let error = entry.resolutionError { members.append(("error", .string(error))) }
    return .object(members)
  }

  private static func connectionValue(_ entry: EndpointResult) -> JSONValue {
    var members: [(String, JSONValue)] = [("status", .string(entry.connection.rawValue))]
    if let address = entry.connectedAddress { members.append(("address", .string(address))) }
    var errors = entry.connectErrors.map { "\($0.address): \($0.error)" }
    if let error = entry.connectionError { errors.append(error) }
    if let error = entry.metadataError { errors.append(error) }
    if !errors.isEmpty { members.append(("error", .string(errors.joined(separator: "; ")))) }
    return .object(members)
  }

  private static func tlsValue(_ entry: EndpointResult) -> JSONValue? {
    guard let leaf = entry.certificates.first else { return nil }
    let names = leaf.names
    let altNames =
      names.dnsNames.map { "DNS:\($0)" }
      + CertificateNames(ipAddresses: names.ipAddresses).descriptions
    var members: [(String, JSONValue)] = [
      ("sni", entry.sni.map(JSONValue.string) ?? .null),
      ("subject", .string(leaf.subject)),
      ("issuer", .string(leaf.issuer)),
      ("subjectAltNames", .array(altNames.map(JSONValue.string))),
      ("commonName", names.commonNames.last.map(JSONValue.string) ?? .null),
      ("notBefore", .int(Int(leaf.notValidBefore))),
      ("notAfter", .int(Int(leaf.notValidAfter))),
      ("sha256", .string(leaf.sha256)),
      ("chainLength", .int(entry.certificates.count)),
    ]
    if let problem = entry.chainProblem { members.append(("chainProblem", .string(problem))) }
    return .object(members)
  }

  private static func brokerValue(_ broker: BrokerResult, tls: Bool) -> JSONValue {
    let b = broker.advertised
    var members: [(String, JSONValue)] = [
      ("id", .int(Int(b.nodeID))), ("host", .string(b.host)), ("port", .int(Int(b.port))),
      ("rack", b.rack.map(JSONValue.string) ?? .null),
      ("resolution", resolutionValue(broker.probe)),
      ("connection", connectionValue(broker.probe)),
    ]
    if let tls = tlsValue(broker.probe) { members.append(("tls", tls)) }
    members.append(("selfView", .object([("status", .string(broker.selfView.rawValue))])))
    return .object(members)
  }

  private static func findingValue(_ finding: ProbeFinding) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("rule", .string(finding.code)), ("name", .string(finding.name)),
      ("severity", .string(finding.severity.rawValue)), ("message", .string(finding.message)),
    ]
    if let broker = finding.broker { members.append(("broker", .int(broker))) }
    if let endpoint = finding.endpoint { members.append(("endpoint", .string(endpoint))) }
    if let location = finding.location {
      members.append(("source", .string(location.description)))
    }
    return .object(members)
  }
}
