/// A document's segments in batches of about a megabyte, to be matched on all cores.
///
/// Segments are matched apart from each other, so any batches give the matches of the whole.
/// A long segment of source text is cut too, right after the first line break of a blank
/// line: no term spans a blank line (the matcher takes white space with two line breaks for
/// no separator), none starts in white space, and what a match looks at around itself (the
/// start of its sentence, its line, a path it may be part of) ends at a line break.
enum MatchBatches {
    /// About how many bytes of text a batch holds.
    static let batchSize = 1 << 20

    /// The segments, cut where they are long, in batches of about `batchSize` bytes, in order.
    static func batches(
        of segments: [ProseSegment], in bytes: UnsafeBufferPointer<UInt8>, batchSize: Int = batchSize
    ) -> [[ProseSegment]] {
        var batches: [[ProseSegment]] = []
        var batch: [ProseSegment] = []
        var batchBytes = 0
        for segment in segments {
            let pieces =
                segment.decoded == nil
                ? self.pieces(of: segment.sourceRange, in: bytes, batchSize: batchSize).map(ProseSegment.init) : [segment]
            for piece in pieces {
                batch.append(piece)
                batchBytes += piece.sourceRange.count
                if batchBytes >= batchSize {
                    batches.append(batch)
                    batch = []
                    batchBytes = 0
                }
            }
        }
        if !batch.isEmpty { batches.append(batch) }
        return batches
    }

    /// `range` cut at blank lines into pieces of at least `batchSize` bytes (one piece when it
    /// is shorter than twice that, or has no blank line to cut at).
    static func pieces(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, batchSize: Int = batchSize) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start >= 2 * batchSize,
            let cut = cut(from: start + batchSize, before: range.upperBound, in: bytes)
        {
            result.append(start..<cut)
            start = cut
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// The first place at or after `target` (and before `end`) right after the first line
    /// break of a blank line (`\n\n` or `\n\r\n`).
    private static func cut(from target: Int, before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = target
        while index < end - 2 {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return index + 1 }
                if bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 1 }
            }
            index += 1
        }
        return nil
    }
}
