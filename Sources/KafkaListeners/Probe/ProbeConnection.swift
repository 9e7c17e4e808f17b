import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a network step of the probe failed.
public enum ProbeIOError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The connection attempt was refused (ECONNREFUSED).
  case refused
  /// The step did not finish within its timeout.
  case timedOut(step: String, seconds: Double)
  /// No route to the network or host (ENETUNREACH, EHOSTUNREACH).
  case unreachable(String)
  /// Another socket error.
  case socket(String)
  /// The peer closed the connection; `bytes` is how much it had sent before.
  case closed(bytes: Int)
  /// The first 4 bytes are not a plausible Kafka frame size.
  case invalidFrameSize(Int64, firstBytes: [UInt8])
  /// The TLS handshake failed.
  case tlsFailed(String)

  /// One line for messages.
  public var description: String {
    switch self {
    case .refused: "connection refused"
    case .timedOut(let step, let seconds): "\(step) timed out after \(formatSeconds(seconds))"
    case .unreachable(let text): text
    case .socket(let text): text
    case .closed(let bytes): "closed after \(bytes) bytes"
    case .invalidFrameSize(let size, let first):
      "invalid frame size \(size)" + (printablePrefix(first).map { " (\"\($0)\")" } ?? "")
    case .tlsFailed(let reason): "TLS handshake failed: \(reason)"
    }
  }

  /// Whether the first bytes look like a TLS record (alert or handshake, version 3.x).
  var looksLikeTLS: Bool {
    if case .invalidFrameSize(_, let first) = self, first.count >= 2 {
      return (0x14...0x17).contains(first[0]) && first[1] == 0x03
    }
    return false
  }
}

func formatSeconds(_ seconds: Double) -> String {
  seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
}

/// The printable ASCII of the first bytes (`HTTP`, `SSH-`), or `nil` when they are not text.
func printablePrefix(_ bytes: [UInt8]) -> String? {
  guard !bytes.isEmpty, bytes.allSatisfy({ (0x20...0x7e).contains($0) }) else { return nil }
  return String(decoding: bytes, as: UTF8.self)
}

/// Collects whole frames: reads exactly 4 size bytes, then exactly `size` bytes, and refuses a
/// negative size or one above the cap before buffering it.
final class FrameHandler: ChannelDuplexHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundIn = PendingRequest
  typealias OutboundOut = ByteBuffer

  /// A request frame and the promise for its response payload.
  struct PendingRequest: Sendable {
    var frame: [UInt8]
    var promise: EventLoopPromise<[UInt8]>
  }

  private var buffer: ByteBuffer?
  private var pending: EventLoopPromise<[UInt8]>?
  private var received = 0
  private var failure: ProbeIOError?
  private let maxFrameBytes: Int

  init(maxFrameBytes: Int) { self.maxFrameBytes = maxFrameBytes }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let request = unwrapOutboundIn(data)
    if let failure {
      request.promise.fail(failure)
      promise?.fail(failure)
      return
    }
    pending = request.promise
    received = 0
    buffer = nil
    let out = context.channel.allocator.buffer(bytes: request.frame)
    context.write(wrapOutboundOut(out), promise: promise)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var incoming = unwrapInboundIn(data)
    received += incoming.readableBytes
    if buffer == nil {
      buffer = incoming
    } else {
      buffer?.writeBuffer(&incoming)
    }
    deliver(context: context)
  }

  private func deliver(context: ChannelHandlerContext) {
    guard var current = buffer, current.readableBytes >= 4,
      let size = current.getInteger(at: current.readerIndex, as: Int32.self)
    else { return }
    if size < 0 || Int(size) > maxFrameBytes {
      let first = current.getBytes(at: current.readerIndex, length: min(4, current.readableBytes))
      fail(.invalidFrameSize(Int64(size), firstBytes: first ?? []), context: context)
      return
    }
    guard current.readableBytes >= 4 + Int(size) else { return }
    current.moveReaderIndex(forwardBy: 4)
    let payload = current.readBytes(length: Int(size)) ?? []
    buffer = current.readableBytes > 0 ? current : nil
    let promise = pending
    pending = nil
    promise?.succeed(payload)
  }

  private func fail(_ error: ProbeIOError, context: ChannelHandlerContext) {
    failure = failure ?? error
    let promise = pending
    pending = nil
    promise?.fail(error)
    context.close(promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    fail(.closed(bytes: received), context: context)
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    fail(ProbeConnection.classify(error), context: context)
  }
}

