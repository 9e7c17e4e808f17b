extension Linter {
  /// Kafka's own startup checks (KL2xx, and KL304 within one broker) on the configuration each
  /// compose service's image writes, for the Kafka version its image tag runs.
  func composeKafkaDiagnostics(_ input: LintInput) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for composeInput in input.composeKafkaInputs {
      for rule in rules {
        let metadata = rule.metadata
        guard metadata.code.hasPrefix("KL2") || metadata.code == "KL304" else { continue }
        let setting = configuration.rules[metadata.code]
        if setting == .off { continue }
        if let versions = metadata.versions, !versions.contains(composeInput.kafkaVersion) {
          continue
        }
        var found = rule.check(composeInput)
        if case .severity(let severity) = setting {
          for index in found.indices { found[index].severity = severity }
        }
        diagnostics += found
      }
    }
    return diagnostics
  }
}
