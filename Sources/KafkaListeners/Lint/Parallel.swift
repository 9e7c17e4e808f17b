import Dispatch
import Foundation

/// Runs independent pieces of a lint on several processors: parsing the files, deriving the
/// clusters and running the rules. Results keep the order of the inputs, so the output is the
/// same as a sequential run, byte for byte.
enum Parallel {
  /// Processors this process may use. Read only when a map is long enough to spread: Foundation
  /// finds the count through the cgroup files, which costs a typical run half a millisecond.
  static let processors = ProcessInfo.processInfo.activeProcessorCount

  /// `items.map(transform)`, spread over the processors when there are at least `minimumCount`
  /// items. Below that a sequential map is faster: handing work to threads costs more than a
  /// typical file's parsing or a small cluster's rules.
  static func map<Element, Result>(
    _ items: [Element], minimumCount: Int, _ transform: @Sendable (Element) -> Result
  ) -> [Result] where Element: Sendable, Result: Sendable {
    guard items.count >= max(2, minimumCount), processors > 1 else { return items.map(transform) }
    return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
      guard let base = buffer.baseAddress else {
        initialized = 0
        return
      }
      // Every index is written by exactly one iteration, and the array is read only after
      // `concurrentPerform` has returned.
      let slots = Slots(base: base)
      DispatchQueue.concurrentPerform(iterations: items.count) { index in
        (slots.base + index).initialize(to: transform(items[index]))
      }
      initialized = items.count
    }
  }

  /// `0..<count` cut into consecutive ranges of `size` (the last one may be shorter), for
  /// callers that map a long list in chunks, each with its own copy of some state, and then
  /// merge the chunks' results in order.
  static func chunks(of size: Int, count: Int) -> [Range<Int>] {
    let size = max(1, size)
    return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
  }

  /// `items.map { transform($0, &state) }`, where each step may add to `state` (a reader's
  /// issues), cut into chunks of `size` on several processors from `parallelFrom` items on.
  ///
  /// Every chunk starts from a copy of `state` that `start` has prepared (its issues emptied),
  /// and is folded back into `state` by `merge`, chunk after chunk in order. For steps that
  /// change nothing in the state but what `merge` folds back, this is what the sequential map
  /// gives, issues and all.
  static func map<Element: Sendable, State: Sendable, Result: Sendable>(
    _ items: [Element], inChunksOf size: Int, from parallelFrom: Int, state: inout State,
    start: (inout State) -> Void, merge: (inout State, State) -> Void,
    _ transform: @Sendable (Element, inout State) -> Result
  ) -> [Result] {
    guard items.count >= parallelFrom else { return items.map { transform($0, &state) } }
    var base = state
    start(&base)
    let parts = map(chunks(of: size, count: items.count), minimumCount: 2) { [base] range in
      var chunkState = base
      let results = items[range].map { transform($0, &chunkState) }
      return (results: results, state: chunkState)
    }
    var results: [Result] = []
    results.reserveCapacity(items.count)
    for part in parts {
      merge(&state, part.state)
      results += part.results
    }
    return results
  }

  /// Frees `value` on another thread. Freeing a large input, millions of small objects, takes
  /// tens of milliseconds the caller need not wait for: it has its report already. The caller
  /// hands its last reference over (`consume`); a reference it kept would be the last one
  /// dropped, and the freeing would happen on its own thread after all.
  static func release<Value: Sendable>(_ value: consuming Value) {
    let owned = Owned(value)
    DispatchQueue.global(qos: .utility).async { owned.drop() }
  }

  /// A value moved into the block that frees it.
  private final class Owned<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    init(_ value: consuming Value) { self.value = value }
    /// Called once, by the one block that owns this box.
    func drop() { value = nil }
  }

  /// The result buffer, shared by the iterations; each writes its own slot.
  private struct Slots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result>
  }
}
