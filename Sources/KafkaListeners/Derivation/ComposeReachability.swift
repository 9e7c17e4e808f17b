/// Where a client of a compose project sits (spec: vantages).
public enum ComposeVantage: Sendable, Hashable, CustomStringConvertible {
  /// A container on this compose network.
  case compose(network: String)
  /// A process on the Docker host.
  case host
  /// A container of another project or on the legacy `bridge` network.
  case otherNetwork
  /// Another machine.
  case remote

  /// How the vantage is written in `x-kafka-listeners.clients`.
  public var description: String {
    switch self {
    case .compose(let network): "compose:\(network)"
    case .host: "host"
    case .otherNetwork: "other-network"
    case .remote: "remote"
    }
  }

  /// Parses `compose:<net>`, `host`, `other-network`, `remote`.
  init?(_ text: String) {
    switch text {
    case "host": self = .host
    case "other-network": self = .otherNetwork
    case "remote": self = .remote
    default:
      guard text.hasPrefix("compose:"), text.count > 8 else { return nil }
      self = .compose(network: String(text.dropFirst(8)))
    }
  }
}

/// A group of clients in one position, and the listener it uses.
public struct ComposeClient: Sendable, Hashable {
  /// A description: `service kafka-ui`, `programs on the Docker host`, a declared name.
  public var name: String
  /// Where the clients sit.
  public var vantage: ComposeVantage
  /// The client service, for container clients.
  public var service: String?
  /// The bootstrap address, when known.
  public var bootstrap: (host: String, port: Int)?
  /// The listener it uses, when known without a bootstrap (intent).
  public var listener: String?
  /// Where the group comes from.
  public var location: SourceLocation

  public static func == (a: ComposeClient, b: ComposeClient) -> Bool {
    a.name == b.name && a.vantage == b.vantage && a.listener == b.listener
  }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(vantage)
  }
}

/// One row of the reachability table: a client group, a broker's listener, the verdict.
public struct ComposeReachabilityRow: Sendable {
  /// The client group.
  public var client: String
  /// Its vantage.
  public var vantage: String
  /// The broker service.
  public var broker: String
  /// The listener.
  public var listener: String
  /// The advertised address.
  public var address: String
  /// `ok`, `fails` or `unknown`.
  public var verdict: String
  /// Why.
  public var reason: String
}

/// Works out which clients of a compose project can use which listener, and reports the
/// compose wiring mistakes (rules KL320–KL332, KL608, KL610, KL611).
enum ComposeAnalysis {
  enum Target: Equatable {
    case container(String)
    case dockerHost
    case itself
    case unresolvable(String)
    case unknown(String)
  }

  enum Verdict {
    case ok
    case fails(code: String, why: String, fix: String)
    case unknown(String)
  }

  struct Context {
    let project: ComposeProject
    let brokers: [ComposeBroker]
    /// For each network, the services each DNS name answers with (computed once: resolution
    /// runs for every client and broker pair).
    let namesByNetwork: [String: [String: [String]]]
    /// Every name any service answers to on some network, with the first such service.
    let allNames: [String: String]

    init(project: ComposeProject, brokers: [ComposeBroker]) {
      self.project = project
      self.brokers = brokers
      var byNetwork: [String: [String: [String]]] = [:]
      var all: [String: String] = [:]
      for service in project.services {
        for network in service.networks.keys {
          for name in service.dnsNames(on: network) {
            byNetwork[network, default: [:]][name, default: []].append(service.name.value)
          }
        }
        var names: Set<String> = [service.name.value]
        if let container = service.containerName?.text { names.insert(container) }
        if let hostname = service.hostname?.text { names.insert(hostname) }
        for aliases in service.networks.values { names.formUnion(aliases.map(\.value)) }
        for name in names where all[name] == nil { all[name] = service.name.value }
      }
      namesByNetwork = byNetwork
      allNames = all
    }

    var platform: String? { project.platform?.value }
    var hostAddress: String? { project.hostAddress?.value }

    func isLoopback(_ host: String) -> Bool {
      host == "localhost" || host == "::1" || host.hasPrefix("127.") || host == "ip6-localhost"
    }

    /// Services (any) answering to `name` on `network`.
    func services(named name: String, on network: String) -> [ComposeService] {
      (namesByNetwork[network]?[name] ?? []).compactMap { project.service($0) }
    }

    func anyServiceNamed(_ name: String) -> ComposeService? {
      allNames[name].flatMap { project.service($0) }
    }

