import Yams

/// Reads `.kafka-listeners.yaml`:
///
/// ```yaml
/// kafka-version: "3.9"
/// rules:
///   KL007: off              # or: error, warning, note
///   non-ascii-text:
///     severity: error
///   KL005:
///     enabled: false
/// clients:                  # where the clients of server.properties inputs sit
///   - name: apps
///     position: internet    # kubernetes | network | internet | host
///     listener: EXTERNAL    # optional: the Kafka listener they use
/// tls:                      # TLS certificate-name checks
///   clients: both           # java | librdkafka | both
///   expiry-warning-days: 30
///   certificates:           # relative to this file; without node: every node
///     - { node: 1, file: certs/kafka-1.pem }
/// ```
///
/// Anything else is an error naming the file, line and column: a configuration that is silently
/// half-applied is worse than none.
enum ConfigurationReader {
  static func read(path: String, bytes: [UInt8]) throws(ToolError) -> Configuration {
    var configuration = Configuration(path: path)
    if UTF8Validation.firstInvalidOffset(bytes) != nil {
      throw .invalidConfiguration(.start(of: path), "the file is not valid UTF-8")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self), .basic)
    } catch let error as YamlError {
      let syntax = YAMLReader.syntaxError(error, path: path)
      throw .invalidConfiguration(syntax.location, syntax.message)
    } catch {
      throw .invalidConfiguration(.start(of: path), "\(error)")
    }
    guard let root else { return configuration }
    func location(_ node: Node) -> SourceLocation {
      SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
    guard let mapping = root.mapping else {
      throw .invalidConfiguration(location(root), "expected a mapping at the top level")
    }
    for (key, value) in mapping {
      switch key.scalar?.string {
      case "kafka-version":
        guard let text = value.scalar?.string, let version = KafkaVersion(text) else {
          throw .invalidConfiguration(
            location(value),
            "kafka-version must be a supported Kafka version such as \"\(KafkaVersion.newest)\"")
        }
        configuration.kafkaVersion = version
      case "rules":
        if value.scalar?.string == "" || value.scalar?.string == "~" { continue }
        guard let rules = value.mapping else {
          throw .invalidConfiguration(location(value), "rules must be a mapping of rule to setting")
        }
        for (ruleKey, setting) in rules {
          let written = ruleKey.scalar?.string ?? ""
          guard let rule = RuleRegistry.rule(written) else {
            throw .invalidConfiguration(
              location(ruleKey), "unknown rule \(quoted(written)); `kafka-listeners rules` lists them")
          }
          configuration.rules[rule.metadata.code] = try ruleSetting(setting, location)
        }
      case "clients":
        configuration.clients = try clients(value, location)
      case "tls":
        try tls(value, path: path, into: &configuration.tls, location)
      default:
        throw .invalidConfiguration(
          location(key),
          "unknown key \(quoted(key.scalar?.string ?? "?")); expected kafka-version, rules, "
            + "clients or tls")
      }
    }
    return configuration
  }

  private static func ruleSetting(
    _ node: Node, _ location: (Node) -> SourceLocation
  ) throws(ToolError) -> Configuration.RuleSetting {
    if let text = node.scalar?.string {
      if let setting = setting(named: text) { return setting }
      throw .invalidConfiguration(
        location(node), "expected off, error, warning or note, not \(quoted(text))")
    }
    guard let mapping = node.mapping else {
      throw .invalidConfiguration(location(node), "expected a setting or a mapping")
    }
    var result = Configuration.RuleSetting?.none
    for (key, value) in mapping {
      let text = value.scalar?.string ?? ""
      switch key.scalar?.string {
      case "enabled":
        switch text {
        case "true": if result == nil { result = nil }
        case "false": return .off
        default:
          throw .invalidConfiguration(location(value), "enabled must be true or false")
        }
      case "severity":
        guard let severity = Severity(rawValue: text) else {
          throw .invalidConfiguration(
            location(value), "severity must be error, warning or note, not \(quoted(text))")
        }
        result = .severity(severity)
      default:
        throw .invalidConfiguration(
          location(key),
          "unknown key \(quoted(key.scalar?.string ?? "?")); expected enabled or severity")
      }
    }
    guard let result else {
      throw .invalidConfiguration(location(node), "the rule setting changes nothing")
    }
    return result
  }

  /// `clients:`, a list of `{name, position, network?, listener?}`.
  private static func clients(
    _ node: Node, _ location: (Node) -> SourceLocation
  ) throws(ToolError) -> [ConfiguredClientGroup] {
    if node.scalar?.string == "" || node.scalar?.string == "~" { return [] }
    guard let sequence = node.sequence else {
      throw .invalidConfiguration(
        location(node), "clients must be a list of {name, position, network, listener}")
    }
    var groups: [ConfiguredClientGroup] = []
    for item in sequence {
      guard let mapping = item.mapping else {
        throw .invalidConfiguration(
          location(item), "each client group must be a mapping with name and position")
      }
      var fields: [String: Node] = [:]
      for (key, value) in mapping {
        let name = key.scalar?.string ?? "?"
        guard ["name", "position", "network", "listener"].contains(name) else {
          throw .invalidConfiguration(
            location(key),
            "unknown key \(quoted(name)) in a client group; expected name, position, network or "
              + "listener")
        }
        guard let text = value.scalar?.string, !text.isEmpty else {
          throw .invalidConfiguration(location(value), "\(name) must be a non-empty string")
        }
        fields[name] = value
      }
      guard let name = fields["name"]?.scalar?.string else {
        throw .invalidConfiguration(location(item), "a client group needs a name")
      }
      guard let positionNode = fields["position"] else {
        throw .invalidConfiguration(
          location(item),
          "client group \(quoted(name)) needs a position (kubernetes, network, internet or host)")
      }
      let positionText = positionNode.scalar?.string ?? ""
      guard let position = ClientGroup.Position(rawValue: positionText) else {
        throw .invalidConfiguration(
          location(positionNode),
          "position must be kubernetes, network, internet or host, not \(quoted(positionText))")
      }
      let network = fields["network"]?.scalar?.string
      if position == .network && network == nil {
        throw .invalidConfiguration(
          location(item), "client group \(quoted(name)) has position network and needs network")
      }
      if position != .network, let node = fields["network"] {
        throw .invalidConfiguration(
          location(node), "network applies only to position network, not \(position.rawValue)")
      }
      groups.append(
        ConfiguredClientGroup(
          name: name, position: position, network: network,
          listener: fields["listener"]?.scalar?.string, location: location(item)))
    }
    return groups
  }

  /// `tls:` — `clients` (java, librdkafka or both), `expiry-warning-days`, and `certificates`,
  /// a list of `{node?, file}` whose files are relative to the configuration file.
  private static func tls(
    _ node: Node, path: String, into options: inout TLSOptions, _ location: (Node) -> SourceLocation
  ) throws(ToolError) {
    if node.scalar?.string == "" || node.scalar?.string == "~" { return }
    guard let mapping = node.mapping else {
      throw .invalidConfiguration(
        location(node), "tls must be a mapping with clients, expiry-warning-days or certificates")
    }
    let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    for (key, value) in mapping {
      switch key.scalar?.string {
      case "clients":
        guard let text = value.scalar?.string, let clients = TLSOptions.parseClients(text) else {
          throw .invalidConfiguration(
            location(value), "tls.clients must be java, librdkafka or both")
        }
        options.clients = clients
      case "expiry-warning-days":
        guard let text = value.scalar?.string, let days = Int(text), days >= 0 else {
          throw .invalidConfiguration(
            location(value), "tls.expiry-warning-days must be a whole number of days")
        }
        options.expiryWarningDays = days
      case "certificates":
        guard let items = value.sequence else {
          throw .invalidConfiguration(
            location(value), "tls.certificates must be a list of {node, file}")
        }
        for item in items {
          guard let fields = item.mapping else {
            throw .invalidConfiguration(location(item), "each certificate needs a file")
          }
          var nodeId: Int?
          var file: String?
          for (field, fieldValue) in fields {
            let text = fieldValue.scalar?.string ?? ""
            switch field.scalar?.string {
            case "node":
              guard let id = Int(text), id >= 0 else {
                throw .invalidConfiguration(location(fieldValue), "node must be a node id")
              }
              nodeId = id
            case "file":
              guard !text.isEmpty else {
                throw .invalidConfiguration(location(fieldValue), "file must be a path")
              }
              file = text.hasPrefix("/") ? text : directory + text
            default:
              throw .invalidConfiguration(
                location(field),
                "unknown key \(quoted(field.scalar?.string ?? "?")) in a certificate; expected "
                  + "node or file")
            }
          }
          guard let file else {
            throw .invalidConfiguration(location(item), "each certificate needs a file")
          }
          options.certificatePaths.append(CertificateMapping(node: nodeId, path: file))
        }
      default:
        throw .invalidConfiguration(
          location(key),
          "unknown key \(quoted(key.scalar?.string ?? "?")) in tls; expected clients, "
            + "expiry-warning-days or certificates")
      }
    }
  }

  private static func setting(named text: String) -> Configuration.RuleSetting? {
    switch text {
    case "off", "false", "disabled": .off
    default: Severity(rawValue: text).map { .severity($0) }
    }
  }
}
