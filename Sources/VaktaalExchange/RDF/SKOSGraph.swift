import VaktaalCore

/// All statements about one subject, grouped by predicate in ``RDFPredicate`` order,
/// objects in the order the vocabulary gives them.
public struct SubjectDescription: Sendable {
    /// The subject IRI.
    public private(set) var subject = ""
    /// `(predicate, object)` pairs; equal predicates stand together.
    public private(set) var statements: [(predicate: RDFPredicate, object: RDFTerm)] = []

    /// Starts the description of another subject, keeping the storage.
    fileprivate mutating func reset(subject: String) {
        self.subject = subject
        statements.removeAll(keepingCapacity: true)
    }

    fileprivate mutating func add(_ predicate: RDFPredicate, _ object: RDFTerm) {
        statements.append((predicate, object))
    }

    /// Puts equal predicates together in predicate order, keeping the order of their
    /// objects: an insertion sort, stable and quick on a subject's few, nearly sorted statements.
    fileprivate mutating func group() {
        for index in statements.indices.dropFirst() {
            var position = index
            while position > 0, statements[position - 1].predicate > statements[position].predicate {
                statements.swapAt(position - 1, position)
                position -= 1
            }
        }
    }
}

/// The vocabulary set as SKOS, one subject at a time: one `skos:ConceptScheme` per file with
/// Dublin Core metadata, concepts with labels, notes, relations in both directions, mappings
/// and notations, and for every label a SKOS-XL label resource that keeps what plain SKOS
/// cannot (status, plurals, since, reason, exceptions, case sensitivity), so a round trip
/// through the export loses nothing of the labels.
///
/// Subjects come in a fixed order (schemes, then each concept followed by its labels), so
/// the three RDF syntaxes stream the same graph in the same order with no global sort.
public enum SKOSGraph {
    private typealias N = RDFNamespace

    /// Calls `body` with the description of every subject, in a deterministic order. The
    /// description passed is only valid during the call.
    public static func forEachDescription(_ input: ExportInput, _ body: (SubjectDescription) -> Void) {
        let set = input.set
        let uris = input.conceptURIs
        var topConcepts = Array(repeating: [String](), count: set.vocabularies.count)
        for key in set.keys where set[key].isTopConcept { topConcepts[set.schemeIndex(of: key)].append(uris[key.rawValue]) }
        var description = SubjectDescription()
        for (index, vocabulary) in set.vocabularies.enumerated() {
            describe(vocabulary, topConcepts: topConcepts[index], into: &description)
            body(description)
        }
        for key in set.keys {
            describe(key, set, uris: uris, into: &description)
            body(description)
            let uri = uris[key.rawValue]
            for (index, label) in set[key].labels.enumerated() {
                describe(label, iri: labelIRI(uri, index), into: &description)
                body(description)
            }
            for (index, note) in set[key].notes.enumerated() where note.date != nil {
                describe(note, iri: noteIRI(uri, index), into: &description)
                body(description)
            }
        }
    }

    /// Every triple, sorted (for tests and small sets).
    public static func triples(_ set: VocabularySet) -> [Triple] {
        var triples: [Triple] = []
        forEachDescription(ExportInput(set)) { description in
            for statement in description.statements {
                triples.append(Triple(subject: description.subject, predicate: statement.predicate.iri, object: statement.object))
            }
        }
        return triples.sorted()
    }

    /// The IRI of a concept's SKOS-XL label resource: `<concept>/label/<n>`, counted from 1.
    private static func labelIRI(_ conceptURI: String, _ index: Int) -> String {
        var iri = conceptURI
        iri.append("/label/")
        iri.append(String(index + 1))
        return iri
    }

    /// The IRI of the resource that gives a dated note its date: `<concept>/note/<n>`,
    /// counted from 1 over the concept's notes.
    private static func noteIRI(_ conceptURI: String, _ index: Int) -> String {
        var iri = conceptURI
        iri.append("/note/")
        iri.append(String(index + 1))
        return iri
    }

    private static func text(_ value: String, _ language: String) -> RDFTerm {
        .literal(value, language: language.isEmpty ? nil : language, datatype: nil)
    }

    private static func plain(_ value: String) -> RDFTerm { .literal(value, language: nil, datatype: nil) }

    private static func describe(_ vocabulary: Vocabulary, topConcepts: [String], into description: inout SubjectDescription) {
        description.reset(subject: vocabulary.conceptSchemeURI)
        description.add(.type, .iri(N.conceptScheme))
        for entry in vocabulary.metadata { description.add(RDFPredicate(entry.kind), text(entry.text, entry.language)) }
        if let version = vocabulary.version { description.add(.versionInfo, plain(version)) }
        description.add(.identifier, plain(vocabulary.id))
        if let language = vocabulary.defaultLanguage { description.add(.language, plain(language)) }
        if let modified = vocabulary.modified { description.add(.modified, date(modified)) }
        for top in topConcepts { description.add(.hasTopConcept, .iri(top)) }
        description.group()
    }

