import ArgumentParser
import KafkaListeners

enum GenerateFormat: String, ExpressibleByArgument, CaseIterable {
  case properties, json, env
}

extension GenerateRenderer.EnvStyle: ExpressibleByArgument {}

struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Derive each node's listener properties from Strimzi resources or a cluster description.",
    discussion: """
      Nothing is written while the inputs have error diagnostics; they are printed instead \
      (exit 1). --check writes nothing and exits 1 when the files on disk differ from what \
      would be generated.
      """)

  @Argument(help: "Strimzi Kafka/KafkaNodePool files and cluster descriptions.")
  var paths: [String]

  @Option(help: "Output format.")
  var format: GenerateFormat = .properties

  @Option(help: "Variable names for --format env: apache (apache/kafka, Confluent) or bitnami.")
  var envStyle: GenerateRenderer.EnvStyle = .apache

  @Option(help: "Only this node id.")
  var node: Int?

  @Option(help: ArgumentHelp("Write one file per node into this directory.", valueName: "dir"))
  var outputDir: String?

  @Option(
    help: ArgumentHelp(
      "Rewrite this server.properties in place with the node's listener keys (needs --node).",
      valueName: "file"))
  var mergeInto: String?

  @Flag(help: "Write nothing; exit 1 when the files on disk differ from what would be generated.")
  var check = false

  @Option(help: ArgumentHelp("Configuration file (default: .kafka-listeners.yaml found upward).", valueName: "file"))
  var config: String?

  @OptionGroup var compose: ComposeOptions

  func validate() throws {
    if mergeInto != nil && node == nil {
      throw ValidationError("--merge-into needs --node to say which node the file belongs to")
    }
    if mergeInto != nil && outputDir != nil {
      throw ValidationError("--merge-into and --output-dir cannot be used together")
    }
    if check && mergeInto == nil && outputDir == nil {
      throw ValidationError("--check needs --merge-into or --output-dir to compare with")
    }
  }

  func run() throws {
    var configuration = Configuration()
    if let config {
      configuration = try KafkaListeners.loadConfiguration(path: config)
    } else if let found = KafkaListeners.findConfiguration(from: ".") {
      configuration = try KafkaListeners.loadConfiguration(path: found)
    }
    compose.apply(to: &configuration)
    let result = try KafkaListeners.generateIncludingCompose(
      paths: paths, configuration: configuration)
    keepUntilExit(result)
    let errors = result.report.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty || result.report.unreadableFileCount > 0 {
      Output.error(TextRenderer(color: false).render(LintReport(diagnostics: errors, fileCount: result.report.fileCount)))
      Output.error("error: nothing was generated because the inputs have errors")
      throw ExitCode(result.report.unreadableFileCount > 0 ? 2 : 1)
    }
    let clusters = result.clusters
    let compose = result.compose.filter { !$0.brokers.isEmpty }
    if !compose.isEmpty, mergeInto == nil, outputDir == nil, node == nil, format != .env {
      // Compose services: the configuration each image builds, and who can reach which listener.
      switch format {
      case .json: Output.write(ComposeRenderer.json(clusters: clusters, compose: compose))
      case .properties, .env: Output.write(ComposeRenderer.properties(compose))
      }
      return
    }
    if clusters.isEmpty {
      throw ToolError.noClusters(paths.joined(separator: " "))
    }
    if let node, !clusters.contains(where: { $0.nodes.contains { $0.id == node } }) {
      throw ToolError.noSuchNode(node)
    }
    let size = GenerateLimits.propertyBytes(clusters, node: node)
    if size > GenerateLimits.maxOutputBytes {
      throw ToolError.outputTooLarge(size, limit: GenerateLimits.maxOutputBytes)
    }

    if let mergeInto {
      try merge(into: mergeInto, clusters: clusters)
      return
    }
    if let outputDir {
      try writeFiles(to: outputDir, clusters: clusters)
      return
    }
    switch format {
    case .json:
      Output.write(GenerateRenderer.json(clusters, nodeFilter: node))
    case .properties, .env:
      var blocks: [String] = []
      for cluster in clusters {
        for derived in cluster.nodes where node == nil || derived.id == node {
          blocks.append(render(cluster, derived))
        }
      }
      Output.write(blocks.joined(separator: "\n"))
    }
  }

  private func render(_ cluster: DerivedCluster, _ node: DerivedNode) -> String {
    format == .env
      ? GenerateRenderer.environment(cluster, node, style: envStyle)
      : GenerateRenderer.properties(cluster, node)
  }

  private func writeFiles(to directory: String, clusters: [DerivedCluster]) throws {
    var files: [(path: String, text: String)] = []
    for cluster in clusters {
      if format == .json {
        let name = GenerateRenderer.fileName(cluster, cluster.nodes[0], extension: "json")
          .replacingOccurrences(of: "-node-\(cluster.nodes[0].id)", with: "")
        files.append(("\(directory)/\(name)", GenerateRenderer.json([cluster], nodeFilter: node)))
        continue
      }
      for derived in cluster.nodes where node == nil || derived.id == node {
        let ext = format == .env ? "env" : "properties"
        files.append(
          ("\(directory)/\(GenerateRenderer.fileName(cluster, derived, extension: ext))", render(cluster, derived)))
      }
    }
    if !check { try AtomicFile.createDirectory(directory) }
    var drift = false
    for file in files {
      // A link in the output folder could point anywhere; never read or replace through it.
      if AtomicFile.isSymbolicLink(file.path) {
        throw ToolError.writeFailed(file.path, "it is a symbolic link; refusing to follow or replace it")
      }
      let current = KafkaListeners.readFile(file.path)
      if check {
        if current != Array(file.text.utf8) {
          drift = true
          Output.write("\(file.path): differs from what would be generated\n")
        }
      } else if current != Array(file.text.utf8) {
        try AtomicFile.write(Array(file.text.utf8), to: file.path)
      }
    }
    if drift { throw ExitCode(1) }
  }

  private func merge(into path: String, clusters: [DerivedCluster]) throws {
    guard let node, let cluster = clusters.first(where: { $0.nodes.contains { $0.id == node } }),
      let derived = cluster.nodes.first(where: { $0.id == node })
    else { throw ToolError.noSuchNode(node ?? -1) }
    guard let bytes = KafkaListeners.readFile(path) else { throw ToolError.noSuchFile(path) }
    let file = PropertiesReader.read(path: path, bytes: bytes)
    let differences = PropertiesMerge.differences(file, derived.properties)
    if check {
      for difference in differences {
        let current = difference.current.map { "'\($0)'" } ?? "absent"
        Output.write(
          "\(difference.location): \(difference.key) is \(current), generated '\(difference.wanted)'\n")
      }
      if !differences.isEmpty { throw ExitCode(1) }
      return
    }
    if differences.isEmpty { return }
    try AtomicFile.write(PropertiesMerge.merge(file, derived.properties), to: path)
  }
}
