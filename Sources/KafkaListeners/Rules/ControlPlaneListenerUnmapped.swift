/// KL216: `control.plane.listener.name` names a listener with no security protocol.
public struct ControlPlaneListenerUnmapped: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL216", name: "control-plane-listener-unmapped", severity: .error,
    summary: "`control.plane.listener.name` names a listener that has no security protocol.",
    rationale: """
      In ZooKeeper mode `control.plane.listener.name` (KIP-291) gives the controller's requests \
      a listener of their own. Kafka looks the name up, upper-cased, in \
      `listener.security.protocol.map` and refuses to start when it is missing: the default map \
      only knows `PLAINTEXT`, `SSL`, `SASL_PLAINTEXT` and `SASL_SSL`, so a name such as \
      `CONTROL_PLANE` needs an entry (`CONTROL_PLANE:SSL`). Add the mapping, and the listener \
      itself to `listeners` and `advertised.listeners`. The key exists up to Kafka 3.9; in \
      KRaft mode KL219 reports it instead.
      """,
    origin: .kafka(
      message: "Listener with <NAME> defined in control.plane.listener.name not found in "
        + "listener.security.protocol.map."),
    versions: .through(.v(3, 9)),
    triggering: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=INTERNAL://:9092,EXTERNAL://:9094
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL
        inter.broker.listener.name=INTERNAL
        control.plane.listener.name=↓CONTROL_PLANE

        """, kafkaVersion: .v(3, 6))
    ],
    passing: [
      RuleExample(
        "server.properties",
        """
        broker.id=0
        zookeeper.connect=zk-1:2181
        listeners=INTERNAL://:9092,EXTERNAL://:9094,CONTROL_PLANE://:9095
        advertised.listeners=INTERNAL://kafka-0:9092,EXTERNAL://kafka-0.example.com:9094,\\
          CONTROL_PLANE://kafka-0:9095
        listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL,CONTROL_PLANE:PLAINTEXT
        inter.broker.listener.name=INTERNAL
        control.plane.listener.name=control_plane

        """, kafkaVersion: .v(3, 6))
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // From 3.1 a KRaft node fails on the key itself (KL219), with this message when unmapped.
    for config in input.brokerConfigurations where !config.isKRaft || config.version < .v(3, 1) {
      guard let entry = config.entry("control.plane.listener.name") else { continue }
      let name = entry.value.trimmingJava().uppercased()
      guard config.lacksProtocolOnly(name) else { continue }
      let kafka: String
      let problem: String
      if name.isEmpty && config.version >= .v(3, 6) {
        kafka = "The provided listener name is null or empty string"
        problem = "control.plane.listener.name is empty; remove the key"
      } else {
        kafka =
          "Listener with \(name) defined in control.plane.listener.name not found in "
          + "listener.security.protocol.map."
        let why = config.missingMappingReason
        problem =
          "control.plane.listener.name \(quoted(name)) has no security protocol (\(why)); map "
          + "it and add the listener to listeners and advertised.listeners"
      }
      let notes = config.securityMapNotes
      diagnostics.append(
        metadata.diagnostic(
          problem + "; " + kafkaFails(config.version, kafka), at: entry.valueLocation,
          notes: notes))
    }
    return diagnostics
  }
}
