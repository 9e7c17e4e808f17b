/// Reads `spec.kafka.listeners` of a `Kafka` resource against the CRD schema of its API
/// version: field names, types, required fields, enums, the name pattern and the port minimum.
///
/// A listener enters the model only when its `name`, `port` and `type` are values the API
/// server accepts; otherwise the problem is reported and the listener left out, so the listener
/// rules never judge a resource Kubernetes would not even store.
struct StrimziListenerReader {
  /// `kafka.strimzi.io/v1` (else v1beta2).
  let isV1: Bool

  static let listenerFields = [
    "name", "port", "type", "tls", "authentication", "configuration", "networkPolicyPeers",
  ]
  static let types = [
    "internal", "cluster-ip", "nodeport", "loadbalancer", "route", "ingress", "tlsroute",
  ]
  static let configurationFields = [
    "brokerCertChainAndKey", "class", "externalTrafficPolicy", "loadBalancerSourceRanges",
    "bootstrap", "brokers", "ipFamilyPolicy", "ipFamilies", "createBootstrapService",
    "finalizers", "useServiceDnsDomain", "maxConnections", "maxConnectionCreationRate",
    "preferredNodePortAddressType", "publishNotReadyAddresses", "hostTemplate",
    "advertisedHostTemplate", "allocateLoadBalancerNodePorts", "externalIPs",
  ]
  /// Configuration fields added after v1beta2 was removed (Strimzi 1.0), so v1 only.
  static let v1OnlyConfigurationFields: [(field: String, since: String)] = [
    ("advertisedPortTemplate", "1.0"), ("perBrokerAnnotationsTemplate", "1.1"),
    ("perBrokerLabelsTemplate", "1.1"), ("parentRefs", "1.1"),
  ]
  static let bootstrapFields = [
    "alternativeNames", "host", "nodePort", "loadBalancerIP", "annotations", "labels",
    "externalIPs",
  ]
  static let brokerFields = [
    "broker", "advertisedHost", "advertisedPort", "host", "nodePort", "loadBalancerIP",
    "annotations", "labels", "externalIPs",
  ]
  static let certificateFields = ["certificate", "key", "secretName"]
  static let parentReferenceFields = ["group", "kind", "name", "namespace", "port", "sectionName"]
  static let nodeAddressTypes = [
    "ExternalIP", "ExternalDNS", "InternalIP", "InternalDNS", "Hostname",
  ]
  /// v1beta2's OAuth authentication fields (Strimzi ≤ 0.51), accepted without deeper checks.
  static let oauthFields = [
    "clientId", "clientSecret", "validIssuerUri", "checkIssuer", "checkAudience",
    "jwksEndpointUri", "jwksRefreshSeconds", "jwksMinRefreshPauseSeconds", "jwksExpirySeconds",
    "jwksIgnoreKeyUse", "introspectionEndpointUri", "userNameClaim", "fallbackUserNameClaim",
    "fallbackUserNamePrefix", "groupsClaim", "groupsClaimDelimiter", "userInfoEndpointUri",
    "checkAccessTokenType", "validTokenType", "accessTokenIsJwt", "tlsTrustedCertificates",
    "disableTlsHostnameVerification", "enableECDSA", "maxSecondsWithoutReauthentication",
    "enablePlain", "tokenEndpointUri", "enableOauthBearer", "customClaimCheck",
    "connectTimeoutSeconds", "readTimeoutSeconds", "httpRetries", "httpRetryPauseMs",
    "clientScope", "clientAudience", "enableMetrics", "failFast", "includeAcceptHeader",
    "serverBearerTokenLocation", "userNamePrefix",
  ]

  /// The listeners of `spec.kafka`; a missing or empty list is reported.
  func listeners(in kafkaSpec: YAMLMapping, reader: inout FieldReader) -> [Listener] {
    guard let sequence = reader.sequence(kafkaSpec, "listeners", path: "spec.kafka", required: true),
      reader.withinListenerLimit(sequence, path: "spec.kafka.listeners")
    else { return [] }
    if sequence.items.isEmpty {
      reader.report(
        FieldReader.missingField,
        "spec.kafka.listeners is empty; the CRD requires at least one listener (minItems: 1), "
          + "so the API server rejects the resource", at: sequence.location)
    }
    return sequence.items.enumerated().compactMap { index, node in
      listener(node, path: "spec.kafka.listeners[\(index)]", reader: &reader)
    }
  }