    /// Resolves `host` as advertised by `broker` from `vantage` (client `client` when known).
    func resolve(
      _ host: String?, broker: ComposeBroker, from vantage: ComposeVantage, client: ComposeService?
    ) -> Target {
      let name = (host ?? "").lowercased()
      if broker.service.usesHostNetwork {
        if name.isEmpty || isLoopback(name) {
          return vantage == .host
            ? .dockerHost : name.isEmpty ? .unknown("the host's own name") : .itself
        }
      }
      if name.isEmpty {
        if case .compose(let network) = vantage, broker.service.networks[network] != nil {
          return .container(broker.name)
        }
        return .unresolvable(
          "an empty host means the container's hostname (its short id, or `hostname:`), which "
            + "only containers on its network resolve")
      }
      if isLoopback(name) {
        return vantage == .host ? .dockerHost : .itself
      }
      if let client, let entry = client.extraHosts.first(where: { $0.name.lowercased() == name }) {
        return entry.address == "host-gateway" || entry.address == hostAddress
          ? .dockerHost
          : .unknown("extra_hosts maps it to \(entry.address)")
      }
      if name == "host.docker.internal" {
        switch vantage {
        case .remote: return .unresolvable("host.docker.internal exists only on the Docker host")
        case .host: return .unknown("whether host.docker.internal resolves on the Docker host")
        case .compose, .otherNetwork:
          if platform == "docker-desktop" { return .dockerHost }
          if platform == "linux" {
            return .unresolvable(
              "Linux containers resolve host.docker.internal only with `extra_hosts: "
                + "[\"host.docker.internal:host-gateway\"]`")
          }
          return .unknown(
            "host.docker.internal resolves on Docker Desktop, on Linux only with host-gateway")
        }
      }
      if let hostAddress, name == hostAddress.lowercased() { return .dockerHost }
      if case .compose(let network) = vantage {
        if let target = services(named: name, on: network).first {
          return .container(target.name.value)
        }
      }
      if anyServiceNamed(name) != nil {
        if case .compose(let network) = vantage {
          return .unresolvable("no container on network \(network) answers to \(name)")
        }
        return .unresolvable("\(name) only resolves inside the compose network")
      }
      return .unknown(
        "\(name) is not a compose name; whether it reaches the Docker host is not known")
    }

    func isLoopbackBind(_ host: String?) -> Bool {
      guard let host, !host.isEmpty else { return false }
      return isLoopback(host.lowercased())
    }

