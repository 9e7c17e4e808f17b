/// KL313: with `--resolve`, an advertised name that the system resolver says does not exist.
public struct UnresolvableName: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL313", name: "unresolvable-name", severity: .error,
    summary: "With `--resolve`: an advertised host name does not resolve from this machine.",
    rationale: """
      Only with `lint --resolve`: every distinct advertised host name (of descriptions, Strimzi \
      resources as derived, node hosts and server.properties files) is looked up with the \
      system resolver (`getaddrinfo`: `/etc/hosts`, DNS and whatever else the machine uses), \
      all names in parallel, waiting at most 2 seconds in all and looking up at most 64 names. \
      A name the resolver says does not exist is reported: clients that are sent to it fail \
      with "Name or service not known" (usually a typo, or a DNS record not created yet). A \
      name that gets no answer in time is not reported; the JSON report's reachability section \
      says so. Names only the Kubernetes cluster or a Docker network resolves (`*.svc`, \
      single-label names), IP addresses and placeholders are not looked up. Names under \
      `.invalid` never resolve and `localhost` always does (RFC 6761): those are answered \
      without asking the resolver, and a `.invalid` name is reported even without `--resolve`. \
      Run it where the clients run: the answer is this machine's.
      """,
    triggering: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: payments
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: 10.20.0.11
          listeners:
            - name: public
              port: 9094
              type: host
              configuration:
                advertisedHosts: [↓kafka-a.payments.invalid]

        """)
    ],
    passing: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: payments
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: localhost
          listeners:
            - name: internal
              port: 9092
              type: host

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    // Without --resolve only the names RFC 6761 answers are judged: a name under .invalid
    // never resolves anywhere, which needs no resolver to know. The answers are the ones the
    // reachability judgement used.
    let results = Reachability.resolutions(input)
    guard !results.isEmpty else { return [] }

    var occurrences: [String: [(what: String, location: SourceLocation)]] = [:]
    func add(_ host: String, _ what: String, _ location: SourceLocation) {
      var key = host.lowercased()
      if key.hasSuffix(".") { key.removeLast() }
      guard case .notFound = results[key] else { return }
      if !(occurrences[key] ?? []).contains(where: { $0.location == location }) {
        occurrences[key, default: []].append((what, location))
      }
    }
    for derived in input.derivedClusters {
      let cluster = derived.cluster
      for node in derived.nodes {
        for endpoint in node.endpoints where endpoint.type != nil {
          guard
            let listener = cluster.listeners.first(where: { $0.name.value == endpoint.listener })
          else { continue }
          add(
            endpoint.advertisedHost, "listener \(listener.name.value) advertises",
            Reachability.addressLocation(endpoint, listener))
        }
      }
      for node in cluster.nodes {
        if let host = node.host { add(host.value, "node \(node.id)'s host is", host.location) }
      }
    }
    for config in input.brokerConfigurations where config.isBroker {
      for endpoint in config.advertisedBrokerEndpoints {
        if let host = endpoint.host {
          add(host, "listener \(endpoint.name) advertises", endpoint.location)
        }
      }
    }
    return occurrences.keys.sorted().compactMap { key in
      let places = (occurrences[key] ?? []).sorted { $0.location < $1.location }
      guard let first = places.first, case .notFound(let why)? = results[key] else { return nil }
      return metadata.diagnostic(
        "\(first.what) \(quoted(key)), which does not resolve from this machine: \(why); "
          + "clients sent to it cannot connect, so check the name for typos and that its DNS "
          + "record exists",
        at: first.location,
        notes: places.dropFirst().prefix(5).map {
          .init("\($0.what) \(quoted(key)) here too", at: $0.location)
        })
    }
  }
}
