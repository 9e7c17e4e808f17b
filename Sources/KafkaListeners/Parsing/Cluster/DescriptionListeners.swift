/// `spec.listeners`: Strimzi's listener vocabulary, plus the `host` type for brokers outside
/// Kubernetes and the own format's per-node address mechanisms (`advertisedHosts`,
/// `advertisedBasePort`).
extension DescriptionParser {
  /// The listener types in the order messages list them.
  static let listenerTypes = ListenerType.allCases.map(\.rawValue)

  /// The Kubernetes node address types, in the order Strimzi's CRD lists them.
  static let addressTypes = ["ExternalIP", "ExternalDNS", "InternalIP", "InternalDNS", "Hostname"]

  /// Kubernetes listener types, for messages.
  static let kubernetesTypes = ListenerType.allCases.filter(\.isStrimziType).map(\.rawValue)

  mutating func listeners(_ spec: YAMLMapping, brokerIDs: [Int]) -> [Listener] {
    if let sequence = spec["listeners"]?.sequence,
      !reader.withinListenerLimit(sequence, path: "spec.listeners")
    {
      return []
    }
    if let sequence = spec["listeners"]?.sequence, sequence.items.isEmpty {
      reader.report(
        FieldReader.invalidValue,
        "spec.listeners must list at least one listener: brokers need a listener for clients",
        at: sequence.location)
    }
    return items(spec, "listeners", path: "spec", required: true).compactMap { index, item in
      listener(item, path: "spec.listeners[\(index)]", brokerIDs: brokerIDs)
    }
  }

  mutating func listener(_ item: YAMLMapping, path: String, brokerIDs: [Int]) -> Listener? {
    reader.checkKeys(item, allowed: keys("spec.listeners[]"), path: path)
    if let text = item["name"]?.scalar?.text { writtenListenerNames.insert(text) }
    var name = string(item, "name", path: path, required: true)
    if let written = name, written.value.wholeMatch(of: /[a-z0-9]{1,11}/) == nil {
      reader.report(
        FieldReader.invalidValue,
        "\(path).name must match ^[a-z0-9]{1,11}$ (lower-case letters and digits, at most 11), "
          + "not \(quoted(written.value)): Strimzi names the Kubernetes port tcp-<name>, "
          + "at most 15 "
          + "characters, and Kafka's listener name is <NAME>-<port>",
        at: written.location)
      name = nil
    }
    let port = self.port(item, path: path)
    let type = self.type(item, path: path)
    let (tls, certificate) = self.tls(item, path: path)
    let (authentication, sasl) = self.authentication(item, path: path)
    var configuration = ListenerConfiguration()
    if let mapping = reader.mapping(item, "configuration", path: path) {
      configuration = self.configuration(
        mapping, path: "\(path).configuration", brokerIDs: brokerIDs)
    }
    guard let name, let port, let type else { return nil }
    var listener = Listener(
      name: name, port: port, type: type, tls: tls, authentication: authentication,
      customSasl: sasl, configuration: configuration, location: item.location)
    listener.certificate = certificate
    return listener
  }

  /// `port`: the CRD's minimum of 9092 on Kubernetes, any TCP port elsewhere.
  mutating func port(_ item: YAMLMapping, path: String) -> Located<Int>? {
    guard let port = reader.integer(item, "port", path: path, required: true) else { return nil }
    let minimum = platform == .kubernetes ? 9092 : 1
    if port.value < minimum {
      let reason =
        platform == .kubernetes
        ? " on platform kubernetes: the Kafka CRD's minimum (Strimzi's own listeners use 9090 and "
          + "9091); clients of nodeport, loadbalancer and route listeners can still use other ports"
        : ""
      reader.report(
        FieldReader.invalidValue,
        "\(path).port must be at least \(minimum), not \(port.value)\(reason)", at: port.location)
      return nil
    }
    if port.value > 65535 {
      reader.report(
        FieldReader.invalidValue,
        "\(path).port must be at most 65535, not \(port.value): it is a TCP port",
        at: port.location)
      return nil
    }
    return port
  }

