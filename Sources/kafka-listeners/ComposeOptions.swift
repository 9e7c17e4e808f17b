import ArgumentParser
import KafkaListeners

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options for Docker Compose inputs, shared by `lint` and `generate`.
struct ComposeOptions: ParsableArguments {
  @Option(
    name: .customLong("env"),
    help: ArgumentHelp(
      "A variable for compose interpolation; wins over .env (repeatable).", valueName: "NAME=VALUE")
  )
  var variables: [String] = []

  @Flag(help: "Also use this process's environment for compose interpolation (below --env).")
  var useProcessEnv = false

  func validate() throws {
    for value in variables where !value.contains("=") || value.hasPrefix("=") {
      throw ValidationError("--env takes NAME=VALUE, not '\(value)'")
    }
  }

  /// Adds the variables to a configuration.
  func apply(to configuration: inout Configuration) {
    Self.apply(variables: variables, useProcessEnv: useProcessEnv, to: &configuration)
  }

  /// Adds `--env` variables (and the process environment below them) to a configuration.
  static func apply(variables: [String], useProcessEnv: Bool, to configuration: inout Configuration)
  {
    if useProcessEnv {
      var pointer = environ
      while let entry = pointer.pointee {
        let text = String(cString: entry)
        if let equals = text.firstIndex(of: "=") {
          configuration.composeVariables[String(text[..<equals])] = String(
            text[text.index(after: equals)...])
        }
        pointer += 1
      }
    }
    for value in variables {
      guard let equals = value.firstIndex(of: "=") else { continue }
      configuration.composeVariables[String(value[..<equals])] = String(
        value[value.index(after: equals)...])
    }
  }
}
