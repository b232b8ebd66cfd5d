import VaktaalCore

/// Where a term stands in its sentence, for rules that let the writing around a term
/// decide: a name may start with a capital at the start of a sentence, and be all
/// capitals in an all-capitals heading.
public struct TermContext: Sendable, Hashable {
    /// The term opens a sentence, a line or a stretch of prose.
    public let startsSentence: Bool
    /// The term's line has no lower-case letters (an all-capitals heading).
    public let inCapitals: Bool

    /// A context.
    public init(startsSentence: Bool, inCapitals: Bool) {
        self.startsSentence = startsSentence
        self.inCapitals = inCapitals
    }

    /// The context of `range` in `bytes[bounds]` (valid UTF-8).
    static func of(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, bounds: Range<Int>) -> TermContext {
        TermContext(
            startsSentence: startsSentence(range.lowerBound, bytes, bounds),
            inCapitals: lineHasNoLowercase(range, bytes, bounds))
    }

    /// Back from `start` over spaces, quotes, brackets and bullets: the start of the text,
    /// a line break or a sentence end (`.`, `!`, `?`, `:`) makes it a sentence start.
    private static func startsSentence(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ bounds: Range<Int>) -> Bool {
        var index = start
        var steps = 0
        while index > bounds.lowerBound, steps < 64 {
            let lead = Tokenizer.scalarStart(before: index, in: bytes, notBefore: bounds.lowerBound)
            let value = Tokenizer.decode(bytes, lead).0
            if value == 0x0A || value == 0x0D { return true }
            if value == 0x2E || value == 0x21 || value == 0x3F || value == 0x3A { return true }
            if Tokenizer.isWordScalar(value) { return false }
            index = lead
            steps += 1
        }
        return index <= bounds.lowerBound
    }

    /// Whether the line around `range` has no lower-case letter (lines longer than a
    /// heading count as prose).
    private static func lineHasNoLowercase(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, _ bounds: Range<Int>) -> Bool
    {
        // Most terms found in another casing have a lower-case letter themselves ("Mentor"):
        // their line is not looked at.
        guard !hasLowercase(bytes, range) else { return false }
        var start = range.lowerBound
        while start > bounds.lowerBound, !isLineEnd(bytes[start - 1]) {
            start -= 1
            if range.lowerBound - start > 300 { return false }
        }
        var end = range.upperBound
        while end < bounds.upperBound, !isLineEnd(bytes[end]) {
            end += 1
            if end - range.upperBound > 300 { return false }
        }
        return !hasLowercase(bytes, start..<end)
    }

    /// Whether `bytes[range]` (whole characters) has a lower-case letter.
    private static func hasLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let (value, length) = Tokenizer.decode(bytes, index)
            if value < 0x80 {
                if (0x61...0x7A).contains(value) { return true }
            } else if let scalar = Unicode.Scalar(value), scalar.properties.isLowercase {
                return true
            }
            index += length
        }
        return false
    }

    private static func isLineEnd(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
}
