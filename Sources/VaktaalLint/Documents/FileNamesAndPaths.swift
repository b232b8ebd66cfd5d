import VaktaalCore
import VaktaalText

/// A term inside a file name or path (`mentor.md`, `docs/mentor/`, `C:\mentor\plan.docx`)
/// is no prose, as URLs and e-mail addresses are not; a sentence-final "mentor." still is,
/// and so are words joined by slashes ("HvA/InHolland/IPABO", "mentor/begeleider").
package enum FileNamesAndPaths {
    /// Whether the match `range` is part of a file name or path in `bytes[bounds]`.
    @inline(__always)
    static func contains(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, bounds: Range<Int>) -> Bool {
        let before = range.lowerBound > bounds.lowerBound ? bytes[range.lowerBound - 1] : 0x20
        let after = range.upperBound < bounds.upperBound ? bytes[range.upperBound] : 0x20
        // This test is inlined into the caller: a text of a large vocabulary names one of its
        // labels every few words.
        guard joiningBytes.contains(before) || joiningBytes.contains(after) else { return false }
        return chunkIsPath(around: range, in: bytes, bounds: bounds)
    }

    /// The bytes that can make a term next to them part of a path: a slash, backslash or dot.
    static let joiningBytes = ByteSet("/\\.")

    /// The uses of a word a scan hands over to be told whether they are in a path: those
    /// next to a byte that can make them part of one (``joiningBytes``), but for a word alone
    /// before the punctuation that ends a sentence ("… de mentor."), which
    /// ``contains(_:in:bounds:)`` would tell is in no path: its stretch is the word alone
    /// (``chunkIsPath(around:in:bounds:)``). The scan benchmark hands over the same uses.
    package static let handedOverUses = HandedOverUses(
        nextTo: joiningBytes, unlessEndingASentence: sentenceEndingBytes, between: chunkEndingBytes)

    /// Whether the stretch that a path can be around `range` (next to a slash, backslash or
    /// dot) is a file name or path. The stretch starts after a byte of ``chunkEndingBytes``
    /// (or at the bounds' start, or 512 bytes before the match) and ends before one (or at
    /// the bounds' end, or 512 bytes after the match), less the sentence punctuation
    /// (``sentenceEndingBytes``) at its end, never past the match; a stretch without a slash,
    /// backslash or dot is no path. So a word with a separator (or the bounds' start) before
    /// it and only sentence punctuation after it up to a separator (or the bounds' end) is
    /// its own stretch, and in no path: the scan counts on that (``handedOverUses``, which
    /// must change with this).
    private static func chunkIsPath(around range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, bounds: Range<Int>)
        -> Bool
    {
        var start = range.lowerBound
        while start > bounds.lowerBound, range.lowerBound - start < 512, !chunkEndingBytes.contains(bytes[start - 1]) {
            start -= 1
        }
        var end = range.upperBound
        while end < bounds.upperBound, end - range.upperBound < 512, !chunkEndingBytes.contains(bytes[end]) { end += 1 }
        // The punctuation that ends a sentence is not part of the name.
        while end > range.upperBound, sentenceEndingBytes.contains(bytes[end - 1]) { end -= 1 }
        let chunk = UnsafeBufferPointer(rebasing: bytes[start..<end])
        // Most often the dot ended a sentence, and the stretch is the word alone.
        guard chunk.contains(where: joiningBytes.contains) else { return false }
        if hasBackslashSeparator(chunk) { return true }
        if chunk.first == slash || chunk.last == slash { return true }
        if relativeStarts.contains(where: { chunk.starts(with: $0) }) { return true }
        return startsWithHostName(chunk) || hasExtension(chunk)
    }

    /// How a path relative to the current or the home folder starts.
    private static let relativeStarts = [Array("./".utf8), Array("../".utf8), Array("~/".utf8)]

    private static let slash = UInt8(ascii: "/")
    private static let backslash = UInt8(ascii: "\\")
    private static let dot = UInt8(ascii: ".")

    /// Whether a backslash in `chunk` separates names (`docs\mentor`, `C:\plan`): one before
    /// a letter, digit or non-ASCII byte. Before punctuation it escapes it (Markdown's
    /// `\`mentor\``, `\*`), which no path does.
    private static func hasBackslashSeparator(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        chunk.indices.dropLast().contains { index in
            guard chunk[index] == backslash else { return false }
            let next = chunk[index + 1]
            return next >= 0x80 || Tokenizer.isASCIIWordByte(next)
        }
    }

    /// White space, brackets and quotes end the stretch a path can be.
    private static let chunkEndingBytes = ByteSet("()[]<>\"'`,;{}|", through: 0x20)

    /// Punctuation that ends a sentence (or a clause) right after a name.
    private static let sentenceEndingBytes = ByteSet(".,;:!?")

    /// Whether `chunk` is a web address without its scheme (`example.org/mentor`): a host
    /// name with a dot and a top-level domain of two to four small letters (`nl`, `org`,
    /// `info`; a longer or capitalized word after a dot, `Mentoren.Nu/straks`, is more often
    /// a missing space), then a slash.
    private static func startsWithHostName(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let firstSlash = chunk.firstIndex(of: slash), firstSlash > 0 else { return false }
        let host = chunk[..<firstSlash]
        guard let lastDot = host.lastIndex(of: dot), lastDot > 0,
            host[..<lastDot].allSatisfy({ Tokenizer.isASCIIWordByte($0) || $0 == dot || $0 == UInt8(ascii: "-") })
        else { return false }
        let domain = host[(lastDot + 1)...]
        return (2...4).contains(domain.count) && domain.allSatisfy { $0 &- 0x61 < 26 }
    }

    /// Whether the last name of `chunk` ends in `.ext`: one to five lower-case letters or
    /// digits, at least one a letter (`.md`, `.docx`, `.mp4`), after something.
    private static func hasExtension(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let lastDot = chunk.lastIndex(of: dot), lastDot > 0, chunk[lastDot - 1] != slash else { return false }
        let extensionBytes = chunk[(lastDot + 1)...]
        guard (1...5).contains(extensionBytes.count) else { return false }
        let isLowerOrDigit = extensionBytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        return isLowerOrDigit && extensionBytes.contains { (0x61...0x7A).contains($0) }
    }
}
