import VaktaalCore
import VaktaalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A vocabulary file cut between concepts (``ConceptCuts``): a head (the start up to the
/// first cut), parts between consecutive cuts, and a tail (from the last cut to the end),
/// with what ``SharedReader`` needs to know of each part.
final class FileLayout: Sendable {
    /// Where the file can be cut, as ``ConceptCuts`` found it.
    let conceptCuts: ConceptCuts
    /// What the bytes of a concept mean in this file; `nil` when its start is not simple.
    let context: ReadingContext?
    /// The offsets of the cuts.
    let cuts: [Int]
    /// The 1-based line each cut starts.
    let lines: [Int]
    /// Whether each part is only one concept and white space (``ConceptCuts/isConceptOnly``).
    let isConceptOnly: [Bool]
    /// Per part, where its content ends: the part without the white space after its last element.
    let contentEnds: [Int]
    /// Per part, a hash of its content.
    let hashes: [UInt64]

    /// The layout of a file with at least one part; `nil` otherwise.
    init?(_ bytes: SourceBytes) {
        guard let cuts = ConceptCuts(bytes), cuts.offsets.count >= 2 else { return nil }
        conceptCuts = cuts
        context = ReadingContext(bytes, rootEnd: cuts.rootEnd)
        self.cuts = cuts.offsets
        isConceptOnly = Array(cuts.isConceptOnly.dropLast())
        let partCount = cuts.offsets.count - 1
        let offsets = cuts.offsets
        // Each part is measured on its own, on all cores: its line ends, where its content
        // ends and its hash.
        let measures = Parallel.map(partCount) { part in
            bytes.withUnsafeBufferPointer { buffer in
                var end = offsets[part + 1]
                while end > offsets[part], Self.isSpace(buffer[end - 1]) { end -= 1 }
                let hash = ContentHash.of(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[offsets[part]..<end]))).0
                let lineEnds = LineIndex(bytes: buffer).lineEnds(in: offsets[part]..<offsets[part + 1])
                return (lineEnds: lineEnds, contentEnd: end, hash: hash)
            }
        }
        var lines: [Int] = []
        lines.reserveCapacity(offsets.count)
        lines.append(1 + bytes.withUnsafeBufferPointer { LineIndex(bytes: $0).lineEnds(in: 0..<offsets[0]) })
        for measure in measures { lines.append(lines[lines.count - 1] + measure.lineEnds) }
        let contentEnds = measures.map(\.contentEnd)
        let hashes = measures.map(\.hash)
        self.lines = lines
        self.contentEnds = contentEnds
        self.hashes = hashes
    }

    /// How many parts there are.
    var partCount: Int { cuts.count - 1 }

    /// The bytes of a part, white space after it included.
    func range(ofPart part: Int) -> Range<Int> { cuts[part]..<cuts[part + 1] }

    /// The bytes of a part without the white space after it.
    func content(ofPart part: Int) -> Range<Int> { cuts[part]..<contentEnds[part] }

    /// The document to read instead of the file when some parts are read elsewhere: its
    /// head, its other parts and its tail, with a line end for each line left out, so that
    /// every position in it is the file's. The line ends put in are lone `\r`s: next to the
    /// file's own line ends (which may be a lone `\r` too) they never pair up into one, and
    /// a part starts with white space or `<`.
    func document(_ bytes: SourceBytes, leavingOut left: [ReadParts.PartReference?]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            var document: [UInt8] = []
            document.reserveCapacity(cuts[0] + (buffer.count - cuts[cuts.count - 1]))
            document += UnsafeBufferPointer(rebasing: buffer[0..<cuts[0]])
            var skippedLines = 0
            for part in 0..<partCount {
                if left[part] != nil {
                    skippedLines += lines[part + 1] - lines[part]
                } else {
                    document += repeatElement(UInt8(ascii: "\r"), count: skippedLines)
                    skippedLines = 0
                    document += UnsafeBufferPointer(rebasing: buffer[range(ofPart: part)])
                }
            }
            document += repeatElement(UInt8(ascii: "\r"), count: skippedLines)
            document += UnsafeBufferPointer(rebasing: buffer[cuts[cuts.count - 1]...])
            return document
        }
    }

    /// Which concepts of a read of this file (or of a document that keeps its lines) stand
    /// in the head, in each part (`nil` for none) and in the tail; `nil` when a concept has no position.
    func parts(of concepts: [Concept]) -> (header: Range<Int>, parts: [Range<Int>?], tail: Range<Int>)? {
        var parts: [Range<Int>?] = Array(repeating: nil, count: partCount)
        var index = 0
        func take(before line: Int) -> Range<Int> {
            let start = index
            while index < concepts.count, let position = concepts[index].position, position.line < line { index += 1 }
            return start..<index
        }
        let header = take(before: lines[0])
        for part in 0..<partCount {
            let range = take(before: lines[part + 1])
            parts[part] = range.isEmpty ? nil : range
        }
        let tailStart = index
        guard concepts[tailStart...].allSatisfy({ $0.position != nil }) else { return nil }
        return (header, parts, tailStart..<concepts.count)
    }

    /// Whether two ranges of bytes are the same.
    static func same(_ left: SourceBytes, _ leftRange: Range<Int>, _ right: SourceBytes, _ rightRange: Range<Int>) -> Bool {
        guard leftRange.count == rightRange.count else { return false }
        guard !leftRange.isEmpty else { return true }
        return left.withUnsafeBufferPointer { a in
            right.withUnsafeBufferPointer { b in
                memcmp(a.baseAddress! + leftRange.lowerBound, b.baseAddress! + rightRange.lowerBound, leftRange.count) == 0
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
}