    /// Evaluates one advertised endpoint from a vantage.
    func evaluate(
      _ listener: ComposeListener, of broker: ComposeBroker, from vantage: ComposeVantage,
      client: ComposeService?
    ) -> Verdict {
      if !listener.unresolved.isEmpty {
        return .unknown(
          "the advertised address depends on "
            + listener.unresolved.map { "${\($0)}" }.joined(separator: ", "))
      }
      guard let port = listener.advertisedPort else {
        return .unknown("the advertised port is not a number")
      }
      let service = broker.service
      switch resolve(listener.advertisedHost, broker: broker, from: vantage, client: client) {
      case .unknown(let why): return .unknown(why)
      case .unresolvable(let what):
        return .fails(
          code: vantage == .host || vantage == .remote || vantage == .otherNetwork
            ? "KL321" : "KL326",
          why: "but \(what)", fix: hostFix(broker, for: vantage))
      case .itself:
        if case .compose = vantage {
          return .fails(
            code: "KL320", why: "which is the client's own container",
            fix: "advertise `\(broker.name):\(port == 9092 ? 29092 : port)` on a listener bound "
              + "in the container (e.g. INTERNAL://:\(port == 9092 ? 29092 : port)) and bootstrap "
              + "container clients from it")
        }
        return .fails(
          code: "KL321", why: "which is the client's own machine",
          fix: hostFix(broker, for: vantage))
      case .container(let target):
        guard target == broker.name else {
          return .fails(
            code: "KL326", why: "which is service \(target), not broker \(broker.name)",
            fix: "advertise a name of service \(broker.name)")
        }
        if isLoopbackBind(listener.bindHost) {
          return .fails(
            code: "KL324",
            why: "but the listener binds \(listener.bindHost ?? "") inside the container",
            fix: "bind `\(listener.name)://:\(listener.bindPort ?? port)`")
        }
        guard listener.bindPort == port else {
          return .fails(
            code: "KL326",
            why:
              "but \(listener.name) binds port \(listener.bindPort.map(String.init) ?? "?") in the container",
            fix: "advertise `\(broker.name):\(listener.bindPort.map(String.init) ?? "?")`")
        }
        return .ok
      case .dockerHost:
        if service.usesHostNetwork {
          return listener.bindPort == port
            ? .ok
            : .fails(
              code: "KL323",
              why:
                "but the listener binds port \(listener.bindPort.map(String.init) ?? "?") on the host",
              fix: "advertise the bound port")
        }
        if isLoopbackBind(listener.bindHost) {
          return .fails(
            code: "KL324",
            why: "but the listener binds \(listener.bindHost ?? "") inside the container, where "
              + "published ports do not arrive",
            fix:
              "bind `\(listener.name)://:\(listener.bindPort ?? port)` and keep the host name in "
              + "the advertised listener only")
        }
        let networks = service.networks.keys
        if !networks.isEmpty, networks.allSatisfy({ project.networks[$0]?.isInternal == true }) {
          return .fails(
            code: "KL322",
            why: "but service \(broker.name) is only on internal networks, which have no route to "
              + "the host, so its published ports serve nobody",
            fix: "attach it to a non-internal network as well")
        }
        let mappings = service.ports.filter { $0.hostPorts?.contains(port) == true }
        guard let mapping = mappings.first(where: { $0.hasFixedHostPort }) ?? mappings.first else {
          let bind = listener.bindPort ?? port
          if let owner = project.services.first(where: { other in
            other.name.value != broker.name
              && other.ports.contains {
                $0.hasFixedHostPort && $0.hostPorts?.contains(port) == true
              }
          }) {
            let own = service.ports.first {
              $0.hasFixedHostPort && $0.containerPorts.contains(bind)
            }.flatMap { $0.hostPort(forContainer: bind) }
            return .fails(
              code: "KL322",
              why: "but host port \(port) is published by service \(owner.name.value), not by "
                + "\(broker.name), so these clients reach the wrong container",
              fix: own.map {
                "advertise `\(listener.advertisedHost ?? ""):\($0)`, the port "
                  + "\(broker.name) publishes"
              } ?? "publish a host port of its own and advertise it")
          }
          if let other = service.ports.first(where: {
            $0.hasFixedHostPort && $0.containerPorts.contains(bind)
          }), let hostPort = other.hostPort(forContainer: bind) {
            return .fails(
              code: "KL323",
              why: "but container port \(bind) of \(listener.name) is published as host port "
                + "\(hostPort), and nothing is published on \(port)",
              fix:
                "advertise `\(listener.advertisedHost ?? ""):\(hostPort)` or publish `\(port):\(bind)`"
            )
          }
          return .fails(
            code: "KL322",
            why: "but no port of service \(broker.name) is published as host port \(port)",
            fix: "publish `\(port):\(bind)` or advertise a published port")
        }
        guard mapping.hasFixedHostPort,
          let container = mapping.containerPorts.count == 1
            ? mapping.containerPorts.lowerBound
            : mapping.hostPorts.map({ mapping.containerPorts.lowerBound + port - $0.lowerBound })
        else {
          return .unknown("host port \(port) is picked from a range at run time")
        }
        if mapping.isLoopbackOnly, vantage != .host {
          return .fails(
            code: "KL322",
            why: "but host port \(port) is published on \(mapping.hostIP ?? "") only",
            fix: "publish it on all interfaces (`\(port):\(container)`)")
        }
        guard container == listener.bindPort else {
          let published = service.ports.first {
            $0.hasFixedHostPort && $0.containerPorts.contains(listener.bindPort ?? -1)
          }.flatMap { $0.hostPort(forContainer: listener.bindPort ?? -1) }
          let fix =
            published.map {
              "advertise `\(listener.advertisedHost ?? ""):\($0)`, the host port published for \(listener.bindPort ?? 0)"
            }
            ?? "publish `\(port):\(listener.bindPort.map(String.init) ?? "?")`"
          return .fails(
            code: "KL323",
            why: "but host port \(port) is published to container port \(container), where "
              + "\(listener.name) does not listen (it binds \(listener.bindPort.map(String.init) ?? "?"))",
            fix: fix)
        }
        return .ok
      }
    }

    /// The dual-listener fix for host clients, with concrete values from the published ports.
    func hostFix(_ broker: ComposeBroker, for vantage: ComposeVantage = .host) -> String {
      let published = broker.service.ports.first { $0.hasFixedHostPort }
      let hostPort = published.flatMap { $0.hostPorts?.lowerBound } ?? 9092
      let containerPort = published?.containerPorts.lowerBound ?? 9092
      if vantage != .host {
        let address = hostAddress ?? "<docker-host-address>"
        return "advertise `\(address):\(hostPort)` (declare it as `x-kafka-listeners: "
          + "{host-address: ...}`) on a listener bound to container port \(containerPort) and "
          + "published as `\(hostPort):\(containerPort)`"
      }
      return "advertise `localhost:\(hostPort)` on a listener bound to container port "
        + "\(containerPort) and published as `\(hostPort):\(containerPort)` (e.g. "
        + "PLAINTEXT_HOST://:\(containerPort) advertised as PLAINTEXT_HOST://localhost:\(hostPort))"
    }
  }

