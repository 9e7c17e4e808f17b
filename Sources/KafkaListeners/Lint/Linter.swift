/// Runs the rules over parsed inputs and applies configuration and inline suppressions.
public struct Linter: Sendable {
  /// The configuration in effect.
  public var configuration: Configuration
  /// The rules to run (all registered rules by default).
  public var rules: [any Rule]

  /// Creates a linter.
  public init(configuration: Configuration = Configuration(), rules: [any Rule] = RuleRegistry.all) {
    self.configuration = configuration
    self.rules = rules
  }

  /// Lints in-memory files. Never throws: every problem in the inputs is a diagnostic.
  public func lint(_ files: [SourceFile]) -> LintReport {
    lint(LintInput(files: files, configuration: configuration), fileCount: files.count)
  }

  /// Lints already parsed inputs.
  public func lint(_ input: LintInput, fileCount: Int) -> LintReport {
    // Analyses are kept for one run: the input's public fields may change between runs.
    let input = input.withNewAnalyses()
    let configuration = configuration
    let active = rules.filter { rule in
      let metadata = rule.metadata
      if configuration.rules[metadata.code] == .off { return false }
      if let versions = metadata.versions, !versions.contains(input.kafkaVersion) { return false }
      return true
    }
    // Rules are independent: on a large input they run on several processors, after the
    // analyses several of them read. Their findings are gathered in rule order, and sorted below.
    let isLarge = input.isLarge
    let tasks =
      (isLarge ? Linter.sharedAnalyses(input, for: active).map(LintTask.analysis) : [])
      + active.map(LintTask.rule)
    let found = Parallel.map(tasks, minimumCount: isLarge ? 2 : .max) { task -> [Diagnostic] in
      switch task {
      case .analysis(let compute):
        compute()
        return []
      case .rule(let rule):
        var found = rule.check(input)
        if case .severity(let severity) = configuration.rules[rule.metadata.code] {
          for index in found.indices { found[index].severity = severity }
        }
        return found
      }
    }
    var diagnostics = found.flatMap { $0 }
    diagnostics += composeKafkaDiagnostics(input)

    let suppressions =
      input.propertiesFiles.flatMap { Suppression.find(in: $0, registry: RuleRegistry.all) }
      + Suppression.find(in: input.clusters, registry: RuleRegistry.all)
    var used = Array(repeating: Set<String>(), count: suppressions.count)
    let index = SuppressionIndex(suppressions)
    diagnostics.removeAll { diagnostic in
      let covering = index.covering(diagnostic)
      for suppression in covering { used[suppression].insert(diagnostic.code) }
      return !covering.isEmpty
    }
    if configuration.rules[UnusedSuppression.code] != .off {
      var unused = UnusedSuppression.diagnostics(for: suppressions, used: used)
      if case .severity(let severity) = configuration.rules[UnusedSuppression.code] {
        for index in unused.indices { unused[index].severity = severity }
      }
      diagnostics += unused
    }
    diagnostics.sort()
    var report = LintReport(
      diagnostics: diagnostics, fileCount: fileCount,
      unreadableFileCount: input.unreadableFiles.count)
    report.reachability = Reachability.analyze(input)
    // The analyses of a large input are many small objects: freed on another thread.
    if isLarge { Parallel.release(consume input) }
    return report
  }

  /// One piece of a parallel lint: an analysis that several rules read, or a rule.
  private enum LintTask: Sendable {
    case analysis(@Sendable () -> Void)
    case rule(any Rule)
  }

  /// The analyses that several rules read, longest first, to be computed side by side ahead
  /// of the rules. Left to the rules, a rule that needs an analysis another rule is computing
  /// waits for it; on a large cluster that left a processor idle for a third of the rules'
  /// time. Queued ahead of the rules, they start first, and the processors that finish them
  /// go on with the rules.
  private static func sharedAnalyses(_ input: LintInput, for active: [any Rule])
    -> [@Sendable () -> Void]
  {
    var analyses: [@Sendable () -> Void] = []
    if active.contains(where: { TLSAnalysis.ruleCodes.contains($0.metadata.code) }) {
      analyses.append { _ = TLSAnalysis.checks(input) }
    }
    // The judgements are always needed: the report's reachability table is built from them.
    analyses.append { _ = Reachability.judge(input) }
    analyses.append { _ = YAMLIndex(input) }
    return analyses
  }
}

/// The outcome of a lint run.
public struct LintReport: Sendable {
  /// Every diagnostic, sorted by file, line, column and rule.
  public var diagnostics: [Diagnostic]
  /// How many files were examined.
  public var fileCount: Int
  /// How many of them could not be read.
  public var unreadableFileCount: Int
  /// For every client group: which listener it uses and whether it can reach each broker.
  public var reachability: [ReachabilityEntry] = []

  /// Creates a report.
  public init(diagnostics: [Diagnostic], fileCount: Int, unreadableFileCount: Int = 0) {
    self.diagnostics = diagnostics
    self.fileCount = fileCount
    self.unreadableFileCount = unreadableFileCount
  }

  /// Number of diagnostics at a severity.
  public func count(_ severity: Severity) -> Int {
    diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
  }

  /// The process exit code: 2 when an input could not be read, 1 when a diagnostic is at or
  /// above the failing severity (errors; warnings too when `strict`), else 0.
  public func exitCode(strict: Bool) -> Int32 {
    if unreadableFileCount > 0 { return 2 }
    let threshold: Severity = strict ? .warning : .error
    return diagnostics.contains { $0.severity >= threshold } ? 1 : 0
  }
}
