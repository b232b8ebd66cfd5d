import VaktaalCore
import VaktaalText

/// A text a report is written into, then handed out in pieces.
protocol ReportText: ~Copyable {
    /// An empty text.
    init()
    /// Hands the bytes so far to `output` and starts over.
    mutating func drain(into output: (UnsafeRawBufferPointer) -> Void)
}

extension JSONText: ReportText {}

extension TextBuffer: ReportText {
    init() { self.init(capacity: 256) }
}

/// The findings of a file with many written a block at a time on every core: a report of a
/// million findings is otherwise written on one core after everything else is done.
enum FindingBlocks {
    /// How many findings a block holds (a few megabytes of report).
    static let size = 8_192

    /// Whether `count` findings are worth writing in blocks (on one core too: each block is
    /// then handed out as soon as it is made).
    static func areWorthwhile(for count: Int) -> Bool { count >= 2 * size }

    /// Writes the findings `0..<count` block by block, as many blocks at once as there are
    /// cores, each by `write` (given its findings' range) into a text of its own; the texts
    /// are handed to `handOut` in order. Each core keeps its text from block to block: memory
    /// fresh from the kernel for every block would cost more than writing it.
    static func write<Text: ReportText & ~Copyable>(
        _ count: Int, as _: Text.Type, _ write: @Sendable (Range<Int>, inout Text) -> Void, handOut: (inout Text) -> Void
    ) {
        Self.write(count, as: Text.self, keeping: {}, { range, text, _ in write(range, &text) }, handOut: handOut)
    }

    /// Writes the findings `0..<count` as ``write(_:as:_:handOut:)`` does, each core keeping a
    /// `State` of its own from block to block too (made by `state`): what the findings it
    /// wrote say, so that a document's many terms are not learnt again in every block.
    static func write<Text: ReportText & ~Copyable, State>(
        _ count: Int, as _: Text.Type, keeping state: () -> State,
        _ write: @Sendable (Range<Int>, inout Text, inout State) -> Void, handOut: (inout Text) -> Void
    ) {
        let blocks = (0..<Parallel.coreCount).map { _ in BlockText<Text, State>(state()) }
        let blockCount = (count + size - 1) / size
        var nextBlock = 0
        while nextBlock < blockCount {
            let window = nextBlock..<min(blockCount, nextBlock + blocks.count)
            Parallel.forEach(window.count) { offset in
                let block = window.lowerBound + offset
                write((block * size)..<min(count, (block + 1) * size), &blocks[offset].text, &blocks[offset].state)
            }
            for block in blocks.prefix(window.count) { handOut(&block.text) }
            nextBlock = window.upperBound
        }
    }

    /// Where one core writes a block, and what it keeps from block to block; handed to one
    /// core at a time.
    private final class BlockText<Text: ReportText & ~Copyable, State>: @unchecked Sendable {
        var text = Text()
        var state: State

        init(_ state: State) { self.state = state }
    }
}
