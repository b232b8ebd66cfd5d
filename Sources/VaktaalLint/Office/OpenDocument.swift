import VaktaalCore
import VaktaalText
import VaktaalXML

/// An OpenDocument text (ODT) or presentation (ODP): the paragraphs of `content.xml`, for
/// presentations page by page with the notes of each page.
enum OpenDocument {
    static func read(_ package: ZIPPackage, into collector: OfficeCollector) throws(PackageProblem) {
        // Encrypted ODF keeps ZIP's flags clear and says so in its manifest.
        if let manifest = try package.part("META-INF/manifest.xml"),
            manifest.firstRange(of: Array("encryption-data".utf8)) != nil
        {
            throw .encrypted
        }
        guard let bytes = try package.part("content.xml") else { throw .missingPart("content.xml") }
        let language = DefaultLanguage()
        try PartXML.parse("styles.xml", of: package, with: language)
        if language.language == nil { try PartXML.parse("meta.xml", of: package, with: language) }
        collector.defaultLanguage = language.language
        let part = collector.beginPart("content.xml", bytes: bytes)
        try PartXML.parse(bytes, name: "content.xml", with: OpenDocumentHandler(collector: collector, part: part))
    }

    /// The language of the default paragraph style (`fo:language`, `fo:country`), else of
    /// the document's metadata (`dc:language`).
    private final class DefaultLanguage: XMLContentHandler {
        var language: String?
        private var inDefaultStyle = false
        private var inLanguage = false

        func startElement(_ tag: XMLStartTag) {
            if tag.name.is("default-style", in: OfficeNamespace.style),
                tag.attribute("family", namespace: OfficeNamespace.style) == "paragraph"
            {
                inDefaultStyle = true
            }
            if inDefaultStyle, language == nil, tag.name.is("text-properties", in: OfficeNamespace.style),
                let code = tag.attribute("language", namespace: OfficeNamespace.formatting), code != "zxx"
            {
                let country = tag.attribute("country", namespace: OfficeNamespace.formatting)
                language = country.map { $0 == "none" ? code : "\(code)-\($0)" } ?? code
            }
            inLanguage = tag.name.is("language", in: OfficeNamespace.dublinCore)
        }

        func endElement(_ name: XMLName, at position: SourcePosition) {
            if name.is("default-style", in: OfficeNamespace.style) { inDefaultStyle = false }
            inLanguage = false
        }

        func text(_ text: String, at position: SourcePosition) {
            if inLanguage, language == nil { language = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }

        func comment(_ text: String, at position: SourcePosition) {}
    }
}

/// Reads `content.xml`: paragraphs and headings (`text:p`, `text:h`, also in lists, tables,
/// frames and notes), whose text nodes, spans and links are prose; `text:s`,
/// `text:tab` and `text:line-break` count as spaces. Not prose: tracked deletions, note
/// citations, hidden sections, spans and paragraphs (`text:display="none"`), fields,
/// generated indexes (a table of contents), the author and date of a comment
/// (`office:annotation`, whose paragraphs are read in area `comments`, apart from the
/// paragraph it stands in); image descriptions (`svg:desc`) only when asked. In presentations, each `draw:page` is a slide
/// and `presentation:notes` its notes; footer and header declarations are paragraphs of
/// their own.
final class OpenDocumentHandler: XMLContentHandler {
    private let collector: OfficeCollector
    private let part: Int

    private static let skipped: Set<String> = [
        "tracked-changes", "note-citation", "hidden-text", "hidden-paragraph", "conditional-text", "page-number", "page-count",
        "page-continuation", "date", "time", "file-name", "author-name", "author-initials", "chapter", "sheet-name",
        "template-name", "sequence", "sequence-ref", "bookmark-ref", "reference-ref", "note-ref", "word-count",
        "character-count", "paragraph-count", "page-variable-get", "variable-get", "user-field-get", "expression",
        // Generated: indexes made from the headings and entries (their source text is read
        // where it stands), and fields showing the document's properties.
        "table-of-content", "alphabetical-index", "illustration-index", "table-index", "object-index",
        "user-index", "bibliography", "title", "subject", "description", "keywords", "initial-creator", "creation-date",
        "creation-time", "modification-date", "modification-time", "print-date", "print-time", "printed-by",
        "editing-cycles", "editing-duration", "user-defined",
    ]
    private static let declarations: [String: String] = [
        "footer-decl": "footer", "header-decl": "header", "date-time-decl": "date",
    ]

    private var depth = 0
    private var skipDepth: Int?
    /// Open spans: their run, and whether they hold elements besides text.
    private var spans: [(run: Int, depth: Int, hasElements: Bool)] = []
    private var characterStart = 0
    /// The spaces the open `text:s`, `text:tab` or `text:line-break` stands for.
    private var characters = " "
    private var slide: Int?
    private var pageCount = 0
    private var area: String?
    private var areaDepth: Int?
    private var page = 1
    private var description: (depth: Int, text: String)?
    /// The open comment: its depth, and the area of the text it stands in.
    private var annotation: (depth: Int, area: String?)?
    /// The automatic style being read, and the styles that hide their text.
    private var styleName: String?
    private var hiddenStyles: Set<String> = []

