/// A check of the live probe (`kafka-listeners probe`). Its findings come from the network, not
/// from files, so the linter never runs it; it is a rule so that `rules`, `explain` and the
/// README document it like every other check.
public struct ProbeCheck: Rule {
  /// The check's identity and documentation.
  public let metadata: RuleMetadata

  init(_ code: String, _ name: String, _ severity: Severity, _ summary: String, _ rationale: String)
  {
    metadata = RuleMetadata(
      code: code, name: name, severity: severity, summary: summary, rationale: rationale,
      triggering: [], passing: [])
  }

  /// Always empty: the probe, not the linter, reports these findings.
  public func check(_ input: LintInput) -> [Diagnostic] { [] }
}

/// The live probe's checks (the `KL7xx` group), in code order. Certificate findings use the
/// static TLS rules (KL440-KL450): one rule whether a certificate comes from a file or a
/// handshake.
public enum ProbeChecks {
  static let bootstrapUnresolvable = ProbeCheck(
    "KL701", "bootstrap-unresolvable", .error,
    "A bootstrap host does not resolve from the machine running the probe.",
    "Nothing else can be tested through that entry. Check the spelling of the bootstrap address "
      + "and this client's DNS (or /etc/hosts); inside Kubernetes, use the bootstrap service name "
      + "of the listener meant for this client network.")
  static let bootstrapUnreachable = ProbeCheck(
    "KL702", "bootstrap-unreachable", .error,
    "Every address of a bootstrap host refused the connection, timed out or was unreachable.",
    "Clients cannot even fetch metadata. Check that the listener is bound on that address and "
      + "port, that a firewall or security group lets this client in, and that the port is the "
      + "one the listener (or its load balancer or node port) exposes.")
  static let notAKafkaListener = ProbeCheck(
    "KL703", "not-a-kafka-listener", .error,
    "A bootstrap address accepted a connection but did not answer a Kafka ApiVersions request.",
    "The port belongs to something else (an HTTP or SSH server, a proxy without a backend). Point "
      + "the bootstrap at the Kafka listener's port; the first bytes the peer sent are shown "
      + "when they are text.")
  static let securityProtocolMismatch = ProbeCheck(
    "KL704", "security-protocol-mismatch", .error,
    "The listener speaks TLS but was probed in plaintext, or the other way round.",
    "Clients must use the listener's security protocol: set security.protocol=SSL (or "
      + "SASL_SSL) for a TLS listener and PLAINTEXT (or SASL_PLAINTEXT) otherwise, and rerun the "
      + "probe with or without --tls to match.")
  static let saslAuthenticationRequired = ProbeCheck(
    "KL705", "sasl-authentication-required", .warning,
    "The listener answered ApiVersions but closed the connection on Metadata, as SASL "
      + "listeners do before authentication.",
    "The probe does not log in, so the advertised addresses could not be read through this "
      + "listener. Probe a listener without SASL, or check the addresses with a client that "
      + "authenticates (kcat -L with the SASL settings).")
  static let metadataUnreadable = ProbeCheck(
    "KL706", "metadata-unreadable", .error,
    "A Metadata response could not be decoded, carried an error code, or did not match the "
      + "request.",
    "The message says where the bytes stopped making sense. A truncated response usually comes "
      + "from a proxy that rewrites Metadata incorrectly; an error code such as "
      + "REBOOTSTRAP_REQUIRED comes from the broker itself. Try another --metadata-version or "
      + "bypass the proxy.")
  static let bootstrapClusterMismatch = ProbeCheck(
    "KL707", "bootstrap-cluster-mismatch", .error,
    "The bootstrap entries belong to different clusters.",
    "A client picks any bootstrap entry, so it would join either cluster at random. Keep only "
      + "the addresses of one cluster in bootstrap.servers.")
  static let advertisedHostUnresolvable = ProbeCheck(
    "KL710", "advertised-host-unresolvable", .error,
    "A broker advertises a host name that does not resolve from the machine running the probe.",
    "Clients bootstrap successfully, read this address from the metadata and then fail to "
      + "connect: the classic internal name on a listener used from outside. Give this client "
      + "network a listener whose advertised host it can resolve (an external listener with "
      + "advertisedHost overrides, a load balancer name or a routable address).")
  static let advertisedEndpointUnreachable = ProbeCheck(
    "KL711", "advertised-endpoint-unreachable", .error,
    "A broker's advertised address resolves but refuses connections, times out or is "
      + "unreachable (a warning when only some of its addresses fail).",
    "Clients will fail to produce to or consume from this broker. Check that advertised.listeners "
      + "names the port the listener (or its load balancer, node port or proxy) really exposes, "
      + "and that the address is routable from this client network.")
  static let advertisedLoopback = ProbeCheck(
    "KL712", "advertised-loopback", .error,
    "A broker advertises localhost or a loopback address to a client that reached it from "
      + "elsewhere (a note when the bootstrap is loopback too).",
    "Every remote client will connect to itself instead of the broker. Advertise a name or "
      + "address that clients can reach, not the broker's own loopback interface.")
  static let advertisedInvalidEndpoint = ProbeCheck(
    "KL713", "advertised-invalid-endpoint", .error,
    "A broker advertises an empty host, a wildcard address or a port outside 1-65535.",
    "Such an address is not a destination: clients cannot connect to it. Set the advertised "
      + "host to the name or address clients use, and the port to the exposed port.")
  static let advertisedPrivateAddress = ProbeCheck(
    "KL714", "advertised-private-address", .warning,
    "A client that reached the cluster through a public address is handed private, link-local "
      + "or carrier-grade NAT addresses.",
    "Clients outside the private network reach the bootstrap but not the brokers. Advertise the "
      + "public address (or a name resolving to it) on the listener used from outside.")
  static let duplicateAdvertisedEndpoint = ProbeCheck(
    "KL715", "duplicate-endpoint-in-metadata", .error,
    "Two brokers advertise the same host and port (a warning when different names resolve to "
      + "the same address).",
    "Clients reach whichever broker answers on that address, and requests meant for the other "
      + "fail with NOT_LEADER_OR_FOLLOWER. Each broker needs its own address on every listener.")
  static let advertisedEndpointOtherListener = ProbeCheck(
    "KL716", "advertised-endpoint-other-listener", .error,
    "A broker's advertised address leads to a listener that advertises something else for "
      + "that broker, or to another cluster.",
    "The port probably belongs to another listener of the broker (or to another cluster), so "
      + "clients connecting there get a different view. Advertise, for each listener, the "
      + "address that reaches that same listener.")
  static let advertisedEndpointNotKafka = ProbeCheck(
    "KL717", "advertised-endpoint-not-kafka", .error,
    "A broker's advertised address accepts connections but does not speak the expected Kafka "
      + "protocol (not Kafka, TLS versus plaintext, or SASL).",
    "The advertised port belongs to another service or to a listener with another security "
      + "protocol. Advertise the port of the listener that clients of this bootstrap use.")
  static let describeClusterDisagrees = ProbeCheck(
    "KL718", "describe-cluster-disagrees", .warning,
    "With --describe-cluster: DescribeCluster and Metadata list different brokers or addresses.",
    "Both answers come from the same listener and normally agree. A difference points at "
      + "something between the client and the broker that rewrites one of them (a Kafka proxy "
      + "rewrites Metadata but may pass DescribeCluster through), or at brokers changing while "
      + "the probe ran; clients use Metadata. Check which of the two addresses clients can reach.")
  static let leaderNotAdvertised = ProbeCheck(
    "KL719", "partition-leader-not-advertised", .note,
    "With --all-topics: partitions are led by a broker the metadata of this listener does not "
      + "list.",
    "Kafka lists only the brokers that have a listener with the name of the one asked, so a "
      + "leader missing from the list usually has no such listener (or is down): clients of this "
      + "listener cannot produce to or consume from its partitions. Give every broker the "
      + "listener, or check the broker's state.")
  static let brokerCountMismatch = ProbeCheck(
    "KL720", "broker-count-mismatch", .error,
    "Brokers expected on the listener are missing from the metadata.",
    "Kafka leaves out brokers that are fenced or down, and brokers that have no listener with "
      + "this name: check that every broker defines the listener and is running.")
  static let unexpectedBroker = ProbeCheck(
    "KL721", "unexpected-broker", .warning,
    "The metadata lists a broker that the expected configuration does not have.",
    "The configuration compared against may be out of date, or the bootstrap address leads to "
      + "another cluster. Compare the node ids with the description.")
  static let advertisedHostMismatch = ProbeCheck(
    "KL722", "advertised-host-mismatch", .error,
    "A broker advertises another host than the configuration says it should.",
    "The running broker was started with a different advertised.listeners than the one derived "
      + "from the configuration: redeploy it, or fix the configuration to match.")
  static let advertisedPortMismatch = ProbeCheck(
    "KL723", "advertised-port-mismatch", .error,
    "A broker advertises the expected host but another port.",
    "The running broker uses a different advertised port than the configuration: redeploy it, "
      + "or fix the configuration (node port, load balancer port) to match.")
  static let clusterIDMismatch = ProbeCheck(
    "KL724", "cluster-id-mismatch", .error,
    "The cluster reports another cluster id than `--expect-cluster-id`.",
    "The bootstrap address leads to another cluster than the one meant (a stale DNS record, a "
      + "port forward to the wrong environment, a shared load balancer), or the cluster was "
      + "re-created with a new id. Check the bootstrap address before trusting anything else "
      + "the probe reports.")
  static let tlsHandshakeFailed = ProbeCheck(
    "KL734", "tls-handshake-failed", .error,
    "The TLS handshake with the bootstrap or a broker failed.",
    "Clients cannot connect either. The message carries the TLS library's reason: a protocol "
      + "version or cipher mismatch, a listener that requires a client certificate, or a port "
      + "that does not speak TLS.")
  static let tlsSameCertificate = ProbeCheck(
    "KL735", "tls-same-certificate", .note,
    "Several brokers present the same certificate.",
    "This is normal for wildcard certificates; it is shown so that a certificate meant for one "
      + "broker but served by all can be noticed.")
  static let sniSingleLabel = ProbeCheck(
    "KL736", "sni-single-label", .note,
    "A TLS broker advertises a host name without a dot.",
    "Java clients send no SNI for a name without a dot, so SNI-routed front ends (OpenShift "
      + "routes, ingress passthrough, TLS routes) cannot route their connections. Advertise a "
      + "fully qualified name.")

  /// Every check, in code order.
  public static let all: [ProbeCheck] = [
    bootstrapUnresolvable, bootstrapUnreachable, notAKafkaListener, securityProtocolMismatch,
    saslAuthenticationRequired, metadataUnreadable, bootstrapClusterMismatch,
    advertisedHostUnresolvable, advertisedEndpointUnreachable, advertisedLoopback,
    advertisedInvalidEndpoint, advertisedPrivateAddress, duplicateAdvertisedEndpoint,
    advertisedEndpointOtherListener, advertisedEndpointNotKafka, describeClusterDisagrees,
    leaderNotAdvertised,
    brokerCountMismatch,
    unexpectedBroker, advertisedHostMismatch, advertisedPortMismatch, clusterIDMismatch,
    tlsHandshakeFailed,
    tlsSameCertificate, sniSingleLabel,
  ]
}
