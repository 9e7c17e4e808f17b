/// KL452: a broker's keystore is not where the linter can read it, so the certificate names of
/// its TLS listeners are not checked.
public struct KeystoreNotFound: Rule {
  /// Creates the rule.
  public init() {}

  public let metadata = RuleMetadata(
    code: "KL452", name: "keystore-not-found", severity: .note,
    summary: "A broker's keystore is not among the files the linter can read, so the "
      + "certificate names of its TLS listeners are not checked.",
    rationale: """
      The TLS-name checks read the certificate each broker presents from the keystore its \
      configuration names: `ssl.keystore.location` (and `listener.name.<l>.ssl.keystore.location`) \
      in server.properties, resolved against the file's directory; for compose services, \
      `/etc/kafka/secrets/$KAFKA_SSL_KEYSTORE_FILENAME` (apache/kafka, Confluent) or \
      `kafka.keystore.jks`/`.pem` in Bitnami's certificate directories, followed through the \
      service's bind mount to the project. When that file does not exist here, lies in a named \
      Docker volume, or is not mounted from the project at all, the broker's advertised names \
      cannot be compared with its certificate. This is a note, not an error: the keystore often \
      exists only on the broker host. Lint where the keystore is readable, bind-mount it from \
      the project, or name the certificate with `lint --certificate NODE_ID=FILE`.
      """,
    triggering: [
      RuleExample(
        "docker-compose.yml",
        """
        services:
          kafka:
            image: apache/kafka:3.9.0
            ports:
              - "9093:9093"
            volumes:
              - ↓kafka-secrets:/etc/kafka/secrets
            environment:
        \(KeystoreNotFound.exampleEnvironment)
        volumes:
          kafka-secrets:

        """),
      RuleExample(
        "docker-compose.yml",
        """
        services:
          kafka:
            image: apache/kafka:3.9.0
            ports:
              - "9093:9093"
            environment:
        \(KeystoreNotFound.exampleEnvironment.replacingOccurrences(
          of: "FILENAME: kafka", with: "FILENAME: ↓kafka"))

        """),
    ],
    passing: [
      RuleExample(
        "docker-compose.yml",
        """
        # ./secrets/kafka.keystore.jks and ./secrets/keystore-password sit beside this file.
        services:
          kafka:
            image: apache/kafka:3.9.0
            ports:
              - "9093:9093"
            volumes:
              - ./secrets:/etc/kafka/secrets:ro
            environment:
        \(KeystoreNotFound.exampleEnvironment)

        """),
      RuleExample(
        "server.properties",
        """
        # No TLS listener: the keystore would not be used.
        node.id=1
        listeners=PLAINTEXT://:9092
        advertised.listeners=PLAINTEXT://kafka-1.kafka.example.com:9092
        ssl.keystore.location=/var/private/ssl/kafka.server.keystore.jks
        """),
    ])

  /// A single-node apache/kafka environment with an SSL listener for host clients.
  static let exampleEnvironment = """
          KAFKA_NODE_ID: 1
          KAFKA_PROCESS_ROLES: broker,controller
          KAFKA_LISTENERS: SSL://:9093,CONTROLLER://:9094
          KAFKA_ADVERTISED_LISTENERS: SSL://localhost:9093
          KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: SSL:SSL,CONTROLLER:PLAINTEXT
          KAFKA_INTER_BROKER_LISTENER_NAME: SSL
          KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER
          KAFKA_CONTROLLER_QUORUM_VOTERS: 1@localhost:9094
          KAFKA_SSL_KEYSTORE_FILENAME: kafka.keystore.jks
          KAFKA_SSL_KEYSTORE_CREDENTIALS: keystore-password
          KAFKA_SSL_KEY_CREDENTIALS: keystore-password
          CLUSTER_ID: 4L6g3nShT-eMCtK--X86sw
    """

