/// Redpanda: listeners come from `redpanda start` flags, matched to advertised addresses by name.
enum RedpandaImage {
  static func emulate(_ context: inout ImageContext) {
    var flags: [String: ComposeValue] = [:]
    let items = context.service.command
    var index = 0
    while index < items.count {
      let item = items[index].text
      if item.hasPrefix("--") {
        if let eq = item.firstIndex(of: "=") ?? item.firstIndex(of: " ") {
          let flag = String(item[..<eq])
          var location = items[index].location
          location.column += flag.count + 1
          flags[flag] = ComposeValue(
            text: String(item[item.index(after: eq)...]).composeTrimmed(), location: location,
            unresolved: items[index].unresolved)
        } else if index + 1 < items.count, !items[index + 1].text.hasPrefix("--") {
          flags[item] = items[index + 1]
          index += 1
        }
      }
      index += 1
    }
    func parse(_ value: ComposeValue?) -> [(
      name: String, host: String, port: Int?, location: SourceLocation
    )] {
      guard let value else { return [] }
      var column = value.location.column
      var result: [(String, String, Int?, SourceLocation)] = []
      for part in value.text.split(separator: ",", omittingEmptySubsequences: false) {
        var location = value.location
        location.column = column
        column += part.count + 1
        var text = Substring(part)
        var name = ""
        if let range = ImageContext.firstRange(of: "://", in: text) {
          name = String(text[..<range.lowerBound])
          text = text[range.upperBound...]
        }
        let colon = text.lastIndex(of: ":")
        let host = colon.map { String(text[..<$0]) } ?? String(text)
        let port = colon.flatMap { Int(text[text.index(after: $0)...]) }
        result.append((name, host, port, location))
      }
      return result
    }
    let binds = parse(flags["--kafka-addr"])
    let advertised = parse(flags["--advertise-kafka-addr"])
    if let value = flags["--kafka-addr"] {
      context.set("kafka_api", derived: value.text, at: value.location, provenance: "--kafka-addr")
    }
    if let value = flags["--advertise-kafka-addr"] {
      context.set(
        "advertised_kafka_api", derived: value.text, at: value.location,
        provenance: "--advertise-kafka-addr")
    }
    context.listeners = binds.map { bind in
      let ad = advertised.first { $0.name == bind.name }
      return ComposeListener(
        name: bind.name, bindHost: bind.host, bindPort: bind.port, bindLocation: bind.location,
        advertisedHost: ad?.host ?? bind.host, advertisedPort: ad?.port ?? bind.port,
        advertisedLocation: ad?.location ?? bind.location,
        unresolved: flags["--advertise-kafka-addr"]?.unresolved ?? [], isController: false,
        isAdvertised: true)
    }
  }
}