  /// Parses a bootstrap list entry (`[NAME://]host:port`).
  static func bootstrapEntries(_ text: String) -> [(host: String, port: Int)] {
    text.split(separator: ",").compactMap { entry in
      var part = entry.composeTrimmed()
      if let range = ImageContext.firstRange(of: "://", in: Substring(part)) {
        part = String(part[range.upperBound...])
      }
      guard let colon = part.lastIndex(of: ":"), let port = Int(part[part.index(after: colon)...])
      else { return nil }
      return (String(part[..<colon]), port)
    }
  }

  /// The client groups: declared, inferred from other services, and inferred from intent.
  static func clients(_ context: Context) -> [ComposeClient] {
    var clients: [ComposeClient] = []
    let brokerNames = Set(context.brokers.map(\.name))
    let brokerNetworks = Set(context.brokers.flatMap { $0.service.networks.keys })
    for group in context.project.declaredClients {
      guard let vantage = ComposeVantage(group.vantage) else { continue }
      clients.append(
        ComposeClient(
          name: "client group \(group.name)", vantage: vantage, service: nil,
          bootstrap: group.bootstrap.flatMap { bootstrapEntries($0).first }, listener: nil,
          location: group.location))
    }
    for service in context.project.services where !brokerNames.contains(service.name.value) {
      var bootstrap: (String, Int)?
      var location = service.location
      for variable in service.environment.values.sorted(by: { $0.name < $1.name }) {
        let upper = variable.name.uppercased()
        guard upper.contains("BOOTSTRAP") || upper.contains("BROKERS"), let value = variable.value,
          let first = bootstrapEntries(value.text).first
        else { continue }
        let names = context.brokers.flatMap { broker in
          broker.service.networks.keys.flatMap { broker.service.dnsNames(on: $0) }
        }
        if names.contains(first.host) || context.isLoopback(first.host) {
          bootstrap = first
          location = value.location
          break
        }
      }
      let depends = service.dependsOn.contains { brokerNames.contains($0.value) }
      guard bootstrap != nil || depends else { continue }
      let networks =
        service.usesHostNetwork
        ? []
        : service.networks.keys.sorted().filter {
          brokerNetworks.contains($0)
        }
      if service.usesHostNetwork {
        clients.append(
          ComposeClient(
            name: "service \(service.name.value)", vantage: .host, service: service.name.value,
            bootstrap: bootstrap, listener: nil, location: location))
      }
      for network in networks {
        clients.append(
          ComposeClient(
            name: "service \(service.name.value)", vantage: .compose(network: network),
            service: service.name.value, bootstrap: bootstrap, listener: nil, location: location))
      }
    }
    // Intent: a broker that publishes ports is meant for programs on the Docker host; they use
    // the listeners advertising loopback (or the declared host address), else the published
    // listeners. `host.docker.internal` is meant for containers on other networks.
    let declaredHost = clients.contains { $0.vantage == .host && $0.service == nil }
    for broker in context.brokers where !declaredHost {
      let service = broker.service
      guard !service.ports.isEmpty || service.usesHostNetwork else { continue }
      let candidates = broker.listeners.filter { !$0.isController && $0.isAdvertised }
      let loopback = candidates.filter { listener in
        let host = (listener.advertisedHost ?? "").lowercased()
        return context.isLoopback(host)
          || context.hostAddress.map { $0.lowercased() == host } ?? false
      }
      let published = candidates.filter { listener in
        let host = (listener.advertisedHost ?? "").lowercased()
        return host != "host.docker.internal" && listener.unresolved.isEmpty
          && service.ports.contains {
            $0.hasFixedHostPort && $0.containerPorts.contains(listener.bindPort ?? -1)
          }
          && (host.isEmpty || context.anyServiceNamed(host) != nil)
      }
      let loopbackPublished = loopback.filter { listener in
        service.usesHostNetwork
          || service.ports.contains { $0.containerPorts.contains(listener.bindPort ?? -1) }
      }
      let chosen =
        !loopbackPublished.isEmpty ? loopbackPublished : loopback.isEmpty ? published : loopback
      for listener in chosen {
        let group = ComposeClient(
          name: "programs on the Docker host", vantage: .host, service: nil, bootstrap: nil,
          listener: listener.name, location: listener.advertisedLocation)
        if !clients.contains(group) { clients.append(group) }
      }
    }
    // Intent: a listener advertising a name of the broker (or an empty host) is meant for the
    // containers on the networks where that name resolves.
    for broker in context.brokers where !broker.service.usesHostNetwork {
      for listener in broker.listeners
      where !listener.isController && listener.isAdvertised
        && listener.unresolved.isEmpty
      {
        let host = listener.advertisedHost ?? ""
        for network in broker.service.networks.keys.sorted()
        where host.isEmpty || broker.service.dnsNames(on: network).contains(host) {
          let group = ComposeClient(
            name: "containers on network \(network)", vantage: .compose(network: network),
            service: nil, bootstrap: nil, listener: listener.name,
            location: listener.advertisedLocation)
          if !clients.contains(group) { clients.append(group) }
        }
      }
    }
    for broker in context.brokers {
      for listener in broker.listeners
      where !listener.isController && listener.isAdvertised
        && (listener.advertisedHost ?? "").lowercased() == "host.docker.internal"
      {
        let group = ComposeClient(
          name: "containers on other networks", vantage: .otherNetwork, service: nil,
          bootstrap: nil, listener: listener.name, location: listener.advertisedLocation)
        if !clients.contains(group) { clients.append(group) }
      }
    }
    return clients
  }

