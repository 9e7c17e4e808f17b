/// Every rule, in code order. A test fails when a file in `Rules/` is missing here or a code
/// repeats.
public enum RuleRegistry {
  /// All rules.
  public static let all: [any Rule] = [
    UnreadableFile(),
    YAMLSyntax(),
    MalformedUnicodeEscape(),
    SplitListValue(),
    MalformedLine(),
    DanglingContinuation(),
    DuplicateKey(),
    WrongEncoding(),
    NonASCIIText(),
    UnusedSuppression(),
    DroppedBackslash(),
  ]

  /// The rule with this code (`KL003`) or name (`malformed-unicode-escape`), case-insensitive.
  public static func rule(_ codeOrName: String) -> (any Rule)? {
    let key = codeOrName.lowercased()
    return all.first { $0.metadata.code.lowercased() == key || $0.metadata.name == key }
  }
}