  /// One listener, or `nil` when its name, port or type is missing or invalid.
  func listener(_ node: YAMLNode, path: String, reader: inout FieldReader) -> Listener? {
    guard let mapping = node.mapping else {
      reader.report(
        FieldReader.wrongType, "\(path) must be a mapping, not \(node.kindDescription)",
        at: node.location)
      return nil
    }
    reader.checkKeys(mapping, allowed: Self.listenerFields, path: path)

    var valid = true
    let name = reader.kubernetesString(mapping, "name", path: path, required: true)
    if let name, let problem = Self.nameProblem(name.value) {
      reader.report(
        FieldReader.invalidValue, "\(path).name \(quoted(name.value)) \(problem)", at: name.location
      )
      valid = false
    }
    let port = reader.integer(mapping, "port", path: path, required: true)
    if let port, port.value < 9092 {
      reader.report(
        FieldReader.invalidValue,
        "\(path).port must be at least 9092, not \(port.value): the CRD's minimum, because "
          + "Strimzi keeps 9090 and 9091 for its controller and replication listeners; the API "
          + "server rejects the resource", at: port.location)
      valid = false
    }
    let type = listenerType(mapping, path: path, reader: &reader)
    let tls = reader.boolean(mapping, "tls", path: path, required: true)
    var authentication: Located<AuthenticationType>?
    var customSasl: Located<Bool>?
    if let auth = reader.mapping(mapping, "authentication", path: path) {
      (authentication, customSasl) = self.authentication(
        auth, path: "\(path).authentication", reader: &reader)
    }
    var configuration = ListenerConfiguration()
    if let config = reader.mapping(mapping, "configuration", path: path) {
      configuration = self.configuration(config, path: "\(path).configuration", reader: &reader)
    }
    // Kubernetes NetworkPolicyPeers: passed to the NetworkPolicy as they are; not modelled.
    _ = reader.sequence(mapping, "networkPolicyPeers", path: path)

    guard valid, let name, let port, let type else { return nil }
    return Listener(
      name: name, port: port, type: type, tls: tls, authentication: authentication,
      customSasl: customSasl, configuration: configuration, location: mapping.location)
  }

