import VaktaalCore
import VaktaalXML

/// The text of an office document as the linter reads it, and where each piece of it is
/// written in the package's XML parts, so that fixes can be written back run by run.
struct OfficeText {
    /// A stretch of a paragraph's text, as written in a part.
    struct Piece {
        enum Kind {
            /// Character data (`w:t`, `a:t`, an ODF text node): rewritten by fixes.
            case text
            /// An element that stands for characters (a tab, a line break, `text:s`): removed
            /// when a fix covers it.
            case element
        }

        let kind: Kind
        /// The characters as read (for elements: what they stand for).
        let text: [UInt8]
        /// Text: the raw character data in the part; element: the whole element.
        let source: Range<Int>
        /// The start tag of the text's element (`<w:t>`), when spaces at its edges need
        /// `xml:space="preserve"`; `nil` when it does not.
        let startTag: Range<Int>?
        /// The text's whole element (`<w:t>…</w:t>`, `<a:t>…</a:t>`), removed when emptied;
        /// `nil` for text that stands in its paragraph or span (OpenDocument).
        var element: Range<Int>? = nil
        /// The run the piece is in, if it is in a run that may disappear when emptied.
        let run: Int?
        /// Where the piece starts in its paragraph's text.
        var offset = 0
    }

    /// A run (`w:r`, `a:r`, `text:span`): removed when a fix leaves it empty and it has
    /// nothing but formatting and text.
    struct Run {
        var element: Range<Int>
        var isRemovable: Bool
    }

    /// A paragraph with its place and pieces.
    struct Paragraph {
        let part: Int
        /// The ordinal among its part's paragraphs (or image descriptions), from 1.
        let ordinal: Int
        let area: String?
        let slide: Int?
        var page: Int
        var renderedPage: Int
        var pieces: [Piece] = []
        var text: [UInt8] = []
        let isFixable: Bool
        /// Where the paragraph's text starts in the document's text, once placed.
        var start = 0
    }

    /// Part names, by index.
    var parts: [String] = []
    /// Each part's bytes, as read.
    var partBytes: [[UInt8]] = []
    /// Each part's runs.
    var runs: [[Run]] = []
    /// The paragraphs with text, in the order of the document's text.
    var paragraphs: [Paragraph] = []
}

/// Gathers paragraphs from the parts of an office document while they are parsed, and
/// lays them out as the text the linter reads.
final class OfficeCollector {
    let options: ReadingOptions
    private(set) var text = OfficeText()
    private var done: [OfficeText.Paragraph] = []
    private var open: [OfficeText.Paragraph] = []
    private var ordinals: [Int] = []
    private var descriptionOrdinals: [Int] = []
    /// Parts whose page numbers are known: from explicit breaks, or as last rendered.
    private var pagedParts: [Int: Bool] = [:]
    /// Characters by the language their run declares (`""` for none).
    private var languageCounts: [String: Int] = [:]
    /// The language of the styles' defaults, for text that declares none.
    var defaultLanguage: String?

    init(options: ReadingOptions) {
        self.options = options
    }

    /// Whether the part `name` was read already (a part linked twice is read once).
    func hasPart(_ name: String) -> Bool { text.parts.contains(name) }

    /// The parts that declare another encoding than UTF-8 (`ISO-8859-1`): their text is read,
    /// but fixes, written as UTF-8, would not be what the declaration says.
    private var partsInOtherEncodings: Set<Int> = []

    /// Starts a part; its index names it in paragraphs and runs.
    func beginPart(_ name: String, bytes: [UInt8]) -> Int {
        if bytes.withUnsafeBufferPointer(EncodingDeclaration.declaresOtherEncoding) {
            partsInOtherEncodings.insert(text.parts.count)
        }
        text.parts.append(name)
        text.partBytes.append(bytes)
        text.runs.append([])
        ordinals.append(0)
        descriptionOrdinals.append(0)
        return text.parts.count - 1
    }

    /// Notes that a part's page breaks are known (`rendered`: as Word last laid it out).
    func markPaged(_ part: Int, rendered: Bool) {
        pagedParts[part] = (pagedParts[part] ?? false) || rendered
    }

    // MARK: - Paragraphs

    var isInParagraph: Bool { !open.isEmpty }

    /// Whether the innermost open paragraph has no text yet.
    var paragraphIsEmpty: Bool { open.last?.pieces.isEmpty ?? true }

    /// Opens a paragraph; one `hasACopy` (in an `mc:Choice`, whose `mc:Fallback` keeps the
    /// same text for older programs, which is not read) is reported but not fixed: fixed in
    /// one copy only, the two would say different things.
    func beginParagraph(part: Int, area: String?, slide: Int?, page: Int = 1, renderedPage: Int = 1, hasACopy: Bool = false) {
        ordinals[part] += 1
        open.append(
            OfficeText.Paragraph(
                part: part, ordinal: ordinals[part], area: area, slide: slide, page: page, renderedPage: renderedPage,
                isFixable: !partsInOtherEncodings.contains(part) && !hasACopy))
    }

    /// Moves the innermost open paragraph to a page (a break before its first text).
    func setPage(_ page: Int, rendered: Bool) {
        guard !open.isEmpty else { return }
        if rendered { open[open.count - 1].renderedPage = page } else { open[open.count - 1].page = page }
    }

