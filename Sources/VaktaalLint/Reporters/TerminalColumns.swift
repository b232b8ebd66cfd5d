import VaktaalText

/// How many columns of a terminal text takes, so that a caret stands under its match: a wide
/// East Asian character or an emoji takes two, a combining mark or a zero-width character
/// none, a tab four (the text report expands tabs to four blanks), any other character one.
enum TerminalColumns {
    /// The columns `scalar` takes.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value == 0x09 ? 4 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(value) ? 2 : 1
    }

    /// The columns of the whole characters that the UTF-8 `bytes` spell (a byte that is not
    /// UTF-8 takes one, as a terminal shows it as one replacement character).
    static func width(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // ASCII (most text) eight bytes at a time while they hold no tab, then byte by byte;
        // the rest decoded from its first byte beyond ASCII.
        var ascii = 0
        while ascii + 8 <= bytes.count {
            let word = ByteWord.load(bytes, at: ascii)
            guard word & 0x8080_8080_8080_8080 == 0, !ByteWord.contains(word, 0x09) else { break }
            ascii += 8
        }
        var columns = ascii
        while ascii < bytes.count, bytes[ascii] < 0x80 {
            columns += bytes[ascii] == 0x09 ? 4 : 1
            ascii += 1
        }
        var iterator = UnsafeBufferPointer(rebasing: bytes[ascii...]).makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): columns += width(of: scalar)
            case .error: columns += 1
            case .emptyInput: return columns
            }
        }
    }

    /// The byte offset in the UTF-8 `bytes` where the character at place `scalars` (counted
    /// from zero) starts; the end when there are fewer.
    static func offset(ofScalar scalars: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var seen = 0
        for offset in bytes.indices where bytes[offset] & 0xC0 != 0x80 {
            if seen == scalars { return offset }
            seen += 1
        }
        return bytes.count
    }

    /// East Asian Wide and Fullwidth characters and the emoji a terminal shows two columns
    /// wide (the ranges of Markus Kuhn's `wcwidth`, and the emoji planes).
    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        return value <= 0x115F || value == 0x2329 || value == 0x232A
            || (value >= 0x2E80 && value <= 0xA4CF && value != 0x303F) || (value >= 0xAC00 && value <= 0xD7A3)
            || (value >= 0xF900 && value <= 0xFAFF) || (value >= 0xFE10 && value <= 0xFE19)
            || (value >= 0xFE30 && value <= 0xFE6F) || (value >= 0xFF00 && value <= 0xFF60)
            || (value >= 0xFFE0 && value <= 0xFFE6) || (value >= 0x1F300 && value <= 0x1F64F)
            || (value >= 0x1F900 && value <= 0x1F9FF) || (value >= 0x20000 && value <= 0x3FFFD)
    }
}
