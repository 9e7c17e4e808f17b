#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the system resolver said about one name.
enum ResolutionResult: Sendable, Hashable {
  /// The name resolves to these numeric addresses.
  case addresses([String])
  /// The resolver answered that the name does not exist (or has no addresses).
  case notFound(String)
  /// No answer: a timeout, a temporary failure, or a limit of this tool; the name may exist.
  case unknown(String)
}

/// Resolves names with the system resolver (`getaddrinfo`, so `/etc/hosts`, DNS and whatever
/// else the machine is configured with), bounded in time and in number: every name runs on its
/// own thread and the caller waits at most ``perNameTimeout`` for all of them, since
/// `getaddrinfo` cannot be cancelled and may block for the resolver's full retry schedule.
enum NameResolution {
  /// How long one lint run waits for the resolver (the names are resolved in parallel).
  static let perNameTimeout = 2.0
  /// The most names resolved in one run; the rest are reported as not resolved.
  static let maxNames = 64
  /// How long an answer is reused within one process.
  static let cacheLifetime = 60.0

  /// A resolver: the system one, or a stand-in in tests.
  typealias Resolver = @Sendable (String) -> ResolutionResult

  private static let cache = Locked<[String: (result: ResolutionResult, time: Double)]>([:])

  /// Resolves `names` (case-insensitively distinct), each within the time bound. Names under
  /// `.invalid` and `localhost` are answered without asking the resolver, as RFC 6761 asks of
  /// resolver libraries, so those answers never depend on the network.
  static func resolve(
    _ names: [String], timeout: Double = perNameTimeout, limit: Int = maxNames,
    resolver: Resolver? = nil
  ) -> [String: ResolutionResult] {
    var results: [String: ResolutionResult] = [:]
    var pending: [String] = []
    let now = monotonicSeconds()
    let cached = resolver == nil ? cache.read { $0 } : [:]
    for name in Set(names.map { $0.lowercased() }).sorted() {
      if let special = special(name) {
        results[name] = special
      } else if let hit = cached[name], now - hit.time < cacheLifetime {
        results[name] = hit.result
      } else if pending.count < limit {
        pending.append(name)
      } else {
        let skipped = ResolutionResult.unknown(
          "not resolved: one run resolves at most \(limit) names")
        results[name] = skipped
        if resolver == nil { cache.write { $0[name] = (skipped, now) } }
      }
    }
    guard !pending.isEmpty else { return results }
    let answers = runInParallel(pending, timeout: timeout, resolver: resolver ?? systemResolve)
    for name in pending {
      let answer =
        answers[name]
        ?? .unknown("the resolver did not answer within \(formatSeconds(timeout)) seconds")
      results[name] = answer
      // Every rule of a run asks again; a name that timed out must not make each of them wait.
      if resolver == nil {
        cache.write { $0[name] = (answer, now) }
      }
    }
    return results
  }

  /// A cheap test that is true for every name ``special(_:)`` answers: it ends in `localhost`
  /// or `invalid`, in any case, with an optional dot. Lower-casing every advertised host only to
  /// find none of them special cost a tenth of linting 10,000 nodes.
  static func maySpecial(_ name: String) -> Bool {
    var bytes = name.utf8.reversed().makeIterator()
    var last = bytes.next()
    if last == UInt8(ascii: ".") { last = bytes.next() }
    switch last.map({ $0 | 0x20 }) {
    case UInt8(ascii: "t"):
      return matches(&bytes, "localhos")
    case UInt8(ascii: "d"):
      return matches(&bytes, "invali")
    default:
      return false
    }
  }

  /// Whether the next bytes, read backwards, are `word` reversed, ignoring ASCII case.
  private static func matches(
    _ bytes: inout ReversedCollection<String.UTF8View>.Iterator, _ word: StaticString
  ) -> Bool {
    let count = word.utf8CodeUnitCount
    for offset in stride(from: count - 1, through: 0, by: -1) {
      guard let byte = bytes.next(), byte | 0x20 == word.utf8Start[offset] else { return false }
    }
    return true
  }

  /// RFC 6761 §6.3 and §6.4: `localhost` names are the loopback address and `.invalid` names
  /// never exist, whatever the resolver says.
  static func special(_ name: String) -> ResolutionResult? {
    var name = name.lowercased()
    if name.hasSuffix(".") { name.removeLast() }
    if name == "localhost" || name.hasSuffix(".localhost") {
      return .addresses(["127.0.0.1", "::1"])
    }
    if name == "invalid" || name.hasSuffix(".invalid") {
      return .notFound("names under .invalid never resolve, by RFC 6761")
    }
    return nil
  }

