import VaktaalCore
import VaktaalText
import VaktaalXML

/// A Word document (DOCX): the main document, then its headers, footers, footnotes,
/// endnotes and comments, found through the package's relationships.
enum WordDocument {
    static func read(_ package: ZIPPackage, into collector: OfficeCollector) throws(PackageProblem) {
        let root = try Relationships(of: "", in: package)
        let main = root.targets(ofType: "officeDocument").first ?? "word/document.xml"
        guard package.contains(main) else { throw .missingPart(main) }
        let links = try Relationships(of: main, in: package)
        if let styles = links.targets(ofType: "styles").first {
            let handler = StylesLanguage()
            try PartXML.parse(styles, of: package, with: handler)
            collector.defaultLanguage = handler.language
        }
        if let root = try readPart(main, area: nil, tracksPages: true, package, collector),
            !root.is("document", in: OfficeNamespace.word)
        {
            throw .otherDocumentKind(part: main, found: root.qualifiedName, expected: "w:document")
        }
        for (type, area) in [("header", "header"), ("footer", "footer")] {
            for (index, part) in links.targets(ofType: type).sorted(by: numericOrder).enumerated() {
                try readPart(part, area: "\(area) \(index + 1)", tracksPages: false, package, collector)
            }
        }
        for type in ["footnotes", "endnotes", "comments"] {
            for part in links.targets(ofType: type) { try readPart(part, area: type, tracksPages: false, package, collector) }
        }
    }

    /// Reads a part; its root element's name, `nil` when it was read already or is not there.
    @discardableResult
    private static func readPart(
        _ name: String, area: String?, tracksPages: Bool, _ package: ZIPPackage, _ collector: OfficeCollector
    ) throws(PackageProblem) -> XMLName? {
        guard !collector.hasPart(name), let bytes = try package.part(name) else { return nil }
        let part = collector.beginPart(name, bytes: bytes)
        let handler = WordPartHandler(collector: collector, part: part, area: area, tracksPages: tracksPages)
        try PartXML.parse(bytes, name: name, with: handler)
        return handler.root
    }

    /// `header2.xml` before `header10.xml`.
    private static func numericOrder(_ left: String, _ right: String) -> Bool {
        left.count != right.count ? left.count < right.count : left < right
    }

    /// The language of `w:docDefaults` in the styles part.
    private final class StylesLanguage: XMLContentHandler {
        var language: String?
        private var inDefaults = false

        func startElement(_ tag: XMLStartTag) {
            if tag.name.is("docDefaults", in: OfficeNamespace.word) { inDefaults = true }
            if inDefaults, language == nil, tag.name.is("lang", in: OfficeNamespace.word) {
                language = tag.attribute("val", in: OfficeNamespace.word)
            }
        }

        func endElement(_ name: XMLName, at position: SourcePosition) {
            if name.is("docDefaults", in: OfficeNamespace.word) { inDefaults = false }
        }

        func text(_ text: String, at position: SourcePosition) {}
        func comment(_ text: String, at position: SourcePosition) {}
    }
}

/// Reads one WordprocessingML part: paragraphs (`w:p`, also in tables and text boxes) of
/// runs (`w:r`) whose `w:t` text is prose; tabs and breaks count as spaces. Not prose:
/// deleted text (`w:del`, `w:moveFrom`), field instructions and the results of fields Word
/// makes (all but a link's text and a form's text field), separator notes, hidden runs (`w:vanish`),
/// fallback copies of drawings (`mc:Fallback`); image descriptions only when asked.
final class WordPartHandler: XMLContentHandler {
    private let collector: OfficeCollector
    private let part: Int
    private let area: String?
    private let tracksPages: Bool

