import VaktaalCore

/// The vocabulary set as SKOS triples: one `skos:ConceptScheme` per file with Dublin Core
/// metadata, concepts with labels, notes, relations in both directions, mappings and
/// notations, and for every label a SKOS-XL label resource that keeps what plain SKOS
/// cannot (status, plurals, since, reason, exceptions, case sensitivity), so a round trip
/// through the export loses nothing of the labels.
public enum SKOSGraph {
    private typealias N = RDFNamespace

    /// The sorted, duplicate-free triples of `set`.
    public static func triples(_ set: VocabularySet) -> [Triple] {
        var triples: Set<Triple> = []
        func add(_ subject: String, _ predicate: String, _ object: RDFTerm) {
            triples.insert(Triple(subject: subject, predicate: predicate, object: object))
        }
        func text(_ value: String, _ language: String) -> RDFTerm {
            .literal(value, language: language.isEmpty ? nil : language, datatype: nil)
        }
        for vocabulary in set.vocabularies {
            let scheme = vocabulary.uri
            add(scheme, N.rdf + "type", .iri(N.skos + "ConceptScheme"))
            let metadata: [MetadataKind: String] = [
                .title: "title", .description: "description", .publisher: "publisher", .license: "license", .creator: "creator",
            ]
            for entry in vocabulary.metadata { add(scheme, N.dct + metadata[entry.kind]!, text(entry.text, entry.language)) }
            if let version = vocabulary.version { add(scheme, N.owl + "versionInfo", .literal(version, language: nil, datatype: nil)) }
            if let modified = vocabulary.modified { add(scheme, N.dct + "modified", date(modified)) }
        }
        for key in set.keys {
            let concept = set[key]
            let uri = set.uri(of: key)
            let scheme = set.vocabulary(of: key).uri
            add(uri, N.rdf + "type", .iri(N.skos + "Concept"))
            add(uri, N.skos + "inScheme", .iri(scheme))
            if concept.isTopConcept {
                add(uri, N.skos + "topConceptOf", .iri(scheme))
                add(scheme, N.skos + "hasTopConcept", .iri(uri))
            }
            if let modified = concept.modified { add(uri, N.dct + "modified", date(modified)) }
            if concept.isDeprecated { add(uri, N.owl + "deprecated", .literal("true", language: nil, datatype: N.xsd + "boolean")) }
            if let replacement = set.replacement(of: key) { add(uri, N.dct + "isReplacedBy", .iri(set.uri(of: replacement))) }
            for (index, label) in concept.labels.enumerated() {
                addLabel(label, index: index, of: uri, add: add)
            }
            for note in concept.notes {
                let predicate = note.kind == .source ? N.dct + "source" : N.skos + note.kind.rawValue
                add(uri, predicate, text(note.text, note.language))
            }
            for notation in concept.notations { add(uri, N.skos + "notation", .literal(notation, language: nil, datatype: nil)) }
            for broader in set.graph.broader(of: key) { add(uri, N.skos + "broader", .iri(set.uri(of: broader))) }
            for narrower in set.graph.narrower(of: key) { add(uri, N.skos + "narrower", .iri(set.uri(of: narrower))) }
            for related in set.graph.related(of: key) { add(uri, N.skos + "related", .iri(set.uri(of: related))) }
            for mapping in concept.mappings {
                let target: String
                switch mapping.target {
                case .uri(let value): target = value
                case .reference(let reference):
                    target = set.resolve(reference, fromScheme: set.schemeIndex(of: key)).map(set.uri(of:)) ?? reference
                }
                add(uri, N.skos + mapping.kind.rawValue, .iri(target))
            }
        }
        return triples.sorted()
    }

    /// The SKOS and SKOS-XL triples of one label. Deprecated labels become `skos:hiddenLabel`
    /// (so search still finds them) with an XL label whose `vt:status` is `deprecated`.
    private static func addLabel(
        _ label: Label, index: Int, of concept: String, add: (String, String, RDFTerm) -> Void
    ) {
        let language = label.language.isEmpty ? nil : label.language
        let plain: String
        switch label.kind {
        case .preferred: plain = "prefLabel"
        case .alternative: plain = "altLabel"
        case .deprecated, .hidden: plain = "hiddenLabel"
        }
        add(concept, N.skos + plain, .literal(label.text, language: language, datatype: nil))
        let xl = "\(concept)/label/\(index + 1)"
        add(concept, N.skosxl + plain, .iri(xl))
        add(xl, N.rdf + "type", .iri(N.skosxl + "Label"))
        add(xl, N.skosxl + "literalForm", .literal(label.text, language: language, datatype: nil))
        add(xl, N.vaktaal + "status", .literal(label.kind.status, language: nil, datatype: nil))
        for plural in label.plurals { add(xl, N.vaktaal + "plural", .literal(plural, language: language, datatype: nil)) }
        for form in label.forms { add(xl, N.vaktaal + "form", .literal(form, language: language, datatype: nil)) }
        for exception in label.exceptions {
            add(xl, N.vaktaal + "exception", .literal(exception, language: language, datatype: nil))
        }
        if label.isCaseSensitive { add(xl, N.vaktaal + "caseSensitive", boolean(true)) }
        if label.isAbbreviation { add(xl, N.vaktaal + "abbreviation", boolean(true)) }
        if let since = label.since { add(xl, N.vaktaal + "since", date(since)) }
        if let reason = label.reason { add(xl, N.vaktaal + "reason", .literal(reason, language: language, datatype: nil)) }
        if let severity = label.severity { add(xl, N.vaktaal + "severity", .literal(severity.rawValue, language: nil, datatype: nil)) }
    }

    private static func boolean(_ value: Bool) -> RDFTerm {
        .literal(value ? "true" : "false", language: nil, datatype: N.xsd + "boolean")
    }

    /// An ISO date as `xsd:date`, or `xsd:dateTime` when it has a time.
    private static func date(_ value: String) -> RDFTerm {
        .literal(value, language: nil, datatype: N.xsd + (value.count > 10 ? "dateTime" : "date"))
    }
}