/// Completes a promise when the TLS handshake finishes, or fails it.
final class HandshakeWaiter: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  private let promise: EventLoopPromise<Void>

  init(promise: EventLoopPromise<Void>) { self.promise = promise }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .handshakeCompleted = event as? TLSUserEvent { promise.succeed(()) }
    context.fireUserInboundEventTriggered(event)
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    promise.fail(ProbeIOError.tlsFailed(ProbeConnection.describeTLSError(error)))
    context.fireErrorCaught(error)
  }

  func channelInactive(context: ChannelHandlerContext) {
    promise.fail(ProbeIOError.tlsFailed("the peer closed the connection during the handshake"))
    context.fireChannelInactive()
  }
}

/// The certificates a TLS peer presented, leaf first, as DER.
final class CapturedChain: Sendable {
  private let storage = NIOLockedValueBox<[[UInt8]]>([])
  var certificates: [[UInt8]] { storage.withLockedValue { $0 } }
  func set(_ value: [[UInt8]]) { storage.withLockedValue { $0 = value } }
}

/// TLS settings for one connection.
public struct ProbeTLS: Sendable {
  /// The SNI name (and the name certificates are judged against); `nil` sends no SNI.
  public var serverName: String?

  /// When set, BoringSSL verifies the chain against this PEM bundle (names are not checked)
  /// instead of the probe capturing whatever the peer sends.
  public var trustedCAFile: String?

  /// Creates settings.
  public init(serverName: String?) { self.serverName = serverName }

  /// The SNI to send for `host`: one trailing dot stripped, nothing for IP literals or names
  /// swift-nio-ssl would refuse (RFC 6066 §3).
  public static func sni(for host: String) -> String? {
    var name = host
    if name.hasSuffix(".") { name.removeLast() }
    if name.isEmpty || IPLiteral.kind(name) != nil { return nil }
    if name.utf8.count > 255 || name.utf8.contains(0) { return nil }
    return name
  }
}

/// One connection to a Kafka listener: one request in flight, a timeout on every step.
final class ProbeConnection {
  let channel: Channel
  let chain: CapturedChain
  let requestTimeout: Double
  private var nextCorrelation: Int32 = 1

  private init(channel: Channel, chain: CapturedChain, requestTimeout: Double) {
    self.channel = channel
    self.chain = chain
    self.requestTimeout = requestTimeout
  }

  /// Connects to `address`, then (with `tls`) completes a TLS handshake. The peer's chain is
  /// captured and accepted whatever it is: the probe judges it afterwards.
  static func open(
    to address: SocketAddress, group: EventLoopGroup, tls: ProbeTLS?, timeouts: ProbeTimeouts,
    maxFrameBytes: Int
  ) throws(ProbeIOError) -> ProbeConnection {
    let chain = CapturedChain()
    let handshake = group.next().makePromise(of: Void.self)
    var made: NIOSSLContext?
    if let tls {
      var configuration = TLSConfiguration.makeClientConfiguration()
      // Not `.none`: with `.none` the custom callback that captures the chain never runs.
      configuration.certificateVerification = .noHostnameVerification
      if let ca = tls.trustedCAFile { configuration.trustRoots = .file(ca) }
      do {
        made = try NIOSSLContext(configuration: configuration)
      } catch {
        throw .tlsFailed("cannot set up TLS: \(error)")
      }
    }
    let sslContext = made
    let serverName = tls?.serverName
    let capture = tls?.trustedCAFile == nil
    let bootstrap = ClientBootstrap(group: group)
      .connectTimeout(.milliseconds(Int64(timeouts.connect * 1000)))
      .channelOption(.socketOption(.so_reuseaddr), value: 1)
      .channelInitializer { channel in
        do {
          let sync = channel.pipeline.syncOperations
          if let sslContext {
            let handler =
              capture
              ? try NIOSSLClientHandler(
                context: sslContext, serverHostname: serverName,
                customVerificationCallback: { certificates, promise in
                  chain.set(certificates.compactMap { try? $0.toDERBytes() })
                  promise.succeed(.certificateVerified)
                })
              : try NIOSSLClientHandler(context: sslContext, serverHostname: serverName)
            try sync.addHandler(handler)
            try sync.addHandler(HandshakeWaiter(promise: handshake))
          }
          try sync.addHandler(FrameHandler(maxFrameBytes: maxFrameBytes))
          return channel.eventLoop.makeSucceededVoidFuture()
        } catch {
          return channel.eventLoop.makeFailedFuture(error)
        }
      }
    let channel: Channel
    do {
      channel = try bootstrap.connect(to: address).wait()
    } catch {
      handshake.fail(ProbeIOError.closed(bytes: 0))
      throw classify(error, connectTimeout: timeouts.connect)
    }
    if tls != nil {
      let timer = channel.eventLoop.scheduleTask(
        in: .milliseconds(Int64(timeouts.handshake * 1000))
      ) {
        handshake.fail(ProbeIOError.timedOut(step: "TLS handshake", seconds: timeouts.handshake))
      }
      do {
        try handshake.futureResult.wait()
        timer.cancel()
      } catch {
        timer.cancel()
        channel.close(promise: nil)
        throw (error as? ProbeIOError) ?? .tlsFailed(describeTLSError(error))
      }
    } else {
      handshake.succeed(())
    }
    return ProbeConnection(channel: channel, chain: chain, requestTimeout: timeouts.request)
  }

