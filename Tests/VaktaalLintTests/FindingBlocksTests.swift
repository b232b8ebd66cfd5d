import Synchronization
import Testing
import VaktaalCore
import VaktaalText

@testable import VaktaalLint

/// The findings of a file with many are written a block at a time on every core.
@Suite struct FindingBlocksTests {
    /// The blocks are handed out in order, together covering every finding once, and each core
    /// keeps its state from block to block: one state for each core, each block written with
    /// the state of the blocks its core wrote before it.
    @Test func eachCoreKeepsItsStateFromBlockToBlock() {
        // Three windows of blocks or more on any number of cores.
        let count = (2 * Parallel.coreCount + 1) * FindingBlocks.size + 1
        let statesMade = Mutex(0)
        var handedOut: [String] = []
        func newState() -> [Range<Int>] {
            statesMade.withLock { $0 += 1 }
            return []
        }
        FindingBlocks.write(count, as: TextBuffer.self, keeping: newState) { range, text, written in
            text.append("\(range.lowerBound)..<\(range.upperBound) after \(written.count)")
            written.append(range)
        } handOut: { text in
            text.drain { handedOut.append(String(decoding: $0, as: UTF8.self)) }
        }
        let cores = Parallel.coreCount
        let blocks = (0...(2 * cores + 1)).map { block in
            "\(block * FindingBlocks.size)..<\(min(count, (block + 1) * FindingBlocks.size)) after \(block / cores)"
        }
        #expect(handedOut == blocks)
        #expect(statesMade.withLock { $0 } == cores)
    }
}
