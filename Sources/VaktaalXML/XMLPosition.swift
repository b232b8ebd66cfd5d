/// A place in a source file: a 1-based line and a 1-based column counted in Unicode code points.
///
/// `\n`, `\r\n` and a lone `\r` each end a line.
public struct XMLPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalar values (code points).
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: XMLPosition, rhs: XMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }

    /// The position after `text`, read from this position on.
    public func advanced(over text: some StringProtocol) -> XMLPosition {
        var result = self
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                break
            case "\n", "\r":
                result.line += 1
                result.column = 1
            default:
                result.column += 1
            }
            previousWasCarriageReturn = scalar == "\r"
        }
        return result
    }
}

/// Turns byte offsets into lines and code-point columns by scanning a UTF-8 buffer forward.
///
/// Offsets asked for are mostly increasing, so the total work is one pass over the buffer;
/// a step back (the end of an empty element reports its start tag again) costs only the
/// distance stepped back and the length of the line.
public struct PositionTracker {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    /// Tracks positions in `bytes`, which must outlive the tracker.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The line and code-point column of the byte offset `target`.
    public mutating func position(at target: Int) -> XMLPosition {
        let target = min(max(target, 0), bytes.count)
        if target < offset { stepBack(to: target) }
        while offset < target {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case 0x0A:
                // The `\n` of a `\r\n` pair was already counted with its `\r`.
                if offset < 2 || bytes[offset - 2] != 0x0D { line += 1 }
                column = 1
            case 0x0D:
                line += 1
                column = 1
            default:
                if byte & 0xC0 != 0x80 { column += 1 }
            }
        }
        return XMLPosition(line: line, column: column)
    }

    /// Moves back to `target`: uncounts the line breaks passed over, then counts the column
    /// from the start of the target's line.
    private mutating func stepBack(to target: Int) {
        for index in target..<offset {
            let byte = bytes[index]
            if byte == 0x0D || (byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) { line -= 1 }
        }
        var lineStart = target
        while lineStart > 0, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
        column = 1
        for index in lineStart..<target where bytes[index] & 0xC0 != 0x80 { column += 1 }
        offset = target
    }
}