  /// Why a listener name fails `^[a-z0-9]{1,11}$`, or `nil` when it matches.
  static func nameProblem(_ name: String) -> String? {
    let allowed = name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0)
    }
    if !name.isEmpty, allowed, name.unicodeScalars.count <= 11 { return nil }
    let rejected = "; the API server rejects the resource"
    if name.isEmpty {
      return "is empty: the CRD's pattern ^[a-z0-9]{1,11}$ needs 1 to 11 characters" + rejected
    }
    if !allowed {
      var problem =
        "does not match ^[a-z0-9]{1,11}$: only lower-case letters and digits are allowed"
      let lower = name.lowercased()
      if lower != name, nameProblem(lower) == nil { problem += " (did you mean \(quoted(lower))?)" }
      return problem + rejected
    }
    return "is \(name.unicodeScalars.count) characters long; ^[a-z0-9]{1,11}$ allows at most "
      + "11, because Strimzi names the Kubernetes port 'tcp-<name>' and port names are limited "
      + "to 15 characters" + rejected
  }

  private func listenerType(_ mapping: YAMLMapping, path: String, reader: inout FieldReader)
    -> Located<ListenerType>?
  {
    guard let node = reader.value(mapping, "type", path: path, required: true) else { return nil }
    if !isV1, node.scalar?.text == ListenerType.tlsRoute.rawValue {
      reader.report(
        FieldReader.invalidValue,
        "\(path).type 'tlsroute' exists only in kafka.strimzi.io/v1 (Strimzi 1.1 and later); "
          + "the v1beta2 CRD rejects it", at: node.location)
      return nil
    }
    let allowed = isV1 ? Self.types : Self.types.filter { $0 != ListenerType.tlsRoute.rawValue }
    guard let text = reader.oneOf(node, allowed, path: "\(path).type"),
      let type = ListenerType(rawValue: text.value)
    else { return nil }
    return Located(type, at: text.location)
  }

  private func authentication(_ auth: YAMLMapping, path: String, reader: inout FieldReader)
    -> (Located<AuthenticationType>?, Located<Bool>?)
  {
    guard let node = reader.value(auth, "type", path: path, required: true) else {
      return (nil, nil)
    }
    if isV1, node.scalar?.text == AuthenticationType.oauth.rawValue {
      reader.report(
        FieldReader.invalidValue,
        "\(path).type 'oauth' is not in kafka.strimzi.io/v1: Strimzi 1.0 removed OAuth "
          + "authentication from the operator; use type 'custom' with the OAuth settings in "
          + "listenerConfig", at: node.location)
      return (nil, nil)
    }
    let allowed = AuthenticationType.allCases.map(\.rawValue).filter { isV1 ? $0 != "oauth" : true }
    guard let text = reader.oneOf(node, allowed, path: "\(path).type"),
      let type = AuthenticationType(rawValue: text.value)
    else { return (nil, nil) }

    var sasl: Located<Bool>?
    switch type {
    case .tls, .scramSha512:
      reader.checkKeys(auth, allowed: ["type"], path: path)
    case .custom:
      // `secrets` (mounted into the pod) is a v1beta2 field that v1 no longer has.
      let fields = ["type", "sasl", "listenerConfig"] + (isV1 ? [] : ["secrets"])
      reader.checkKeys(auth, allowed: fields, path: path)
      if !isV1 { _ = reader.sequence(auth, "secrets", path: path) }
      sasl = reader.boolean(auth, "sasl", path: path)
      _ = reader.mapping(auth, "listenerConfig", path: path)
    case .oauth:
      reader.checkKeys(auth, allowed: ["type"] + Self.oauthFields, path: path)
    }
    return (Located(type, at: text.location), sasl)
  }

  private func configuration(_ config: YAMLMapping, path: String, reader: inout FieldReader)
    -> ListenerConfiguration
  {
    reader.checkKeys(
      config, allowed: Self.configurationFields, v1Only: Self.v1OnlyConfigurationFields,
      isV1: isV1, path: path)
    var result = ListenerConfiguration()
    if let bootstrap = reader.mapping(config, "bootstrap", path: path) {
      result.bootstrap = self.bootstrap(bootstrap, path: "\(path).bootstrap", reader: &reader)
    }
    if let brokers = reader.sequence(config, "brokers", path: path) {
      result.brokers = brokers.items.enumerated().compactMap { index, node in
        broker(node, path: "\(path).brokers[\(index)]", reader: &reader)
      }
    }
    if let certificate = reader.mapping(config, "brokerCertChainAndKey", path: path) {
      let certificatePath = "\(path).brokerCertChainAndKey"
      reader.checkKeys(certificate, allowed: Self.certificateFields, path: certificatePath)
      let secretName = reader.kubernetesString(
        certificate, "secretName", path: certificatePath, required: true)
      let certificateName = reader.kubernetesString(
        certificate, "certificate", path: certificatePath, required: true)
      let key = reader.kubernetesString(certificate, "key", path: certificatePath, required: true)
      if let secretName, let certificateName, let key {
        result.brokerCertChainAndKey = CertificateReference(
          secretName: secretName, certificate: certificateName, key: key)
      }
    }
    result.className = reader.kubernetesString(config, "class", path: path)
    result.externalTrafficPolicy = reader.oneOf(
      config, "externalTrafficPolicy", ["Local", "Cluster"], path: path)
    result.loadBalancerSourceRanges = reader.stringList(
      config, "loadBalancerSourceRanges", path: path)
    result.ipFamilyPolicy = reader.oneOf(
      config, "ipFamilyPolicy", ["SingleStack", "PreferDualStack", "RequireDualStack"], path: path)
    if let families = reader.sequence(config, "ipFamilies", path: path) {
      result.ipFamilies = families.items.enumerated().compactMap { index, node in
        reader.oneOf(node, ["IPv4", "IPv6"], path: "\(path).ipFamilies[\(index)]")
      }
    }
    result.createBootstrapService = reader.boolean(config, "createBootstrapService", path: path)
    result.finalizers = reader.stringList(config, "finalizers", path: path)
    result.useServiceDnsDomain = reader.boolean(config, "useServiceDnsDomain", path: path)
    result.maxConnections = reader.integer(config, "maxConnections", path: path)
    result.maxConnectionCreationRate = reader.integer(
      config, "maxConnectionCreationRate", path: path)
    result.preferredNodePortAddressType = preferredNodePortAddressType(
      config, path: path, reader: &reader)
    result.publishNotReadyAddresses = reader.boolean(config, "publishNotReadyAddresses", path: path)
    result.hostTemplate = reader.kubernetesString(config, "hostTemplate", path: path)
    result.advertisedHostTemplate = reader.kubernetesString(
      config, "advertisedHostTemplate", path: path)
    result.allocateLoadBalancerNodePorts = reader.boolean(
      config, "allocateLoadBalancerNodePorts", path: path)
    result.externalIPs = reader.stringList(config, "externalIPs", path: path)
    // Fields a v1beta2 CRD does not define are dropped by Kubernetes, so they stay out of the
    // model (their keys were reported above).
    guard isV1 else { return result }
    result.advertisedPortTemplate = reader.kubernetesString(
      config, "advertisedPortTemplate", path: path)
    result.perBrokerAnnotationsTemplate = reader.stringMap(
      config, "perBrokerAnnotationsTemplate", path: path)
    result.perBrokerLabelsTemplate = reader.stringMap(config, "perBrokerLabelsTemplate", path: path)
    if let references = reader.sequence(config, "parentRefs", path: path) {
      result.parentRefs = references.items.enumerated().compactMap { index, node in
        parentReference(node, path: "\(path).parentRefs[\(index)]", reader: &reader)
      }
    }
    return result
  }

  /// The CRD's enum is case-sensitive, so the API server rejects `internalIP` even though the
  /// operator itself would parse it; the model keeps the canonical spelling.
  private func preferredNodePortAddressType(
    _ config: YAMLMapping, path: String, reader: inout FieldReader
  ) -> Located<String>? {
    let key = "preferredNodePortAddressType"
    guard let node = reader.value(config, key, path: path, required: false),
      let value = reader.oneOf(
        node, Self.nodeAddressTypes, path: "\(path).\(key)", caseInsensitive: true)
    else { return nil }
    if let written = node.scalar?.text, written != value.value {
      reader.report(
        FieldReader.invalidValue,
        "\(path).\(key) must be spelled \(quoted(value.value)), not \(quoted(written)): the "
          + "CRD's enum is case-sensitive, so the API server rejects the resource (the operator "
          + "itself would accept any case)", at: node.location)
    }
    return value
  }

  private func bootstrap(_ mapping: YAMLMapping, path: String, reader: inout FieldReader)
    -> BootstrapConfiguration
  {
    reader.checkKeys(mapping, allowed: Self.bootstrapFields, path: path)
    var result = BootstrapConfiguration(location: mapping.location)
    result.alternativeNames = reader.stringList(mapping, "alternativeNames", path: path)
    result.host = reader.kubernetesString(mapping, "host", path: path)
    result.nodePort = reader.integer(mapping, "nodePort", path: path)
    result.loadBalancerIP = reader.kubernetesString(mapping, "loadBalancerIP", path: path)
    result.externalIPs = reader.stringList(mapping, "externalIPs", path: path)
    result.annotations = reader.stringMap(mapping, "annotations", path: path)
    result.labels = reader.stringMap(mapping, "labels", path: path)
    return result
  }

  private func broker(_ node: YAMLNode, path: String, reader: inout FieldReader) -> BrokerOverride?
  {
    guard let mapping = node.mapping else {
      reader.report(
        FieldReader.wrongType, "\(path) must be a mapping, not \(node.kindDescription)",
        at: node.location)
      return nil
    }
    reader.checkKeys(mapping, allowed: Self.brokerFields, path: path)
    let id = reader.integer(mapping, "broker", path: path, required: true)
    let advertisedHost = reader.kubernetesString(mapping, "advertisedHost", path: path)
    let advertisedPort = reader.integer(mapping, "advertisedPort", path: path)
    let host = reader.kubernetesString(mapping, "host", path: path)
    let nodePort = reader.integer(mapping, "nodePort", path: path)
    let loadBalancerIP = reader.kubernetesString(mapping, "loadBalancerIP", path: path)
    let externalIPs = reader.stringList(mapping, "externalIPs", path: path)
    let annotations = reader.stringMap(mapping, "annotations", path: path)
    let labels = reader.stringMap(mapping, "labels", path: path)
    guard let id else { return nil }
    var result = BrokerOverride(broker: id, location: mapping.location)
    result.advertisedHost = advertisedHost
    result.advertisedPort = advertisedPort
    result.host = host
    result.nodePort = nodePort
    result.loadBalancerIP = loadBalancerIP
    result.externalIPs = externalIPs
    result.annotations = annotations
    result.labels = labels
    return result
  }

  private func parentReference(_ node: YAMLNode, path: String, reader: inout FieldReader)
    -> ParentReference?
  {
    guard let mapping = node.mapping else {
      reader.report(
        FieldReader.wrongType, "\(path) must be a mapping, not \(node.kindDescription)",
        at: node.location)
      return nil
    }
    reader.checkKeys(mapping, allowed: Self.parentReferenceFields, path: path)
    let group = reader.kubernetesString(mapping, "group", path: path)
    let kind = reader.kubernetesString(mapping, "kind", path: path)
    let name = reader.kubernetesString(mapping, "name", path: path, required: true)
    let namespace = reader.kubernetesString(mapping, "namespace", path: path)
    let port = reader.integer(mapping, "port", path: path)
    let sectionName = reader.kubernetesString(mapping, "sectionName", path: path)
    guard let name else { return nil }
    return ParentReference(
      group: group, kind: kind, name: name, namespace: namespace, port: port,
      sectionName: sectionName)
  }
}
