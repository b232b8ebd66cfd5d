import VaktaalXML

/// HTML, read with libxml2's HTML parser: prose is the text of elements, not attribute
/// values, comments, `script`, `style`, `code`, `pre` (or `textarea`, `template`); entities
/// are decoded for matching while positions stay in the raw source. Directives come from
/// comments; the `lang` of the `html` element is the document's language.
enum HTMLReader {
    static let skipped: Set<String> = ["script", "style", "code", "pre", "textarea", "template", "kbd", "samp"]

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> ReadDocument {
        let collector = Collector(bytes)
        HTMLStreamParser.parse(Array(bytes), handler: collector)
        var segments: [ProseSegment] = []
        for range in collector.textRanges where range.lowerBound >= start {
            for prose in LinksAndAddresses.prose(in: bytes, range: range) {
                if bytes[prose].contains(UInt8(ascii: "&")) {
                    let (text, offsets) = HTMLEntities.decode(bytes, range: prose)
                    segments.append(ProseSegment(sourceRange: prose, decoded: text, offsets: offsets))
                } else {
                    segments.append(ProseSegment(prose))
                }
            }
        }
        return ReadDocument(segments: segments, directives: collector.directives, declaredLanguage: collector.language)
    }

    private final class Collector: HTMLContentHandler {
        let bytes: UnsafeBufferPointer<UInt8>
        var textRanges: [Range<Int>] = []
        var directives: [InlineDirective] = []
        var language: String?
        private var skipDepth = 0
        private var open: [String] = []
        private lazy var lineStarts: [Int] = {
            var starts = [0]
            for index in 0..<bytes.count where bytes[index] == 0x0A { starts.append(index + 1) }
            return starts
        }()

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        func startElement(_ name: String, attributes: [(name: String, value: String)]) {
            if name == "html", language == nil { language = attributes.first { $0.name == "lang" }?.value }
            if HTMLReader.skipped.contains(name) { skipDepth += 1 }
            open.append(name)
        }

        func endElement(_ name: String) {
            guard let index = open.lastIndex(of: name) else { return }
            for closed in open[index...] where HTMLReader.skipped.contains(closed) { skipDepth -= 1 }
            open.removeSubrange(index...)
        }

        func text(_ range: Range<Int>) {
            if skipDepth == 0 { textRanges.append(range) }
        }

        func comment(_ text: String, at offset: Int) {
            var low = 0
            var high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            if let directive = InlineDirective.parse(text, line: low + 1) { directives.append(directive) }
        }
    }
}