    init(collector: OfficeCollector, part: Int) {
        self.collector = collector
        self.part = part
    }

    func startElement(_ tag: XMLStartTag) {
        depth += 1
        guard skipDepth == nil else { return }
        let name = tag.name
        if let span = spans.last, span.depth == depth - 1 { spans[spans.count - 1].hasElements = true }
        if name.namespaceURI == OfficeNamespace.text, ["p", "h", "span"].contains(name.localName),
            hiddenStyles.contains(tag.attribute("style-name", namespace: OfficeNamespace.text) ?? "")
        {
            skipDepth = depth
            return
        }
        switch name.namespaceURI {
        case OfficeNamespace.text:
            switch name.localName {
            case _ where Self.skipped.contains(name.localName):
                skipDepth = depth
            case "section" where tag.attribute("display", namespace: OfficeNamespace.text) == "none":
                skipDepth = depth
            case "p", "h":
                collector.beginParagraph(part: part, area: area, slide: slide, page: page)
            case "span":
                spans.append((collector.beginRun(part: part, start: tag.bytes.lowerBound), depth, false))
            case "s", "tab", "line-break":
                characterStart = tag.bytes.lowerBound
                let count = name.localName == "s" ? Int(tag.attribute("c", namespace: OfficeNamespace.text) ?? "1") ?? 1 : 1
                characters = String(repeating: " ", count: min(max(count, 1), 1000))
            case "soft-page-break":
                page += 1
                collector.markPaged(part, rendered: false)
                if collector.isInParagraph, collector.paragraphIsEmpty { collector.setPage(page, rendered: false) }
            default:
                break
            }
        case _ where annotation?.depth == depth - 1 && name.namespaceURI != OfficeNamespace.text:
            // A comment's author (`dc:creator`) and date are no text of it.
            skipDepth = depth
        case OfficeNamespace.office where name.localName == "annotation":
            // A comment stands in its paragraph as nothing; its own paragraphs are read apart.
            annotation = (depth, area)
            area = "comments"
        case OfficeNamespace.style where name.localName == "style":
            styleName = tag.attribute("name", namespace: OfficeNamespace.style)
        case OfficeNamespace.style where name.localName == "text-properties":
            // Hidden text is a character property of an automatic style.
            if let styleName, tag.attribute("display", namespace: OfficeNamespace.text) == "none" {
                hiddenStyles.insert(styleName)
            }
        case OfficeNamespace.drawingODF where name.localName == "page":
            pageCount += 1
            slide = pageCount
        case OfficeNamespace.presentationODF:
            if name.localName == "notes" {
                (area, areaDepth) = ("notes", depth)
            } else if let declared = Self.declarations[name.localName] {
                (area, areaDepth) = (declared, depth)
                collector.beginParagraph(part: part, area: declared, slide: nil)
            }
        case OfficeNamespace.svg where name.localName == "desc" || name.localName == "title":
            if name.localName == "desc" && collector.options.includesAltText {
                description = (depth, "")
            } else {
                skipDepth = depth
            }
        default:
            break
        }
    }

    func endElement(_ name: XMLName, at position: SourcePosition, bytes: Range<Int>) {
        defer { depth -= 1 }
        if let skip = skipDepth {
            if depth == skip { skipDepth = nil }
            return
        }
        if let open = description, open.depth == depth {
            collector.addDescription(open.text, part: part, slide: slide)
            description = nil
            return
        }
        switch name.namespaceURI {
        case OfficeNamespace.text:
            switch name.localName {
            case "p", "h":
                collector.endParagraph()
            case "span":
                if let span = spans.popLast() {
                    collector.endRun(span.run, part: part, end: bytes.upperBound, isRemovable: !span.hasElements)
                }
            case "s", "tab", "line-break":
                // Its span, if it stands right in one.
                let run = spans.last.flatMap { $0.depth == depth - 1 ? $0.run : nil }
                collector.addElement(characters, source: characterStart..<bytes.upperBound, run: run)
            default:
                break
            }
        case OfficeNamespace.office where name.localName == "annotation" && annotation?.depth == depth:
            area = annotation?.area
            annotation = nil
        case OfficeNamespace.drawingODF where name.localName == "page":
            slide = nil
        case OfficeNamespace.presentationODF:
            if areaDepth == depth {
                if Self.declarations[name.localName] != nil { collector.endParagraph() }
                (area, areaDepth) = (nil, nil)
            }
        default:
            break
        }
    }

    func endElement(_ name: XMLName, at position: SourcePosition) {}

    func text(_ text: String, at position: SourcePosition, bytes: Range<Int>) {
        guard skipDepth == nil else { return }
        if description != nil {
            description?.text += text
            return
        }
        let run = spans.last.flatMap { $0.depth == depth ? $0.run : nil }
        collector.addText(text, source: bytes, startTag: nil, run: run, language: nil)
    }

    func text(_ text: String, at position: SourcePosition) {}
    func comment(_ text: String, at position: SourcePosition) {}
}
