import VaktaalCore
import VaktaalText

/// Plain text: everything is prose but URLs and e-mail addresses; a line holding
/// `vaktaal-disable`, `vaktaal-enable` or `vaktaal-disable-next-line` is a directive.
struct PlainTextReader: DocumentReader {
    static let marker = Array("vaktaal-".utf8)

    var format: DocumentFormat { .text }

    func read(_ source: [UInt8]) throws(DocumentProblem) -> ReadDocument {
        try read(SourceBytes(source), options: .standard)
    }

    /// The bytes are read where they are: a mapped file is not copied.
    func read(_ source: SourceBytes, options: ReadingOptions) throws(DocumentProblem) -> ReadDocument {
        try source.withUnsafeBufferPointer { bytes throws(DocumentProblem) in
            if let problem = TextDocument.problem(bytes) { throw problem }
            let (segments, directives) = Self.prose(bytes, start: TextDocument.contentStart(bytes))
            return ReadDocument(text: source, segments: segments, directives: directives, declaredLanguage: nil)
        }
    }

    private static func prose(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int
    ) -> (segments: [ProseSegment], directives: [InlineDirective]) {
        var lines = LineIndex(bytes: bytes)
        var directives: [InlineDirective] = []
        // Directives are rare: find the marker bytes first, and only then read their lines.
        var index = start
        for found in ByteSearch.offsets(of: marker, in: bytes, range: start..<bytes.count) where found >= index {
            let bounds = LineIndex.lineBounds(around: found, in: bytes)
            let line = max(start, bounds.lowerBound)..<bounds.upperBound
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
            if let directive = InlineDirective.parse(text, line: lines.position(at: line.lowerBound).line) {
                directives.append(directive)
            }
            index = line.upperBound
        }
        let segments = LinksAndAddresses.prose(in: bytes, range: start..<bytes.count).map(ProseSegment.init)
        return (segments, directives)
    }
}