    private static func describe(
        _ key: ConceptKey, _ set: VocabularySet, uris: [String], into description: inout SubjectDescription
    ) {
        let concept = set[key]
        let uri = uris[key.rawValue]
        let scheme = set.vocabularies[set.schemeIndex(of: key)].conceptSchemeURI
        description.reset(subject: uri)
        description.add(.type, .iri(N.concept))
        description.add(.inScheme, .iri(scheme))
        if concept.isTopConcept { description.add(.topConceptOf, .iri(scheme)) }
        for (index, label) in concept.labels.enumerated() {
            let (plainPredicate, xlPredicate) = predicates(label.kind)
            description.add(plainPredicate, text(label.text, label.language))
            description.add(xlPredicate, .iri(labelIRI(uri, index)))
        }
        for (index, note) in concept.notes.enumerated() {
            description.add(RDFPredicate(note.kind), text(note.text, note.language))
            if note.date != nil { description.add(.datedNote, .iri(noteIRI(uri, index))) }
        }
        for notation in concept.notations { description.add(.notation, plain(notation)) }
        for broader in set.graph.broader(of: key) { description.add(.broader, .iri(uris[broader.rawValue])) }
        for narrower in set.graph.narrower(of: key) { description.add(.narrower, .iri(uris[narrower.rawValue])) }
        for related in set.graph.related(of: key) { description.add(.related, .iri(uris[related.rawValue])) }
        for mapping in concept.mappings {
            let target: String
            switch mapping.target {
            case .uri(let value): target = value
            case .reference(let reference):
                target = set.resolve(reference, fromScheme: set.schemeIndex(of: key)).map { uris[$0.rawValue] } ?? reference
            }
            description.add(RDFPredicate(mapping.kind), .iri(target))
        }
        if concept.isDeprecated { description.add(.deprecated, boolean(true)) }
        if let replacement = set.replacement(of: key) { description.add(.isReplacedBy, .iri(uris[replacement.rawValue])) }
        if let modified = concept.modified { description.add(.modified, date(modified)) }
        description.group()
    }

    /// The plain SKOS and the SKOS-XL predicate of a label. Deprecated labels become
    /// `skos:hiddenLabel`, so search still finds them; their SKOS-XL label says
    /// `vt:status "deprecated"`.
    private static func predicates(_ kind: LabelKind) -> (plain: RDFPredicate, xl: RDFPredicate) {
        switch kind {
        case .preferred: (.prefLabel, .xlPrefLabel)
        case .alternative: (.altLabel, .xlAltLabel)
        case .deprecated, .hidden: (.hiddenLabel, .xlHiddenLabel)
        }
    }

    private static func describe(_ label: Label, iri: String, into description: inout SubjectDescription) {
        let language = label.language
        description.reset(subject: iri)
        description.add(.type, .iri(N.label))
        description.add(.literalForm, text(label.text, language))
        description.add(.status, plain(label.kind.status))
        for plural in label.plurals { description.add(.plural, text(plural, language)) }
        for form in label.forms { description.add(.form, text(form, language)) }
        for exception in label.exceptions { description.add(.exception, text(exception, language)) }
        if label.isCaseSensitive { description.add(.caseSensitive, boolean(true)) }
        if label.isAbbreviation { description.add(.abbreviation, boolean(true)) }
        if let since = label.since { description.add(.since, date(since)) }
        if let reason = label.reason { description.add(.reason, text(reason, language)) }
        if let severity = label.severity { description.add(.severity, plain(severity.rawValue)) }
    }

    /// A dated note: the plain SKOS note cannot carry its date, so a resource of its own
    /// repeats the kind and text with `dct:date`.
    private static func describe(_ note: Note, iri: String, into description: inout SubjectDescription) {
        description.reset(subject: iri)
        description.add(.noteKind, plain(note.kind.rawValue))
        description.add(.value, text(note.text, note.language))
        if let noteDate = note.date { description.add(.date, date(noteDate)) }
    }

    private static func boolean(_ value: Bool) -> RDFTerm {
        .literal(value ? "true" : "false", language: nil, datatype: N.boolean)
    }

    /// An ISO date as `xsd:date`, or `xsd:dateTime` when it has a time.
    private static func date(_ value: String) -> RDFTerm {
        .literal(value, language: nil, datatype: value.utf8.count > 10 ? N.dateTime : N.date)
    }
}