  /// Which listener a client group uses, from its bootstrap address or its intent.
  static func listener(
    for client: ComposeClient, _ context: Context, findings: inout [ComposeFinding]
  ) -> String? {
    if let listener = client.listener { return listener }
    guard let (host, port) = client.bootstrap else {
      // A depends_on client without a bootstrap: the inter-broker listener is the usual pick.
      return nil
    }
    let clientService = client.service.flatMap { context.project.service($0) }
    for broker in context.brokers {
      let probe = ComposeListener(
        name: "", bindHost: nil, bindPort: nil, bindLocation: client.location, advertisedHost: host,
        advertisedPort: port, advertisedLocation: client.location, unresolved: [],
        isController: false, isAdvertised: true)
      switch context.resolve(
        probe.advertisedHost, broker: broker, from: client.vantage, client: clientService)
      {
      case .container(let target) where target == broker.name:
        if let match = broker.listeners.first(where: { $0.bindPort == port && !$0.isController }) {
          return match.name
        }
      case .dockerHost:
        for mapping in broker.service.ports where mapping.hostPorts?.contains(port) == true {
          let container =
            mapping.containerPorts.count == 1
            ? mapping.containerPorts.lowerBound
            : mapping.containerPorts.lowerBound + port - (mapping.hostPorts?.lowerBound ?? port)
          if let match = broker.listeners.first(where: {
            $0.bindPort == container && !$0.isController
          }) {
            return match.name
          }
        }
        if broker.service.usesHostNetwork,
          let match = broker.listeners.first(where: { $0.bindPort == port })
        {
          return match.name
        }
      case .itself:
        if case .compose = client.vantage, broker.name == context.brokers.first?.name {
          findings.append(
            ComposeFinding(
              code: "KL320",
              message: "\(client.name) on network \(client.vantage) bootstraps from "
                + "\(host):\(port), which resolves to the client container itself, not to a broker",
              location: client.location,
              notes: [
                .init(
                  "bootstrap from the broker's service name, e.g. \(broker.name):"
                    + "\(broker.listeners.first { !$0.isController && !context.isLoopback(($0.advertisedHost ?? "").lowercased()) }?.advertisedPort.map(String.init) ?? "29092")"
                )
              ]))
          return nil
        }
      default: continue
      }
    }
    return nil
  }

  /// Every finding of the project's wiring and reachability.
  static func analyze(_ project: ComposeProject, brokers: [ComposeBroker]) -> [ComposeFinding] {
    let context = Context(project: project, brokers: brokers)
    var findings: [ComposeFinding] = []
    for (_, row) in evaluateAll(context, findings: &findings) { _ = row }
    wiring(context, &findings)
    voters(context, &findings)
    interBroker(context, &findings)
    return findings
  }

  /// The reachability table (rows sorted by client, broker, listener).
  static func table(_ project: ComposeProject, brokers: [ComposeBroker]) -> [ComposeReachabilityRow]
  {
    var ignored: [ComposeFinding] = []
    return evaluateAll(Context(project: project, brokers: brokers), findings: &ignored).map(\.1)
  }

