/// A Docker Compose project: one or more compose files merged in order, with every value located
/// in the file that set it.
public struct ComposeProject: Sendable {
  /// The project name (top-level `name`, else the directory of the first file).
  public var name: String
  /// Whether the name was guessed from the directory rather than written.
  public var nameIsGuessed: Bool
  /// The files, in merge order.
  public var files: [String]
  /// The services, sorted by name.
  public var services: [ComposeService]
  /// Top-level network declarations by key.
  public var networks: [String: ComposeNetwork]
  /// Client groups declared under `x-kafka-listeners.clients`.
  public var declaredClients: [ComposeClientGroup]
  /// `x-kafka-listeners.platform`: `docker-desktop`, `linux`, `podman`, or `nil` (unknown).
  public var platform: Located<String>?
  /// `x-kafka-listeners.host-address`: the Docker host's address as remote clients know it.
  public var hostAddress: Located<String>?
  /// Where the project starts (the first file's `services` key).
  public var location: SourceLocation

  /// The service with this name (services are sorted by name).
  public func service(_ name: String) -> ComposeService? {
    var low = 0
    var high = services.count
    while low < high {
      let mid = (low + high) / 2
      if services[mid].name.value < name { low = mid + 1 } else { high = mid }
    }
    return low < services.count && services[low].name.value == name ? services[low] : nil
  }
}

/// A top-level network declaration.
public struct ComposeNetwork: Sendable {
  /// `internal: true`: no route to the host or outside.
  public var isInternal: Bool
  /// `external: true`: created outside this project.
  public var isExternal: Bool
}

/// A value taken from a compose file after interpolation.
public struct ComposeValue: Sendable, Hashable {
  /// The interpolated text.
  public var text: String
  /// Where the value is written.
  public var location: SourceLocation
  /// Variables the value needed that had no value (substituted as empty, as Compose does).
  public var unresolved: [String]
  /// Whether the text is known exactly (no unresolved variable).
  public var isKnown: Bool { unresolved.isEmpty }
}

/// One variable of a container's environment.
public struct ComposeVariable: Sendable, Hashable {
  /// The variable name.
  public var name: String
  /// The value; `nil` when written without one (taken from the shell of whoever runs compose).
  public var value: ComposeValue?
  /// Where the name is written.
  public var nameLocation: SourceLocation
  /// `environment` or the env_file path it came from.
  public var origin: String
}

/// One `ports` entry, normalised.
public struct ComposePort: Sendable, Hashable {
  /// Host IP it binds (`nil`: every interface).
  public var hostIP: String?
  /// First and last host port; `nil` when Docker picks the port at run time.
  public var hostPorts: ClosedRange<Int>?
  /// Whether the host port is one fixed port (not unassigned, not a range).
  public var hasFixedHostPort: Bool
  /// Container ports.
  public var containerPorts: ClosedRange<Int>
  /// `tcp` or `udp`.
  public var proto: String
  /// Where the entry is written.
  public var location: SourceLocation

  /// The host port for a container port, when it is fixed.
  public func hostPort(forContainer port: Int) -> Int? {
    guard hasFixedHostPort || (hostPorts?.count == containerPorts.count),
      let hostPorts, containerPorts.contains(port)
    else { return nil }
    if hostPorts.count == containerPorts.count {
      return hostPorts.lowerBound + (port - containerPorts.lowerBound)
    }
    return nil
  }

  /// Whether the mapping is only reachable from the Docker host itself.
  public var isLoopbackOnly: Bool {
    guard let hostIP else { return false }
    return hostIP == "127.0.0.1" || hostIP == "::1" || hostIP.hasPrefix("127.")
  }
}

/// A service of the project.
public struct ComposeService: Sendable {
  /// The service key.
  public var name: Located<String>
  /// `image`, interpolated.
  public var image: ComposeValue?
  /// Whether the service has `build`.
  public var hasBuild: Bool
  /// The container environment, `env_file` entries first, `environment` overriding them.
  public var environment: [String: ComposeVariable]
  /// Published ports (TCP only).
  public var ports: [ComposePort]
  /// Networks joined, with the aliases of each; `default` when none is listed.
  public var networks: [String: [Located<String>]]
  /// `hostname`.
  public var hostname: ComposeValue?
  /// `container_name`.
  public var containerName: ComposeValue?
  /// `network_mode`.
  public var networkMode: ComposeValue?
  /// `extra_hosts` entries: name and address.
  public var extraHosts: [(name: String, address: String, location: SourceLocation)]
  /// `depends_on` and `links` targets.
  public var dependsOn: [Located<String>]
  /// `scale` or `deploy.replicas`.
  public var replicas: Located<Int>?
  /// `command` items, for Redpanda flags.
  public var command: [ComposeValue]
  /// `entrypoint`, when set.
  public var entrypoint: ComposeValue?
  /// `x-kafka-listeners.image` on the service.
  public var declaredFlavour: Located<String>?
  /// `x-kafka-listeners.kafka-version` on the service.
  public var declaredKafkaVersion: Located<String>?
  /// Where the service key is.
  public var location: SourceLocation
  /// The `volumes` entries, short and long syntax alike, in the order written.
  public var volumes: [ComposeVolume] = []

