import VaktaalCore
import VaktaalText

/// Plain text: everything is prose but URLs and e-mail addresses; a line holding
/// `vaktaal-disable`, `vaktaal-enable` or `vaktaal-disable-next-line` is a directive.
///
/// A long text is read in pieces of whole lines, on all cores: each piece is checked to be
/// UTF-8 and searched for links and directive markers while it is in the cache, instead of
/// the whole text being read from memory once for each search.
struct PlainTextReader: DocumentReader {
    static let marker = Array("vaktaal-".utf8)
    /// About how many bytes a piece holds.
    static let pieceSize = 256 * 1024

    var format: DocumentFormat { .text }

    func read(_ source: [UInt8]) throws(DocumentProblem) -> ReadDocument {
        try read(SourceBytes(source), options: .standard)
    }

    /// The bytes are read where they are: a mapped file is not copied.
    func read(_ source: SourceBytes, options: ReadingOptions) throws(DocumentProblem) -> ReadDocument {
        try source.withUnsafeBufferPointer { bytes throws(DocumentProblem) in
            if let problem = TextDocument.binaryProblem(bytes) { throw problem }
            let start = TextDocument.contentStart(bytes)
            let pieces = Self.pieces(of: start..<bytes.count, in: bytes)
            nonisolated(unsafe) let text = bytes
            let scans =
                pieces.count == 1
                ? [PieceScan(pieces[0], in: bytes)] : Parallel.mapEach(pieces.count) { PieceScan(pieces[$0], in: text) }
            // A BOM is valid UTF-8: the first invalid byte is the first of the pieces'.
            if let offset = scans.lazy.compactMap(\.firstInvalidOffset).first { throw .notUTF8(offset: offset) }
            let directives = Self.directives(at: scans.flatMap(\.markers), in: bytes, start: start)
            let segments = Self.joined(scans.map(\.prose)).map { ProseSegment($0, context: Self.lines(around: $0, in: bytes)) }
            return ReadDocument(text: source, segments: segments, directives: directives, declaredLanguage: nil)
        }
    }

    /// `range` cut into pieces of at least ``pieceSize`` bytes (but the last), each ending
    /// right after a line feed (but the last, which ends where `range` does): no scalar,
    /// link, address or directive marker spans two pieces. A text without line feeds, or
    /// shorter than two pieces, is one piece.
    static func pieces(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > 2 * pieceSize,
            let lineFeed = ByteSearch.firstOffset(of: 0x0A, in: bytes, range: start + pieceSize..<range.upperBound)
        {
            pieces.append(start..<lineFeed + 1)
            start = lineFeed + 1
        }
        // The last piece holds the rest, unless a line feed ended the text.
        if start < range.upperBound || pieces.isEmpty { pieces.append(start..<range.upperBound) }
        return pieces
    }

    /// What a piece holds: whether it is UTF-8, its prose, and where the directive marker is.
    private struct PieceScan: Sendable {
        let firstInvalidOffset: Int?
        let prose: [Range<Int>]
        let markers: [Int]

        init(_ piece: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
            firstInvalidOffset = UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: bytes[piece]))
                .map { piece.lowerBound + $0 }
            prose = firstInvalidOffset == nil ? LinksAndAddresses.prose(in: bytes, range: piece) : []
            markers = firstInvalidOffset == nil ? ByteSearch.offsets(of: PlainTextReader.marker, in: bytes, range: piece) : []
        }
    }

    /// The pieces' prose ranges, in order, a range that ends where the next one starts joined
    /// with it: the text's prose as one read of it gives.
    private static func joined(_ pieces: [[Range<Int>]]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in pieces.joined() {
            if let last = result.last, last.upperBound == range.lowerBound {
                result[result.count - 1] = last.lowerBound..<range.upperBound
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `range` widened to the lines it starts and ends on, at most ``contextReach`` bytes
    /// each way and on whole scalars: what plain text leaves out of its prose there (a link,
    /// an address) is words of the same sentence.
    static func lines(around range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = range.lowerBound
        while start > 0, range.lowerBound - start < contextReach, !LineIndex.isLineEnd(bytes[start - 1]) { start -= 1 }
        while start < range.lowerBound, bytes[start] & 0xC0 == 0x80 { start += 1 }
        var end = range.upperBound
        while end < bytes.count, end - range.upperBound < contextReach, !LineIndex.isLineEnd(bytes[end]) { end += 1 }
        while end > range.upperBound, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return start..<end
    }

    /// How far the context of a segment reaches beyond it: more than ``TermContext`` reads.
    static let contextReach = 512

    /// The directives on the lines of the `markers` found (each line read once).
    private static func directives(at markers: [Int], in bytes: UnsafeBufferPointer<UInt8>, start: Int) -> [InlineDirective] {
        var lines = LineIndex(bytes: bytes)
        var directives: [InlineDirective] = []
        // Directives are rare: the marker bytes are found first, and only then their lines read.
        var index = start
        for found in markers where found >= index {
            let bounds = LineIndex.lineBounds(around: found, in: bytes)
            let line = max(start, bounds.lowerBound)..<bounds.upperBound
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
            if let directive = InlineDirective.parse(text, line: lines.position(at: line.lowerBound).line) {
                directives.append(directive)
            }
            index = line.upperBound
        }
        return directives
    }
}
