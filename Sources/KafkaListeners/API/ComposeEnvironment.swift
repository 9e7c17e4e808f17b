extension KafkaListeners {
  /// Adds what compose projects among `files` read from disk besides the compose files: the
  /// `.env` file next to each project (interpolation variables) and the `env_file` files its
  /// services name. Files that are missing are left out; the reader reports required ones.
  public static func composeFiles(
    for files: [SourceFile], configuration: Configuration, limits: Limits = Limits()
  ) -> Configuration {
    var configuration = configuration
    var yamlFiles: [YAMLFile] = []
    for file in files where file.kind == .yaml {
      // Parsing twice costs time on large inputs; only files with a top-level `services:` key
      // can be compose files.
      guard case .bytes(let bytes) = file.content, startsLine(with: "services:", in: bytes) else {
        continue
      }
      let parsed = YAMLReader.read(path: file.path, bytes: bytes)
      if parsed.documents.contains(where: ComposeReader.isCompose) { yamlFiles.append(parsed) }
    }
    for file in yamlFiles {
      let directory = ComposeReader.directory(of: file.path)
      if configuration.composeDotEnv[directory] == nil {
        var variables: [String: String] = [:]
        if case .bytes(let bytes) = FileReading.read(
          directory + "/.env", limit: limits.maxFileBytes)
        {
          let text = String(decoding: bytes, as: UTF8.self)
          for entry in ComposeInterpolation.parseEnvFile(text, interpolating: [:]) {
            if let value = entry.value { variables[entry.name] = value }
          }
        }
        configuration.composeDotEnv[directory] = variables
      }
      for reference in ComposeReader.envFileReferences(file) {
        let path = reference.hasPrefix("/") ? reference : directory + "/" + reference
        guard configuration.composeEnvFiles[path] == nil else { continue }
        if case .bytes(let bytes) = FileReading.read(path, limit: limits.maxFileBytes) {
          configuration.composeEnvFiles[path] = String(decoding: bytes, as: UTF8.self)
        }
      }
    }
    return configuration
  }

  /// Whether some line of `bytes` starts with `prefix`.
  static func startsLine(with prefix: String, in bytes: [UInt8]) -> Bool {
    let needle = Array(prefix.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      var index = 0
      var atLineStart = true
      while index < count {
        if atLineStart, index + needle.count <= count {
          var offset = 0
          while offset < needle.count, buffer[index + offset] == needle[offset] { offset += 1 }
          if offset == needle.count { return true }
        }
        atLineStart = buffer[index] == 0x0A
        index += 1
      }
      return false
    }
  }


  /// The reachability table of every compose project among `files`: which client position can
  /// use which listener of which broker.
  public static func composeReachability(_ files: [SourceFile], configuration: Configuration)
    -> [ComposeReachabilityRow]
  {
    let input = LintInput(files: files, configuration: configuration)
    return input.composeProjects.flatMap { project in
      ComposeAnalysis.table(
        project,
        brokers: input.composeBrokers.filter { broker in
          project.services.contains {
            $0.name.value == broker.name && $0.location == broker.service.location
          }
        })
    }
  }

  /// Every Kafka service of the compose projects among `files`, with the configuration its image
  /// builds.
  public static func composeBrokers(_ files: [SourceFile], configuration: Configuration)
    -> [ComposeBroker]
  {
    LintInput(files: files, configuration: configuration).composeBrokers
  }
}

/// One compose project's generated configuration: each Kafka service as its image builds it,
/// and which client position can use which listener.
public struct ComposeGeneration: Sendable {
  /// The project name.
  public var project: String
  /// The first compose file of the project.
  public var source: String
  /// The Kafka services, sorted by service name.
  public var brokers: [ComposeBroker]
  /// The reachability table.
  public var reachability: [ComposeReachabilityRow]
}

extension KafkaListeners {
  /// The generated configuration of every compose project among `paths`.
  public static func generateCompose(
    paths: [String], configuration: Configuration = Configuration(), limits: Limits = Limits()
  ) throws(ToolError) -> [ComposeGeneration] {
    let files = try InputCollector(limits: limits).collect(paths)
    let configuration = composeFiles(for: files, configuration: configuration, limits: limits)
    return generateCompose(files, configuration: configuration)
  }

  /// Lints the inputs once and derives both every cluster's per-node listener configuration
  /// and every compose project's generated configuration.
  public static func generateIncludingCompose(
    paths: [String], configuration: Configuration = Configuration(), limits: Limits = Limits()
  ) throws(ToolError) -> (
    report: LintReport, clusters: [DerivedCluster], compose: [ComposeGeneration]
  ) {
    var (input, configuration, fileCount) = try prepare(
      paths: paths, configuration: configuration, limits: limits)
    // Generating is how drift is repaired, so drift (KL501) must not stop it.
    configuration.rules[ConfigurationDrift.code] = .off
    let report = Linter(configuration: configuration).lint(input, fileCount: fileCount)
    return (report, input.derivedClusters, generations(input))
  }

  /// The generated configuration of every compose project among in-memory `files`.
  public static func generateCompose(_ files: [SourceFile], configuration: Configuration)
    -> [ComposeGeneration]
  {
    generations(LintInput(files: files, configuration: configuration))
  }

  static func generations(_ input: LintInput) -> [ComposeGeneration] {
    input.composeProjects.map { project in
      let brokers = input.composeBrokers.filter { broker in
        project.services.contains { $0.location == broker.service.location }
      }
      return ComposeGeneration(
        project: project.name, source: project.files.first ?? "", brokers: brokers,
        reachability: ComposeAnalysis.table(project, brokers: brokers))
    }
  }
}
