/// KL207: an element of `listener.security.protocol.map` that Kafka cannot split into a listener
/// name and a protocol: no `:`, or nothing at all between two commas.
public struct MalformedSecurityProtocolMap: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL207", name: "malformed-security-protocol-map", severity: .error,
    summary: "An element of `listener.security.protocol.map` is not `NAME:PROTOCOL`.",
    rationale: """
      Kafka splits `listener.security.protocol.map` at commas and each element at its last \
      `:`. An element without a colon (`EXTERNAL=SSL`, `EXTERNAL SSL`) or an empty element \
      (a leading comma, or `a:b,,c:d`) makes that split throw, and the broker stops with the \
      JDK's terse index error. A trailing comma is harmless: Java drops trailing empty \
      elements. Write each element as `NAME:PROTOCOL` and separate them with single commas.
      """,
    origin: .kafka(
      message: "Error parsing configuration property 'listener.security.protocol.map': "
        + "<JDK detail>"),
    triggering: [
      RuleExample(
        "server.properties",
        "listener.security.protocol.map=INTERNAL:PLAINTEXT,↓EXTERNAL=SSL\n"),
      RuleExample(
        "server.properties",
        "listener.security.protocol.map=INTERNAL:PLAINTEXT,↓,EXTERNAL:SSL\n"),
      RuleExample(
        "server.properties", "listener.security.protocol.map=↓,INTERNAL:PLAINTEXT\n"),
    ],
    passing: [
      RuleExample(
        "server.properties",
        "listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL\n"),
      RuleExample(
        "server.properties",
        "listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,\n"),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for config in input.brokerConfigurations {
      for (element, detail) in config.securityMap.malformed {
        // An empty element sits on the comma that follows it (trailing ones are dropped).
        let what =
          element.text.isEmpty
          ? "listener.security.protocol.map has an empty element here (a stray comma)"
          : "\(quoted(element.text)) in listener.security.protocol.map has no ':' between "
            + "listener name and protocol"
        diagnostics.append(
          metadata.diagnostic(
            "\(what); "
              + kafkaFails(
                config.version,
                "Error parsing configuration property 'listener.security.protocol.map': "
                  + detail),
            at: element.location))
      }
    }
    return diagnostics
  }
}
