/// KL312: a host template keeps a `{…}` placeholder Strimzi does not know, or an advertised
/// host holds a `${…}` placeholder nothing will replace.
public struct UnrenderedTemplate: Rule {
  /// Creates the rule.
  public init() {}

  /// The placeholders Strimzi replaces in `advertisedHostTemplate` and `hostTemplate`.
  static let known = ["{nodeId}", "{nodePodName}"]

  /// Config providers Strimzi configures on every broker: their placeholders are resolved when
  /// the broker starts (KL305 describes those Strimzi writes itself).
  static let strimziProviders = ["strimzienv", "strimzifile", "strimzidir"]

  public let metadata = RuleMetadata(
    code: "KL312", name: "unrendered-template", severity: .error,
    summary: "A host template keeps a placeholder Strimzi does not replace, or an advertised "
      + "host holds a `${…}` placeholder nothing resolves.",
    rationale: """
      Strimzi renders `advertisedHostTemplate` and `hostTemplate` by plain replacement of \
      `{nodeId}` and `{nodePodName}`; any other placeholder (`{nodeid}`, `{nodeIf}`, `{zone}`) \
      stays in the name as written, and the operator accepts it. Every broker then advertises \
      a host with braces in it, which no client can resolve (and often the same host for \
      every broker). A `${…}` placeholder in an advertised host is replaced at startup only \
      by a configured config provider: Strimzi configures `strimzienv`, `strimzifile` and \
      `strimzidir`, a description's generated configuration none; anything else reaches the \
      broker as written and fails with "Unable to parse … to a broker endpoint". Use \
      `{nodeId}` or `{nodePodName}`, or write the address itself. Invalid port templates are \
      KL307; placeholders left in server.properties files are KL303.
      """,
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: loadbalancer
                tls: true
                configuration:
                  advertisedHostTemplate: ↓kafka-{nodeid}.example.com
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          roles: [controller, broker]
          storage:
            type: ephemeral

        """),
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: orders
        spec:
          platform: docker
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-1
          listeners:
            - name: external
              port: 9092
              type: host
              configuration:
                brokers:
                  - broker: 1
                    advertisedHost: ↓"${env:DOCKER_HOST_IP}"

        """),
    ],
    passing: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: external
                port: 9094
                type: loadbalancer
                tls: true
                configuration:
                  advertisedHostTemplate: "{nodePodName}.kafka.example.com"
                  brokers:
                    - broker: 0
                      advertisedHost: ${strimzienv:BROKER_0_ADDRESS}
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: dual-role
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          roles: [controller, broker]
          storage:
            type: ephemeral

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      let sample = cluster.nodes.lazy.filter { $0.roles.contains(.broker) }.min { $0.id < $1.id }
      for listener in cluster.listeners {
        let configuration = listener.configuration
        let name = listener.name.value
        // Route, Ingress and TLSRoute hosts are used only by those types; elsewhere Strimzi
        // rejects the fields (KL107).
        let objectHosts = [.route, .ingress, .tlsRoute].contains(listener.type.value)
        for (field, template) in [
          ("advertisedHostTemplate", configuration.advertisedHostTemplate),
          ("hostTemplate", objectHosts ? configuration.hostTemplate : nil),
        ] {
          guard let template else { continue }
          if let diagnostic = templateProblem(field, name, template, sample: sample) {
            diagnostics.append(diagnostic)
          } else if let diagnostic = providerProblem(
            "listener \(name): \(field)", template, cluster: cluster)
          {
            diagnostics.append(diagnostic)
          }
        }
        // Each field's name is built only for a host that has a placeholder: a cluster may
        // have thousands of `brokers[]` entries.
        for (offset, host) in configuration.advertisedHosts.enumerated() {
          if let diagnostic = providerProblem(
            "listener \(name): advertisedHosts[\(offset)]", host, cluster: cluster)
          {
            diagnostics.append(diagnostic)
          }
        }
        for entry in configuration.brokers {
          let broker = { "listener \(name): brokers[broker \(entry.broker.value)]" }
          if let host = entry.advertisedHost,
            let diagnostic = providerProblem("\(broker()).advertisedHost", host, cluster: cluster)
          {
            diagnostics.append(diagnostic)
          }
          if let host = entry.host, objectHosts,
            let diagnostic = providerProblem("\(broker()).host", host, cluster: cluster)
          {
            diagnostics.append(diagnostic)
          }
        }
        if let host = configuration.bootstrap?.host, objectHosts,
          let diagnostic = providerProblem(
            "listener \(name): bootstrap.host", host, cluster: cluster)
        {
          diagnostics.append(diagnostic)
        }
      }
      for node in cluster.nodes {
        if let host = node.host,
          let diagnostic = providerProblem("node \(node.id)'s host", host, cluster: cluster)
        {
          diagnostics.append(diagnostic)
        }
      }
    }
    return diagnostics
  }

  /// A `{…}` left after rendering, or an unmatched brace.
  private func templateProblem(
    _ field: String, _ listener: String, _ template: Located<String>, sample: ClusterNode?
  ) -> Diagnostic? {
    let text = Self.withoutProviderPlaceholders(template.value)
    let rendered = Templates.renderHost(
      text, nodeId: sample?.id ?? 0, podName: sample?.podName ?? "pod")
    guard rendered.contains("{") || rendered.contains("}") else { return nil }
    let unknown = Self.placeholders(in: rendered)
    let subject = "listener \(listener): \(field) \(quoted(template.value))"
    guard let first = unknown.first else {
      return metadata.diagnostic(
        "\(subject) has an unmatched brace, which Strimzi keeps in every broker's host; "
          + "placeholders are {nodeId} and {nodePodName}",
        at: template.location)
    }
    let inner = String(first.dropFirst().dropLast())
    let guess = Suggestions.closest(to: inner, in: ["nodeId", "nodePodName"]).map {
      "; did you mean {\($0.match)}?"
    }
    let renderedText =
      sample.map { " (broker \($0.id) advertises \(quoted(rendered)))" } ?? ""
    return metadata.diagnostic(
      "\(subject) keeps \(quotedList(unknown)) as written\(renderedText): Strimzi replaces only "
        + "{nodeId} and {nodePodName}" + (guess ?? ""),
      at: template.location)
  }

  /// A `${provider:…}` placeholder no configured provider resolves.
  private func providerProblem(
    _ what: @autoclosure () -> String, _ host: Located<String>, cluster: Cluster
  ) -> Diagnostic? {
    // A byte scan first: the substring search costs microseconds, for every node's host.
    guard host.value.containsByte(UInt8(ascii: "$")), let start = host.value.firstRange(of: "${")
    else { return nil }
    let rest = host.value[start.upperBound...]
    let provider = rest.prefix { $0 != ":" && $0 != "}" }
    if cluster.origin == .strimzi && Self.strimziProviders.contains(String(provider)) {
      return nil
    }
    let resolver =
      cluster.origin == .strimzi
      ? "Strimzi configures only the providers strimzienv, strimzifile and strimzidir"
      : "the configuration generated from a description configures no config provider"
    return metadata.diagnostic(
      "\(what()) \(quoted(host.value)) is a config-provider placeholder that nothing replaces: "
        + "\(resolver), so the broker gets it as written and fails with \"Unable to parse … to "
        + "a broker endpoint\"; write the address",
      at: host.location)
  }

  /// The `{…}` placeholders of a rendered template.
  static func placeholders(in text: String) -> [String] {
    var result: [String] = []
    var current: String?
    for character in text {
      if character == "{" {
        current = "{"
      } else if character == "}", let open = current {
        let placeholder = open + "}"
        if !result.contains(placeholder) { result.append(placeholder) }
        current = nil
      } else if current != nil {
        current?.append(character)
      }
    }
    return result
  }

  /// The text with every `${…}` removed: those are config-provider placeholders, judged
  /// separately.
  static func withoutProviderPlaceholders(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let start = rest.firstRange(of: "${") {
      result += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
        return result
      }
      rest = rest[rest.index(after: end)...]
    }
    return result + rest
  }
}
