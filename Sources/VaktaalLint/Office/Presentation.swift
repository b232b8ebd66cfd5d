import VaktaalCore
import VaktaalText
import VaktaalXML

/// A PowerPoint presentation (PPTX): every slide in presentation order (the slide list of
/// `presentation.xml` and its relationships), each followed by its speaker notes.
enum Presentation {
    static func read(_ package: ZIPPackage, into collector: OfficeCollector) throws(PackageProblem) {
        let root = try Relationships(of: "", in: package)
        let main = root.targets(ofType: "officeDocument").first ?? "ppt/presentation.xml"
        let outline = SlideList()
        guard try PartXML.parse(main, of: package, with: outline) != nil else { throw .missingPart(main) }
        if let root = outline.root, !root.is("presentation", in: OfficeNamespace.presentation) {
            throw .otherDocumentKind(part: main, found: root.qualifiedName, expected: "p:presentation")
        }
        collector.defaultLanguage = outline.language
        let links = try Relationships(of: main, in: package)
        for (index, id) in outline.slideIDs.enumerated() {
            guard let slide = links.target(of: id) else { continue }
            try readPart(slide, area: nil, slide: index + 1, package, collector)
            if let notes = try Relationships(of: slide, in: package).targets(ofType: "notesSlide").first {
                try readPart(notes, area: "notes", slide: index + 1, package, collector)
            }
        }
    }

    private static func readPart(
        _ name: String, area: String?, slide: Int, _ package: ZIPPackage, _ collector: OfficeCollector
    ) throws(PackageProblem) {
        guard !collector.hasPart(name) else { return }
        guard let bytes = try package.part(name) else { throw .missingPart(name) }
        let part = collector.beginPart(name, bytes: bytes)
        try PartXML.parse(bytes, name: name, with: SlideHandler(collector: collector, part: part, area: area, slide: slide))
    }

    /// The slide ids of `p:sldIdLst`, in order, and the language of the default text style.
    private final class SlideList: XMLContentHandler {
        var slideIDs: [String] = []
        var language: String?
        /// The part's root element.
        private(set) var root: XMLName?
        private var inDefaultStyle = false

        func startElement(_ tag: XMLStartTag) {
            if root == nil { root = tag.name }
            if tag.name.is("sldId", in: OfficeNamespace.presentation),
                let id = tag.attribute("id", in: OfficeNamespace.relationships)
            {
                slideIDs.append(id)
            }
            if tag.name.is("defaultTextStyle", in: OfficeNamespace.presentation) { inDefaultStyle = true }
            if inDefaultStyle, language == nil, tag.name.is("defRPr", in: OfficeNamespace.drawing) {
                language = tag.attribute("lang")
            }
        }

        func endElement(_ name: XMLName, at position: SourcePosition) {
            if name.is("defaultTextStyle", in: OfficeNamespace.presentation) { inDefaultStyle = false }
        }

        func text(_ text: String, at position: SourcePosition) {}
        func comment(_ text: String, at position: SourcePosition) {}
    }
}

/// Reads a slide or notes part: DrawingML paragraphs (`a:p`, in shapes and table cells) of
/// runs (`a:r`) whose `a:t` text is prose; line breaks (`a:br`) count as spaces. Not prose:
/// fields (`a:fld`: slide numbers, dates), fallback copies (`mc:Fallback`); the
/// descriptions of pictures and shapes only when asked.
final class SlideHandler: XMLContentHandler {
    private let collector: OfficeCollector
    private let part: Int
    private let area: String?
    private let slide: Int

    private var stack: [String] = []
    private var skipDepth: Int?
    private var run: Int?
    private var runLanguage: String?
    private var runHasOtherContent = false
    private var textTag: Range<Int>?
    private var pendingText: ElementText?
    private var breakStart = 0

    init(collector: OfficeCollector, part: Int, area: String?, slide: Int) {
        self.collector = collector
        self.part = part
        self.area = area
        self.slide = slide
    }

    private func key(_ name: XMLName) -> String {
        if OfficeNamespace.drawing.contains(name.namespaceURI ?? "") { return "a:" + name.localName }
        if OfficeNamespace.presentation.contains(name.namespaceURI ?? "") { return "p:" + name.localName }
        if name.namespaceURI == OfficeNamespace.markupCompatibility { return "mc:" + name.localName }
        return ""
    }

    private var parent: String { stack.count >= 2 ? stack[stack.count - 2] : "" }

    func startElement(_ tag: XMLStartTag) {
        let name = key(tag.name)
        stack.append(name)
        guard skipDepth == nil else { return }
        if parent == "a:r", name != "a:rPr", name != "a:t" { runHasOtherContent = true }
        switch name {
        case "a:fld", "mc:Fallback":
            skipDepth = stack.count
        case "a:p":
            collector.beginParagraph(part: part, area: area, slide: slide, hasACopy: stack.contains("mc:Choice"))
        case "a:r":
            run = collector.beginRun(part: part, start: tag.bytes.lowerBound)
            (runLanguage, runHasOtherContent) = (nil, false)
        case "a:rPr" where parent == "a:r":
            runLanguage = tag.attribute("lang")
        case "a:t" where parent == "a:r":
            (textTag, pendingText) = (tag.bytes, nil)
        case "a:br" where parent == "a:p":
            breakStart = tag.bytes.lowerBound
        case "p:cNvPr":
            if let description = tag.attribute("descr") { collector.addDescription(description, part: part, slide: slide) }
        default:
            break
        }
    }

    func endElement(_ name: XMLName, at position: SourcePosition, bytes: Range<Int>) {
        let name = stack.removeLast()
        if let depth = skipDepth {
            if stack.count < depth { skipDepth = nil }
            return
        }
        switch name {
        case "a:t" where textTag != nil:
            // A run holds exactly one `a:t`: an emptied run goes as a whole.
            if let text = pendingText {
                collector.addText(text.value, source: text.bytes, startTag: nil, run: run, language: runLanguage)
            }
            (textTag, pendingText) = (nil, nil)
        case "a:br" where stack.last == "a:p":
            collector.addElement(" ", source: breakStart..<bytes.upperBound, run: nil)
        case "a:r":
            if let run { collector.endRun(run, part: part, end: bytes.upperBound, isRemovable: !runHasOtherContent) }
            (run, runLanguage) = (nil, nil)
        case "a:p":
            collector.endParagraph()
        default:
            break
        }
    }

    func endElement(_ name: XMLName, at position: SourcePosition) {}

    func text(_ text: String, at position: SourcePosition, bytes: Range<Int>) {
        guard skipDepth == nil, textTag != nil else { return }
        pendingText = ElementText.appending(text, at: bytes, to: pendingText)
    }

    func text(_ text: String, at position: SourcePosition) {}
    func comment(_ text: String, at position: SourcePosition) {}
}
