/// KL311: a listener advertises a private address to clients on the internet.
public struct PrivateAddressForInternetClients: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL311", name: "private-address-for-internet-clients", severity: .warning,
    summary: "A listener advertises a private (RFC 1918, unique-local or carrier-grade NAT) "
      + "address to clients on the internet.",
    rationale: """
      `10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`, IPv6 unique-local `fc00::/7` and the \
      carrier-grade NAT range `100.64.0.0/10` are not routed on the internet: a client there \
      that is sent to such an address times out. It is a warning because a VPN, a peering link \
      or an overlay network (many use `100.64.0.0/10`) can make the address reachable after \
      all; the client group then belongs at position `network`. Otherwise advertise a public \
      address or a public DNS name (a load balancer's, or the node's `ExternalIP`), for \
      instance through `preferredNodePortAddressType: ExternalIP` or `advertisedHosts`.
      """,
    triggering: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: payments
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: kafka-1.dc1.example.com
          listeners:
            - name: public
              port: 9094
              type: host
              tls: true
              configuration:
                advertisedHosts: [↓10.20.0.11]
          clients:
            - name: partners
              position: internet
              listener: public

        """)
    ],
    passing: [
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: payments
        spec:
          platform: hosts
          nodes:
            - id: 1
              roles: [broker, controller]
              host: 10.20.0.11
          listeners:
            - name: internal
              port: 9092
              type: host
            - name: public
              port: 9094
              type: host
              tls: true
              configuration:
                advertisedHosts: [203.0.113.11]
          clients:
            - name: services
              position: network
              network: dc1
              listener: internal
            - name: partners
              position: internet
              listener: public

        """)
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    Reachability.findings(input).addresses.filter { $0.failure == .privateForInternet }
      .compactMap { finding in
        guard let first = finding.groups.first, case .ip(let kind) = first.broker.kind else {
          return nil
        }
        return metadata.diagnostic(
          "\(finding.advertises), \(kind.phrase), to \(first.group.audience.listenerPhrase), which "
            + "cannot route to \(finding.pronoun) from the internet; advertise a public address "
            + "or DNS name, or, if the clients come through a VPN or peering, give the group "
            + "position network",
          at: finding.location, notes: finding.otherGroupNotes("route to"))
      }
  }
}
