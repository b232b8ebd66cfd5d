import Dispatch
import Synchronization
import VaktaalText

/// Work spread over all cores in a few large chunks, results in order.
package enum Parallel {
    /// `transform` of `0..<count`, computed in parallel chunks.
    package static func map<Value: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let chunkCount = count < 2_000 ? 1 : min(16, max(1, count / 1_000))
        guard chunkCount > 1 else { return (0..<count).map(transform) }
        // Each chunk initializes its own range of the result in place: no chunk arrays to join
        // (joining them here, unspecialized, looked up generic metadata for every element).
        return [Value](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            nonisolated(unsafe) let start = buffer.baseAddress!
            HugePages.advise(start, count: count * MemoryLayout<Value>.stride)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                for index in (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount) {
                    (start + index).initialize(to: transform(index))
                }
            }
            initializedCount = count
        }
    }

    /// `transform` of `0..<count`, each item a task of its own (for a few large items).
    package static func mapEach<Value: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let slots = Mutex<[Value?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = transform(index)
            slots.withLock { $0[index] = value }
        }
        // Every slot is filled once concurrentPerform returns.
        return slots.withLock { $0 }.map { $0! }
    }

    /// Runs two pieces of work at once and returns both results.
    package static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let results = Mutex<(First?, Second?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let value = first()
                results.withLock { $0.0 = value }
            } else {
                let value = second()
                results.withLock { $0.1 = value }
            }
        }
        let (firstValue, secondValue) = results.withLock { $0 }
        // Both slots are filled once concurrentPerform returns; the fallbacks only satisfy the types.
        return (firstValue ?? first(), secondValue ?? second())
    }
}
