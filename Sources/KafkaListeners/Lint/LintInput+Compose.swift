extension LintInput {
  /// Services, ports and environment variables of one compose project, counted together, above
  /// which the project is reported (KL012) rather than analysed.
  static let composeSizeLimit = 20_000

  /// Reads the compose projects among the YAML inputs and emulates their Kafka images.
  mutating func readCompose(_ configuration: Configuration) {
    var variables: [String: [String: String]] = [:]
    var directories: Set<String> = Set(configuration.composeDotEnv.keys)
    for file in yamlFiles { directories.insert(ComposeReader.directory(of: file.path)) }
    for directory in directories {
      var merged = configuration.composeDotEnv[directory] ?? [:]
      for (name, value) in configuration.composeVariables { merged[name] = value }
      variables[directory] = merged
    }
    let (projects, issues) = ComposeReader.read(
      yamlFiles, variables: variables, envFiles: configuration.composeEnvFiles)
    composeProjects = projects
    composeIssues = issues.filter { $0.code != "KL016" }.map {
      ComposeFinding(code: $0.code, message: $0.message, location: $0.location, notes: $0.notes)
    }
    clusterIssues.removeAll { $0.code == "KL016" && $0.location.file.isComposeSource(projects) }
    clusterIssues += issues.filter { $0.code == "KL016" }
    composeBrokers = []
    var sources = yamlSources
    for (path, text) in configuration.composeEnvFiles { sources[path] = Array(text.utf8) }
    for project in projects {
      // Image emulation and reachability compare services, ports and variables pairwise; a
      // project far beyond any real one is reported instead of analysed.
      let size = project.services.reduce(0) { $0 + 1 + $1.ports.count + $1.environment.count }
      if size > LintInput.composeSizeLimit {
        clusterIssues.append(
          ReadIssue(
            code: "KL012",
            message: "the compose project has \(project.services.count) services with \(size) "
              + "services, ports and variables together; projects above "
              + "\(LintInput.composeSizeLimit) are not analysed",
            location: project.location))
        continue
      }
      let brokers = ComposeImages.brokers(of: project, sources: sources)
      composeBrokers += brokers
      // Facts about an image or a shared default are said once per project.
      var said: Set<String> = []
      for broker in brokers {
        composeIssues += broker.issues.filter { finding in
          guard finding.code == "KL609" || (finding.code == "KL602" && finding.severity == .note)
          else { return true }
          return said.insert(finding.code + finding.message).inserted
        }
      }
      composeIssues += ComposeAnalysis.analyze(project, brokers: brokers)
    }
  }

  /// The inputs the Kafka startup rules (KL2xx) see for compose services: one input per Kafka
  /// version among the images, holding only the emulated configurations of that version.
  var composeKafkaInputs: [LintInput] {
    var byVersion: [KafkaVersion: [BrokerConfiguration]] = [:]
    for broker in composeBrokers {
      if let configuration = broker.configuration {
        byVersion[broker.kafkaVersion, default: []].append(configuration)
      }
    }
    return byVersion.keys.sorted().map { version in
      var input = LintInput(files: [], kafkaVersion: version)
      input.brokerConfigurations = byVersion[version] ?? []
      return input
    }
  }
}

extension String {
  fileprivate func isComposeSource(_ projects: [ComposeProject]) -> Bool {
    projects.contains { $0.files.contains(self) }
  }
}
