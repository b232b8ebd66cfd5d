/// Plain text: everything is prose but URLs and e-mail addresses; a line holding
/// `vaktaal-disable`, `vaktaal-enable` or `vaktaal-disable-next-line` is a directive.
enum PlainTextReader {
    static let marker = Array("vaktaal-".utf8)

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> ReadDocument {
        var directives: [InlineDirective] = []
        // Directives are rare: find the marker bytes first, and only then read their lines.
        var index = start
        for found in ByteSearch.offsets(of: marker, in: bytes, range: start..<bytes.count) where found >= index {
            var lineStart = found
            while lineStart > start, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
            var lineEnd = found
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
            if let directive = InlineDirective.parse(text, line: lineNumber(of: lineStart, in: bytes)) {
                directives.append(directive)
            }
            index = lineEnd
        }
        let segments = LinksAndAddresses.prose(in: bytes, range: start..<bytes.count).map(ProseSegment.init)
        return ReadDocument(segments: segments, directives: directives, declaredLanguage: nil)
    }

    private static func lineNumber(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var index = 0
        while index < offset {
            if bytes[index] == 0x0A {
                line += 1
            } else if bytes[index] == 0x0D {
                line += 1
                if index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return line
    }
}
