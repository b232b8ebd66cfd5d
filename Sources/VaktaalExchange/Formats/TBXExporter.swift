import VaktaalCore
import VaktaalXML

/// TBX (ISO 30042:2019) in the TBX-Basic dialect: a `conceptEntry` per concept, a `langSec`
/// per language with the definition and notes, a `termSec` per label with its
/// administrative status (and part of speech where known); relations and replacements as cross references, mappings as
/// external cross references. Hidden labels (misspellings) are not terms and are left out.
struct TBXExporter: Exporter {
    let format = ExportFormat.tbx
    static let namespace = "urn:iso:std:iso:30042:ed-2"

    func export(_ input: ExportInput, to sink: any ExportSink) {
        let (set, baseName) = (input.set, input.baseName)
        var writer = XMLWriter(capacity: ByteBuffer.chunkSize + ByteBuffer.chunkSize / 4)
        sink.begin("\(baseName).tbx")
        let language = set.vocabularies.first?.defaultLanguage ?? "en"
        writer.startElement(
            "tbx", attributes: [("xmlns", Self.namespace), ("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", language)])
        writer.startElement("tbxHeader")
        writer.startElement("fileDesc")
        writer.startElement("titleStmt")
        writer.textElement("title", text: set.vocabularies.compactMap { $0.title(in: language) }.joined(separator: "; "))
        writer.endElement("titleStmt")
        writer.startElement("sourceDesc")
        for vocabulary in set.vocabularies {
            writer.textElement("p", text: ([vocabulary.uri] + (vocabulary.version.map { [$0] } ?? [])).joined(separator: " "))
            for line in TBXNotes.header(vocabulary) { writer.textElement("p", text: line) }
        }
        writer.endElement("sourceDesc")
        writer.endElement("fileDesc")
        writer.endElement("tbxHeader")
        writer.startElement("text")
        writer.startElement("body")
        let entries = EntryNames(set)
        for key in set.keys {
            writeEntry(key, set, entries, into: &writer)
            writer.flushIfFull(to: sink)
        }
        writer.endElement("body")
        writer.endElement("text")
        writer.endElement("tbx")
        writer.finish(to: sink)
    }

    /// Every concept's entry id and name, made once.
    private struct EntryNames {
        let ids: [String]
        let names: [String]

        init(_ set: VocabularySet) {
            // Ids that the safe name makes alike are told apart, so that relations and
            // replacements name the right entry.
            ids = SafeName.unique(set.keys.map { TBXExporter.entryID($0, set) })
            names = set.keys.map { set[$0].displayName(in: set.vocabulary(of: $0).defaultLanguage ?? "") }
        }
    }