    func endParagraph() {
        guard let paragraph = open.popLast() else { return }
        // Empty paragraphs count in the numbering, but add no text.
        done.append(paragraph)
    }

    /// Character data of the innermost open paragraph.
    func addText(
        _ value: String, source: Range<Int>, startTag: Range<Int>?, element: Range<Int>? = nil, run: Int?, language: String?
    ) {
        guard !open.isEmpty, !value.isEmpty else { return }
        let bytes = Array(value.utf8)
        languageCounts[language ?? "", default: 0] += bytes.count
        var piece = OfficeText.Piece(kind: .text, text: bytes, source: source, startTag: startTag, run: run)
        piece.element = element
        append(piece)
    }

    /// An element that stands for `substitute` in the innermost open paragraph.
    func addElement(_ substitute: String, source: Range<Int>, run: Int?) {
        guard !open.isEmpty else { return }
        append(OfficeText.Piece(kind: .element, text: Array(substitute.utf8), source: source, startTag: nil, run: run))
    }

    private func append(_ piece: OfficeText.Piece) {
        var piece = piece
        let index = open.count - 1
        piece.offset = open[index].text.count
        // Tabs and line breaks inside a paragraph count as spaces.
        open[index].text += piece.text.map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        open[index].pieces.append(piece)
    }

    /// An image description (alternative text), as a paragraph of its own that fixes leave
    /// alone; only when the options ask for them.
    func addDescription(_ value: String, part: Int, slide: Int?, page: Int? = nil) {
        guard options.includesAltText, !value.isEmpty else { return }
        descriptionOrdinals[part] += 1
        let bytes = Array(value.utf8).map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? UInt8(0x20) : $0 }
        done.append(
            OfficeText.Paragraph(
                part: part, ordinal: descriptionOrdinals[part], area: "image description", slide: slide, page: page ?? 1,
                renderedPage: page ?? 1, text: bytes, isFixable: false))
    }

    // MARK: - Runs

    func beginRun(part: Int, start: Int) -> Int {
        text.runs[part].append(OfficeText.Run(element: start..<start, isRemovable: false))
        return text.runs[part].count - 1
    }

    func endRun(_ run: Int, part: Int, end: Int, isRemovable: Bool) {
        let start = text.runs[part][run].element.lowerBound
        text.runs[part][run] = OfficeText.Run(element: start..<max(start, end), isRemovable: isRemovable)
    }

    // MARK: - The document

    /// The document the linter reads, and the layout fixes are written back with.
    func finish() -> (document: ReadDocument, text: OfficeText) {
        let ordered = done.sorted { left, right in
            (left.part, left.isFixable ? 0 : 1, left.ordinal) < (right.part, right.isFixable ? 0 : 1, right.ordinal)
        }
        var bytes: [UInt8] = []
        var paragraphs: [DocumentParagraph] = []
        var segments: [ProseSegment] = []
        var splitPoints: [Int] = []
        var counts: [String: Int] = [:]
        var layout = text
        for var paragraph in ordered {
            let page: Int? = pagedParts[paragraph.part].map { $0 ? paragraph.renderedPage : paragraph.page }
            let container = "\(paragraph.part)|\(paragraph.area ?? "")|\(paragraph.slide ?? 0)|\(page ?? 0)"
            counts[container, default: 0] += 1
            guard !paragraph.text.isEmpty else { continue }
            let place = DocumentPlace(
                part: text.parts[paragraph.part], area: paragraph.area, slide: paragraph.slide, page: page,
                paragraph: counts[container] ?? 1, line: paragraph.ordinal)
            paragraph.start = bytes.count
            for (first, second) in zip(paragraph.pieces, paragraph.pieces.dropFirst())
            where OfficeBoundaries.separate(first, second, in: text.partBytes[paragraph.part], runs: text.runs[paragraph.part]) {
                splitPoints.append(paragraph.start + second.offset)
            }
            bytes += paragraph.text
            let range = paragraph.start..<bytes.count
            paragraphs.append(DocumentParagraph(range: range, place: place, isFixable: paragraph.isFixable))
            layout.paragraphs.append(paragraph)
            bytes.append(0x0A)
        }
        bytes.withUnsafeBufferPointer { buffer in
            for paragraph in paragraphs {
                segments += LinksAndAddresses.prose(in: buffer, range: paragraph.range).map { ProseSegment($0) }
            }
        }
        let document = ReadDocument(
            text: SourceBytes(bytes), segments: segments, directives: [], declaredLanguage: language(), paragraphs: paragraphs,
            splitPoints: splitPoints)
        return (document, layout)
    }

    /// The language most of the text is in: as its runs declare it, else the styles' default.
    private func language() -> String? {
        var counts = languageCounts
        let undeclared = counts.removeValue(forKey: "") ?? 0
        if let defaultLanguage, !defaultLanguage.isEmpty { counts[defaultLanguage, default: 0] += undeclared }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

/// The text of one text element (`a:t`, `w:t`), which libxml2 may hand over in pieces, and
/// where it stands in the part.
struct ElementText {
    var value: String
    var bytes: Range<Int>

    /// `pending` (if any) followed by `text`, which stands at `bytes`.
    static func appending(_ text: String, at bytes: Range<Int>, to pending: ElementText?) -> ElementText {
        guard let pending else { return ElementText(value: text, bytes: bytes) }
        return ElementText(value: pending.value + text, bytes: pending.bytes.lowerBound..<bytes.upperBound)
    }
}
