/// Plain text: everything is prose but URLs and e-mail addresses; a line holding
/// `vaktaal-disable`, `vaktaal-enable` or `vaktaal-disable-next-line` is a directive.
enum PlainTextReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> ReadDocument {
        var directives: [InlineDirective] = []
        var line = 1
        var lineStart = start
        var index = start
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D {
                if index - lineStart >= 14, let text = lineText(bytes, lineStart..<index), text.contains("vaktaal-"),
                    let directive = InlineDirective.parse(text, line: line)
                {
                    directives.append(directive)
                }
                if index < bytes.count, bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let segments = LinksAndAddresses.prose(in: bytes, range: start..<bytes.count).map(ProseSegment.init)
        return ReadDocument(segments: segments, directives: directives, declaredLanguage: nil)
    }

    private static func lineText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
