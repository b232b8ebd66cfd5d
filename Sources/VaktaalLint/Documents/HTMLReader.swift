import VaktaalCore
import VaktaalText
import VaktaalXML

/// HTML, read with libxml2's HTML parser: prose is the text of elements, not attribute
/// values, comments, `script`, `style`, `code`, `pre` (or `textarea`, `template`); entities
/// are decoded for matching while positions stay in the raw source. Text that only inline
/// elements split (`<em>ment</em>or`) is matched as rendered. Directives come from
/// comments; the `lang` of the `html` element is the document's language, and the `lang` of
/// an element inside it (`<p lang="en">`) is the language of its text.
struct HTMLReader: DocumentReader {
    static let skipped: Set<String> = ["script", "style", "code", "pre", "textarea", "template", "kbd", "samp"]
    /// Elements that do not break the text they stand in.
    static let inline: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark", "nobr", "q",
        "s", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ]

    var format: DocumentFormat { .html }

    func read(_ source: [UInt8]) throws(DocumentProblem) -> ReadDocument {
        if let problem = TextDocument.problem(source) { throw problem }
        return source.withUnsafeBufferPointer { bytes in
            let start = TextDocument.contentStart(bytes)
            let collector = Collector(bytes)
            HTMLStreamParser.parse(source, handler: collector)
            return ReadDocument(
                text: SourceBytes(source), segments: Self.segments(collector.textRanges, bytes, start: start),
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

    private static func segments(_ textRanges: [JoinedText.Piece], _ bytes: UnsafeBufferPointer<UInt8>, start: Int)
        -> [ProseSegment]
    {
        let pieces = JoinedText.withoutLinks(textRanges.filter { $0.range.lowerBound >= start }, in: bytes)
        return JoinedText.segments(pieces, in: bytes, decodesEntities: true)
    }

    private final class Collector: HTMLContentHandler {
        let bytes: UnsafeBufferPointer<UInt8>
        var textRanges: [JoinedText.Piece] = []
        var directives: [InlineDirective] = []
        var language: String?
        private var skipDepth = 0
        private var open: [String] = []
        /// The `lang` of each open element below `html` that has one (`nil` for those that do not).
        private var languages: [String?] = []
        /// Whether an element that breaks the text started or ended since the last text.
        private var broken = true
        /// Comments come in document order, so one forward pass numbers their lines.
        private var lines: LineIndex

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            lines = LineIndex(bytes: bytes)
        }

        func startElement(_ name: String, attributes: [(name: String, value: String)]) {
            if name == "html", language == nil { language = attributes.first { $0.name == "lang" }?.value }
            if HTMLReader.skipped.contains(name) { skipDepth += 1 }
            if !HTMLReader.inline.contains(name) { broken = true }
            open.append(name)
            // A `lang` that names no language says "unknown", as an empty one does: the document's.
            let lang = attributes.first { $0.name == "lang" }?.value
            languages.append(name == "html" ? nil : lang.map { LanguageTag.isValid($0) ? $0 : "" })
        }

        func endElement(_ name: String) {
            if !HTMLReader.inline.contains(name) { broken = true }
            guard let index = open.lastIndex(of: name) else { return }
            for closed in open[index...] where HTMLReader.skipped.contains(closed) { skipDepth -= 1 }
            open.removeSubrange(index...)
            languages.removeSubrange(index...)
        }

        func text(_ range: Range<Int>) {
            guard skipDepth == 0 else { return }
            // The innermost `lang` of an element (an empty one says "unknown": the document's).
            let language = languages.last { $0 != nil }.flatMap { $0 }.flatMap { $0.isEmpty ? nil : $0 }
            textRanges.append(JoinedText.Piece(range: range, joinsPrevious: !broken, language: language))
            broken = false
        }

        func comment(_ text: String, at offset: Int) {
            let line = lines.position(at: offset).line
            if let directive = InlineDirective.parse(text, line: line) { directives.append(directive) }
        }
    }
}
