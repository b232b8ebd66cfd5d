import VaktaalCore
import VaktaalXML

/// An import that is read and decided (schemes, concepts, ids) but whose concepts are made
/// one at a time, as they are written: a thesaurus of a hundred thousand concepts then never
/// stands in memory as a whole model.
public final class PreparedImport {
    /// The format read.
    public let format: ImportFormat
    /// The vocabularies, without their concepts: ids, URIs, metadata, languages.
    public private(set) var vocabularies: [Vocabulary]
    private let concepts: (Int, (Concept) -> Void) -> Void
    private let makeReport: () -> ImportReport
    private var extraWarnings: [ImportReport.Warning] = []
    /// The concepts with a text that held characters XML cannot carry, by id, with that text
    /// (the written file leaves those characters out: the report says so).
    private var uncarriedCharacters: [String: String] = [:]
    /// Scheme ids changed after the import (``rename(_:to:)``), old to new.
    private var renamed: [String: String] = [:]

    init(
        format: ImportFormat, vocabularies: [Vocabulary], concepts: @escaping (Int, (Concept) -> Void) -> Void,
        report: @escaping () -> ImportReport
    ) {
        self.format = format
        self.vocabularies = vocabularies
        self.concepts = concepts
        makeReport = report
    }

    /// An import made all at once (TBX, CSV), handed out the same way.
    convenience init(_ result: ImportResult) {
        let vocabularies = result.vocabularies
        self.init(
            format: result.report.format,
            vocabularies: vocabularies.map {
                var header = $0
                header.concepts = []
                return header
            },
            concepts: { index, body in vocabularies[index].concepts.forEach(body) }, report: { result.report })
    }

    /// Calls `body` with each concept of vocabulary `index`, in order, made on the way.
    public func forEachConcept(of index: Int, _ body: (Concept) -> Void) {
        concepts(index) { concept in
            noteUncarriedCharacters(in: concept)
            body(renamed.isEmpty ? concept : Self.renaming(renamed, in: concept))
        }
    }

    /// Notes a concept whose labels, notes or notations hold characters XML cannot carry.
    private func noteUncarriedCharacters(in concept: Concept) {
        let uncarried = XMLEscaping.holdsCharactersXMLCannotCarry
        if let text = concept.labels.first(where: { uncarried($0.text) })?.text
            ?? concept.notes.first(where: { uncarried($0.text) })?.text ?? concept.notations.first(where: uncarried)
        {
            uncarriedCharacters[concept.id] = uncarriedCharacters[concept.id] ?? text
        }
    }

    /// What could not be represented and what was guessed; complete once every
    /// vocabulary's concepts have been visited.
    public func report() -> ImportReport {
        var report = makeReport()
        report.warnings += extraWarnings
        if let (id, text) = uncarriedCharacters.min(by: { $0.key < $1.key }) {
            let shown = text.unicodeScalars.map {
                $0.value < 0x20 || $0.value >= 0xFFFE ? "\\u{\(String($0.value, radix: 16))}" : String($0)
            }
            report.warnings.append(
                ImportReport.Warning(
                    message: "characters XML cannot carry (controls, U+FFFE, U+FFFF) left out of the texts of concepts",
                    count: uncarriedCharacters.count, example: "\(id): \"\(shown.joined())\""))
        }
        return report
    }

    /// Makes every concept and returns the whole result.
    public func collect() -> ImportResult {
        var result: [Vocabulary] = []
        for index in vocabularies.indices {
            var vocabulary = vocabularies[index]
            forEachConcept(of: index) { vocabulary.concepts.append($0) }
            result.append(vocabulary)
        }
        return ImportResult(vocabularies: result, report: report())
    }

    /// Gives vocabulary `index` another id, and points references to it (`old:id`) at the new one.
    public func rename(_ index: Int, to id: String) {
        let old = vocabularies[index].id
        vocabularies[index].id = id
        renamed[old] = id
        extraWarnings.append(
            ImportReport.Warning(
                message: "scheme id taken by another file of the folder, renamed", count: 1, example: "\(old) → \(id)"))
    }

    /// References of the form `old:id` in a concept, pointed at `new:id`.
    private static func renaming(_ renamed: [String: String], in concept: Concept) -> Concept {
        func renamedReference(_ reference: String) -> String {
            guard let colon = reference.firstIndex(of: ":"), let new = renamed[String(reference[..<colon])] else {
                return reference
            }
            return new + reference[colon...]
        }
        var result = concept
        result.relations = concept.relations.map { relation in
            var copy = relation
            copy.reference = renamedReference(relation.reference)
            return copy
        }
        result.mappings = concept.mappings.map { mapping in
            var copy = mapping
            if case .reference(let reference) = mapping.target { copy.target = .reference(renamedReference(reference)) }
            return copy
        }
        result.replacedBy = concept.replacedBy.map(renamedReference)
        return result
    }
}
