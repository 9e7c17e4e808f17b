/// KL113: node pools that cannot form a cluster: a pool without roles, no nodes at all, or (in
/// KRaft) no broker or no controller (Strimzi's `NodePoolUtils`).
public struct InvalidNodePoolRoles: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL113", name: "invalid-node-pool-roles", severity: .error,
    summary: "The cluster's node pools lack a role, a broker, a controller or any replica.",
    rationale: """
      A KRaft cluster needs at least one node with the broker role, to serve clients, and one \
      with the controller role, to run the metadata quorum; every pool must say in \
      `spec.roles` what its nodes are. Strimzi's operator checks this across all \
      KafkaNodePools that carry the cluster's `strimzi.io/cluster` label and rejects the \
      cluster otherwise, as it does when the pools have no replica at all. The check runs \
      only when the cluster's pools are among the inputs (or in a description, on its \
      nodes), so lint the Kafka resource together with all of its KafkaNodePools.
      """,
    origin: .strimzi(
      message: "At least one KafkaNodePool with the controller role and at least one replica "
        + "is required when KRaft mode is enabled"),
    triggering: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: plain
                port: 9092
                type: internal
                tls: false
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          ↓roles: [broker]
          storage:
            type: ephemeral
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: spare
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 0
          ↓roles: []
          storage:
            type: ephemeral

        """),
      RuleExample(
        "cluster.yaml",
        """
        apiVersion: kafka-listeners/v1
        kind: ClusterDescription
        metadata:
          name: vm
        spec:
          platform: hosts
          nodes:
            - id: 0
              ↓roles: [controller]
              host: controller-0.example.com
          listeners:
            - name: clients
              port: 9092
              type: host

        """),
    ],
    passing: [
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: plain
                port: 9092
                type: internal
                tls: false
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: controllers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          roles: [controller]
          storage:
            type: ephemeral
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata:
          name: brokers
          labels:
            strimzi.io/cluster: my-cluster
        spec:
          replicas: 3
          roles: [broker]
          storage:
            type: ephemeral

        """),
      // Without its node pools nothing is known about the cluster's roles.
      RuleExample(
        "kafka.yaml",
        """
        apiVersion: kafka.strimzi.io/v1
        kind: Kafka
        metadata:
          name: my-cluster
        spec:
          kafka:
            listeners:
              - name: plain
                port: 9092
                type: internal
                tls: false

        """),
    ])

  public func check(_ input: LintInput) -> [Diagnostic] {
    let yaml = YAMLIndex(input)
    var diagnostics: [Diagnostic] = []
    for cluster in input.clusters {
      let pools = cluster.pools
      if cluster.origin == .strimzi {
        // A Kafka linted without its pools, or one without node pools (spec.kafka.replicas).
        guard !pools.isEmpty, !pools.contains(where: \.isImplicit) else { continue }
        // A pool without replicas was reported as missing a required field (KL015).
        guard !pools.contains(where: { $0.replicas == nil }) else { continue }
      }
      guard let first = pools.first, KnownNodes.isComplete(cluster, yaml) else { continue }
      diagnostics += problems(cluster, first: first, yaml: yaml)
    }
    return diagnostics
  }

  private func problems(_ cluster: Cluster, first: NodePool, yaml: YAMLIndex) -> [Diagnostic] {
    let name = cluster.name.value
    let strimzi = cluster.origin == .strimzi
    let verdict = strimzi ? "the Strimzi operator rejects the cluster" : "Strimzi rejects it"
    let poolWord = strimzi ? "KafkaNodePool" : "pool"
    let counts = Dictionary(grouping: cluster.nodes, by: \.pool).mapValues(\.count)
    func summary(_ pool: NodePool) -> String {
      let roles = pool.roles.map(\.value.rawValue).joined(separator: ", ")
      let count = counts[pool.name.value] ?? 0
      return "\(poolWord) \(quoted(pool.name.value)) has roles [\(roles)] and \(count) "
        + (count == 1 ? "node" : "nodes")
    }
    func notes(except pool: NodePool) -> [Diagnostic.Note] {
      cluster.pools.filter { $0.location != pool.location }.map {
        .init(summary($0), at: $0.name.location)
      }
    }

    if cluster.nodes.isEmpty {
      let upstream =
        "KafkaNodePools are enabled, but KafkaNodePools for Kafka cluster \(name) either don't "
        + "exist or have 0 replicas."
      return [
        metadata.diagnostic(
          "every \(poolWord) of cluster \(quoted(name)) has 0 replicas, so the cluster has no "
            + "node; \(verdict): \"\(upstream)\"",
          at: first.replicas?.location ?? rolesLocation(first, yaml), notes: notes(except: first))
      ]
    }

    var diagnostics: [Diagnostic] = []
    for pool in cluster.pools where pool.roles.isEmpty && rolesWrittenEmpty(pool, yaml) {
      diagnostics.append(
        metadata.diagnostic(
          "\(poolWord) \(quoted(pool.name.value)) lists no roles, so its nodes would be neither "
            + "brokers nor controllers; add broker, controller or both; \(verdict): "
            + "\"KafkaNodePool \(pool.name.value) has no role defined in .spec.roles\"",
          at: rolesLocation(pool, yaml)))
    }
    guard cluster.isKRaft else { return diagnostics }
    let hint = strimzi ? " (lint every KafkaNodePool of the cluster together)" : ""
    let missing = NodeRole.allCases.filter { role in
      !cluster.nodes.contains { $0.roles.contains(role) }
    }
    for role in missing {
      let upstream =
        "At least one KafkaNodePool with the \(role.rawValue) role and at least one replica is "
        + "required when KRaft mode is enabled"
      let why = role == .broker ? "no node serves clients" : "no node runs the metadata quorum"
      // A pool with the role but no replicas is where the fix goes; else the first pool's roles.
      let empty = cluster.pools.first { pool in
        pool.roles.contains { $0.value == role } && pool.replicas?.value == 0
      }
      let anchor = empty ?? first
      let scaled = empty.map { " (pool \(quoted($0.name.value)) has it but 0 replicas)" } ?? ""
      diagnostics.append(
        metadata.diagnostic(
          "cluster \(quoted(name)) has no node with the \(role.rawValue) role\(scaled), so "
            + "\(why)\(hint); \(verdict): \"\(upstream)\"",
          at: empty?.replicas?.location ?? rolesLocation(first, yaml),
          notes: [.init(summary(anchor), at: anchor.name.location)] + notes(except: anchor)))
    }
    return diagnostics
  }

  /// Where the pool's `roles` key is: in a KafkaNodePool under `spec`, in a description on the
  /// pool or node itself.
  private func rolesLocation(_ pool: NodePool, _ yaml: YAMLIndex) -> SourceLocation {
    let mapping = yaml.mapping(at: pool.location)
    return mapping?.keyLocation("roles")
      ?? mapping?.written("spec")?.mapping?.keyLocation("roles")
      ?? pool.roles.first?.location ?? pool.name.location
  }

  /// Whether `roles` is written as an empty list; roles that could not be read were reported
  /// by the reader.
  private func rolesWrittenEmpty(_ pool: NodePool, _ yaml: YAMLIndex) -> Bool {
    let mapping = yaml.mapping(at: pool.location)
    let roles = mapping?.written("roles") ?? mapping?.written("spec")?.mapping?.written("roles")
    return roles?.sequence?.items.isEmpty ?? false
  }
}