  /// `type`: `host` exactly on the platforms without Kubernetes services.
  mutating func type(_ item: YAMLMapping, path: String) -> Located<ListenerType>? {
    guard
      let written = reader.oneOf(
        item, "type", Self.listenerTypes, path: path, required: true),
      let type = ListenerType(rawValue: written.value)
    else { return nil }
    if platform == .kubernetes, type == .host {
      reader.report(
        FieldReader.invalidValue,
        "\(path).type host is for brokers on hosts or in containers (platform hosts or docker), "
          + "not platform kubernetes; use one of " + Self.kubernetesTypes.joined(separator: ", "),
        at: written.location)
      return nil
    }
    if platform != .kubernetes, type != .host {
      reader.report(
        FieldReader.invalidValue,
        "\(path).type must be host on platform \(platform.rawValue), not \(quoted(type.rawValue)): "
          + "\(type.rawValue) listeners are exposed through Kubernetes services",
        at: written.location)
      return nil
    }
    return Located(type, at: written.location)
  }

  /// `authentication`: Strimzi v1's types; `sasl`, `listenerConfig` and `secrets` belong to
  /// `custom` only.
  mutating func authentication(
    _ item: YAMLMapping, path: String
  ) -> (type: Located<AuthenticationType>?, sasl: Located<Bool>?) {
    guard let mapping = reader.mapping(item, "authentication", path: path) else {
      return (nil, nil)
    }
    let path = "\(path).authentication"
    reader.checkKeys(mapping, allowed: keys("spec.listeners[].authentication"), path: path)
    var type: Located<AuthenticationType>?
    if let node = reader.value(mapping, "type", path: path, required: true) {
      if let scalar = node.scalar, scalar.text == AuthenticationType.oauth.rawValue {
        reader.report(
          FieldReader.invalidValue,
          "\(path).type must be one of tls, scram-sha-512, custom, not 'oauth': Strimzi 1.0 "
            + "removed oauth; use type custom with sasl: true and the OAuth settings in "
            + "listenerConfig",
          at: node.location)
      } else if let written = reader.oneOf(
        node, [AuthenticationType.tls, .scramSha512, .custom].map(\.rawValue),
        path: "\(path).type"), let value = AuthenticationType(rawValue: written.value)
      {
        type = Located(value, at: written.location)
      }
    }
    let sasl = reader.boolean(mapping, "sasl", path: path)
    if let config = reader.mapping(mapping, "listenerConfig", path: path) {
      for (key, value) in config.pairs {
        let name = key.scalar?.text ?? ""
        guard let scalar = value.scalar, !scalar.isNull else {
          reader.report(
            FieldReader.wrongType,
            "\(path).listenerConfig.\(name) must be a string, number or boolean, not "
              + value.kindDescription,
            at: value.location)
          continue
        }
      }
    }
    for (index, secret) in items(mapping, "secrets", path: path) {
      let secretPath = "\(path).secrets[\(index)]"
      reader.checkKeys(
        secret, allowed: keys("spec.listeners[].authentication.secrets[]"), path: secretPath)
      _ = string(secret, "key", path: secretPath, required: true)
      _ = string(secret, "secretName", path: secretPath, required: true)
    }
    if let type, type.value != .custom {
      for key in ["sasl", "listenerConfig", "secrets"] {
        guard let keyNode = mapping.keyNode(key), mapping[key]?.isNull == false else { continue }
        reader.report(
          FieldReader.invalidValue,
          "\(path).\(key) applies only to authentication type custom, not \(type.value.rawValue)",
          at: keyNode.location)
      }
    }
    return (type, type?.value == .custom ? sasl : nil)
  }

