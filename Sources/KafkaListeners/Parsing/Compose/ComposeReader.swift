/// Reads Docker Compose files into ``ComposeProject``s: recognises them by content, applies
/// YAML merge keys, interpolates variables, and merges the files of one directory in order
/// (base file, then its override), as `docker compose` does.
///
/// Issue codes: KL021 unresolved compose variable, KL022 input not followed, KL016 invalid value.
enum ComposeReader {
  /// The file names `docker compose` looks for, base files before override files.
  static let fileNames = [
    "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml",
    "compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml",
    "docker-compose.override.yml",
  ]

  /// Whether a document is a compose file: a top-level `services` mapping and no Kubernetes-style
  /// `apiVersion`/`kind`.
  static func isCompose(_ document: YAMLNode) -> Bool {
    guard let mapping = document.mapping, mapping["services"]?.mapping != nil else { return false }
    return mapping["apiVersion"] == nil && mapping["kind"] == nil
  }

  /// The directory part of a path (`.` when there is none).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return path[..<slash].isEmpty ? "/" : String(path[..<slash])
  }

  /// The `env_file` paths a compose file names, relative to its directory, for the caller to read.
  static func envFileReferences(_ file: YAMLFile) -> [String] {
    var paths: [String] = []
    for document in file.documents where isCompose(document) {
      guard let services = document.mapping?["services"]?.mapping else { continue }
      for (_, service) in services.pairs {
        guard let node = resolveMerges(service).mapping?["env_file"] else { continue }
        let items = node.sequence?.items ?? [node]
        for item in items {
          if let text = item.scalar?.text ?? item.mapping?["path"]?.scalar?.text {
            paths.append(text)
          }
        }
      }
    }
    return paths
  }

  /// Reads every compose file among `files` into projects (one per directory).
  /// `variables` are the interpolation variables (`.env`, `--env`); `envFiles` maps a path as
  /// named in the compose file, joined to its directory, to the file's text.
  static func read(
    _ files: [YAMLFile], variables: [String: [String: String]], envFiles: [String: String]
  ) -> (projects: [ComposeProject], issues: [ReadIssue]) {
    var byDirectory: [String: [YAMLFile]] = [:]
    for file in files where file.documents.contains(where: isCompose) {
      byDirectory[directory(of: file.path), default: []].append(file)
    }
    var projects: [ComposeProject] = []
    var issues: [ReadIssue] = []
    for dir in byDirectory.keys.sorted() {
      let group = (byDirectory[dir] ?? []).sorted { order($0.path) < order($1.path) }
      var reader = Reader(variables: variables[dir] ?? [:], envFiles: envFiles, directory: dir)
      var project: ComposeProject?
      for file in group {
        for document in file.documents where isCompose(document) {
          let read = reader.project(document, path: file.path)
          project = project.map { merge($0, read) } ?? read
        }
      }
      issues += reader.issues
      if let project { projects.append(project) }
    }
    return (projects, issues)
  }

  /// Base files first, override files after them, then other names.
  private static func order(_ path: String) -> (Int, String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if let index = fileNames.firstIndex(of: name.lowercased()) { return (index < 4 ? 0 : 1, path) }
    return (name.lowercased().contains("override") ? 1 : 0, path)
  }

  /// Applies YAML merge keys (`<<`) below `node`: written keys win over merged ones, and with a
  /// list of mappings earlier mappings win over later ones.
  static func resolveMerges(_ node: YAMLNode, depth: Int = 0) -> YAMLNode {
    guard depth < 64 else { return node }
    switch node {
    case .scalar: return node
    case .sequence(let sequence):
      return .sequence(
        YAMLSequence(
          items: sequence.items.map { resolveMerges($0, depth: depth + 1) },
          location: sequence.location))
    case .mapping(let mapping):
      var pairs: [(key: YAMLNode, value: YAMLNode)] = []
      var merged: [(key: YAMLNode, value: YAMLNode)] = []
      var mergedKeys: Set<String> = []
      for pair in mapping.pairs {
        if pair.key.scalar?.text == "<<", pair.key.scalar?.isQuoted == false {
          let sources = pair.value.sequence?.items ?? [pair.value]
          for source in sources {
            guard let sourceMapping = resolveMerges(source, depth: depth + 1).mapping else {
              continue
            }
            for item in sourceMapping.pairs
            where mergedKeys.insert(item.key.scalar?.text ?? "").inserted {
              merged.append(item)
            }
          }
        } else {
          pairs.append((pair.key, resolveMerges(pair.value, depth: depth + 1)))
        }
      }
      let written = Set(pairs.map { $0.key.scalar?.text ?? "" })
      for item in merged where !written.contains(item.key.scalar?.text ?? "") {
        pairs.append(item)
      }
      return .mapping(YAMLMapping(pairs: pairs, location: mapping.location))
    }
  }

  /// Merges a later file into a project (compose-spec `13-merge.md`).
  static func merge(_ base: ComposeProject, _ later: ComposeProject) -> ComposeProject {
    var result = base
    result.files += later.files
    if !later.nameIsGuessed {
      result.name = later.name
      result.nameIsGuessed = false
    }
    for (key, network) in later.networks { result.networks[key] = network }
    result.declaredClients += later.declaredClients
    result.platform = later.platform ?? base.platform
    result.hostAddress = later.hostAddress ?? base.hostAddress
    for service in later.services {
      guard let index = result.services.firstIndex(where: { $0.name.value == service.name.value })
      else {
        result.services.append(service)
        continue
      }
      var merged = result.services[index]
      merged.image = service.image ?? merged.image
      merged.hasBuild = merged.hasBuild || service.hasBuild
      for (name, variable) in service.environment { merged.environment[name] = variable }
      for port in service.ports {
        merged.ports.removeAll {
          $0.hostIP == port.hostIP && $0.hostPorts == port.hostPorts
            && $0.containerPorts == port.containerPorts && $0.proto == port.proto
        }
        merged.ports.append(port)
      }
      if service.networks != ["default": []] || merged.networks.isEmpty {
        if merged.networks == ["default": []] { merged.networks = [:] }
        for (key, aliases) in service.networks { merged.networks[key] = aliases }
      }
      merged.hostname = service.hostname ?? merged.hostname
      merged.containerName = service.containerName ?? merged.containerName
      merged.networkMode = service.networkMode ?? merged.networkMode
      merged.extraHosts += service.extraHosts
      merged.dependsOn += service.dependsOn
      merged.replicas = service.replicas ?? merged.replicas
      if !service.command.isEmpty { merged.command = service.command }
      merged.entrypoint = service.entrypoint ?? merged.entrypoint
      merged.declaredFlavour = service.declaredFlavour ?? merged.declaredFlavour
      merged.declaredKafkaVersion = service.declaredKafkaVersion ?? merged.declaredKafkaVersion
      // Compose merges `volumes` by container path: a later entry for the same target replaces.
      for volume in service.volumes {
        merged.volumes.removeAll { $0.target == volume.target }
        merged.volumes.append(volume)
      }
      result.services[index] = merged
    }
    result.services.sort { $0.name.value < $1.name.value }
    return result
  }

  /// Reads one compose document.
  struct Reader {
    var variables: [String: String]
    var envFiles: [String: String]
    var directory: String
    var issues: [ReadIssue] = []
    var reportedUnresolved: Set<SourceLocation> = []

    /// Interpolates a scalar, reporting unresolved variables once per location.
    mutating func value(_ node: YAMLNode?) -> ComposeValue? {
      guard let scalar = node?.scalar, !scalar.isNull else { return nil }
      return value(scalar.text, at: scalar.location)
    }

    mutating func value(_ text: String, at location: SourceLocation) -> ComposeValue {
      let result = ComposeInterpolation.interpolate(text, variables)
      if !result.unresolved.isEmpty, reportedUnresolved.insert(location).inserted {
        let names = Array(Set(result.unresolved)).sorted()
        let list = names.map { "${\($0)}" }.joined(separator: ", ")
        issues.append(
          ReadIssue(
            code: "KL021",
            message: "\(list) has no value (no .env entry, --env or default); Compose substitutes "
              + "an empty string, so checks that need this value are skipped",
            location: location,
            notes: result.errors.map { Diagnostic.Note("compose refuses the file: \($0)") }))
      }
      if result.unresolved.isEmpty, !result.defaulted.isEmpty,
        reportedUnresolved.insert(location).inserted
      {
        let names = Array(Set(result.defaulted)).sorted().map { "${\($0)}" }.joined(separator: ", ")
        issues.append(
          ReadIssue(
            code: "KL021",
            message: "\(names) has no value, so its default is used (\(quoted(result.text))); the "
              + "result depends on the environment of whoever runs compose",
            location: location))
      }
      return ComposeValue(text: result.text, location: location, unresolved: result.unresolved)
    }

    mutating func invalid(_ message: String, at location: SourceLocation) {
      issues.append(ReadIssue(code: "KL016", message: message, location: location))
    }

    mutating func project(_ document: YAMLNode, path: String) -> ComposeProject {
      let root = resolveMerges(document).mapping
      let servicesNode = root?["services"]?.mapping
      var name = ""
      var guessed = true
      if let written = value(root?["name"]) {
        name = written.text
        guessed = false
      } else {
        let dir = ComposeReader.directory(of: path)
        let base = dir == "." ? "" : String(dir.split(separator: "/").last ?? "")
        name = String(
          (base.isEmpty ? "compose" : base).lowercased().filter {
            ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "-"
          })
      }
      var networks: [String: ComposeNetwork] = [:]
      for (key, node) in root?["networks"]?.mapping?.pairs ?? [] {
        guard let key = key.scalar?.text else { continue }
        let spec = node.mapping
        networks[key] = ComposeNetwork(
          isInternal: spec?["internal"]?.scalar?.booleanValue ?? false,
          isExternal: spec?["external"]?.scalar?.booleanValue ?? (spec?["external"]?.mapping != nil)
        )
      }
      var services: [ComposeService] = []
      for (key, node) in servicesNode?.pairs ?? [] {
        guard let serviceName = key.scalar?.text, var spec = node.mapping else { continue }
        spec = extended(spec, services: servicesNode, depth: 0)
        services.append(service(Located(serviceName, at: key.location), spec))
      }
      if let include = root?.keyNode("include") {
        issues.append(
          ReadIssue(
            code: "KL022",
            message: "included projects are not analysed; lint their compose files as well",
            location: include.location))
      }
      services.sort { $0.name.value < $1.name.value }
      let extensionBlock = root?["x-kafka-listeners"]?.mapping
      var clients: [ComposeClientGroup] = []
      for item in extensionBlock?["clients"]?.sequence?.items ?? [] {
        guard let group = item.mapping, let vantage = value(group["vantage"]) else { continue }
        let groupName = value(group["name"])?.text ?? vantage.text
        clients.append(
          ComposeClientGroup(
            name: groupName, vantage: vantage.text, bootstrap: value(group["bootstrap"])?.text,
            location: item.location))
      }
      return ComposeProject(
        name: name, nameIsGuessed: guessed, files: [path], services: services, networks: networks,
        declaredClients: clients,
        platform: value(extensionBlock?["platform"]).map { Located($0.text, at: $0.location) },
        hostAddress: value(extensionBlock?["host-address"]).map {
          Located($0.text, at: $0.location)
        },
        location: root?.keyNode("services")?.location ?? document.location)
    }

    /// Applies `extends: {service: NAME}` within the same file: the service's own keys win,
    /// `environment` maps merge by variable name. `extends` with another `file` is reported.
    mutating func extended(_ spec: YAMLMapping, services: YAMLMapping?, depth: Int) -> YAMLMapping {
      guard let extends = spec["extends"], depth < 8 else { return spec }
      let target = extends.scalar?.text ?? extends.mapping?["service"]?.scalar?.text
      if let file = extends.mapping?["file"]?.scalar?.text {
        issues.append(
          ReadIssue(
            code: "KL022",
            message: "extends from \(quoted(file)) is not followed; the service is read without "
              + "what it inherits from there",
            location: extends.location))
        return spec
      }
      guard let target, let baseNode = services?[target]?.mapping else { return spec }
      let base = extended(baseNode, services: services, depth: depth + 1)
      var pairs = spec.pairs.filter { $0.key.scalar?.text != "extends" }
      for pair in base.pairs {
        let key = pair.key.scalar?.text
        if key == "environment", let own = spec["environment"]?.mapping,
          let inherited = pair.value.mapping,
          let index = pairs.firstIndex(where: { $0.key.scalar?.text == "environment" })
        {
          let missing = inherited.pairs.filter { item in
            own[item.key.scalar?.text ?? ""] == nil
          }
          pairs[index].value = .mapping(
            YAMLMapping(pairs: missing + own.pairs, location: own.location))
        } else if !pairs.contains(where: { $0.key.scalar?.text == key }) {
          pairs.append(pair)
        }
      }
      return YAMLMapping(pairs: pairs, location: spec.location)
    }

    mutating func service(_ name: Located<String>, _ spec: YAMLMapping) -> ComposeService {
      var environment: [String: ComposeVariable] = [:]
      // env_file entries first: `environment` overrides them.
      if let node = spec["env_file"] {
        for item in node.sequence?.items ?? [node] {
          let pathNode = item.scalar != nil ? item : item.mapping?["path"]
          guard let relative = value(pathNode)?.text else { continue }
          let required = item.mapping?["required"]?.scalar?.booleanValue ?? true
          let raw = item.mapping?["format"]?.scalar?.text == "raw"
          let full = relative.hasPrefix("/") ? relative : directory + "/" + relative
          guard let text = envFiles[full] else {
            if required {
              invalid(
                "env_file \(quoted(relative)) was not found; compose refuses to start the service",
                at: pathNode?.location ?? item.location)
            }
            continue
          }
          for entry in ComposeInterpolation.parseEnvFile(text, interpolating: raw ? nil : variables)
          {
            let location = SourceLocation(file: full, line: entry.line, column: entry.column)
            environment[entry.name] = ComposeVariable(
              name: entry.name,
              value: entry.value.map { ComposeValue(text: $0, location: location, unresolved: []) },
              nameLocation: SourceLocation(file: full, line: entry.line, column: 1), origin: full)
          }
        }
      }
      if let env = spec["environment"] {
        if let mapping = env.mapping {
          for (key, node) in mapping.pairs {
            guard let variable = key.scalar?.text else { continue }
            environment[variable] = ComposeVariable(
              name: variable, value: value(node), nameLocation: key.location,
              origin: "environment")
          }
        } else if let sequence = env.sequence {
          for item in sequence.items {
            guard let scalar = item.scalar else { continue }
            let text = scalar.text
            guard let eq = text.firstIndex(of: "=") else {
              environment[text] = ComposeVariable(
                name: text, value: nil, nameLocation: scalar.location, origin: "environment")
              continue
            }
            let variable = String(text[..<eq])
            let rest = String(text[text.index(after: eq)...])
            var location = scalar.location
            location.column += variable.count + 1 + (scalar.isQuoted ? 1 : 0)
            environment[variable] = ComposeVariable(
              name: variable, value: value(rest, at: location), nameLocation: scalar.location,
              origin: "environment")
          }
        }
      }
      var ports: [ComposePort] = []
      for item in spec["ports"]?.sequence?.items ?? [] {
        if let port = self.port(item) { ports.append(port) }
      }
      var networks: [String: [Located<String>]] = [:]
      if let node = spec["networks"] {
        if let sequence = node.sequence {
          for item in sequence.items { if let key = item.scalar?.text { networks[key] = [] } }
        } else if let mapping = node.mapping {
          for (key, config) in mapping.pairs {
            guard let key = key.scalar?.text else { continue }
            networks[key] = (config.mapping?["aliases"]?.sequence?.items ?? []).compactMap {
              value($0).map { Located($0.text, at: $0.location) }
            }
          }
        }
      }
      if networks.isEmpty { networks["default"] = [] }
      var extraHosts: [(String, String, SourceLocation)] = []
      if let node = spec["extra_hosts"] {
        if let mapping = node.mapping {
          for (key, address) in mapping.pairs {
            if let host = key.scalar?.text, let address = value(address) {
              extraHosts.append((host, address.text, key.location))
            }
          }
        } else {
          for item in node.sequence?.items ?? [] {
            guard let entry = value(item) else { continue }
            let separator = entry.text.firstIndex(of: "=") ?? entry.text.firstIndex(of: ":")
            guard let separator else { continue }
            var address = String(entry.text[entry.text.index(after: separator)...])
            if address.hasPrefix("["), address.hasSuffix("]") {
              address = String(address.dropFirst().dropLast())
            }
            extraHosts.append((String(entry.text[..<separator]), address, entry.location))
          }
        }
      }
      var dependsOn: [Located<String>] = []
      for key in ["depends_on", "links"] {
        guard let node = spec[key] else { continue }
        if let mapping = node.mapping {
          for (key, _) in mapping.pairs {
            if let text = key.scalar?.text { dependsOn.append(Located(text, at: key.location)) }
          }
        } else {
          for item in node.sequence?.items ?? [] {
            guard let text = item.scalar?.text else { continue }
            let target = text.split(separator: ":").first.map(String.init) ?? text
            dependsOn.append(Located(target, at: item.location))
          }
        }
      }
      var replicas: Located<Int>?
      for node in [spec["scale"], spec["deploy"]?.mapping?["replicas"]] {
        if let scalar = node?.scalar, let count = Int(value(node)?.text ?? scalar.text) {
          replicas = Located(count, at: scalar.location)
        }
      }
      var command: [ComposeValue] = []
      if let node = spec["command"] {
        if let items = node.sequence?.items {
          command = items.compactMap { value($0) }
        } else if let whole = value(node) {
          var column = whole.location.column
          for word in whole.text.split(separator: " ", omittingEmptySubsequences: false) {
            if !word.isEmpty {
              var location = whole.location
              location.column = column
              command.append(ComposeValue(text: String(word), location: location, unresolved: []))
            }
            column += word.count + 1
          }
        }
      }
      var volumes: [ComposeVolume] = []
      for item in spec["volumes"]?.sequence?.items ?? [] {
        if let entry = value(item) {
          if let volume = Self.shortVolume(entry.text, at: entry.location) {
            volumes.append(volume)
          }
        } else if let long = item.mapping, let target = value(long["target"]) {
          let source = value(long["source"])?.text
          let type = value(long["type"])?.text.lowercased()
          let kind: ComposeVolume.Kind
          switch type {
          case "bind"?: kind = .bind
          case "volume"?: kind = .volume
          case nil: kind = source.map(Self.isHostPath) == true ? .bind : .volume
          default: kind = .other
          }
          volumes.append(
            ComposeVolume(
              kind: kind, source: source?.isEmpty == true ? nil : source, target: target.text,
              location: item.location))
        }
      }
      let extensionBlock = spec["x-kafka-listeners"]?.mapping
      return ComposeService(
        name: name, image: value(spec["image"]), hasBuild: spec["build"] != nil,
        environment: environment, ports: ports, networks: networks,
        hostname: value(spec["hostname"]), containerName: value(spec["container_name"]),
        networkMode: value(spec["network_mode"]), extraHosts: extraHosts, dependsOn: dependsOn,
        replicas: replicas, command: command,
        entrypoint: value(spec["entrypoint"])
          ?? spec["entrypoint"]?.sequence?.items.first.flatMap {
            value($0)
          },
        declaredFlavour: value(extensionBlock?["image"]).map { Located($0.text, at: $0.location) },
        declaredKafkaVersion: value(extensionBlock?["kafka-version"]).map {
          Located($0.text, at: $0.location)
        },
        location: name.location, volumes: volumes)
    }

    /// Whether a short-syntax volume source is a host path rather than a volume name: Compose
    /// treats sources starting with `/`, `.` or `~` (and Windows drive paths) as bind mounts.
    static func isHostPath(_ source: String) -> Bool {
      if source.hasPrefix("/") || source.hasPrefix(".") || source.hasPrefix("~") { return true }
      let chars = Array(source)
      return chars.count >= 3 && chars[0].isLetter && chars[1] == ":"
        && (chars[2] == "\\" || chars[2] == "/")
    }

    /// `SOURCE:TARGET[:MODE]` or `TARGET` (an anonymous volume); a Windows drive letter stays
    /// part of the source.
    static func shortVolume(_ text: String, at location: SourceLocation) -> ComposeVolume? {
      var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      if parts.count >= 3, parts[0].count == 1, parts[0].first?.isLetter == true,
        parts[1].hasPrefix("\\") || parts[1].hasPrefix("/")
      {
        parts.replaceSubrange(0...1, with: [parts[0] + ":" + parts[1]])
      }
      switch parts.count {
      case 1:
        guard !parts[0].isEmpty else { return nil }
        return ComposeVolume(kind: .volume, source: nil, target: parts[0], location: location)
      case 2, 3:
        guard !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return ComposeVolume(
          kind: isHostPath(parts[0]) ? .bind : .volume, source: parts[0], target: parts[1],
          location: location)
      default:
        return nil
      }
    }

    /// Parses a port number or range (`9092`, `9092-9094`).
    static func portRange(_ text: String) -> ClosedRange<Int>? {
      let parts = text.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 1 || parts.count == 2 else { return nil }
      let numbers = parts.compactMap { part -> Int? in
        guard !part.isEmpty, part.count <= 5, part.allSatisfy({ $0.isASCII && $0.isNumber }),
          let n = Int(part), (0...65535).contains(n)
        else { return nil }
        return n
      }
      guard numbers.count == parts.count, let first = numbers.first, let last = numbers.last,
        first <= last
      else { return nil }
      return first...last
    }

    /// One `ports` entry in short or long syntax; `nil` for UDP and invalid entries (reported).
    mutating func port(_ node: YAMLNode) -> ComposePort? {
      if let long = node.mapping {
        guard let target = value(long["target"]), let container = Self.portRange(target.text)
        else {
          invalid("a long-syntax port needs a numeric target", at: node.location)
          return nil
        }
        let proto = value(long["protocol"])?.text.lowercased() ?? "tcp"
        guard proto == "tcp" else { return nil }
        var host: ClosedRange<Int>?
        if let published = value(long["published"]), !published.text.isEmpty {
          guard let range = Self.portRange(published.text) else {
            invalid(
              "published port \(quoted(published.text)) is not a port or range",
              at: published.location)
            return nil
          }
          host = range
        }
        var ip = value(long["host_ip"])?.text
        if ip?.isEmpty == true { ip = nil }
        return ComposePort(
          hostIP: ip, hostPorts: host, hasFixedHostPort: host?.count == 1,
          containerPorts: container, proto: proto, location: node.location)
      }
      guard let entry = value(node) else { return nil }
      var text = entry.text
      var proto = "tcp"
      if let slash = text.lastIndex(of: "/") {
        proto = String(text[text.index(after: slash)...]).lowercased()
        text = String(text[..<slash])
      }
      guard proto == "tcp" else { return nil }
      var fields = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      let containerText = fields.removeLast()
      let hostText = fields.isEmpty ? nil : fields.removeLast()
      var ip: String? = fields.isEmpty ? nil : fields.joined(separator: ":")
      if let bracketed = ip, bracketed.hasPrefix("["), bracketed.hasSuffix("]") {
        ip = String(bracketed.dropFirst().dropLast())
      }
      if ip?.isEmpty == true { ip = nil }
      guard let container = Self.portRange(containerText) else {
        invalid(
          "port \(quoted(entry.text)) does not end in a container port or range",
          at: entry.location)
        return nil
      }
      var host: ClosedRange<Int>?
      if let hostText, !hostText.isEmpty {
        guard let range = Self.portRange(hostText) else {
          invalid(
            "port \(quoted(entry.text)): \(quoted(hostText)) is not a host port or range",
            at: entry.location)
          return nil
        }
        if container.count > 1, range.count != container.count {
          invalid(
            "port \(quoted(entry.text)): the host and container ranges differ in length",
            at: entry.location)
          return nil
        }
        host = range
      }
      return ComposePort(
        hostIP: ip, hostPorts: host,
        hasFixedHostPort: host.map { $0.count == 1 || $0.count == container.count } ?? false,
        containerPorts: container, proto: proto, location: entry.location)
    }
  }
}
