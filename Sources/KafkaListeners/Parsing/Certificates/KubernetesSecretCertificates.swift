/// Certificates held in Kubernetes `Secret` documents (also inside `kind: List`): `tls.crt` and
/// `ca.crt` of `kubernetes.io/tls` and cert-manager Secrets, Strimzi's per-node `<pod>.crt`, and
/// any other key whose value is PEM certificate text. Keys of private keys, passwords and
/// keystores (`*.key`, `*.password`, `*.p12`, `*.jks`) are never decoded.
public enum KubernetesSecretCertificates {
  /// One certificate-bearing key of a Secret.
  public struct Entry: Sendable, Hashable {
    /// `metadata.name`.
    public var secretName: String
    /// `metadata.namespace`, when given.
    public var namespace: String?
    /// The key under `data` or `stringData`.
    public var key: String
    /// The certificates read from the value; its location is the value's.
    public var file: CertificateFile
  }

  /// The certificate entries of every Secret in a parsed YAML file.
  public static func read(_ yaml: YAMLFile) -> [Entry] {
    var entries: [Entry] = []
    for document in yaml.documents { collect(document, path: yaml.path, into: &entries) }
    return entries
  }

  /// The certificate entries of every Secret in YAML text.
  public static func read(path: String, text: String) -> [Entry] {
    read(YAMLReader.read(path: path, bytes: Array(text.utf8)))
  }

  private static func collect(_ node: YAMLNode, path: String, into entries: inout [Entry]) {
    guard let mapping = node.mapping, let kind = mapping["kind"]?.scalar?.text else { return }
    if kind == "List" {
      for item in mapping["items"]?.sequence?.items ?? [] {
        collect(item, path: path, into: &entries)
      }
      return
    }
    guard kind == "Secret" else { return }
    let metadata = mapping["metadata"]?.mapping
    let name = metadata?["name"]?.scalar?.text ?? ""
    let namespace = metadata?["namespace"]?.scalar?.text
    for (section, isBase64) in [("data", true), ("stringData", false)] {
      for (keyNode, value) in mapping[section]?.mapping?.pairs ?? [] {
        guard let key = keyNode.scalar?.text, let scalar = value.scalar else { continue }
        let lower = key.lowercased()
        if [".key", ".password", ".p12", ".jks", ".pfx"].contains(where: lower.hasSuffix) {
          continue
        }
        let bytes: [UInt8]
        if isBase64 {
          guard let decoded = Base64.decode(scalar.text) else {
            if lower.hasSuffix(".crt") {
              entries.append(
                Entry(
                  secretName: name, namespace: namespace, key: key,
                  file: CertificateFile(
                    path: path, location: scalar.location, certificates: [],
                    problem: "Secret \(name) key \(key) is not valid base64")))
            }
            continue
          }
          bytes = decoded
        } else {
          bytes = Array(scalar.text.utf8)
        }
        // Only values that are certificates count; other keys (tokens, configs) are skipped.
        guard
          lower.hasSuffix(".crt") || lower.hasSuffix(".pem")
            || PEMText.text(bytes)?.contains("-----BEGIN CERTIFICATE-----") == true
        else { continue }
        var file = CertificateReader.read(path: path, bytes: bytes, location: scalar.location)
        file.path = path
        entries.append(Entry(secretName: name, namespace: namespace, key: key, file: file))
      }
    }
  }
}

/// RFC 4648 base64 (whitespace ignored, padding optional), without Foundation.
enum Base64 {
  static func decode(_ text: String) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count * 3 / 4)
    var buffer: UInt32 = 0
    var bits = 0
    var padding = 0
    for byte in text.utf8 {
      let value: UInt32
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - 65)
      case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - 97 + 26)
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - 48 + 52)
      case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
      case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
      case UInt8(ascii: "="):
        padding += 1
        continue
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
      default: return nil
      }
      if padding > 0 { return nil }
      buffer = buffer << 6 | value
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
      }
    }
    return padding > 2 || bits >= 6 ? nil : output
  }
}