    /// The elements open, as `w:name` for WordprocessingML and `""` for others.
    private var stack: [String] = []
    /// While set, everything inside the element open at this depth is skipped.
    private var skipDepth: Int?
    private var run: Int?
    private var runIsHidden = false
    private var runLanguage: String?
    private var runHasOtherContent = false
    /// The open `w:t`: its start tag, whether it preserves spaces, and its text so far.
    private var textElement: (tag: Range<Int>, preserves: Bool)?
    private var pendingText: ElementText?
    /// Elements standing for characters, by the offset of their start tag.
    private var characterElementStart = 0
    private var characterSubstitute = " "
    /// Complex fields (`w:fldChar`), innermost last: whether each is still in its instruction,
    /// the instruction so far, and whether its result is made by Word rather than written.
    private var fields: [(inInstruction: Bool, instruction: String, isGenerated: Bool)] = []
    /// Whether the open `w:instrText` is gathered into the innermost field's instruction.
    private var gathersInstruction = false
    private var page = 1
    private var renderedPage = 1
    private var sectionBreak = false
    private var paragraphsSeen = 0
    /// The part's root element.
    private(set) var root: XMLName?

    init(collector: OfficeCollector, part: Int, area: String?, tracksPages: Bool) {
        self.collector = collector
        self.part = part
        self.area = area
        self.tracksPages = tracksPages
    }

    private static let characterElements: [String: String] = [
        "w:tab": " ", "w:br": " ", "w:cr": " ", "w:noBreakHyphen": "-", "w:softHyphen": "", "w:sym": " ",
    ]

    private func key(_ name: XMLName) -> String {
        if OfficeNamespace.word.contains(name.namespaceURI ?? "") { return "w:" + name.localName }
        if name.namespaceURI == OfficeNamespace.markupCompatibility { return "mc:" + name.localName }
        return ""
    }

    private var parent: String { stack.count >= 2 ? stack[stack.count - 2] : "" }
    /// Whether the text is no prose of the document: a field's instruction, or the result
    /// of a field Word makes (a table of contents, a document property, a page number).
    private var inFieldCode: Bool { fields.contains { $0.inInstruction || $0.isGenerated } }

    /// Fields whose result the author writes or keeps: a link's text, a form's text field.
    private static let writtenFields: Set<String> = ["HYPERLINK", "FORMTEXT"]

    /// Whether a field with `instruction` shows a result Word makes.
    private static func isGenerated(_ instruction: String) -> Bool {
        let name = instruction.split(whereSeparator: \.isWhitespace).first.map { $0.uppercased() } ?? ""
        return !writtenFields.contains(name)
    }

    /// Separator notes Word keeps at the start of its footnotes and endnotes: no note of the text.
    private static let separatorNotes: Set<String> = ["separator", "continuationSeparator", "continuationNotice"]

    func startElement(_ tag: XMLStartTag) {
        let name = key(tag.name)
        if stack.isEmpty, root == nil { root = tag.name }
        stack.append(name)
        guard skipDepth == nil else { return }
        if parent == "w:r", name != "w:rPr", name != "w:t", Self.characterElements[name] == nil { runHasOtherContent = true }
        switch name {
        case "w:del", "w:moveFrom", "mc:Fallback", "w:delText", "w:delInstrText":
            skipDepth = stack.count
        case "w:instrText":
            skipDepth = stack.count
            gathersInstruction = !fields.isEmpty
        case "w:fldSimple" where Self.isGenerated(tag.attribute("instr", in: OfficeNamespace.word) ?? ""):
            skipDepth = stack.count
        case "w:footnote", "w:endnote":
            if Self.separatorNotes.contains(tag.attribute("type", in: OfficeNamespace.word) ?? "") { skipDepth = stack.count }
        case "w:p":
            collector.beginParagraph(
                part: part, area: area, slide: nil, page: page, renderedPage: renderedPage, hasACopy: stack.contains("mc:Choice"))
            paragraphsSeen += 1
            sectionBreak = false
        case "w:r":
            run = collector.beginRun(part: part, start: tag.bytes.lowerBound)
            (runIsHidden, runLanguage, runHasOtherContent) = (false, nil, false)
        case "w:vanish" where parent == "w:rPr" && stack.dropLast(2).last == "w:r":
            runIsHidden = isOn(tag)
        case "w:lang" where parent == "w:rPr" && stack.dropLast(2).last == "w:r":
            runLanguage = tag.attribute("val", in: OfficeNamespace.word)
        case "w:t" where parent == "w:r":
            textElement = (tag.bytes, tag.attribute("space", namespace: xmlNamespaceURI) == "preserve")
            pendingText = nil
        case _ where parent == "w:r" && Self.characterElements[name] != nil:
            characterElementStart = tag.bytes.lowerBound
            characterSubstitute = Self.characterElements[name] ?? " "
            if name == "w:br", tag.attribute("type", in: OfficeNamespace.word) == "page" {
                // A page break that opens a paragraph is no character of its text.
                if collector.paragraphIsEmpty { characterSubstitute = "" }
                pageBreak(rendered: false)
            }
        case "w:lastRenderedPageBreak":
            pageBreak(rendered: true)
        case "w:fldChar":
            switch tag.attribute("fldCharType", in: OfficeNamespace.word) {
            case "begin": fields.append((true, "", false))
            case "separate":
                if let last = fields.indices.last {
                    fields[last].inInstruction = false
                    fields[last].isGenerated = Self.isGenerated(fields[last].instruction)
                }
            case "end": _ = fields.popLast()
            default: break
            }
        case "w:pageBreakBefore" where parent == "w:pPr":
            if isOn(tag), paragraphsSeen > 1 { pageBreak(rendered: false) }
        case "w:sectPr" where parent == "w:pPr":
            sectionBreak = true
        case "w:type" where parent == "w:sectPr":
            if tag.attribute("val", in: OfficeNamespace.word) == "continuous" { sectionBreak = false }
        case "":
            if tag.name.is("docPr", in: OfficeNamespace.wordDrawing), let description = tag.attribute("descr") {
                collector.addDescription(description, part: part, slide: nil)
            }
        default:
            break
        }
    }

