/// Where a compose Kafka service's image reads its keystore from, and which project path (if
/// any) that is: a pure function of the service, so that the loading step can read the file and
/// the rules can say why a certificate was not checked without reading anything.
///
/// apache/kafka and Confluent's images read `/etc/kafka/secrets/$KAFKA_SSL_KEYSTORE_FILENAME`
/// with the password in the file `$KAFKA_SSL_KEYSTORE_CREDENTIALS` (their `configure` scripts
/// export `KAFKA_SSL_KEYSTORE_LOCATION` themselves, overriding any value set). Bitnami reads
/// `kafka.keystore.jks` (`kafka.keystore.pem` with `KAFKA_TLS_TYPE=PEM`) from
/// `/opt/bitnami/kafka/config/certs`, or copies it there from `/bitnami/kafka/config/certs`,
/// with the password in `KAFKA_CERTIFICATE_PASSWORD`. One keystore serves every listener.
enum ComposeKeystores {
  /// The directory apache/kafka and Confluent images read keystores and credentials from.
  static let secretsDirectory = "/etc/kafka/secrets"
  /// Bitnami's certificate directories, in the order its scripts look at them.
  static let bitnamiDirectories = [
    "/opt/bitnami/kafka/config/certs", "/bitnami/kafka/config/certs",
  ]

  /// A keystore a service's image reads.
  struct Reference: Sendable {
    /// Where the file is, as far as the project tells.
    enum Resolution: Sendable {
      /// A bind mount covers it: the host path, resolved against the compose file's directory.
      case hostPath(String, volume: ComposeVolume)
      /// A named (or anonymous) volume, tmpfs or other mount covers it: nothing to read here.
      case volume(ComposeVolume)
      /// No `volumes` entry covers it (the file would have to be baked into the image).
      case notMounted
    }

    /// The service.
    var service: ComposeService
    /// The path inside the container.
    var containerPath: String
    /// Where the keystore is chosen: the `KAFKA_SSL_KEYSTORE_FILENAME` value, else the mount
    /// entry, else the service key.
    var location: SourceLocation
    /// What chose it, for messages (`KAFKA_SSL_KEYSTORE_FILENAME`, `Bitnami's kafka.keystore.jks`).
    var chosenBy: String
    /// The keystore file.
    var resolution: Resolution
    /// The password written in the environment (Bitnami), if any.
    var password: String?
    /// The password file (apache, Confluent), with its own resolution.
    var passwordFile: (containerPath: String, resolution: Resolution)?
  }

  /// The keystore of a broker that advertises a TLS listener, or `nil` when it has none or the
  /// image does not say which file it reads (no `KAFKA_SSL_KEYSTORE_FILENAME`).
  static func reference(for broker: ComposeBroker) -> Reference? {
    guard let configuration = broker.configuration, configuration.isBroker,
      configuration.advertisedBrokerEndpoints.contains(where: { endpoint in
        configuration.securityMap.effective[endpoint.name].map(TLSAnalysis.tlsProtocols.contains)
          ?? false
      })
    else { return nil }
    let service = broker.service
    switch broker.flavour {
    case .apache, .confluent, .confluentLocal:
      guard let filename = service.environment["KAFKA_SSL_KEYSTORE_FILENAME"]?.value,
        filename.isKnown, !filename.text.isEmpty
      else { return nil }
      let path = secretsDirectory + "/" + filename.text
      var passwordFile: (containerPath: String, resolution: Reference.Resolution)?
      if let credentials = service.environment["KAFKA_SSL_KEYSTORE_CREDENTIALS"]?.value,
        credentials.isKnown, !credentials.text.isEmpty
      {
        let credentialsPath = secretsDirectory + "/" + credentials.text
        passwordFile = (credentialsPath, resolve(credentialsPath, in: service))
      }
      return Reference(
        service: service, containerPath: path, location: filename.location,
        chosenBy: "KAFKA_SSL_KEYSTORE_FILENAME", resolution: resolve(path, in: service),
        password: nil, passwordFile: passwordFile)
    case .bitnami:
      let type = service.env("KAFKA_TLS_TYPE")?.uppercased() == "PEM" ? "pem" : "jks"
      let name = "kafka.keystore.\(type)"
      // The first directory a mount provides wins; unmounted, the image's own path is named.
      let candidates = bitnamiDirectories.map { $0 + "/" + name }
      let path =
        candidates.first { candidate in service.volumes.contains { $0.covers(candidate) } }
        ?? candidates[0]
      let resolution = resolve(path, in: service)
      let location: SourceLocation
      switch resolution {
      case .hostPath(_, let volume), .volume(let volume): location = volume.location
      case .notMounted: location = service.name.location
      }
      return Reference(
        service: service, containerPath: path, location: location,
        chosenBy: "Bitnami's \(name)", resolution: resolution,
        password: service.env("KAFKA_CERTIFICATE_PASSWORD"), passwordFile: nil)
    case .wurstmeister, .redpanda:
      return nil
    }
  }

  /// The mount that holds `containerPath` (the deepest, as Docker stacks mounts) and the host
  /// path it maps to.
  static func resolve(_ containerPath: String, in service: ComposeService) -> Reference.Resolution {
    let covering = service.volumes.filter { $0.covers(containerPath) }
    guard
      let volume = covering.max(by: { $0.target.count < $1.target.count })
    else { return .notMounted }
    guard volume.kind == .bind, let source = volume.source, !source.hasPrefix("~") else {
      return .volume(volume)
    }
    let root = volume.target.hasSuffix("/") ? String(volume.target.dropLast()) : volume.target
    let rest = containerPath.dropFirst(root.count)
    var host = source
    let chars = Array(host)
    let isDrivePath = chars.count >= 2 && chars[0].isLetter && chars[1] == ":"
    // Relative sources are relative to the compose file's directory; a Windows drive path
    // (`C:\\certs`) is kept as written, as it names no file here.
    if !host.hasPrefix("/"), !isDrivePath {
      let directory = ComposeReader.directory(of: volume.location.file)
      host = directory == "." ? host : directory + "/" + host
    }
    while host.count > 1, host.hasSuffix("/") { host.removeLast() }
    return .hostPath(PathText.normalized(host + rest), volume: volume)
  }
}

/// Lexical path handling shared by the keystore readers.
enum PathText {
  /// `a/b/../c` → `a/c` and `./a` → `a`, lexically (keystore paths are shown in messages).
  static func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != "..", !last.isEmpty {
        parts.removeLast()
        continue
      }
      parts.append(part)
    }
    return parts.joined(separator: "/")
  }
}
