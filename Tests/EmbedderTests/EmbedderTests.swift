// Written as another package would use the library: only `import KafkaListeners` and its public
// API, no `@testable`.
import KafkaListeners
import Testing

@Suite struct EmbedderTests {
  @Test func lintInMemoryProperties() {
    let report = KafkaListeners.lint([
      SourceFile(
        path: "broker.properties",
        text: """
          process.roles=broker,controller
          node.id=1
          controller.quorum.voters=1@kafka-1.example.com:9093
          controller.listener.names=CONTROLLER
          listeners=PLAINTEXT://:9092,CONTROLLER://:9092
          advertised.listeners=PLAINTEXT://kafka-1.example.com:9092

          """)
    ])
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code).contains("KL204"))
    let portError = errors.first { $0.code == "KL204" }
    #expect(portError?.location.line == 5)
    #expect(portError?.location.column == 29)
    #expect(report.exitCode(strict: false) == 1)
    #expect(JSONReportRenderer.render(report).contains("\"rule\": \"KL204\""))
  }

  @Test func configurationChangesSeverityAndVersion() {
    var configuration = Configuration(kafkaVersion: KafkaVersion(3, 9))
    configuration.rules["KL301"] = .off
    configuration.rules["KL302"] = .severity(.error)
    let file = SourceFile(
      path: "server.properties",
      text: "zookeeper.connect=zk:2181\nbroker.id=1\nlisteners=PLAINTEXT://:9092\n")
    let report = KafkaListeners.lint([file], configuration: configuration)
    #expect(report.diagnostics.map(\.code) == ["KL302"])
    #expect(report.diagnostics.first?.severity == .error)
  }

  @Test func generateFromAStrimziResource() {
    let kafka = """
      apiVersion: kafka.strimzi.io/v1
      kind: Kafka
      metadata:
        name: orders
        namespace: kafka
      spec:
        kafka:
          listeners:
            - name: plain
              port: 9092
              type: internal
              tls: false
      ---
      apiVersion: kafka.strimzi.io/v1
      kind: KafkaNodePool
      metadata:
        name: mixed
        namespace: kafka
        labels:
          strimzi.io/cluster: orders
      spec:
        replicas: 1
        roles: [controller, broker]
        storage:
          type: ephemeral

      """
    let (report, clusters) = KafkaListeners.generate([SourceFile(path: "kafka.yaml", text: kafka)])
    #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
    let node = clusters.first?.nodes.first
    #expect(node?.id == 0)
    #expect(
      node?["advertised.listeners"]
        == "CONTROLPLANE-9090://orders-mixed-0.orders-kafka-brokers.kafka.svc:9090,"
        + "REPLICATION-9091://orders-mixed-0.orders-kafka-brokers.kafka.svc:9091,"
        + "PLAIN-9092://orders-mixed-0.orders-kafka-brokers.kafka.svc:9092")
  }

  @Test func rulesAreDocumented() {
    let rules = KafkaListeners.rules
    #expect(rules.count > 50)
    #expect(rules.allSatisfy { !$0.metadata.triggering.isEmpty && !$0.metadata.passing.isEmpty })
    #expect(RuleRegistry.rule("duplicate-key")?.metadata.code == "KL007")
    #expect(RuleDocumentation.explain(RuleRegistry.all[0]).hasPrefix("KL001 unreadable-file"))
  }

  @Test func missingPathIsAToolError() {
    #expect(throws: ToolError.noSuchFile("no/such/file.properties")) {
      try KafkaListeners.lint(paths: ["no/such/file.properties"])
    }
  }
}