    func endElement(_ name: XMLName, at position: SourcePosition, bytes: Range<Int>) {
        let name = stack.removeLast()
        if name == "w:instrText" { gathersInstruction = false }
        if let depth = skipDepth {
            if stack.count < depth { skipDepth = nil }
            return
        }
        let visible = !runIsHidden && !inFieldCode
        switch name {
        case "w:t":
            if let text = pendingText, visible, let element = textElement {
                collector.addText(
                    text.value, source: text.bytes, startTag: element.preserves ? nil : element.tag,
                    element: element.tag.lowerBound..<bytes.upperBound, run: run, language: runLanguage)
            }
            (textElement, pendingText) = (nil, nil)
        case _ where Self.characterElements[name] != nil && stack.last == "w:r":
            if visible { collector.addElement(characterSubstitute, source: characterElementStart..<bytes.upperBound, run: run) }
        case "w:r":
            if let run {
                collector.endRun(run, part: part, end: bytes.upperBound, isRemovable: !runHasOtherContent && !runIsHidden)
            }
            (run, runIsHidden, runLanguage) = (nil, false, nil)
        case "w:p":
            collector.endParagraph()
            if sectionBreak, tracksPages {
                page += 1
                collector.markPaged(part, rendered: false)
            }
        default:
            break
        }
    }

    func endElement(_ name: XMLName, at position: SourcePosition) {}

    func text(_ text: String, at position: SourcePosition, bytes: Range<Int>) {
        if gathersInstruction, let last = fields.indices.last {
            fields[last].instruction += text
            return
        }
        guard skipDepth == nil, textElement != nil else { return }
        pendingText = ElementText.appending(text, at: bytes, to: pendingText)
    }

    func text(_ text: String, at position: SourcePosition) {}
    func comment(_ text: String, at position: SourcePosition) {}

    /// A page starts here: the paragraph moves to it when nothing of it came before.
    private func pageBreak(rendered: Bool) {
        guard tracksPages else { return }
        collector.markPaged(part, rendered: rendered)
        if rendered { renderedPage += 1 } else { page += 1 }
        if collector.isInParagraph, collector.paragraphIsEmpty {
            collector.setPage(rendered ? renderedPage : page, rendered: rendered)
        }
    }

    /// An on/off property: on unless `w:val` says `0`, `false` or `off`.
    private func isOn(_ tag: XMLStartTag) -> Bool {
        !["0", "false", "off"].contains(tag.attribute("val", in: OfficeNamespace.word) ?? "true")
    }
}
