import Foundation
import Synchronization
import Testing
import VaktaalCore

@Suite struct ParallelTests {
    /// Below 2,000 items `map` is one loop; from there on chunks fill the result in place, and
    /// every index must come out once, in order.
    @Test(arguments: [0, 1, 1_999, 2_000, 2_001, 16_001, 100_003])
    func mapGivesEveryValueInOrder(count: Int) {
        #expect(Parallel.map(count) { String($0) } == (0..<count).map { String($0) })
    }

    /// Chunks with a state of their own: each chunk's items in order with the state its items
    /// before it left, and every index once, in order.
    @Test(arguments: [(0, 2), (1, 2), (2, 16), (5, 8), (7, 3), (10_000, 4), (10_001, 1)])
    func mapInChunksKeepsEachChunksState(count: Int, chunks: Int) {
        @Sendable func nothingBefore() -> [Int] { [] }
        let values = Parallel.map(count, chunks: chunks, state: nothingBefore) { index, before in
            defer { before.append(index) }
            return (index, before.last)
        }
        #expect(values.map(\.0) == Array(0..<count))
        let starts = Set((0..<chunks).map { count * $0 / chunks })
        for (index, before) in values {
            #expect(before == (starts.contains(index) ? nil : index - 1), "item \(index)")
        }
    }

    /// A value counting how many of its kind are alive.
    final class Counted: Sendable {
        static let alive = Atomic<Int>(0)
        init() { Self.alive.wrappingAdd(1, ordering: .relaxed) }
        deinit { Self.alive.wrappingSubtract(1, ordering: .relaxed) }
    }

    /// Each value is made once, kept by the result and freed with it.
    @Test func mapKeepsEachValueOnceAndFreesItWithTheResult() {
        do {
            let values = Parallel.map(50_000) { _ in Counted() }
            #expect(values.count == 50_000 && Counted.alive.load(ordering: .relaxed) == 50_000)
        }
        #expect(Counted.alive.load(ordering: .relaxed) == 0)
    }

    /// Each item a task of its own: every value comes out once, in order.
    @Test(arguments: [0, 1, 3, 1_000])
    func mapEachGivesEveryValueInOrder(count: Int) {
        #expect(Parallel.mapEach(count) { String($0) } == (0..<count).map { String($0) })
    }

    /// Values made on all cores reach the consumer once each, in order, with one setup per
    /// worker at most (no more workers than items); however slow the consumer, no more than
    /// `ahead` (at least one) are made past the one it took last.
    @Test(arguments: [(0, 4), (1, 4), (2, 1), (3, 2), (500, 0), (500, 1), (500, 3), (500, 1_000)])
    func forEachInOrderConsumesEveryValueInOrderAtMostAheadPastTheLast(count: Int, ahead: Int) {
        let setups = Atomic<Int>(0)
        let made = Atomic<Int>(0)
        var consumed: [Int] = []
        var mostAhead = 0
        Parallel.forEachInOrder(count, ahead: ahead) { body in
            body(setups.add(1, ordering: .relaxed).newValue)
        } _: { index, _ in
            made.add(1, ordering: .relaxed)
            return index
        } consume: { index in
            // Made past this one, which is consumed.
            mostAhead = max(mostAhead, made.load(ordering: .relaxed) - (index + 1))
            consumed.append(index)
            // A slow consumer: the workers reach the limit.
            if index % 100 == 0 { Thread.sleep(forTimeInterval: 0.001) }
        }
        #expect(consumed == Array(0..<count))
        #expect(setups.load(ordering: .relaxed) <= max(1, min(count, Parallel.coreCount)))
        #expect(mostAhead <= max(1, ahead))
    }

    /// The values are consumed on the calling thread (which may change the caller's variables).
    @Test func forEachInOrderConsumesOnTheCallingThread() {
        let caller = pthread_self()
        var elsewhere = 0
        Parallel.forEachInOrder(200, ahead: 4) { body in
            body(())
        } _: { index, _ in
            index
        } consume: { _ in
            if pthread_equal(pthread_self(), caller) == 0 { elsewhere += 1 }
        }
        #expect(elsewhere == 0)
    }

    @Test func bothGivesBothResults() {
        let (number, text) = Parallel.both({ (1...1_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(number == 500_500 && text == "ababab")
    }

    /// Work split inside either branch of `both` gets every core, not a share of the cores
    /// (as `concurrentPerform` nested in `concurrentPerform` did: one core of two; on four
    /// cores or more the old way also gave two threads, so only two or three cores tell).
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores"))
    func workInsideBothIsSpreadOverCores() {
        let (inFirst, inSecond) = Parallel.both({ Self.threadsSplittingWork() }, { Self.threadsSplittingWork() })
        #expect(inFirst >= 2)
        #expect(inSecond >= 2)
    }

    /// How many threads a `Parallel.map` runs its chunks on, each chunk waiting (at most a
    /// minute in all, so that a map on one thread fails instead of hanging) for a second thread.
    private static func threadsSplittingWork() -> Int {
        let threads = Mutex<Set<UInt>>([])
        let deadline = ContinuousClock.now + .seconds(60)
        _ = Parallel.map(16_000) { index in
            guard index % 1_000 == 0 else { return index }
            threads.withLock { _ = $0.insert(UInt(pthread_self())) }
            while threads.withLock({ $0.count }) < 2, ContinuousClock.now < deadline { usleep(1_000) }
            return index
        }
        return threads.withLock { $0.count }
    }
}

@Suite struct BackgroundReleaseTests {
    /// Where and whether a value was freed.
    private final class Probe: Sendable {
        let thread = Mutex<pthread_t?>(nil)
        let freed = DispatchSemaphore(value: 0)
    }

    /// Tells its probe the thread it is freed on.
    private final class Tracked: Sendable {
        let probe: Probe

        init(_ probe: Probe) { self.probe = probe }

        deinit {
            probe.thread.withLock { $0 = pthread_self() }
            probe.freed.signal()
        }
    }

    @Test func aValueIsFreedOnAnotherThread() {
        let probe = Probe()
        BackgroundRelease.release([Tracked(probe)])
        // A generous bound, so that a value never freed fails the test instead of hanging it.
        #expect(probe.freed.wait(timeout: .now() + 60) == .success)
        let thread = probe.thread.withLock { $0 }
        #expect(thread.map { pthread_equal($0, pthread_self()) == 0 } == true)
    }

    /// A value kept until the process exits is not freed, where a released one would be by then.
    @Test func aValueKeptUntilExitIsNotFreed() {
        let kept = Probe()
        let released = Probe()
        BackgroundRelease.keepUntilExit([Tracked(kept)])
        BackgroundRelease.release([Tracked(released)])
        #expect(released.freed.wait(timeout: .now() + 60) == .success)
        #expect(kept.freed.wait(timeout: .now()) == .timedOut)
    }
}
