/// Splits UTF-8 text into tokens for term matching: words (runs of letters, marks and
/// digits in any script), white space runs and single punctuation characters.
package struct Tokenizer {
    package enum Kind: Equatable {
        case word
        /// White space; `lineBreaks` counts `\n`, `\r\n` and `\r`.
        case space(lineBreaks: Int)
        case punctuation
    }

    package struct Token {
        package let kind: Kind
        /// Byte range in the text.
        package let start: Int
        package let end: Int
    }

    /// Whether a scalar belongs to a word: a letter, mark or digit in any script.
    @inline(__always)
    package static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 { return isASCIIWordByte(UInt8(truncatingIfNeeded: value)) }
        if value < 0x3000 { return commonWordScalars[Int(value)] }
        return classify(value)
    }

    /// ASCII letters and digits, decided with two subtractions.
    @inline(__always)
    package static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// The answer for every scalar below U+3000 (the alphabets, general punctuation such as
    /// typographic quotes and dashes, …), worked out once, so common text never asks for
    /// Unicode properties.
    private static let commonWordScalars: [Bool] = (0..<0x3000).map { classify(UInt32($0)) }

    private static func classify(_ value: UInt32) -> Bool {
        // A soft hyphen marks where a word may break: it stands inside the word (TokenKey leaves it out of the key).
        if value == TokenKey.softHyphen { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    package static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0B || value == 0x0C
            || value == 0xA0 || value == 0x2007 || value == 0x202F || (value >= 0x2000 && value <= 0x200A) || value == 0x3000
    }

    /// Where the scalar that ends at `end` starts in valid UTF-8, looking no further back than `start`.
    @inline(__always)
    package static func scalarStart(before end: Int, in bytes: UnsafeBufferPointer<UInt8>, notBefore start: Int) -> Int {
        var index = end - 1
        while index > start, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    /// Decodes the scalar at `index` of valid UTF-8, returning it and its length.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0, index + 1 < bytes.count { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0, index + 2 < bytes.count {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if index + 3 < bytes.count {
            return (
                (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F), 4
            )
        }
        return (0xFFFD, 1)
    }

    /// The token that starts at `index` and ends at or before `end`.
    package static func token(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Token {
        let start = index
        // ASCII punctuation and single spaces are most of what is not a word: decide them at once.
        let lead = bytes[index]
        if lead < 0x80, !isWordScalar(UInt32(lead)) {
            if lead == 0x20,
                index + 1 >= end || (bytes[index + 1] != 0x20 && bytes[index + 1] < 0x80 && !isSpace(UInt32(bytes[index + 1])))
            {
                return Token(kind: .space(lineBreaks: 0), start: start, end: start + 1)
            }
            if !isSpace(UInt32(lead)) { return Token(kind: .punctuation, start: start, end: start + 1) }
        }
        var index = index
        let (value, length) = decode(bytes, index)
        if isWordScalar(value) {
            index += length
            while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard isASCIIWordByte(byte) else { break }
                    index += 1
                } else {
                    let (next, nextLength) = decode(bytes, index)
                    guard isWordScalar(next) else { break }
                    index += nextLength
                }
            }
            return Token(kind: .word, start: start, end: index)
        }
        if isSpace(value) {
            var lineBreaks = 0
            while index < end {
                let (next, nextLength) = decode(bytes, index)
                guard isSpace(next) else { break }
                if next == 0x0A {
                    if index == start || bytes[index - 1] != 0x0D { lineBreaks += 1 }
                } else if next == 0x0D {
                    lineBreaks += 1
                }
                index += nextLength
            }
            return Token(kind: .space(lineBreaks: lineBreaks), start: start, end: index)
        }
        return Token(kind: .punctuation, start: start, end: min(index + length, end))
    }

    /// Calls `body` with every token of `bytes[range]`.
    package static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Token) -> Void) {
        var index = range.lowerBound
        while index < range.upperBound {
            let token = token(in: bytes, at: index, end: range.upperBound)
            body(token)
            index = token.end
        }
    }
}
