/// A JSON value whose objects keep their key order, so that rendered output is the same bytes on
/// every run and on every platform (Foundation's encoder escapes `/` and orders keys its own way).
public indirect enum JSONValue: Sendable, Hashable {
  /// `null`
  case null
  /// `true` / `false`
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, keys in the order given.
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    a.rendered(indent: nil) == b.rendered(indent: nil)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(rendered(indent: nil)) }

  /// The JSON text; pretty-printed with `indent` spaces per level, or compact when `nil`.
  public func rendered(indent: Int? = 2) -> String {
    rendered(indent: indent, newline: false)
  }

  /// The JSON text, followed by a line feed when `newline` is set: a document written to a
  /// file or a terminal ends with one, and adding it here saves copying a large text to
  /// append one byte.
  consuming func rendered(indent: Int? = 2, newline: Bool) -> String {
    // Written as UTF-8 bytes and decoded once: appending to a `String` scalar by scalar took
    // most of `generate --format json`'s time on large clusters.
    var writer = JSONWriter(indent: indent)
    write(to: &writer)
    if newline { writer.finishLine() }
    // A large document's values are freed on another thread; the caller has its text.
    if writer.bytes.count >= 1 << 20 { Parallel.release(consume self) }
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// Writes the value at the writer's position.
  func write(to writer: inout JSONWriter) {
    switch self {
    case .null: writer.null()
    case .bool(let value): writer.bool(value)
    case .int(let value): writer.int(value)
    case .string(let value): writer.string(value)
    case .array(let items):
      writer.openArray()
      writer.items(items) { item, writer in item.write(to: &writer) }
      writer.close()
    case .object(let members):
      writer.openObject()
      for (key, value) in members {
        writer.key(key)
        value.write(to: &writer)
      }
      writer.close()
    }
  }
}
