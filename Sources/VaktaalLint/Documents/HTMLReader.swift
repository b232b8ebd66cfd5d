import VaktaalCore
import VaktaalText
import VaktaalXML

/// HTML, read with libxml2's HTML parser: prose is the text of elements, not attribute
/// values, comments, `script`, `style`, `code`, `pre` (or `textarea`, `template`); entities
/// are decoded for matching while positions stay in the raw source. Directives come from
/// comments; the `lang` of the `html` element is the document's language.
struct HTMLReader: DocumentReader {
    static let skipped: Set<String> = ["script", "style", "code", "pre", "textarea", "template", "kbd", "samp"]

    var format: DocumentFormat { .html }

    func read(_ source: [UInt8]) throws(DocumentProblem) -> ReadDocument {
        if let problem = TextDocument.problem(source) { throw problem }
        return source.withUnsafeBufferPointer { bytes in
            let start = TextDocument.contentStart(bytes)
            let collector = Collector(bytes)
            HTMLStreamParser.parse(source, handler: collector)
            return ReadDocument(
                text: source, segments: Self.segments(collector.textRanges, bytes, start: start),
                directives: collector.directives, declaredLanguage: collector.language)
        }
    }

    /// HTML: the replacement is escaped, so that a term with `&` or `<` stays text.
    func applying(_ fixes: [Fix], to bytes: [UInt8]) throws(DocumentProblem) -> (bytes: [UInt8], applied: Int) {
        TextDocument.apply(fixes, to: bytes, encode: Self.escaped)
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    private static func segments(_ textRanges: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> [ProseSegment] {
        var segments: [ProseSegment] = []
        for range in textRanges where range.lowerBound >= start {
            for prose in LinksAndAddresses.prose(in: bytes, range: range) {
                if bytes[prose].contains(UInt8(ascii: "&")) {
                    let (text, offsets) = HTMLEntities.decode(bytes, range: prose)
                    segments.append(ProseSegment(sourceRange: prose, decoded: text, offsets: offsets))
                } else {
                    segments.append(ProseSegment(prose))
                }
            }
        }
        return segments
    }

    private final class Collector: HTMLContentHandler {
        let bytes: UnsafeBufferPointer<UInt8>
        var textRanges: [Range<Int>] = []
        var directives: [InlineDirective] = []
        var language: String?
        private var skipDepth = 0
        private var open: [String] = []
        /// Comments come in document order, so one forward pass numbers their lines.
        private var lines: LineIndex

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            lines = LineIndex(bytes: bytes)
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
            let line = lines.position(at: offset).line
            if let directive = InlineDirective.parse(text, line: line) { directives.append(directive) }
        }
    }
}
