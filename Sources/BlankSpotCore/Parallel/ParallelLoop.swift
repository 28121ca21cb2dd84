import Dispatch
import Foundation
import Synchronization

/// Runs work items on a fixed number of threads with `DispatchQueue.concurrentPerform`.
///
/// Items are handed out one at a time from a shared counter, so a slow item does not hold up
/// the others. Which thread runs which item varies from run to run; callers keep results
/// independent of that (each item writes its own slots, or combines with an order-free rule).
public enum ParallelLoop {
    /// The number of threads to use when the user does not say: the active processor count.
    public static var defaultThreadCount: Int { Foundation.ProcessInfo.processInfo.activeProcessorCount }

    /// Calls `body(i)` once for every `i` in `0..<count`, on at most `threads` threads at once.
    /// `body` receives the item and the worker slot (`0..<threads`) running it, so a caller can
    /// keep one scratch buffer per worker.
    public static func run(count: Int, threads: Int, _ body: (_ item: Int, _ worker: Int) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(threads, count))
        if workers == 1 {
            for i in 0..<count { body(i, 0) }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            // The callers' items write disjoint memory or merge under locks; the closure itself
            // is only called, never stored, so handing it to the worker threads is safe.
            let shared = UncheckedSendable(value: body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if i >= count { break }
                    shared.value(i, worker)
                }
            }
        }
    }
}

/// Carries a value across threads where the surrounding code guarantees there is no race.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