  static func evaluateAll(_ context: Context, findings: inout [ComposeFinding])
    -> [(ComposeClient, ComposeReachabilityRow)]
  {
    var rows: [(ComposeClient, ComposeReachabilityRow)] = []
    var reported: Set<String> = []
    for client in clients(context) {
      let clientService = client.service.flatMap { context.project.service($0) }
      guard let name = listener(for: client, context, findings: &findings) else {
        if let (host, port) = client.bootstrap {
          let anyListener = context.brokers.contains { !$0.listeners.isEmpty }
          if anyListener,
            !findings.contains(where: { $0.code == "KL320" && $0.location == client.location })
          {
            findings.append(
              ComposeFinding(
                code: "KL326",
                message: "\(client.name) (\(client.vantage)) bootstraps from \(host):\(port), "
                  + "which reaches no listener of any broker",
                location: client.location,
                notes: [.init("bootstrap from an advertised address of a listener it can reach")]))
          }
        } else if client.service == nil {
          // A declared group without a bootstrap: some published listener of every broker must
          // serve it; each failing candidate is reported with its own reason.
          for broker in context.brokers
          where broker.roles.isEmpty || broker.roles.contains("broker") {
            let candidates = broker.listeners.filter { listener in
              listener.isAdvertised && !listener.isController
                && (broker.service.usesHostNetwork
                  || broker.service.ports.contains {
                    $0.containerPorts.contains(listener.bindPort ?? -1)
                  })
            }
            var failures: [(ComposeListener, String, String, String)] = []
            var served = false
            for listener in candidates {
              switch context.evaluate(listener, of: broker, from: client.vantage, client: nil) {
              case .ok, .unknown: served = true
              case .fails(let code, let why, let fix): failures.append((listener, code, why, fix))
              }
            }
            if served { continue }
            if failures.isEmpty {
              findings.append(
                ComposeFinding(
                  code: "KL326",
                  message: "no listener of broker \(broker.name) serves \(client.name) "
                    + "(\(client.vantage)); " + context.hostFix(broker, for: client.vantage),
                  location: client.location))
            }
            for (listener, code, why, fix) in failures {
              findings.append(
                ComposeFinding(
                  code: code,
                  message: "\(client.name) (\(client.vantage)) get \(listener.advertisedAddress) "
                    + "from broker \(broker.name) on \(listener.name), \(why); \(fix)",
                  location: listener.advertisedLocation,
                  notes: [.init("the clients are \(client.name)", at: client.location)]))
            }
          }
        }
        continue
      }
      for broker in context.brokers
      where !broker.roles.isEmpty ? broker.roles.contains("broker") : true {
        guard let listener = broker.listeners.first(where: { $0.name == name && $0.isAdvertised })
        else { continue }
        let verdict = context.evaluate(
          listener, of: broker, from: client.vantage, client: clientService)
        var row = ComposeReachabilityRow(
          client: client.name, vantage: client.vantage.description, broker: broker.name,
          listener: name, address: listener.advertisedAddress, verdict: "ok", reason: "")
        switch verdict {
        case .ok: break
        case .unknown(let why):
          row.verdict = "unknown"
          row.reason = why
        case .fails(let code, let why, let fix):
          row.verdict = "fails"
          row.reason = why
          let key = "\(code)|\(listener.advertisedLocation)|\(client.vantage)"
          if reported.insert(key).inserted {
            let position: String
            if case .compose(let network) = client.vantage, let service = client.service {
              position = "service \(service) on network \(network) gets"
            } else if client.service == nil, client.vantage == .host {
              position = "programs on the Docker host get"
            } else {
              position = "\(client.name) (\(client.vantage)) get"
            }
            findings.append(
              ComposeFinding(
                code: code,
                message: "\(position) \(listener.advertisedAddress) from broker \(broker.name) "
                  + "on \(name), \(why); \(fix)",
                location: code == "KL324" ? listener.bindLocation : listener.advertisedLocation,
                notes: [.init("the clients are \(client.name)", at: client.location)]))
          }
        }
        rows.append((client, row))
      }
    }
    rows.sort {
      ($0.1.client, $0.1.vantage, $0.1.broker, $0.1.listener)
        < ($1.1.client, $1.1.vantage, $1.1.broker, $1.1.listener)
    }
    return rows
  }