    private func writeEntry(_ key: ConceptKey, _ set: VocabularySet, _ entries: EntryNames, into writer: inout XMLWriter) {
        let concept = set[key]
        writer.startElement("conceptEntry", attribute: ("id", entries.ids[key.rawValue]))
        writer.element("xref", attributes: [("type", "externalCrossReference"), ("target", set.uri(of: key))])
        if let modified = concept.modified {
            writer.startElement("transacGrp")
            writer.textElement("transac", attribute: ("type", "transactionType"), text: "modification")
            writer.textElement("date", attribute: nil, text: modified)
            writer.endElement("transacGrp")
        }
        let related = set.graph.broader(of: key) + set.graph.narrower(of: key) + set.graph.related(of: key)
        for other in related + (set.replacement(of: key).map { [$0] } ?? []) {
            writer.textElement(
                "ref", attributes: [("type", "crossReference"), ("target", entries.ids[other.rawValue])],
                text: entries.names[other.rawValue])
        }
        for line in TBXNotes.entry(key, set, entryIDs: entries.ids) { writer.textElement("note", attribute: nil, text: line) }
        for mapping in concept.mappings {
            let target: String
            switch mapping.target {
            case .uri(let uri): target = uri
            case .reference(let reference):
                target = set.resolve(reference, fromScheme: set.schemeIndex(of: key)).map(set.uri(of:)) ?? reference
            }
            writer.textElement(
                "xref", attributes: [("type", "externalCrossReference"), ("target", target)], text: mapping.kind.rawValue)
        }
        var languages: [String] = []
        for label in concept.labels where !languages.contains(label.language) { languages.append(label.language) }
        for note in concept.notes where !languages.contains(note.language) { languages.append(note.language) }
        // What belongs to a language without terms cannot have a langSec (it needs a term): it
        // goes on the entry, marked with its language.
        let termLanguages = languages.filter { language in
            concept.labels.contains { $0.language == language && $0.kind != .hidden }
        }
        for language in languages where !termLanguages.contains(language) {
            for note in concept.notes where note.language == language {
                writer.textElement("note", attribute: nil, text: TBXNotes.note(note, language: language))
            }
            for label in concept.labels where label.language == language {
                for line in TBXNotes.hidden(label, language: language) { writer.textElement("note", attribute: nil, text: line) }
            }
        }
        for language in termLanguages {
            writer.startElement("langSec", attribute: ("xml:lang", language.isEmpty ? "und" : language))
            for note in concept.notes where note.language == language {
                switch note.kind {
                case .definition where note.date == nil:
                    writer.textElement("descrip", attribute: ("type", "definition"), text: note.text)
                case .source where note.date == nil:
                    writer.textElement("admin", attribute: ("type", "source"), text: note.text)
                default: writer.textElement("note", attribute: nil, text: TBXNotes.note(note, language: nil))
                }
            }
            for label in concept.labels where label.language == language && label.kind == .hidden {
                for line in TBXNotes.hidden(label, language: nil) { writer.textElement("note", attribute: nil, text: line) }
            }
            for label in concept.labels where label.language == language && label.kind != .hidden {
                writeTerm(label, deprecatedConcept: concept.isDeprecated, into: &writer)
            }
            writer.endElement("langSec")
        }
        writer.endElement("conceptEntry")
    }

    private func writeTerm(_ label: Label, deprecatedConcept: Bool, into writer: inout XMLWriter) {
        writer.startElement("termSec")
        writer.textElement("term", attribute: nil, text: label.text)
        if let partOfSpeech = Self.partOfSpeech(label) {
            writer.textElement("termNote", attribute: ("type", "partOfSpeech"), text: partOfSpeech)
        }
        if label.isAbbreviation {
            writer.textElement("termNote", attribute: ("type", "termType"), text: "abbreviation")
        }
        writer.textElement("termNote", attribute: ("type", "administrativeStatus"), text: Self.status(label, deprecatedConcept))
        for line in TBXNotes.term(label, statusSaysKind: !deprecatedConcept) {
            writer.textElement("note", attribute: nil, text: line)
        }
        writer.endElement("termSec")
    }

    /// The TBX-Basic part of speech, where the vocabulary shows it: a label with a plural is
    /// a noun. Other labels say nothing about their word class, so they get none.
    static func partOfSpeech(_ label: Label) -> String? {
        label.plurals.isEmpty ? nil : "noun"
    }

    /// The TBX administrative status of a label.
    static func status(_ label: Label, _ deprecatedConcept: Bool) -> String {
        if deprecatedConcept { return "supersededTerm-admn-sts" }
        switch label.kind {
        case .preferred: return "preferredTerm-admn-sts"
        case .alternative: return "admittedTerm-admn-sts"
        case .deprecated, .hidden: return label.since == nil ? "deprecatedTerm-admn-sts" : "supersededTerm-admn-sts"
        }
    }

    /// An XML id for a concept entry: `scheme.concept`, with characters an id cannot hold
    /// replaced by `_`, and `c_` in front when it would not start with a letter.
    static func entryID(_ key: ConceptKey, _ set: VocabularySet) -> String {
        let id = SafeName.make("\(set.vocabulary(of: key).id).\(set[key].id)")
        guard let first = id.first, !first.isLetter else { return id }
        return "c_" + id
    }
}