  /// Container paths where `volumes` mount a host path or a named volume: a mounted config
  /// directory changes what images do. Anonymous volumes and tmpfs mounts start empty, so they
  /// are left out.
  public var mounts: [String] { volumes.filter { $0.source != nil }.map(\.target) }

  /// A variable's value text, when set with a value.
  public func env(_ name: String) -> String? { environment[name]?.value?.text }

  /// Whether the container uses the host's network stack.
  public var usesHostNetwork: Bool { networkMode?.text == "host" }

  /// The names other containers on `network` can resolve to this container.
  public func dnsNames(on network: String) -> Set<String> {
    guard networks[network] != nil, !usesHostNetwork else { return [] }
    var names: Set<String> = [name.value]
    if let containerName { names.insert(containerName.text) }
    if let hostname { names.insert(hostname.text) }
    for alias in networks[network] ?? [] { names.insert(alias.value) }
    return names
  }
}

/// One `volumes` entry of a service: `./secrets:/etc/kafka/secrets:ro`, `data:/var/lib/kafka`,
/// or the long syntax `{type: bind, source: ./secrets, target: /etc/kafka/secrets}`.
public struct ComposeVolume: Sendable, Hashable {
  /// What is mounted.
  public enum Kind: String, Sendable, Hashable {
    /// A host path (`./secrets`, `/srv/kafka`, `~/certs`).
    case bind
    /// A named or anonymous volume, which lives inside Docker and cannot be read from here.
    case volume
    /// `tmpfs`, `npipe`, `cluster`, `image`: nothing a linter can read either.
    case other
  }

  /// The kind of mount.
  public var kind: Kind
  /// The host path or volume name as written (interpolated); `nil` for an anonymous volume.
  public var source: String?
  /// The path inside the container.
  public var target: String
  /// Where the entry is written.
  public var location: SourceLocation

  /// Creates a volume entry.
  public init(kind: Kind, source: String?, target: String, location: SourceLocation) {
    self.kind = kind
    self.source = source
    self.target = target
    self.location = location
  }

  /// Whether this mount holds `containerPath` (the mount point itself, or a path below it).
  public func covers(_ containerPath: String) -> Bool {
    let root = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
    return containerPath == root || containerPath.hasPrefix(root == "/" ? "/" : root + "/")
  }
}

/// A declared client group (`x-kafka-listeners.clients`).
public struct ComposeClientGroup: Sendable, Hashable {
  /// The group's name.
  public var name: String
  /// `compose:<network>`, `host`, `other-network` or `remote`.
  public var vantage: String
  /// The bootstrap address, when declared.
  public var bootstrap: String?
  /// Where it is declared.
  public var location: SourceLocation
}

/// A problem found in a compose project, tagged with the rule that reports it.
public struct ComposeFinding: Sendable, Hashable {
  /// The rule code.
  public var code: String
  /// The severity when it differs from the rule's default.
  public var severity: Severity?
  /// One line.
  public var message: String
  /// Where.
  public var location: SourceLocation
  /// Why and how to fix it, and other places.
  public var notes: [Diagnostic.Note]

  /// Creates a finding.
  public init(
    code: String, severity: Severity? = nil, message: String, location: SourceLocation,
    notes: [Diagnostic.Note] = []
  ) {
    self.code = code
    self.severity = severity
    self.message = message
    self.location = location
    self.notes = notes
  }
}

extension RuleMetadata {
  /// Diagnostics for the compose findings tagged with this rule's code.
  func diagnostics(from findings: [ComposeFinding]) -> [Diagnostic] {
    findings.filter { $0.code == code }.map { finding in
      var diagnostic = self.diagnostic(finding.message, at: finding.location, notes: finding.notes)
      if let severity = finding.severity { diagnostic.severity = severity }
      return diagnostic
    }
  }
}
