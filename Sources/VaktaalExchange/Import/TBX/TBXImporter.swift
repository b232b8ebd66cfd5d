import VaktaalCore
import VaktaalXML

/// TBX glossaries: TBX-Basic and TBX-Core v3 in the DCA style (`<termNote
/// type="administrativeStatus">`) and the DCT style (data categories as elements of their
/// module's namespace), and the older `martif` v2 layout (`termEntry`, `langSet`, `tig`,
/// `ntig`). Administrative status gives the label kind; what our own export writes as
/// `key: value` notes (``TBXNotes``) comes back as what it was. Data categories the format
/// has no place for are reported.
final class TBXImporter {
    let root: XMLNode
    let path: String
    let options: ImportOptions
    var warnings = Tally<String>()
    var skipped = Tally<SKOSImporter.SkipKey>()
    /// The vocabularies the header describes (our export), else one made up.
    var vocabularies: [Vocabulary] = []
    var entryCount = 0
    /// Whether the header names the vocabularies' URIs (as our export does): then an
    /// entry's first plain external cross reference is its concept's URI.
    var headerNamesURIs = false

    init(root: XMLNode, path: String, options: ImportOptions) {
        self.root = root
        self.path = path
        self.options = options
    }

    static func run(_ bytes: [UInt8], path: String, options: ImportOptions) throws(ImportError) -> ImportResult {
        let root: XMLNode?
        do {
            root = try XMLNode.parse(bytes, path: path)
        } catch {
            throw .malformed(path: error.path, position: error.position, message: error.message)
        }
        guard let root, root.localName == "tbx" || root.localName == "martif" else {
            throw .malformed(path: path, position: root?.position ?? .start, message: "the root element is not tbx or martif")
        }
        return try TBXImporter(root: root, path: path, options: options).run()
    }

    func run() throws(ImportError) -> ImportResult {
        readHeader()
        let entries = body().flatMap { $0.children.filter { $0.localName == "conceptEntry" || $0.localName == "termEntry" } }
        entryCount = entries.count
        guard !entries.isEmpty else { throw .noConcepts(path: path) }
        var drafts: [EntryDraft] = entries.map { readEntry($0) }
        resolveConcepts(&drafts)
        for draft in drafts {
            guard let index = draft.vocabulary else { continue }
            vocabularies[index].concepts.append(draft.concept)
        }
        return ImportResult(
            vocabularies: vocabularies,
            report: ImportReport(
                format: .tbx, sourceItems: entryCount,
                skipped: skipped.entries.map {
                    ImportReport.Skipped(what: $0.key.what, reason: $0.key.reason, count: $0.count, example: $0.example)
                },
                warnings: warnings.entries.map { ImportReport.Warning(message: $0.key, count: $0.count, example: $0.example) }))
    }

    private func body() -> [XMLNode] {
        root.children("text").flatMap { $0.children("body") }
    }

    func skip(_ what: String, _ reason: String, example: String) {
        skipped.add(SKOSImporter.SkipKey(what: what, reason: reason), example: example)
    }

    // MARK: - Header

    /// Our export's header: per vocabulary a line `URI [version]`, then `key: value` lines.
    /// Any other TBX gets one vocabulary named after the file.
    private func readHeader() {
        let documentLanguage = root.attribute("lang", namespace: xmlNamespaceURI).map(LanguageTag.canonicalCase)
        let header = root.child("tbxHeader") ?? root.child("martifHeader")
        let fileDescription = header?.child("fileDesc")
        let lines = fileDescription?.children("sourceDesc").flatMap { $0.children("p") }.map(\.content) ?? []
        for line in lines {
            if let (key, value) = Self.keyValue(line), !vocabularies.isEmpty {
                applyHeader(key, value, to: &vocabularies[vocabularies.count - 1])
            } else if let uri = line.split(separator: " ").first.map(String.init), Self.isAbsoluteURI(uri) {
                let version = line.dropFirst(uri.count).trimmingPrefixSpaces
                // Our own export names each scheme's default language in a line of its own
                // (`language: nl`); the document's `xml:lang`, which TBX requires, is no
                // scheme's when that line is missing.
                vocabularies.append(Vocabulary(id: "", uri: uri, version: version.isEmpty ? nil : version))
            }
        }
        headerNamesURIs = !vocabularies.isEmpty
        if vocabularies.isEmpty {
            let name = SKOSImporter.slug(options.name ?? Self.fileStem(path))
            let id = name.isEmpty ? "glossary" : name
            var vocabulary = Vocabulary(id: id, uri: "urn:vaktaal:\(id):")
            vocabulary.defaultLanguage = documentLanguage ?? options.defaultLanguage
            if let title = fileDescription?.child("titleStmt")?.child("title")?.content, !title.isEmpty {
                vocabulary.metadata.append(
                    MetadataEntry(kind: .title, text: title, language: vocabulary.defaultLanguage ?? ""))
            }
            warnings.add("no concept URIs in the file: concepts get URIs under \(vocabulary.uri)", example: path)
            vocabularies = [vocabulary]
        }
        for index in vocabularies.indices where vocabularies[index].id.isEmpty {
            let slug = SKOSImporter.slug(vocabularies[index].conceptSchemeURI)
            vocabularies[index].id = slug.isEmpty ? "glossary" : slug
        }
    }

    private func applyHeader(_ key: String, _ value: String, to vocabulary: inout Vocabulary) {
        let (name, language) = Self.splitLanguage(key)
        switch name {
        case "id": vocabulary.id = value
        case "scheme": vocabulary.schemeURI = value
        case "language": vocabulary.defaultLanguage = value
        case "modified": vocabulary.modified = Vocabulary.isValidDate(value) ? value : nil
        default:
            guard let kind = MetadataKind(rawValue: name) else { return }
            let effective = language ?? vocabulary.defaultLanguage ?? ""
            vocabulary.metadata.append(
                MetadataEntry(
                    kind: kind, text: value, declaredLanguage: effective == vocabulary.defaultLanguage ? nil : effective,
                    language: effective))
        }
    }

    // MARK: - Helpers

    /// `key: value` for our note keys (`word`, `word@lang`, `word (date)`, `word sub`), white
    /// space before the key passed over (`<note> deprecated: true</note>`).
    static func keyValue(_ note: String) -> (key: String, value: String)? {
        let line = note.drop { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let colon = line.range(of: ": ") else { return nil }
        let key = line[..<colon.lowerBound]
        guard let first = key.first, first.isLetter, key.count <= 60,
            key.allSatisfy({ $0.isLetter || $0.isNumber || "@-():. ".contains($0) })
        else { return nil }
        return (String(key), String(line[colon.upperBound...]))
    }

    /// `title@nl` as (`title`, `nl`).
    static func splitLanguage(_ key: String) -> (String, String?) {
        guard let at = key.firstIndex(of: "@") else { return (key, nil) }
        return (String(key[..<at]), String(key[key.index(after: at)...]))
    }

    /// A file's name without folder and extension.
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func isAbsoluteURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        return text[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && text[text.index(after: colon)...].first != " "
    }
}

extension Substring {
    fileprivate var trimmingPrefixSpaces: String {
        String(drop { $0 == " " })
    }
}
