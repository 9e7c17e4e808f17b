/// A Kafka release, `major.minor[.patch]`, which selects the startup checks that apply.
public struct KafkaVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Major version.
  public let major: Int
  /// Minor version.
  public let minor: Int
  /// Patch version (0 when not given).
  public let patch: Int

  /// Creates a version.
  public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  /// Parses `X.Y` or `X.Y.Z`; returns `nil` for anything else or an unsupported version.
  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3 else { return nil }
    var numbers: [Int] = []
    for part in parts {
      guard !part.isEmpty, part.count <= 4, part.allSatisfy(\.isASCII), let n = Int(part, radix: 10),
        n >= 0
      else { return nil }
      numbers.append(n)
    }
    let version = KafkaVersion(numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
    guard KafkaVersion.supportedRange.contains(version) else { return nil }
    self = version
  }

  /// The oldest and newest releases whose rules are modelled.
  public static let supportedRange = KafkaVersion(2, 8)...KafkaVersion(4, 2, 99)

  /// The default: the newest supported release.
  public static let newest = KafkaVersion(4, 2)

  /// `X.Y` or `X.Y.Z` when the patch is not zero.
  public var description: String {
    patch == 0 ? "\(major).\(minor)" : "\(major).\(minor).\(patch)"
  }

  public static func < (a: KafkaVersion, b: KafkaVersion) -> Bool {
    (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
  }
}
