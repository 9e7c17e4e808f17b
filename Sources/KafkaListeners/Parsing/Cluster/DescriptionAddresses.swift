/// `spec.addresses` (what only the running Kubernetes cluster knows: node and load-balancer
/// addresses) and `spec.clients` (where clients sit and which listener they use).
extension DescriptionParser {
  mutating func addresses(
    _ spec: YAMLMapping, nodeIDs: [Int], brokerIDs: [Int], listeners: [Listener]
  ) -> KnownAddresses {
    var result = KnownAddresses()
    guard
      allowedOnPlatform(
        spec, "addresses", path: "spec", only: .kubernetes,
        because: "it gives addresses of Kubernetes nodes and load balancers; give each node's "
          + "host in spec.nodes instead"),
      let mapping = reader.mapping(spec, "addresses", path: "spec")
    else { return result }
    let path = "spec.addresses"
    reader.checkKeys(mapping, allowed: keys(path), path: path)

    var seenNodes: [Int: SourceLocation] = [:]
    for (index, item) in items(mapping, "nodes", path: path) {
      let itemPath = "\(path).nodes[\(index)]"
      reader.checkKeys(item, allowed: keys("spec.addresses.nodes[]"), path: itemPath)
      let node = reader.integer(
        item, "node", path: itemPath, required: true, range: 0...DescriptionReader.maxNodeID)
      var addresses: [String: Located<String>] = [:]
      for type in Self.addressTypes {
        if let value = string(item, type, path: itemPath, nonEmpty: true) {
          addresses[type] = value
        }
      }
      if !Self.addressTypes.contains(where: { item[$0].map { !$0.isNull } ?? false }) {
        reader.report(
          FieldReader.missingField,
          "\(itemPath) gives no address; add at least one of "
            + Self.addressTypes.joined(separator: ", "),
          at: item.location)
      }
      guard let node else { continue }
      if !nodeIDs.isEmpty, !nodeIDs.contains(node.value) {
        reader.report(
          FieldReader.invalidValue,
          "\(itemPath).node \(node.value) is not a node of this cluster (node ids "
            + nodeIDs.sorted().map(String.init).joined(separator: ", ") + ")",
          at: node.location)
        continue
      }
      if let first = seenNodes[node.value] {
        duplicate("\(itemPath).node \(node.value) is listed twice", at: node.location, first: first)
        continue
      }
      seenNodes[node.value] = node.location
      result.nodeAddresses[node.value] = addresses
    }

    var seenListeners: [String: SourceLocation] = [:]
    for (index, item) in items(mapping, "loadBalancers", path: path) {
      let itemPath = "\(path).loadBalancers[\(index)]"
      reader.checkKeys(item, allowed: keys("spec.addresses.loadBalancers[]"), path: itemPath)
      let listenerName = string(item, "listener", path: itemPath, required: true)
      var addresses = LoadBalancerAddresses()
      addresses.bootstrap = string(item, "bootstrap", path: itemPath, nonEmpty: true)
      var seenBrokers: [Int: SourceLocation] = [:]
      for (brokerIndex, entry) in items(item, "brokers", path: itemPath) {
        let entryPath = "\(itemPath).brokers[\(brokerIndex)]"
        reader.checkKeys(
          entry, allowed: keys("spec.addresses.loadBalancers[].brokers[]"), path: entryPath)
        let broker = reader.integer(
          entry, "broker", path: entryPath, required: true, range: 0...DescriptionReader.maxNodeID)
        let host = string(entry, "host", path: entryPath, required: true, nonEmpty: true)
        guard let broker, let host else { continue }
        if !brokerIDs.isEmpty, !brokerIDs.contains(broker.value) {
          reader.report(
            FieldReader.invalidValue,
            "\(entryPath).broker \(broker.value) is not a broker of this cluster (broker ids "
              + brokerIDs.sorted().map(String.init).joined(separator: ", ") + ")",
            at: broker.location)
          continue
        }
        if let first = seenBrokers[broker.value] {
          duplicate(
            "\(entryPath).broker \(broker.value) is listed twice", at: broker.location, first: first
          )
          continue
        }
        seenBrokers[broker.value] = broker.location
        addresses.brokers[broker.value] = host
      }
      if item["bootstrap"].map(\.isNull) ?? true, item["brokers"].map(\.isNull) ?? true {
        reader.report(
          FieldReader.missingField,
          "\(itemPath) gives no address; add bootstrap, brokers or both", at: item.location)
      }
      guard let listenerName,
        let listener = listener(named: listenerName, path: "\(itemPath).listener", in: listeners)
      else { continue }
      if listener.type.value != .loadBalancer {
        reader.issues.append(
          ReadIssue(
            code: FieldReader.invalidValue,
            message: "\(itemPath).listener \(quoted(listenerName.value)) is a "
              + "\(listener.type.value.rawValue) listener; load-balancer addresses apply only to "
              + "type loadbalancer",
            location: listenerName.location,
            notes: [Diagnostic.Note("the listener's type is set here", at: listener.type.location)]
          ))
        continue
      }
      if let first = seenListeners[listenerName.value] {
        duplicate(
          "\(itemPath).listener \(quoted(listenerName.value)) is listed twice",
          at: listenerName.location, first: first)
        continue
      }
      seenListeners[listenerName.value] = listenerName.location
      result.loadBalancers[listenerName.value] = addresses
    }
    return result
  }

