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
        // The stretch is counted in bulk (loops the compiler vectorizes): the line ends in
        // it, then the characters after the last one.
        var lastLineEnd = target - 1
        while lastLineEnd >= offset, !Self.isLineEnd(bytes[lastLineEnd]) { lastLineEnd -= 1 }
        if lastLineEnd < offset {
            column += characters(in: offset..<target)
        } else {
            line += lineEnds(in: offset..<lastLineEnd + 1)
            column = 1 + characters(in: lastLineEnd + 1..<target)
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

    /// The number of characters (code points) in `range`: the bytes that start one.
    private func characters(in range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The number of line ends in `range`: each `\r`, and each `\n` that does not follow
    /// one (a `\r\n` pair is one).
    private func lineEnds(in range: Range<Int>) -> Int {
        var count = 0
        for index in range {
            let byte = bytes[index]
            if byte == 0x0D || (byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) { count += 1 }
        }
        return count
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