  /// Starts one detached thread per name and waits until all answered or `timeout` passed.
  private static func runInParallel(
    _ names: [String], timeout: Double, resolver: @escaping Resolver
  ) -> [String: ResolutionResult] {
    let state = Waiter(expected: names.count)
    for name in names {
      let started = startThread {
        let result = resolver(name)
        state.finish(name, result)
      }
      if !started { state.finish(name, .unknown("could not start a resolver thread")) }
    }
    return state.wait(seconds: timeout)
  }

  /// `getaddrinfo` for one name: its numeric addresses, or why there are none.
  static func systemResolve(_ name: String) -> ResolutionResult {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Glibc)
      hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #else
      hints.ai_socktype = SOCK_STREAM
    #endif
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(name, nil, &hints, &list)
    guard status == 0 else {
      let text = String(cString: gai_strerror(status))
      // EAI_NONAME: no such name; EAI_NODATA (glibc, -5): the name has no addresses.
      if status == EAI_NONAME || status == -5 {
        return .notFound("the resolver says \(quoted(text))")
      }
      return .unknown("the resolver failed: \(text)")
    }
    defer { freeaddrinfo(list) }
    var addresses: [String] = []
    var entry = list
    while let current = entry {
      var buffer = [CChar](repeating: 0, count: 64)
      let rc = getnameinfo(
        current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count),
        nil, 0, NI_NUMERICHOST)
      if rc == 0 {
        let address = String(
          decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if !addresses.contains(address) { addresses.append(address) }
      }
      entry = current.pointee.ai_next
    }
    return addresses.isEmpty ? .notFound("the name has no addresses") : .addresses(addresses)
  }

  private static func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}

/// Seconds on a monotonic clock.
private func monotonicSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Runs `body` on a new detached thread; `false` when the thread could not be created.
private func startThread(_ body: @escaping @Sendable () -> Void) -> Bool {
  let context = Unmanaged.passRetained(Box(body)).toOpaque()
  #if canImport(Darwin)
    var thread: pthread_t?
  #else
    var thread = pthread_t()
  #endif
  let rc = pthread_create(
    &thread, nil,
    { raw in
      #if canImport(Darwin)
        let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
      #else
        guard let raw else { return nil }
        let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
      #endif
      box.body()
      return nil
    }, context)
  guard rc == 0 else {
    Unmanaged<Box>.fromOpaque(context).release()
    return false
  }
  #if canImport(Darwin)
    if let thread { pthread_detach(thread) }
  #else
    pthread_detach(thread)
  #endif
  return true
}

/// The work of one resolver thread, passed through `pthread_create`'s context pointer.
private final class Box {
  let body: @Sendable () -> Void
  init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// Collects the answers of the resolver threads; the caller waits with a deadline. Threads
/// that answer after the deadline write into an object nobody reads any more.
private final class Waiter: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var results: [String: ResolutionResult] = [:]
  private let expected: Int

  init(expected: Int) {
    self.expected = expected
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  func finish(_ name: String, _ result: ResolutionResult) {
    pthread_mutex_lock(mutex)
    results[name] = result
    pthread_cond_broadcast(condition)
    pthread_mutex_unlock(mutex)
  }

  func wait(seconds: Double) -> [String: ResolutionResult] {
    var deadline = timespec()
    clock_gettime(CLOCK_REALTIME, &deadline)
    let nanoseconds = Int(deadline.tv_nsec) + Int((seconds - seconds.rounded(.down)) * 1e9)
    deadline.tv_sec += Int(seconds.rounded(.down)) + nanoseconds / 1_000_000_000
    deadline.tv_nsec = nanoseconds % 1_000_000_000
    pthread_mutex_lock(mutex)
    while results.count < expected {
      if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { break }
    }
    let answered = results
    pthread_mutex_unlock(mutex)
    return answered
  }
}

/// A value behind a mutex, for the process-wide cache.
private final class Locked<Value>: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private var value: Value

  init(_ value: Value) {
    self.value = value
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func read<T>(_ body: (Value) -> T) -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body(value)
  }

  func write(_ body: (inout Value) -> Void) {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    body(&value)
  }
}