  /// Takes the next correlation id (a per-connection counter starting at 1).
  func correlationID() -> Int32 {
    defer { nextCorrelation &+= 1 }
    return nextCorrelation
  }

  /// Sends one request frame and waits for one response payload.
  func roundTrip(_ frame: [UInt8]) throws(ProbeIOError) -> [UInt8] {
    let promise = channel.eventLoop.makePromise(of: [UInt8].self)
    let seconds = requestTimeout
    let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
      promise.fail(ProbeIOError.timedOut(step: "request", seconds: seconds))
    }
    channel.writeAndFlush(FrameHandler.PendingRequest(frame: frame, promise: promise))
      .whenFailure { promise.fail($0) }
    do {
      let payload = try promise.futureResult.wait()
      timer.cancel()
      return payload
    } catch {
      timer.cancel()
      throw (error as? ProbeIOError) ?? ProbeConnection.classify(error)
    }
  }

  func close() {
    _ = try? channel.close().wait()
  }

  /// Maps NIO and socket errors to the probe's words.
  static func classify(_ error: Error, connectTimeout: Double = 0) -> ProbeIOError {
    if let probe = error as? ProbeIOError { return probe }
    if let channelError = error as? ChannelError {
      switch channelError {
      case .connectTimeout: return .timedOut(step: "connect", seconds: connectTimeout)
      case .eof, .alreadyClosed, .ioOnClosedChannel: return .closed(bytes: 0)
      default: return .socket("\(channelError)")
      }
    }
    if let io = error as? IOError { return errno(io.errnoCode) }
    if let connect = error as? NIOConnectionError {
      // NIO tries each address; the probe passes one, so the first error is the one.
      if let first = connect.connectionErrors.first { return classify(first.error) }
      return .socket("\(connect)")
    }
    if error is NIOSSLError || error is BoringSSLError {
      return .tlsFailed(describeTLSError(error))
    }
    return .socket("\(error)")
  }

  static func errno(_ code: Int32) -> ProbeIOError {
    switch code {
    case ECONNREFUSED: return .refused
    case ENETUNREACH: return .unreachable("network unreachable")
    case EHOSTUNREACH: return .unreachable("host unreachable")
    case ETIMEDOUT: return .timedOut(step: "connect", seconds: 0)
    case ECONNRESET: return .closed(bytes: 0)
    default: return .socket(String(cString: strerror(code)))
    }
  }

  static func describeTLSError(_ error: Error) -> String {
    if let probe = error as? ProbeIOError { return probe.description }
    if let boring = error as? BoringSSLError { return "\(boring)" }
    if let nio = error as? NIOSSLError {
      if case .uncleanShutdown = nio { return "unexpected EOF" }
      return "\(nio)"
    }
    if let channel = error as? ChannelError, channel == .eof { return "unexpected EOF" }
    if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
    return "\(error)"
  }
}
