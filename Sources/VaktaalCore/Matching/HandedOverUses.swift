import VaktaalText

/// Which uses of a word a scan hands to its caller although the caller only counts the word's
/// uses (``TermMatcher/MatchHandling/counted``): those right next to a byte of `joining` (for
/// the linter a slash, backslash or dot, which may make the word part of a file name or path,
/// as the caller tells), but for a use that stands alone before the punctuation that ends a
/// sentence ("… de mentor."): a byte of `separating` (or the range's start) right before the
/// word, and after it only bytes of `endingSentence` up to a byte of `separating` (or the
/// range's end). A text names its labels at the end of a sentence every few lines: such uses
/// are counted where they are found, like any other.
package struct HandedOverUses: Sendable {
    private let joining: ByteSet
    private let endingSentence: ByteSet
    private let separating: ByteSet

    /// The uses next to a byte of `joining`, but for those that stand alone before bytes of
    /// `endingSentence` between bytes of `separating` (see ``HandedOverUses``). The scan
    /// counts those itself, so the caller must count each of them as a use too, as it counts
    /// a use next to no byte of `joining`. The linter does: it looks for a path in a stretch
    /// that starts after a separator and ends before the sentence punctuation at its end, and
    /// for such a use that stretch is the word alone, with no byte of `joining`.
    package init(nextTo joining: ByteSet, unlessEndingASentence endingSentence: ByteSet, between separating: ByteSet) {
        self.joining = joining
        self.endingSentence = endingSentence
        self.separating = separating
    }

    /// The uses next to a byte of `joining`, whatever follows.
    package static func nextTo(_ joining: ByteSet) -> HandedOverUses {
        HandedOverUses(nextTo: joining, unlessEndingASentence: ByteSet(""), between: ByteSet(""))
    }

    /// No use: the scan counts them all.
    package static let none = nextTo(ByteSet(""))

    /// Whether the scan hands over the use of the word `bytes[start..<end]` in `bytes[range]`.
    /// Most words have no byte of `joining` next to them: told by two looks, inlined into the
    /// scan's loops (the rare rest is a call).
    @inline(__always)
    package func handsOver(_ start: Int, _ end: Int, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if start > range.lowerBound, joining.contains(bytes[start &- 1]) { return true }
        guard end < range.upperBound, joining.contains(bytes[end]) else { return false }
        return !endsASentence(start, end, in: bytes, range)
    }

    /// Whether the word `bytes[start..<end]` ends a sentence: a separator before it (or the
    /// range's start), and after it only sentence punctuation up to a separator or the range's end.
    @inline(never)
    private func endsASentence(_ start: Int, _ end: Int, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if start > range.lowerBound, !separating.contains(bytes[start &- 1]) { return false }
        var index = end
        while index < range.upperBound, endingSentence.contains(bytes[index]) { index += 1 }
        return index == range.upperBound || separating.contains(bytes[index])
    }
}
