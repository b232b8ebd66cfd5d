/// Plain text: everything is prose but URLs and e-mail addresses; a line holding
/// `vaktaal-disable`, `vaktaal-enable` or `vaktaal-disable-next-line` is a directive.
enum PlainTextReader {
    static let marker = Array("vaktaal-".utf8)

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> ReadDocument {
        var directives: [InlineDirective] = []
        // Directives are rare: find the marker bytes first, and only then read their lines.
        var index = start
        while let found = find(marker, in: bytes, from: index) {
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

    /// The first occurrence of `needle` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = from
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
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