  mutating func configuration(
    _ mapping: YAMLMapping, path: String, brokerIDs: [Int]
  ) -> ListenerConfiguration {
    reader.checkKeys(mapping, allowed: keys("spec.listeners[].configuration"), path: path)
    var result = ListenerConfiguration()
    if let bootstrap = reader.mapping(mapping, "bootstrap", path: path) {
      result.bootstrap = self.bootstrap(bootstrap, path: "\(path).bootstrap")
    }
    for (index, item) in items(mapping, "brokers", path: path) {
      if let entry = brokerOverride(item, path: "\(path).brokers[\(index)]") {
        result.brokers.append(entry)
      }
    }
    if let certificate = reader.mapping(mapping, "brokerCertChainAndKey", path: path) {
      let certificatePath = "\(path).brokerCertChainAndKey"
      reader.checkKeys(
        certificate, allowed: keys("spec.listeners[].configuration.brokerCertChainAndKey"),
        path: certificatePath)
      let secretName = string(certificate, "secretName", path: certificatePath, required: true)
      let chain = string(certificate, "certificate", path: certificatePath, required: true)
      let key = string(certificate, "key", path: certificatePath, required: true)
      if let secretName, let chain, let key {
        result.brokerCertChainAndKey = CertificateReference(
          secretName: secretName, certificate: chain, key: key)
      }
    }
    result.className = string(mapping, "class", path: path)
    result.externalTrafficPolicy = reader.oneOf(
      mapping, "externalTrafficPolicy", ["Local", "Cluster"], path: path)
    result.loadBalancerSourceRanges = strings(mapping, "loadBalancerSourceRanges", path: path)
    result.ipFamilyPolicy = reader.oneOf(
      mapping, "ipFamilyPolicy", ["SingleStack", "PreferDualStack", "RequireDualStack"],
      path: path)
    if let families = reader.sequence(mapping, "ipFamilies", path: path) {
      result.ipFamilies = families.items.enumerated().compactMap {
        reader.oneOf($1, ["IPv4", "IPv6"], path: "\(path).ipFamilies[\($0)]")
      }
    }
    result.createBootstrapService = reader.boolean(mapping, "createBootstrapService", path: path)
    result.finalizers = strings(mapping, "finalizers", path: path)
    result.useServiceDnsDomain = reader.boolean(mapping, "useServiceDnsDomain", path: path)
    result.maxConnections = reader.integer(mapping, "maxConnections", path: path)
    result.maxConnectionCreationRate = reader.integer(
      mapping, "maxConnectionCreationRate", path: path)
    result.preferredNodePortAddressType = reader.oneOf(
      mapping, "preferredNodePortAddressType", Self.addressTypes, path: path)
    result.publishNotReadyAddresses = reader.boolean(
      mapping, "publishNotReadyAddresses", path: path)
    result.perBrokerAnnotationsTemplate = stringMap(
      mapping, "perBrokerAnnotationsTemplate", path: path)
    result.perBrokerLabelsTemplate = stringMap(mapping, "perBrokerLabelsTemplate", path: path)
    result.hostTemplate = string(mapping, "hostTemplate", path: path)
    result.advertisedHostTemplate = string(mapping, "advertisedHostTemplate", path: path)
    result.advertisedPortTemplate = string(mapping, "advertisedPortTemplate", path: path)
    result.allocateLoadBalancerNodePorts = reader.boolean(
      mapping, "allocateLoadBalancerNodePorts", path: path)
    for (index, item) in items(mapping, "parentRefs", path: path) {
      if let reference = parentReference(item, path: "\(path).parentRefs[\(index)]") {
        result.parentRefs.append(reference)
      }
    }
    result.advertisedHosts = advertisedHosts(mapping, path: path, brokerIDs: brokerIDs)
    result.advertisedBasePort = advertisedBasePort(mapping, path: path, brokerIDs: brokerIDs)
    exclusive(mapping, "advertisedHosts", "advertisedHostTemplate", path: path, what: "host")
    exclusive(mapping, "advertisedBasePort", "advertisedPortTemplate", path: path, what: "port")
    return result
  }

  /// Two ways of giving every broker its advertised host (or port) cannot both be used: which
  /// one would win is not obvious to a reader of the file.
  mutating func exclusive(
    _ mapping: YAMLMapping, _ first: String, _ second: String, path: String, what: String
  ) {
    guard let a = mapping.keyNode(first), mapping[first]?.isNull == false,
      let b = mapping.keyNode(second), mapping[second]?.isNull == false
    else { return }
    let (earlier, later) = a.location < b.location ? (a, b) : (b, a)
    reader.issues.append(
      ReadIssue(
        code: FieldReader.invalidValue,
        message: "\(path) gives both \(first) and \(second); both set the advertised \(what) of "
          + "every broker, so give only one",
        location: later.location,
        notes: [Diagnostic.Note("the other one is here", at: earlier.location)]))
  }

