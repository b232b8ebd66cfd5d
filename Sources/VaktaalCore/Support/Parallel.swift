import Dispatch
import Foundation
import Synchronization
import VaktaalText

/// Work spread over all cores in a few large chunks, results in order.
package enum Parallel {
    /// How many cores the process may use, asked once: on Linux each question reads the
    /// control group's files again.
    package static let coreCount = ProcessInfo.processInfo.activeProcessorCount

    /// `transform` of `0..<count`, computed in parallel chunks.
    package static func map<Value: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let chunkCount = count < 2_000 ? 1 : min(16, max(1, count / 1_000))
        return map(count, chunks: chunkCount, state: {}, { index, _ in transform(index) })
    }

    /// `transform` of `0..<count`, computed in `chunkCount` chunks side by side: the items of a
    /// chunk in order, with a state of the chunk's own made by `state` (what they share, such
    /// as a cache of what they made).
    package static func map<Value: Sendable, State>(
        _ count: Int, chunks chunkCount: Int, state: @Sendable () -> State,
        _ transform: @Sendable (Int, inout State) -> Value
    ) -> [Value] {
        // The result is initialized in place, by index: a `map` of the indices, unspecialized
        // here, went through the witnesses of the range and of the values for each (some 1,500
        // instructions a value: 24 M for the 16,000 terms and findings of a document linted on
        // one core).
        guard chunkCount > 1, count > 1 else {
            var shared = state()
            return [Value](unsafeUninitializedCapacity: count) { buffer, initializedCount in
                // An empty result may have no storage to point at.
                if let start = buffer.baseAddress {
                    for index in 0..<count { (start + index).initialize(to: transform(index, &shared)) }
                }
                initializedCount = count
            }
        }
        // Each chunk initializes its own range of the result in place: no chunk arrays to join
        // (joining them here, unspecialized, looked up generic metadata for every element).
        return [Value](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            nonisolated(unsafe) let start = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                var shared = state()
                for index in (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount) {
                    (start + index).initialize(to: transform(index, &shared))
                }
            }
            initializedCount = count
        }
    }

    /// `transform` of `0..<count`, each item a task of its own (for a few large items), taken
    /// in turn by one worker per core until none is left.
    package static func mapEach<Value: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let slots = Mutex<[Value?]>(Array(repeating: nil, count: count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(count, coreCount)) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let value = transform(index)
                slots.withLock { $0[index] = value }
            }
        }
        // Every slot is filled once concurrentPerform returns.
        return slots.withLock { $0 }.map { $0! }
    }

    /// `produce` of `0..<count`, each item a task of its own taken in turn by one worker per
    /// core, each value handed to `consume` on the calling thread in order, as soon as it and
    /// those before it are made: consuming goes on beside producing to the last item, and no
    /// value waits for a slower one made beside it but those before it. At most `ahead`
    /// values (at least one) are made past the last one consumed. What the items of a worker
    /// share (a memo of what they met) is set up once per worker by `sharing`, which must
    /// call its body once, on its own thread, before it returns; a worker's items run one
    /// after another.
    package static func forEachInOrder<Value: Sendable, Shared>(
        _ count: Int, ahead: Int, sharing: @Sendable (_ body: (Shared) -> Void) -> Void,
        _ produce: @Sendable (Int, Shared) -> Value, consume: (Value) -> Void
    ) {
        withoutActuallyEscaping(produce) { produce in
            // One item (most documents) is made and consumed here, without a thread; so are
            // all when no thread can be made.
            func inTurn() {
                withoutActuallyEscaping(consume) { consume in
                    sharing { shared in
                        for item in 0..<count { consume(produce(item, shared)) }
                    }
                }
            }
            guard count > 1 else { return count == 1 ? inTurn() : () }
            let handOff = InOrderHandOff<Value>(count: count, ahead: ahead)
            withoutActuallyEscaping(sharing) { sharing in
                // The workers' threads are not the caller's: a `concurrentPerform` on a thread of
                // the pool gets a share of its width (``both(_:_:)``).
                let producers = WorkThread.started {
                    DispatchQueue.concurrentPerform(iterations: min(count, coreCount)) { _ in
                        sharing { shared in
                            while let item = handOff.nextItem() { handOff.put(produce(item, shared), for: item) }
                        }
                    }
                }
                guard let producers else { return inTurn() }
                for item in 0..<count { consume(handOff.take(item)) }
                producers.join()
            }
        }
    }

    /// `body` of each of `0..<count`, each item a task of its own (for a few large items).
    package static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// Runs two pieces of work at once and returns both results.
    ///
    /// `first` runs on a thread of its own, `second` on the calling one (so it may change
    /// the caller's variables). (Not on the dispatch pool: work that `Parallel.map`s inside a
    /// `concurrentPerform` gets a share of its width, one core of two, even after the other
    /// branch is done.)
    package static func both<First: Sendable, Second>(
        _ first: @Sendable () -> First, _ second: () -> Second
    ) -> (First, Second) {
        withoutActuallyEscaping(first) { first in
            let firstValue = Slot<First>()
            let thread = WorkThread { firstValue.value = first() }
            let secondValue = second()
            thread.join()
            return (firstValue.value!, secondValue)
        }
    }
}