  /// Port conflicts, scaling, host networking, empty hosts, unassigned ports, duplicates.
  static func wiring(_ context: Context, _ findings: inout [ComposeFinding]) {
    // R6: two services publishing one host port.
    var seen: [(service: String, port: ComposePort)] = []
    for service in context.project.services where !service.usesHostNetwork {
      for port in service.ports {
        guard let range = port.hostPorts, port.hasFixedHostPort || range.count > 1 else { continue }
        if let earlier = seen.first(where: { other in
          other.service != service.name.value && (other.port.hostPorts?.overlaps(range) ?? false)
            && (other.port.hostIP == nil || port.hostIP == nil || other.port.hostIP == port.hostIP)
        }) {
          findings.append(
            ComposeFinding(
              code: "KL325",
              message:
                "services \(earlier.service) and \(service.name.value) both publish host port "
                + "\(range.lowerBound); only one of them starts (\"port is already allocated\")",
              location: port.location,
              notes: [
                .init("\(earlier.service) publishes it here", at: earlier.port.location),
                .init(
                  "give each broker its own host port (e.g. 29092:9092, 39092:9092, 49092:9092) and "
                    + "advertise that port"),
              ]))
        }
        seen.append((service.name.value, port))
      }
    }
    for broker in context.brokers {
      let service = broker.service
      if let replicas = service.replicas, replicas.value > 1 {
        findings.append(
          ComposeFinding(
            code: "KL608",
            message: "Kafka service \(broker.name) runs \(replicas.value) replicas; they share "
              + "node.id and advertised listeners",
            location: replicas.location,
            notes: [.init("declare one service per broker, each with its own node id and address")])
        )
      }
      if service.usesHostNetwork, let first = service.ports.first {
        findings.append(
          ComposeFinding(
            code: "KL610",
            message: "service \(broker.name) uses network_mode: host, which discards `ports` "
              + "(compose refuses the file)",
            location: first.location,
            notes: [.init("remove `ports`; the listeners bind the host's interfaces directly")]))
      }
      let published = !service.ports.isEmpty
      for listener in broker.listeners where listener.isAdvertised && !listener.isController {
        let host = listener.advertisedHost ?? ""
        if host.isEmpty, !service.usesHostNetwork, listener.unresolved.isEmpty, published {
          findings.append(
            ComposeFinding(
              code: "KL328",
              message: "broker \(broker.name) advertises \(listener.name) with an empty host, so "
                + "clients get its container hostname (\(service.hostname?.text ?? "the short container id")), "
                + "which only containers on its network resolve; its published ports suggest host "
                + "clients, which cannot use it",
              location: listener.advertisedLocation,
              notes: [.init(context.hostFix(broker))]))
        }
        if let port = listener.bindPort, !service.usesHostNetwork,
          let mapping = service.ports.first(where: { $0.containerPorts.contains(port) }),
          !mapping.hasFixedHostPort
        {
          let hostFacing =
            context.isLoopback(host.lowercased()) || host.isEmpty
            || host == context.hostAddress
          if hostFacing {
            findings.append(
              ComposeFinding(
                code: "KL329",
                message: "broker \(broker.name) publishes container port \(port) on a host port "
                  + "Docker picks at run time, so no advertised port on \(listener.name) can match it",
                location: mapping.location,
                notes: [.init("publish a fixed port, e.g. `\(port):\(port)`, and advertise it")]))
          }
        }
      }
      // R21: controller port published.
      for listener in broker.listeners where listener.isController {
        if let port = listener.bindPort,
          let mapping = service.ports.first(where: { $0.containerPorts.contains(port) })
        {
          findings.append(
            ComposeFinding(
              code: "KL611",
              message: "broker \(broker.name) publishes its controller listener \(listener.name) "
                + "(port \(port)) to the host; clients never use it, and it exposes the quorum",
              location: mapping.location, notes: [.init("remove this port mapping")]))
        }
      }
      // R17: host.docker.internal.
      for listener in broker.listeners
      where listener.isAdvertised
        && (listener.advertisedHost ?? "").lowercased() == "host.docker.internal"
      {
        let port = listener.advertisedPort ?? -1
        let mapping = service.ports.first { $0.hostPorts?.contains(port) == true }
        if mapping == nil || mapping?.isLoopbackOnly == true {
          findings.append(
            ComposeFinding(
              code: "KL322",
              message: "containers on other networks get host.docker.internal:\(port) from broker "
                + "\(broker.name) on \(listener.name), but port \(port) is not published on a "
                + "non-loopback host IP; publish `\(port):\(listener.bindPort ?? port)`",
              location: listener.advertisedLocation))
        }
        let severity: Severity = context.platform == "linux" ? .warning : .note
        if context.platform != "docker-desktop" {
          findings.append(
            ComposeFinding(
              code: "KL330", severity: severity,
              message: "broker \(broker.name) advertises host.docker.internal on \(listener.name); "
                + "on Linux, client containers resolve it only with `extra_hosts: "
                + "[\"host.docker.internal:host-gateway\"]` in their own service",
              location: listener.advertisedLocation,
              notes: [
                .init(
                  "declare the platform with `x-kafka-listeners: {platform: docker-desktop|linux}`")
              ]))
        }
      }
      // R22: advertised values that depend on unresolved variables.
      for listener in broker.listeners where !listener.unresolved.isEmpty && listener.isAdvertised {
        _ = listener
      }
    }
    // Duplicate advertised endpoints across brokers.
    var endpoints: [String: (String, SourceLocation)] = [:]
    for broker in context.brokers {
      for listener in broker.listeners where listener.isAdvertised && listener.unresolved.isEmpty {
        guard let host = listener.advertisedHost, !host.isEmpty, let port = listener.advertisedPort
        else { continue }
        let key = "\(host.lowercased()):\(port)"
        if let (other, location) = endpoints[key], other != broker.name {
          findings.append(
            ComposeFinding(
              code: "KL331",
              message: "brokers \(other) and \(broker.name) both advertise \(host):\(port) on "
                + "\(listener.name); clients sent to one of them reach the other",
              location: listener.advertisedLocation,
              notes: [
                .init("\(other) advertises it here", at: location),
                .init("give each broker its own published port and advertise it"),
              ]))
        } else if endpoints[key] == nil {
          endpoints[key] = (broker.name, listener.advertisedLocation)
        }
      }
    }
    // Cluster ids must agree.
    let ids = context.brokers.compactMap { broker in broker.clusterId.map { (broker, $0) } }
    if let first = ids.first {
      for (broker, id) in ids.dropFirst() where id.value != first.1.value {
        findings.append(
          ComposeFinding(
            code: "KL602",
            message: "broker \(broker.name) formats its storage with cluster id \(id.value), "
              + "broker \(first.0.name) with \(first.1.value); nodes of different clusters cannot "
              + "join one quorum",
            location: id.location,
            notes: [.init("\(first.0.name)'s id is set here", at: first.1.location)]))
      }
    }
  }

