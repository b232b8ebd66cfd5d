#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns byte offsets of a UTF-8 buffer into lines and code-point columns: the one place
/// that knows what ends a line (`\n`, `\r\n` and a lone `\r`), used by every reader.
///
/// It scans forward and remembers where it stopped. Offsets asked for are mostly
/// increasing, so the total work is one pass over the buffer; a step back costs only the
/// distance stepped back and the length of the line.
public struct LineIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    /// Positions in `bytes`, which must outlive the index.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The line and code-point column of the byte offset `target`.
    public mutating func position(at target: Int) -> SourcePosition {
        let target = min(max(target, 0), bytes.count)
        if target < offset { stepBack(to: target) }
        guard target > offset else { return SourcePosition(line: line, column: column) }
        // The stretch is counted in bulk: the line ends in it, then the characters after the
        // last one. A long one is read forwards first, most often finding only line feeds:
        // the look back for the last of them then reads bytes just read, and a stretch
        // without any is not looked back over.
        let stretch = offset..<target
        let lineFeeds = stretch.count >= Self.longRange ? lineFeedsWithoutCarriageReturns(in: stretch) : nil
        if lineFeeds?.count != 0, let lastLineEnd = lastLineEnd(in: stretch) {
            line += lineFeeds?.lineEnds ?? lineEnds(in: offset..<lastLineEnd + 1)
            column = 1 + characters(in: lastLineEnd + 1..<target)
        } else {
            column += characters(in: stretch)
        }
        offset = target
        return SourcePosition(line: line, column: column)
    }

    /// The range from `range.lowerBound` to `range.upperBound` as positions, with its bytes.
    public mutating func range(of range: Range<Int>) -> SourceRange {
        let start = position(at: range.lowerBound)
        return SourceRange(start: start, end: position(at: range.upperBound), bytes: range)
    }

    /// The bytes of the line that holds `offset`, without its line end.
    public static func lineBounds(around offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = min(offset, bytes.count)
        while start > 0, !isLineEnd(bytes[start - 1]) { start -= 1 }
        var end = min(offset, bytes.count)
        while end < bytes.count, !isLineEnd(bytes[end]) { end += 1 }
        return start..<end
    }

    /// Whether `byte` is `\n` or `\r`.
    public static func isLineEnd(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    /// The offset of the last line end (`\n` or `\r`) in `range`, looked for sixteen bytes at
    /// a time from its end (a vector compare each): most positions asked for are of terms on
    /// the line of the one before, or a few lines after it.
    private func lastLineEnd(in range: Range<Int>) -> Int? {
        var end = range.upperBound
        // Constants in the loop (a static one is looked up through a lazy initialiser at each call).
        let (lineFeeds, carriageReturns) = (SIMD16<UInt8>(repeating: 0x0A), SIMD16<UInt8>(repeating: 0x0D))
        if let base = bytes.baseAddress {
            while end - 16 >= range.lowerBound {
                let chunk = UnsafeRawPointer(base + end - 16).loadUnaligned(as: SIMD16<UInt8>.self)
                if any((chunk .== lineFeeds) .| (chunk .== carriageReturns)) {
                    // It is in one of the chunk's halves, the later one first.
                    return lastLineEnd(inWordAt: end - 8) ?? lastLineEnd(inWordAt: end - 16)
                }
                end -= 16
            }
        }
        if end - 8 >= range.lowerBound {
            if let found = lastLineEnd(inWordAt: end - 8) { return found }
            end -= 8
        }
        while end > range.lowerBound {
            end -= 1
            if Self.isLineEnd(bytes[end]) { return end }
        }
        return nil
    }

    /// The offset of the last line end in the eight bytes from `index`, if there is one: the
    /// highest byte whose high bit is set in the mask of line ends.
    @inline(__always)
    private func lastLineEnd(inWordAt index: Int) -> Int? {
        let word = load(at: index)
        let lineEnds = Self.zeroBytes(word ^ Self.lineFeeds) | Self.zeroBytes(word ^ Self.carriageReturns)
        return lineEnds == 0 ? nil : index + (63 - lineEnds.leadingZeroBitCount) / 8
    }

    /// The number of characters (code points) in `range`: the bytes that start one, that
    /// is all but the continuation bytes `10xxxxxx`.
    private func characters(in range: Range<Int>) -> Int {
        range.count - count(in: range) { ($0 >> 7) & ~($0 >> 6) & 1 }
    }

    /// The number of line ends in `range`: each `\r`, and each `\n` that does not follow
    /// one (a `\r\n` pair is one, counted where its `\r` is, so the counts of adjoining
    /// ranges add up). Words without a `\r` have their `\n`s counted at once; a long range
    /// without a `\r` (`memchr` finds none) has its `\n`s counted in bulk.
    public func lineEnds(in range: Range<Int>) -> Int {
        if range.count >= Self.longRange, let lineFeeds = lineFeedsWithoutCarriageReturns(in: range) {
            return lineFeeds.lineEnds
        }
        var count = 0
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = load(at: index)
            if Self.zeroBytes(word ^ Self.carriageReturns) == 0 {
                count += Self.highBitCount(Self.zeroBytes(word ^ Self.lineFeeds))
                // A `\n` first in the word ends the line with the `\r` before it, counted already.
                if word & 0xFF == 0x0A, index > 0, bytes[index - 1] == 0x0D { count -= 1 }
                index += 8
                continue
            }
            count += lineEnds(from: index, to: index + 8)
            index += 8
        }
        return count + lineEnds(from: index, to: range.upperBound)
    }

    /// The `\n`s in `range` when it has no `\r` (most files): how many there are, and how
    /// many of them end a line (all but one first in the range after a `\r` before it, which
    /// ends its line with that `\r`); `nil` when there is a `\r`.
    private func lineFeedsWithoutCarriageReturns(in range: Range<Int>) -> (count: Int, lineEnds: Int)? {
        guard let base = bytes.baseAddress, !range.isEmpty, memchr(base + range.lowerBound, 0x0D, range.count) == nil else {
            return range.isEmpty ? (0, 0) : nil
        }
        let lineFeeds = count(in: range) { Self.one(ifZero: $0 ^ 0x0A) }
        let start = range.lowerBound
        let followsCarriageReturn = lineFeeds > 0 && start > 0 && bytes[start] == 0x0A && bytes[start - 1] == 0x0D
        return (lineFeeds, lineFeeds - (followsCarriageReturn ? 1 : 0))
    }

    /// How many bytes of `range` `weight` gives 1 for (0 for the others), summed in pieces
    /// whose sums fit in a byte (``piece``): a loop the compiler turns into vector
    /// instructions of 16 bytes, two an iteration, when `weight` is bit operations (a
    /// comparison there is compiled to a branch, and the loop is then read a byte at a time).
    @inline(__always)
    private func count(in range: Range<Int>, _ weight: (UInt8) -> UInt8) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, start + Self.piece)
            var sum: UInt8 = 0
            for index in start..<end { sum &+= weight(base[index]) }
            count += Int(sum)
            start = end
        }
        return count
    }

    /// 1 when `byte` is 0, else 0, by bit operations: either a byte that is not 0 or its
    /// negation has the high bit set.
    @inline(__always)
    private static func one(ifZero byte: UInt8) -> UInt8 { ((byte | (0 &- byte)) >> 7) ^ 1 }

    private func lineEnds(from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<end {
            let byte = bytes[index]
            if byte == 0x0D || (byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) { count += 1 }
        }
        return count
    }

    /// The length from which a range without a `\r` has its line ends counted in bulk
    /// (``count(in:_:)``), not eight bytes at a time with a look at each word that holds one.
    private static let longRange = 256
    /// The bytes ``count(in:_:)`` sums at a time: fewer than 256, and a multiple of the 32
    /// that its vector loop reads at a time, so that no byte of a whole piece is left to a
    /// loop of single bytes.
    private static let piece = 224
    private static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    private static let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D

    /// The high bit of each byte of `word` that is zero, and no other bit (exact, unlike
    /// the shorter test for whether there is one).
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowSevenBits) &+ lowSevenBits) | word | lowSevenBits)
    }

    /// How many bytes of `mask` have their high bit set, where no other bit is: a multiply
    /// adds them up in the top byte (cheaper than a population count without the instruction).
    private static func highBitCount(_ mask: UInt64) -> Int {
        Int(((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The eight bytes from `index`, the first in the lowest byte.
    private func load(at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// Moves back to `target`: uncounts the line breaks passed over, then counts the column
    /// from the start of the target's line.
    private mutating func stepBack(to target: Int) {
        var crossesLineEnd = false
        var scalars = 0
        for index in target..<offset {
            let byte = bytes[index]
            if byte == 0x0D || (byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) {
                line -= 1
                crossesLineEnd = true
            }
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        // On the same line, only the stretch stepped over is counted: long lines (XML
        // written on one line) stay linear.
        if !crossesLineEnd, !(bytes[target] == 0x0A && target > 0 && bytes[target - 1] == 0x0D) {
            column -= scalars
            offset = target
            return
        }
        let lineStart = Self.lineBounds(around: target, in: bytes).lowerBound
        column = 1
        for index in lineStart..<target where bytes[index] & 0xC0 != 0x80 { column += 1 }
        offset = target
    }
}
