import VaktaalText

/// Reads a large vocabulary file in pieces on all cores: the file is cut between two
/// concepts (where ``ConceptCuts/nearbyCut(in:from:)`` finds a seam, or at the cuts a caller
/// knows), each piece gets the file's start up to the root element and the root's end tag,
/// and blank lines so that every position in it is the one in the file, and the pieces'
/// concepts are put together again.
///
/// Any doubt (a piece with a diagnostic, metadata outside the first piece, no place to cut)
/// reads the whole file at once instead (a piece that is not XML at all first gets a second
/// try at the cuts of a scan), so the result and every diagnostic are exactly what reading
/// it at once gives.
enum PieceReader {
    /// Files smaller than this are read at once, and by default no piece is smaller.
    static let smallestToCut = 1 << 22

    /// How many pieces a file of `size` bytes is read in: a few per core, so that a core
    /// that is done takes the next piece when another core is slowed down (by the system, or by
    /// memory its thread takes fresh from the kernel), but none under ``smallestToCut``, and
    /// at most 16 (each piece but the first is led by a blank line for every line before it).
    static func pieceCount(forSize size: Int) -> Int {
        max(1, min(4 * Parallel.coreCount, 16, size / smallestToCut))
    }

    /// The vocabulary in the file's bytes; `known` are the file's cuts when a caller found them already.
    ///
    /// A piece that does not read as XML may be one whose cut, found near its place, fell in
    /// a comment, CDATA section or deeper element: the file is then cut where a scan of it
    /// says (``ConceptCuts``) and read in pieces once more, when those cuts differ.
    static func read(
        bytes: SourceBytes, path: String, cuts known: ConceptCuts? = nil, pieces: Int? = nil,
        smallest: Int = smallestToCut
    ) -> (vocabulary: Vocabulary?, diagnostics: [Finding]) {
        let pieces = pieces ?? pieceCount(forSize: bytes.count)
        guard bytes.count >= smallest, let (rootEnd, cuts) = cuts(bytes, pieces: pieces, known: known) else {
            return VocabularyLoader.readWhole(bytes: bytes, path: path)
        }
        let first = read(bytes, path: path, rootEnd: rootEnd, cuts: cuts)
        if let vocabulary = first.vocabulary { return (vocabulary, []) }
        if known == nil, first.aPieceIsMalformed, let scanned = ConceptCuts(bytes),
            let again = Self.cuts(bytes, pieces: pieces, known: scanned), again.cuts != cuts,
            let vocabulary = read(bytes, path: path, rootEnd: again.rootEnd, cuts: again.cuts).vocabulary
        {
            return (vocabulary, [])
        }
        return VocabularyLoader.readWhole(bytes: bytes, path: path)
    }

    /// The vocabulary of the file read in the pieces between `cuts`; `nil` on any doubt, and
    /// whether a piece did not read as XML at all.
    private static func read(
        _ bytes: SourceBytes, path: String, rootEnd: Int, cuts: [Int]
    ) -> (vocabulary: Vocabulary?, aPieceIsMalformed: Bool) {
        let starts = [0] + cuts
        let ends = cuts + [bytes.count]
        let lineEnds = Parallel.mapEach(starts.count) { index in
            countLineEnds(bytes, (index == 0 ? rootEnd : starts[index]), ends[index])
        }
        let results = Parallel.mapEach(starts.count) { index -> (vocabulary: Vocabulary?, diagnostics: [Finding]) in
            var piece: [UInt8] = []
            piece.reserveCapacity(ends[index] - starts[index] + rootEnd + 64)
            bytes.withUnsafeBufferPointer { buffer in
                if index == 0 {
                    piece += UnsafeBufferPointer(rebasing: buffer[0..<ends[index]])
                } else {
                    piece += UnsafeBufferPointer(rebasing: buffer[0..<rootEnd])
                    // The lines between the root's start tag and this piece, so positions stay the file's.
                    piece += repeatElement(UInt8(ascii: "\n"), count: lineEnds[1..<index].reduce(lineEnds[0], +))
                    piece += UnsafeBufferPointer(rebasing: buffer[starts[index]..<ends[index]])
                }
            }
            if index < starts.count - 1 { piece += "\n</vocabulary>\n".utf8 }
            return VocabularyLoader.readWhole(bytes: SourceBytes(piece), path: path)
        }
        let aPieceIsMalformed = results.contains { $0.diagnostics.contains { $0.rule == ReaderRule.malformedXML.id } }
        guard var vocabulary = results[0].vocabulary, results.allSatisfy({ $0.diagnostics.isEmpty }) else {
            return (nil, aPieceIsMalformed)
        }
        for result in results.dropFirst() {
            guard let part = result.vocabulary, part.metadata.isEmpty, part.extensions.isEmpty, part.headerComments.isEmpty
            else { return (nil, aPieceIsMalformed) }
            vocabulary.concepts += part.concepts
            vocabulary.trailingComments = part.trailingComments
            vocabulary.epilogComments = part.epilogComments
            vocabulary.epilogInstructions = part.epilogInstructions
        }
        return (vocabulary, false)
    }

    /// Where the root element's start tag ends and where the file is cut into (at most)
    /// `pieces` pieces of about the same size; `nil` when it cannot be cut.
    ///
    /// Without `known` cuts, each cut is the first that ``ConceptCuts/nearbyCut(in:from:)``
    /// finds after its share of the file (or after the cut before, when that lies further):
    /// only the bytes near it are read, not the whole file (a scan of it would keep one core
    /// busy while the others wait). Such a cut may fall in markup that a scan would have
    /// passed over; then the piece before it does not read as XML, and
    /// ``read(bytes:path:cuts:pieces:smallest:)`` cuts the file again where a scan says.
    static func cuts(_ bytes: SourceBytes, pieces: Int, known: ConceptCuts? = nil) -> (rootEnd: Int, cuts: [Int])? {
        guard pieces > 1 else { return nil }
        let found: (rootEnd: Int, cuts: [Int])? = bytes.withUnsafeBufferPointer { buffer in
            guard let rootEnd = known?.rootEnd ?? ConceptCuts.rootStartTagEnd(buffer) else { return nil }
            var cuts: [Int] = []
            var next = known?.offsets.startIndex ?? 0
            for piece in 1..<pieces {
                let target = max(rootEnd + (buffer.count - rootEnd) * piece / pieces, (cuts.last ?? 0) + 1)
                if let known {
                    while next < known.offsets.endIndex, known.offsets[next] < target { next += 1 }
                    guard next < known.offsets.endIndex else { break }
                    cuts.append(known.offsets[next])
                } else {
                    guard let cut = ConceptCuts.nearbyCut(in: buffer, from: target) else { break }
                    cuts.append(cut)
                }
            }
            return (rootEnd, cuts)
        }
        guard let found, !found.cuts.isEmpty else { return nil }
        return found
    }

    /// How many lines end in `bytes[from..<to]` (`\n`, `\r\n` and a lone `\r` each end one).
    static func countLineEnds(_ bytes: SourceBytes, _ from: Int, _ to: Int) -> Int {
        bytes.withUnsafeBufferPointer { LineIndex(bytes: $0).lineEnds(in: from..<to) }
    }
}
