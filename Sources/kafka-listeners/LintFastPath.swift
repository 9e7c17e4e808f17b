/// The arguments of the everyday `lint` runs — pre-commit passes file names, pipelines add
/// `--format` or `--strict` — read without argument-parser.
///
/// argument-parser builds the definition of every command by reflection before it looks at the
/// first argument, and that set-up was about a third of a typical run's wall time (4 ms of 14 ms
/// on a 3+3-node Strimzi file), the part that matters most to a pre-commit hook. Anything this
/// reader is not sure about returns `nil` and goes through argument-parser, so help, usage
/// errors and every other option behave as documented. A test compares the two readers on
/// generated argument lists.
enum LintFastPath {
  /// Names argument-parser reads as subcommands rather than paths.
  static let subcommands: Set<String> = ["lint", "generate", "probe", "rules", "explain", "help"]

  /// The request for `arguments` (without the program name), or `nil` to use argument-parser.
  static func request(_ arguments: [String]) -> LintRequest? {
    var rest = arguments[...]
    if rest.first == "lint" { rest = rest.dropFirst() }
    // Without `lint`, a first word that names a subcommand is that subcommand.
    else if let first = rest.first, subcommands.contains(first) { return nil }

    var request = LintRequest()
    var seen: Set<String> = []
    while let argument = rest.popFirst() {
      // `help` anywhere may be a request for help; `-` and `--` have meanings of their own.
      if argument == "help" { return nil }
      guard argument.hasPrefix("-") else {
        request.paths.append(argument)
        continue
      }
      let name: Substring
      var value: String?
      if let equals = argument.firstIndex(of: "=") {
        name = argument[..<equals]
        value = String(argument[argument.index(after: equals)...])
        // argument-parser reads `--config=` as `--config` and takes the next argument.
        if value == "" { return nil }
      } else {
        name = argument[...]
      }
      // A repeated option is argument-parser's to judge.
      guard seen.insert(String(name)).inserted else { return nil }
      switch name {
      case "--strict", "--no-config":
        guard value == nil else { return nil }
        if name == "--strict" { request.strict = true } else { request.noConfig = true }
      case "--format", "--config", "--kafka-version":
        if value == nil { value = rest.popFirst() }
        // A value that looks like an option, or none, is a usage error argument-parser words.
        guard let value, !value.hasPrefix("-") else { return nil }
        switch name {
        case "--format":
          guard let format = ReportFormat(rawValue: value) else { return nil }
          request.format = format
        case "--config": request.config = value
        default: request.kafkaVersion = value
        }
      default:
        return nil
      }
    }
    // `--config` with `--no-config` is a usage error.
    if request.config != nil && request.noConfig { return nil }
    return request
  }
}
