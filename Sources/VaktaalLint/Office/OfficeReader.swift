import VaktaalCore

/// Word, PowerPoint and OpenDocument files: a ZIP package of XML parts, opened with
/// ZIPFoundation and parsed with libxml2. The text the linter reads is the document's
/// paragraphs, one after the other (runs joined, so a term split over two runs is one
/// match); each finding names its part, slide or page and paragraph. Fixes rewrite only the
/// runs a match touches; every other part is copied byte for byte.
struct OfficeReader: DocumentReader {
    let format: DocumentFormat

    init(_ format: DocumentFormat) {
        self.format = format
    }

    func read(_ bytes: [UInt8]) throws(DocumentProblem) -> ReadDocument {
        try read(bytes, options: .standard)
    }

    func read(_ bytes: [UInt8], options: ReadingOptions) throws(DocumentProblem) -> ReadDocument {
        try layout(bytes, options: options).document
    }

    func applying(_ fixes: [Fix], to bytes: [UInt8]) throws(DocumentProblem) -> (bytes: [UInt8], applied: Int) {
        try applying(fixes, to: bytes, options: .standard)
    }

    /// Reads the document again as the fixes were found, and writes each fix into its runs.
    func applying(_ fixes: [Fix], to bytes: [UInt8], options: ReadingOptions) throws(DocumentProblem) -> (
        bytes: [UInt8], applied: Int
    ) {
        let (package, _, text) = try layout(bytes, options: options)
        let (edits, applied) = OfficeFixer.edits(fixes, in: text)
        guard applied > 0 else { return (bytes, 0) }
        var replacements: [String: [UInt8]] = [:]
        for (part, partEdits) in edits where !partEdits.isEmpty {
            replacements[text.parts[part]] = ByteEdit.apply(partEdits, to: text.partBytes[part]).bytes
        }
        do {
            return (try ZIPRewriter.rewrite(package, replacing: replacements), applied)
        } catch {
            throw .package(error)
        }
    }

    private func layout(
        _ bytes: [UInt8], options: ReadingOptions
    ) throws(DocumentProblem) -> (package: ZIPPackage, document: ReadDocument, text: OfficeText) {
        do {
            let package = try ZIPPackage(bytes)
            let collector = OfficeCollector(options: options)
            switch format {
            case .docx: try WordDocument.read(package, into: collector)
            case .pptx: try Presentation.read(package, into: collector)
            default: try OpenDocument.read(package, into: collector)
            }
            let (document, text) = collector.finish()
            return (package, document, text)
        } catch {
            throw .package(error)
        }
    }
}