  /// `advertisedHosts`: one host per broker, by ordinal of the brokers sorted by id.
  mutating func advertisedHosts(
    _ mapping: YAMLMapping, path: String, brokerIDs: [Int]
  ) -> [Located<String>] {
    guard let sequence = reader.sequence(mapping, "advertisedHosts", path: path) else { return [] }
    let hosts = sequence.items.enumerated().compactMap {
      string($1, path: "\(path).advertisedHosts[\($0)]", nonEmpty: true)
    }
    if sequence.items.isEmpty {
      reader.report(
        FieldReader.invalidValue,
        "\(path).advertisedHosts must list one host per broker, not none", at: sequence.location)
    } else if !brokerIDs.isEmpty, sequence.items.count != brokerIDs.count {
      let ids = brokerIDs.sorted().map(String.init).joined(separator: ", ")
      reader.report(
        FieldReader.invalidValue,
        "\(path).advertisedHosts lists \(sequence.items.count) "
          + "host\(sequence.items.count == 1 ? "" : "s") but the cluster has \(brokerIDs.count) "
          + "broker\(brokerIDs.count == 1 ? "" : "s") (node ids \(ids)); the n-th host is "
          + "advertised by the n-th broker by id",
        at: sequence.location)
    }
    return hosts
  }

  /// `advertisedBasePort`: node N advertises base + N, which must stay a TCP port.
  mutating func advertisedBasePort(
    _ mapping: YAMLMapping, path: String, brokerIDs: [Int]
  ) -> Located<Int>? {
    guard
      let base = reader.integer(mapping, "advertisedBasePort", path: path, range: 1...65535)
    else { return nil }
    if let highest = brokerIDs.max(), base.value + highest > 65535 {
      reader.report(
        FieldReader.invalidValue,
        "\(path).advertisedBasePort \(base.value) plus node id \(highest) is "
          + "\(base.value + highest), above the highest TCP port 65535",
        at: base.location)
      return nil
    }
    return base
  }

  mutating func bootstrap(_ mapping: YAMLMapping, path: String) -> BootstrapConfiguration {
    reader.checkKeys(
      mapping, allowed: keys("spec.listeners[].configuration.bootstrap"), path: path)
    var result = BootstrapConfiguration(location: mapping.location)
    result.alternativeNames = strings(mapping, "alternativeNames", path: path)
    result.host = string(mapping, "host", path: path)
    result.nodePort = reader.integer(mapping, "nodePort", path: path)
    result.loadBalancerIP = string(mapping, "loadBalancerIP", path: path)
    result.annotations = stringMap(mapping, "annotations", path: path)
    result.labels = stringMap(mapping, "labels", path: path)
    result.externalIPs = strings(mapping, "externalIPs", path: path)
    return result
  }

  mutating func brokerOverride(_ mapping: YAMLMapping, path: String) -> BrokerOverride? {
    reader.checkKeys(
      mapping, allowed: keys("spec.listeners[].configuration.brokers[]"), path: path)
    let broker = reader.integer(mapping, "broker", path: path, required: true)
    let advertisedHost = string(mapping, "advertisedHost", path: path)
    let advertisedPort = reader.integer(mapping, "advertisedPort", path: path)
    let host = string(mapping, "host", path: path)
    let nodePort = reader.integer(mapping, "nodePort", path: path)
    let loadBalancerIP = string(mapping, "loadBalancerIP", path: path)
    let annotations = stringMap(mapping, "annotations", path: path)
    let labels = stringMap(mapping, "labels", path: path)
    let externalIPs = strings(mapping, "externalIPs", path: path)
    guard let broker else { return nil }
    var result = BrokerOverride(broker: broker, location: mapping.location)
    result.advertisedHost = advertisedHost
    result.advertisedPort = advertisedPort
    result.host = host
    result.nodePort = nodePort
    result.loadBalancerIP = loadBalancerIP
    result.annotations = annotations
    result.labels = labels
    result.externalIPs = externalIPs
    return result
  }

  mutating func parentReference(_ mapping: YAMLMapping, path: String) -> ParentReference? {
    reader.checkKeys(
      mapping, allowed: keys("spec.listeners[].configuration.parentRefs[]"), path: path)
    let group = string(mapping, "group", path: path)
    let kind = string(mapping, "kind", path: path)
    let name = string(mapping, "name", path: path, required: true)
    let namespace = string(mapping, "namespace", path: path)
    let port = reader.integer(mapping, "port", path: path)
    let sectionName = string(mapping, "sectionName", path: path)
    guard let name else { return nil }
    return ParentReference(
      group: group, kind: kind, name: name, namespace: namespace, port: port,
      sectionName: sectionName)
  }
}