  mutating func clients(_ spec: YAMLMapping, listeners: [Listener]) -> [ClientGroup] {
    var result: [ClientGroup] = []
    var seen: [String: SourceLocation] = [:]
    for (index, item) in items(spec, "clients", path: "spec") {
      let path = "spec.clients[\(index)]"
      reader.checkKeys(item, allowed: keys("spec.clients[]"), path: path)
      let name = string(item, "name", path: path, required: true, nonEmpty: true)
      let position = reader.oneOf(
        item, "position", ClientGroup.Position.allCases.map(\.rawValue), path: path,
        required: true
      ).flatMap { written in
        ClientGroup.Position(rawValue: written.value).map { Located($0, at: written.location) }
      }
      var network: Located<String>?
      if position?.value == .network {
        if item["network"].map(\.isNull) ?? true {
          reader.report(
            FieldReader.missingField,
            "\(path) is missing the required field 'network': position network needs the name "
              + "of the network the clients are in (a Docker network, a VPC)",
            at: item.location)
        } else {
          network = string(item, "network", path: path, nonEmpty: true)
        }
      } else if let position, let keyNode = item.keyNode("network"),
        item["network"]?.isNull == false
      {
        reader.report(
          FieldReader.invalidValue,
          "\(path).network applies only to position network, not \(position.value.rawValue)",
          at: keyNode.location)
      }
      let listenerName = string(item, "listener", path: path, required: true)
      let listener = listenerName.flatMap {
        self.listener(named: $0, path: "\(path).listener", in: listeners)
      }
      guard let name, let position, let listenerName, listener != nil else { continue }
      if let first = seen[name.value] {
        duplicate(
          "\(path).name \(quoted(name.value)) is already the name of another client group",
          at: name.location, first: first)
        continue
      }
      seen[name.value] = name.location
      result.append(
        ClientGroup(
          name: name, position: position, network: network, listener: listenerName,
          location: item.location))
    }
    return result
  }

  /// The listener a reference names; a reference to no listener is reported (with a
  /// suggestion), except when it names a listener that was written but could not be read.
  mutating func listener(
    named reference: Located<String>, path: String, in listeners: [Listener]
  ) -> Listener? {
    if let listener = listeners.first(where: { $0.name.value == reference.value }) {
      return listener
    }
    if writtenListenerNames.contains(reference.value) { return nil }
    var message = "\(path) \(quoted(reference.value)) names no listener of spec.listeners"
    let lowered = reference.value.lowercased()
    if let listener = listeners.first(where: {
      $0.kafkaName.lowercased() == lowered || $0.identifier == lowered
    }) {
      message +=
        "; use the listener's name \(quoted(listener.name.value)), not its Kafka listener name"
    } else if let suggestion = Suggestions.closest(
      to: reference.value, in: listeners.map(\.name.value))
    {
      message += "; did you mean \(quoted(suggestion.match))?"
    } else if !listeners.isEmpty {
      message += " (" + listeners.map(\.name.value).joined(separator: ", ") + ")"
    }
    reader.report(FieldReader.invalidValue, message, at: reference.location)
    return nil
  }

  /// Reports a repeated entry, with a note at the first.
  mutating func duplicate(_ message: String, at location: SourceLocation, first: SourceLocation) {
    reader.issues.append(
      ReadIssue(
        code: FieldReader.invalidValue, message: message, location: location,
        notes: [Diagnostic.Note("first listed here", at: first)]))
  }
}
