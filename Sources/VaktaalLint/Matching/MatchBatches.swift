import VaktaalCore

/// A document's segments in batches of about two megabytes, to be matched on all cores.
///
/// Segments are matched apart from each other, so any batches give the matches of the whole.
/// A long segment of source text is cut too, at a line break that no phrase of the matcher
/// crosses: right after the first line break of a blank line (the matcher takes white space
/// with two line breaks for no separator), or right before a line break after a token that no
/// phrase goes on from over white space (``TermMatcher/mayCrossLineBreak(at:in:notBefore:)``),
/// so that a text with no blank line is cut too. No term starts in white space, and what a
/// match looks at around itself (the start of its sentence, its line, a path it may be part
/// of) stops at a line break that is in its piece: each piece after the first starts with one.
package enum MatchBatches {
    /// About how many bytes of text a batch holds, but towards the end of a document
    /// (``pieceSize(left:batchSize:)``): about 60 batches for 100 MB. Measured when each batch
    /// still handed over the uses of labels it counted (a core now hands them over once, when
    /// it is done): batches of half a megabyte took a 100k lint 4.5% longer, of four megabytes
    /// as long as two.
    package static let batchSize = 1 << 21

    /// The segments, cut where they are long (at line breaks that no phrase of `matcher`
    /// crosses), in batches of about `batchSize` bytes, smaller towards the end of the
    /// document (``pieceSize(left:batchSize:)``), in order.
    static func batches(
        of segments: [ProseSegment], in bytes: UnsafeBufferPointer<UInt8>, matcher: TermMatcher, batchSize: Int = batchSize
    ) -> [[ProseSegment]] {
        var batches: [[ProseSegment]] = []
        var batch: [ProseSegment] = []
        var batchBytes = 0
        // The bytes of the document after the segment or piece at hand.
        var after = segments.reduce(0) { $0 + $1.sourceRange.count }
        for segment in segments {
            after -= segment.sourceRange.count
            let pieces =
                segment.decoded == nil
                ? self.pieces(of: segment.sourceRange, in: bytes, matcher: matcher, batchSize: batchSize, followedBy: after).map {
                    Self.piece($0, of: segment)
                } : [segment]
            var afterPiece = after + segment.sourceRange.count
            for piece in pieces {
                batch.append(piece)
                batchBytes += piece.sourceRange.count
                afterPiece -= piece.sourceRange.count
                if batchBytes >= pieceSize(left: batchBytes + afterPiece, batchSize: batchSize) {
                    batches.append(batch)
                    batch = []
                    batchBytes = 0
                }
            }
        }
        if !batch.isEmpty { batches.append(batch) }
        return batches
    }

    /// The piece `range` of `segment`: it keeps the segment's context at the ends it shares
    /// with it (pieces are cut at line breaks, where no context reaches across).
    private static func piece(_ range: Range<Int>, of segment: ProseSegment) -> ProseSegment {
        let whole = segment.sourceRange
        let start = range.lowerBound == whole.lowerBound ? segment.context.lowerBound : range.lowerBound
        let end = range.upperBound == whole.upperBound ? segment.context.upperBound : range.upperBound
        return ProseSegment(range, context: start..<end, language: segment.language)
    }

    /// `range` cut at line breaks that no phrase of `matcher` crosses into pieces of at least
    /// ``pieceSize(left:batchSize:)`` bytes but the last (one piece when it is shorter than
    /// twice that, or has no such line break), `after` bytes of the document coming after it.
    static func pieces(
        of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, matcher: TermMatcher, batchSize: Int = batchSize,
        followedBy after: Int = 0
    ) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        while true {
            let size = pieceSize(left: range.upperBound - start + after, batchSize: batchSize)
            guard range.upperBound - start >= 2 * size,
                let cut = cut(
                    from: start + size, before: range.upperBound, in: bytes,
                    where: { isCrossedByNoPhrase(lineBreak: $0, in: bytes, matcher: matcher, notBefore: range.lowerBound) })
            else { break }
            result.append(start..<cut)
            start = cut
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// About how long the next batch or piece of a document is with `left` bytes left:
    /// `batchSize`, but towards the end half of what is left for each core (at least an
    /// eighth of a batch, and a byte), so that the cores finish at about the same time
    /// rather than one matching the last batch alone.
    static func pieceSize(left: Int, batchSize: Int) -> Int {
        min(batchSize, max(1, batchSize / 8, left / (2 * Parallel.coreCount)))
    }

    /// The first place at or after `target` (and before `end`) right after the first line
    /// break of a blank line (`\n\n` or `\n\r\n`), or right before a `\n` that `isCut` says no
    /// phrase crosses (given its offset).
    private static func cut(
        from target: Int, before end: Int, in bytes: UnsafeBufferPointer<UInt8>, where isCut: (Int) -> Bool
    ) -> Int? {
        var index = target
        while index < end - 2 {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return index + 1 }
                if bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 1 }
                if isCut(index) { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether no phrase of `matcher` crosses the `\n` at `lineBreak`, looking no further
    /// back than `start`. A line that Unicode composition may change is passed over: the
    /// matcher reads it composed, and its last token may then be another.
    private static func isCrossedByNoPhrase(
        lineBreak: Int, in bytes: UnsafeBufferPointer<UInt8>, matcher: TermMatcher, notBefore start: Int
    ) -> Bool {
        guard !matcher.mayCrossLineBreak(at: lineBreak, in: bytes, notBefore: start) else { return false }
        // Back to the line break before (a `\r` before this one taken in).
        var lineStart = lineBreak
        while lineStart > start, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        return !CanonicalComposition.mayChange(bytes, range: lineStart..<lineBreak)
    }
}