  public func check(_ input: LintInput) -> [Diagnostic] {
    // Grouped once: a run may hold thousands of brokers, each with a missing keystore.
    var checksByOwner: [KeystoreOwner: [TLSCheck]] = [:]
    for check in TLSAnalysis.checks(input) where check.certificate == nil {
      if let owner = check.owner { checksByOwner[owner, default: []].append(check) }
    }
    var missingListeners: [KeystoreOwner: Set<String>] = [:]
    for missing in input.tls.missingKeystores {
      if let listener = missing.listener {
        missingListeners[missing.owner, default: []].insert(listener)
      }
    }
    /// `broker 0 listeners REPLICATION, CLIENTS`: the owner's TLS listeners left without a
    /// certificate (checks of one owner share the broker part of their subject), or `nil`.
    func unchecked(_ owner: KeystoreOwner, listener: String?, except: Set<String> = [])
      -> String?
    {
      var who = ""
      var names: [String] = []
      for check in checksByOwner[owner] ?? [] {
        let name = check.listener.lowercased()
        if let listener, name != listener { continue }
        if except.contains(name) || names.contains(check.listener) { continue }
        let tail = "listener \(check.listener)"
        if names.isEmpty, check.subject.hasSuffix(tail) {
          who = String(check.subject.dropLast(tail.count))
        }
        names.append(check.listener)
      }
      guard !names.isEmpty else { return nil }
      return who + (names.count == 1 ? "listener " : "listeners ")
        + names.joined(separator: ", ")
    }
    let advice = Diagnostic.Note(
      "the keystore may exist only on the broker host: lint where it is readable, or name the "
        + "certificate with --certificate NODE_ID=FILE")
    var diagnostics: [Diagnostic] = []
    for missing in input.tls.missingKeystores {
      // A listener with a keystore of its own is reported under that one.
      let own = missing.listener == nil ? missingListeners[missing.owner] ?? [] : []
      guard let subjects = unchecked(missing.owner, listener: missing.listener, except: own)
      else { continue }
      diagnostics.append(
        metadata.diagnostic(
          "keystore \(missing.path) was not found, so the certificate names of "
            + "\(subjects) were not checked",
          at: missing.location, notes: missing.notes + [advice]))
    }
    for broker in input.composeBrokers {
      guard let reference = ComposeKeystores.reference(for: broker) else { continue }
      guard let subjects = unchecked(.composeService(broker.service.location), listener: nil)
      else { continue }
      let tail =
        ", so the certificate names of \(subjects) were not checked"
      switch reference.resolution {
      case .hostPath:
        continue
      case .volume(let volume):
        let what: String
        switch volume.kind {
        case .bind:
          what =
            "is bind-mounted from \(quoted(volume.source ?? "")), a home-directory path the "
            + "linter does not expand"
        case .volume:
          what =
            volume.source.map { "lies in the named volume \(quoted($0))" }
            ?? "lies in an anonymous volume"
        case .other: what = "lies in a \(volume.source ?? "non-file") mount"
        }
        var notes: [Diagnostic.Note] = []
        if reference.location != volume.location {
          notes.append(.init("chosen by \(reference.chosenBy)", at: reference.location))
        }
        notes.append(
          .init(
            "bind-mount a project directory instead (`./secrets:\(volume.target):ro`) to have "
              + "the certificate checked"))
        diagnostics.append(
          metadata.diagnostic(
            "the keystore \(reference.containerPath) of service \(broker.name) \(what), which "
              + "the linter cannot read" + tail,
            at: volume.location, notes: notes))
      case .notMounted:
        let directory = String(
          reference.containerPath[
            ..<(reference.containerPath.lastIndex(of: "/") ?? reference.containerPath.endIndex)])
        diagnostics.append(
          metadata.diagnostic(
            "no volume of service \(broker.name) mounts its keystore \(reference.containerPath) "
              + "from the project" + tail,
            at: reference.location,
            notes: [
              .init(
                "mount the directory holding it (`./secrets:\(directory):ro`), or the container "
                  + "will not find it unless the image has it built in")
            ]))
      }
    }
    return diagnostics
  }
}
