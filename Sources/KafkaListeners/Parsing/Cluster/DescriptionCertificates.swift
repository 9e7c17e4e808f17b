/// `tls` blocks of the own format: which certificate a listener's brokers present
/// (`spec.listeners[].tls`) and which one a node presents instead (`spec.nodes[].tls`), as the
/// TLS-names specification's explicit mapping (§2.1, item 1). Only paths are read here; the API
/// reads the files, so that parsing stays free of file access beyond the inputs.
extension DescriptionParser {
  /// A listener's `tls`: `true`/`false` as in Strimzi, or a mapping naming the certificate,
  /// which turns TLS on. Keeping the boolean spelling keeps every existing description valid;
  /// a mapping cannot say "certificate without TLS", so no rule has to catch that case.
  mutating func tls(_ item: YAMLMapping, path: String)
    -> (tls: Located<Bool>?, certificate: CertificateSource?)
  {
    guard let node = item["tls"], !node.isNull else { return (nil, nil) }
    if let mapping = node.mapping {
      let source = certificateSource(
        mapping, path: "\(path).tls", keysPath: "spec.listeners[].tls")
      return (Located(true, at: item.keyNode("tls")?.location ?? mapping.location), source)
    }
    if node.scalar == nil {
      reader.report(
        FieldReader.wrongType,
        "\(path).tls must be true, false or a mapping with the listener's certificate, not "
          + node.kindDescription,
        at: node.location)
      return (nil, nil)
    }
    return (reader.boolean(item, "tls", path: path), nil)
  }

  /// `{certificate: {file | secret [, key]}, ca}`. Paths are resolved against the
  /// description's directory, like `spec.properties[].file`.
  mutating func certificateSource(_ mapping: YAMLMapping, path: String, keysPath: String)
    -> CertificateSource?
  {
    reader.checkKeys(mapping, allowed: keys(keysPath), path: path)
    let ca = string(mapping, "ca", path: path, nonEmpty: true)
    guard let certificate = reader.mapping(mapping, "certificate", path: path, required: true)
    else { return nil }
    let certificatePath = "\(path).certificate"
    reader.checkKeys(
      certificate, allowed: keys("\(keysPath).certificate"), path: certificatePath)
    let file = string(certificate, "file", path: certificatePath, nonEmpty: true)
    let secret = string(certificate, "secret", path: certificatePath, nonEmpty: true)
    let key = string(certificate, "key", path: certificatePath, nonEmpty: true)
    if let key, secret == nil, certificate["secret"] == nil {
      reader.report(
        FieldReader.invalidValue,
        "\(certificatePath).key names a key of a Kubernetes Secret; it needs 'secret', not "
          + "'file'",
        at: key.location)
    }
    let written: (CertificateSource.Kind, Located<String>)
    switch (file, secret) {
    case (let file?, nil): written = (.file, file)
    case (nil, let secret?): written = (.secret, secret)
    case (_?, let secret?):
      reader.report(
        FieldReader.invalidValue,
        "\(certificatePath) gives both 'file' and 'secret'; a broker presents one certificate",
        at: secret.location)
      return nil
    case (nil, nil):
      // A value that was written but rejected is reported already.
      if certificate["file"] == nil, certificate["secret"] == nil {
        reader.report(
          FieldReader.missingField,
          "\(certificatePath) is missing the required field 'file' (a certificate or keystore) "
            + "or 'secret' (a Kubernetes Secret manifest)",
          at: certificate.location)
      }
      return nil
    }
    func resolved(_ value: Located<String>) -> Located<String> {
      Located(
        PropertiesReference.resolve(value.value, relativeTo: value.location.file),
        at: value.location)
    }
    return CertificateSource(
      kind: written.0, path: resolved(written.1), key: written.0 == .secret ? key : nil,
      ca: ca.map(resolved))
  }
}
