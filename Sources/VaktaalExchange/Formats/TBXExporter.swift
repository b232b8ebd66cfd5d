import VaktaalCore
import VaktaalXML

/// TBX (ISO 30042:2019) in the TBX-Basic dialect: a `conceptEntry` per concept, a `langSec`
/// per language with the definition and notes, a `termSec` per label with its
/// administrative status; relations and replacements as cross references, mappings as
/// external cross references. Hidden labels (misspellings) are not terms and are left out.
struct TBXExporter: Exporter {
    let format = ExportFormat.tbx
    static let namespace = "urn:iso:std:iso:30042:ed-2"

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        var writer = XMLWriter()
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
        }
        writer.endElement("sourceDesc")
        writer.endElement("fileDesc")
        writer.endElement("tbxHeader")
        writer.startElement("text")
        writer.startElement("body")
        for key in set.keys { writeEntry(key, set, into: &writer) }
        writer.endElement("body")
        writer.endElement("text")
        writer.endElement("tbx")
        return [ExportFile(path: "\(baseName).tbx", text: writer.output)]
    }

    private func writeEntry(_ key: ConceptKey, _ set: VocabularySet, into writer: inout XMLWriter) {
        let concept = set[key]
        writer.startElement("conceptEntry", attributes: [("id", Self.entryID(key, set))])
        writer.element("xref", attributes: [("type", "externalCrossReference"), ("target", set.uri(of: key))])
        let related = set.graph.broader(of: key) + set.graph.narrower(of: key) + set.graph.related(of: key)
        for other in related + (set.replacement(of: key).map { [$0] } ?? []) {
            writer.textElement(
                "ref", attributes: [("type", "crossReference"), ("target", Self.entryID(other, set))], text: Self.name(other, set))
        }
        for mapping in concept.mappings {
            if case .uri(let uri) = mapping.target {
                writer.element("xref", attributes: [("type", "externalCrossReference"), ("target", uri)])
            }
        }
        var languages: [String] = []
        for label in concept.labels where !languages.contains(label.language) { languages.append(label.language) }
        for note in concept.notes where !languages.contains(note.language) { languages.append(note.language) }
        for language in languages {
            let labels = concept.labels.filter { $0.language == language && $0.kind != .hidden }
            guard !labels.isEmpty else { continue }
            writer.startElement("langSec", attributes: [("xml:lang", language.isEmpty ? "und" : language)])
            for note in concept.notes where note.language == language {
                switch note.kind {
                case .definition: writer.textElement("descrip", attributes: [("type", "definition")], text: note.text)
                case .source: writer.textElement("admin", attributes: [("type", "source")], text: note.text)
                default: writer.textElement("note", text: note.text)
                }
            }
            for label in labels { writeTerm(label, deprecatedConcept: concept.isDeprecated, into: &writer) }
            writer.endElement("langSec")
        }
        writer.endElement("conceptEntry")
    }

    private func writeTerm(_ label: Label, deprecatedConcept: Bool, into writer: inout XMLWriter) {
        writer.startElement("termSec")
        writer.textElement("term", text: label.text)
        if label.isAbbreviation {
            writer.textElement("termNote", attributes: [("type", "termType")], text: "abbreviation")
        }
        writer.textElement("termNote", attributes: [("type", "administrativeStatus")], text: Self.status(label, deprecatedConcept))
        for plural in label.plurals {
            writer.textElement("note", text: "plural: \(plural)")
        }
        writer.endElement("termSec")
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
    /// replaced by `_`.
    static func entryID(_ key: ConceptKey, _ set: VocabularySet) -> String {
        let raw = "\(set.vocabulary(of: key).id).\(set[key].id)"
        var id = String(raw.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        if let first = id.first, !first.isLetter { id = "c_" + id }
        return id
    }

    private static func name(_ key: ConceptKey, _ set: VocabularySet) -> String {
        set[key].displayName(in: set.vocabulary(of: key).defaultLanguage ?? "")
    }
}