  /// R20: every broker's inter-broker endpoint must work from every other broker's networks.
  static func interBroker(_ context: Context, _ findings: inout [ComposeFinding]) {
    let brokers = context.brokers.filter { broker in
      broker.configuration != nil && (broker.roles.isEmpty || broker.roles.contains("broker"))
    }
    guard brokers.count > 1 else { return }
    for broker in brokers {
      guard let name = broker.configuration?.interBrokerListener.name,
        let listener = broker.listeners.first(where: { $0.name == name && $0.isAdvertised })
      else { continue }
      for peer in brokers where peer.name != broker.name {
        let vantages: [ComposeVantage] =
          peer.service.usesHostNetwork
          ? [.host] : peer.service.networks.keys.sorted().map { .compose(network: $0) }
        var failure: (ComposeVantage, String, String)?
        var served = false
        for vantage in vantages {
          switch context.evaluate(listener, of: broker, from: vantage, client: peer.service) {
          case .ok, .unknown: served = true
          case .fails(_, let why, let fix): failure = failure ?? (vantage, why, fix)
          }
        }
        guard !served, let (vantage, why, fix) = failure else { continue }
        findings.append(
          ComposeFinding(
            code: "KL332",
            message: "broker \(peer.name) (\(vantage)) replicates from broker \(broker.name) at "
              + "\(listener.advertisedAddress), its inter-broker listener \(name), \(why); \(fix)",
            location: listener.advertisedLocation,
            notes: [
              .init(
                "inter-broker traffic uses the advertised address of inter.broker.listener.name; "
                  + "advertise the service name there")
            ]))
        break
      }
    }
  }

  /// R8: every voter must be a controller service reachable on its controller port.
  static func voters(_ context: Context, _ findings: inout [ComposeFinding]) {
    let nodes = context.brokers.filter { $0.configuration != nil }
    let combinedSingle = nodes.count == 1
    var byId: [Int: ComposeBroker] = [:]
    for node in nodes { if let id = node.nodeId, byId[id] == nil { byId[id] = node } }
    let suggestion = nodes.filter(\.isController).compactMap { node in
      node.nodeId.map { id in
        let port = node.listeners.first { $0.isController }?.bindPort.map(String.init) ?? "9093"
        return "\(id)@\(node.name):\(port)"
      }
    }.joined(separator: ",")
    for broker in nodes {
      guard let configuration = broker.configuration else { continue }
      let voters = configuration.quorumVoters
      for voter in voters.voters {
        let location = voter.element.location
        let host = voter.host.lowercased()
        var problem: String?
        let target = byId[voter.id]
        if context.isLoopback(host) {
          if !(combinedSingle && target?.name == broker.name) {
            problem = "\(voter.host) is the node's own container, not controller \(voter.id)"
          }
        } else {
          let resolved = broker.service.networks.keys.sorted().compactMap { network in
            context.services(named: host, on: network).first?.name.value
          }.first
          if let target {
            if resolved != target.name {
              problem =
                resolved.map {
                  "\(voter.host) is service \($0), but node \(voter.id) is service \(target.name)"
                }
                ?? "\(voter.host) does not resolve from \(broker.name)'s networks (node \(voter.id) is service \(target.name))"
            } else if !target.isController {
              problem = "service \(target.name) (node \(voter.id)) has no controller role"
            } else if let controller = target.listeners.first(where: { $0.isController }),
              controller.bindPort != voter.port
            {
              problem =
                "controller \(target.name) listens on \(controller.bindPort.map(String.init) ?? "?") "
                + "(\(controller.name)), not \(voter.port); voters use container ports, not published ones"
            }
          } else if resolved == nil {
            problem = "\(voter.host) is not a service on \(broker.name)'s networks"
          }
        }
        if let problem {
          findings.append(
            ComposeFinding(
              code: "KL327",
              message: "broker \(broker.name): voter \(voter.element.text) does not reach a "
                + "controller: \(problem)",
              location: location,
              notes: [
                .init(
                  "list every controller as node.id@service-name:controller-port, e.g. "
                    + suggestion)
              ]))
        }
      }
    }
  }
}
