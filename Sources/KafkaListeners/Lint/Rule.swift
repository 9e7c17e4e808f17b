/// A lint rule: its documentation (metadata) and its check.
///
/// Rules read the parsed inputs and never touch the file system, so the same rule runs in the
/// CLI, in an embedding tool and on the examples in its own metadata.
public protocol Rule: Sendable {
  /// The rule's code, name, documentation and examples.
  var metadata: RuleMetadata { get }
  /// Returns every occurrence of the problem in `input`, at the rule's default severity;
  /// configuration and suppressions are applied by the linter afterwards.
  func check(_ input: LintInput) -> [Diagnostic]
}

/// Where a rule's check comes from.
public enum RuleOrigin: Sendable, Hashable {
  /// A check of this tool's own, for mistakes the upstream software lets through.
  case kafkaListeners
  /// A check Kafka makes at startup; `message` is Kafka's own text, so a search for the
  /// broker's error finds the rule.
  case kafka(message: String)
  /// A check Strimzi's cluster operator makes; `message` is Strimzi's own text.
  case strimzi(message: String)
  /// Behaviour of `java.util.Properties.load`, which Kafka uses to read its configuration.
  case javaProperties(message: String?)

  /// A short label for documentation.
  public var label: String {
    switch self {
    case .kafkaListeners: "kafka-listeners"
    case .kafka: "Apache Kafka"
    case .strimzi: "Strimzi"
    case .javaProperties: "java.util.Properties"
    }
  }

  /// The upstream message, when there is one.
  public var upstreamMessage: String? {
    switch self {
    case .kafkaListeners: nil
    case .kafka(let message), .strimzi(let message): message
    case .javaProperties(let message): message
    }
  }
}

/// An input that shows a rule's behaviour; `↓` marks where each diagnostic must point.
public struct RuleExample: Sendable {
  /// The marker: it is removed from `text`, and a diagnostic must start at the character after it.
  public static let marker: Character = "↓"

  /// File name, which decides how the text is parsed.
  public let path: String
  /// The file's text, with markers.
  public let text: String
  /// When set, the example is a file that could not be read, for this reason.
  public let unreadableReason: String?
  /// The Kafka version the example is linted for (the newest when `nil`).
  public let kafkaVersion: KafkaVersion?

  /// An example file.
  public init(_ path: String, _ text: String, kafkaVersion: KafkaVersion? = nil) {
    self.path = path
    self.text = text
    self.unreadableReason = nil
    self.kafkaVersion = kafkaVersion
  }

  /// An example of a file that cannot be read.
  public init(unreadable path: String, reason: String) {
    self.path = path
    self.text = ""
    self.unreadableReason = reason
    self.kafkaVersion = nil
  }

  /// The example as an input, markers removed.
  public var sourceFile: SourceFile {
    if let reason = unreadableReason {
      return SourceFile(path: path, content: .unreadable(reason))
    }
    return SourceFile(path: path, text: text.filter { $0 != RuleExample.marker })
  }

  /// The text without markers, for documentation.
  public var displayText: String { text.filter { $0 != RuleExample.marker } }

  /// 1-based line and column of every marker in the text without markers. Columns count UTF-8
  /// bytes for `.properties` examples and Unicode scalars otherwise, as the readers do.
  public var markedPositions: [(line: Int, column: Int)] {
    var positions: [(Int, Int)] = []
    var line = 1
    var column = 1
    let countsBytes = SourceFile.kind(forPath: path) == .properties
    for scalar in text.unicodeScalars {
      if Character(scalar) == RuleExample.marker {
        positions.append((line, column))
      } else if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += countsBytes ? String(scalar).utf8.count : 1
      }
    }
    if unreadableReason != nil { positions.append((1, 1)) }
    return positions
  }
}

/// A rule's identity and documentation. The examples are also its first tests.
public struct RuleMetadata: Sendable {
  /// `KLnnn`, never reused.
  public let code: String
  /// Kebab-case name of the problem.
  public let name: String
  /// Default severity.
  public let severity: Severity
  /// One sentence: what the rule finds.
  public let summary: String
  /// Why it matters and how to fix it.
  public let rationale: String
  /// Where the check comes from.
  public let origin: RuleOrigin
  /// The Kafka versions the check applies to (all when `nil`).
  public let versions: ClosedRange<KafkaVersion>?
  /// Inputs that must produce a diagnostic at every marker.
  public var triggering: [RuleExample] { makeTriggering() }
  /// Inputs that must produce none.
  public var passing: [RuleExample] { makePassing() }

  // The examples are built on demand: only `rules`, `explain` and the tests read them, and
  // building all of them (certificates formatted into properties values, compose files) took
  // about a millisecond of every lint run's start-up.
  private let makeTriggering: @Sendable () -> [RuleExample]
  private let makePassing: @Sendable () -> [RuleExample]

  /// Creates metadata.
  public init(
    code: String, name: String, severity: Severity, summary: String, rationale: String,
    origin: RuleOrigin = .kafkaListeners, versions: ClosedRange<KafkaVersion>? = nil,
    triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
    passing: @autoclosure @escaping @Sendable () -> [RuleExample]
  ) {
    self.code = code
    self.name = name
    self.severity = severity
    self.summary = summary
    self.rationale = rationale
    self.origin = origin
    self.versions = versions
    self.makeTriggering = triggering
    self.makePassing = passing
  }

  /// A diagnostic of this rule at its default severity.
  public func diagnostic(
    _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) -> Diagnostic {
    Diagnostic(
      code: code, name: name, severity: severity, message: message, location: location,
      notes: notes)
  }

  /// Diagnostics for the reader issues tagged with this rule's code.
  public func diagnostics(from issues: [ReadIssue]) -> [Diagnostic] {
    issues.filter { $0.code == code }.map {
      diagnostic($0.message, at: $0.location, notes: $0.notes)
    }
  }

  /// The anchor of the rule's section in the README, as GitHub renders heading ids.
  public var anchor: String { "\(code.lowercased())-\(name)" }

  /// The rule's documentation on the web.
  public var helpURI: String { "\(KafkaListeners.repositoryURL)/blob/main/README.md#\(anchor)" }

  /// The versions as text, e.g. `3.6–4.2` or `all`.
  public var versionText: String {
    guard let versions else { return "all" }
    let bound = versions.upperBound
    let upper =
      bound >= KafkaVersion.newest ? "" : bound.patch == 99 ? "\(bound.major).\(bound.minor)" : "\(bound)"
    if versions.lowerBound <= KafkaVersion.supportedRange.lowerBound {
      return upper.isEmpty ? "all" : "≤ \(upper)"
    }
    return upper.isEmpty ? "≥ \(versions.lowerBound)" : "\(versions.lowerBound)–\(upper)"
  }
}
