import VaktaalCore

/// All statements about one subject, grouped by predicate (in a fixed predicate order),
/// objects in the order the vocabulary gives them.
public struct SubjectDescription: Sendable {
    /// The subject IRI.
    public let subject: String
    /// `(predicate, object)` pairs; equal predicates stand together.
    public let statements: [(predicate: String, object: RDFTerm)]

    init(subject: String, statements: [(predicate: String, object: RDFTerm)]) {
        self.subject = subject
        let ranked = statements.enumerated().map { (rank: Self.rank(of: $1.predicate), position: $0, statement: $1) }
        self.statements = ranked.sorted { ($0.rank, $0.position) < ($1.rank, $1.position) }.map(\.statement)
    }

    /// Predicates in the order they are written; others after them.
    static let predicateOrder: [String: Int] = {
        let names = [
            "rdf:type", "skos:inScheme", "skos:topConceptOf", "skos:hasTopConcept", "skosxl:literalForm", "vt:status",
            "skos:prefLabel", "skos:altLabel", "skos:hiddenLabel", "skosxl:prefLabel", "skosxl:altLabel",
            "skosxl:hiddenLabel", "skos:notation", "skos:definition", "skos:scopeNote", "skos:example", "skos:note",
            "skos:historyNote", "skos:editorialNote", "skos:changeNote", "dct:source", "skos:broader", "skos:narrower",
            "skos:related", "skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch",
            "skos:relatedMatch", "owl:deprecated", "dct:isReplacedBy", "dct:modified",
        ]
        var order: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let parts = name.split(separator: ":")
            let namespace = RDFNamespace.prefixes.first { $0.prefix == parts[0] }!.namespace
            order[namespace + parts[1]] = index
        }
        return order
    }()

    private static func rank(of predicate: String) -> Int { predicateOrder[predicate] ?? predicateOrder.count }
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

    /// Calls `body` with the description of every subject, in a deterministic order.
    public static func forEachDescription(_ set: VocabularySet, _ body: (SubjectDescription) -> Void) {
        var topConcepts = Array(repeating: [String](), count: set.vocabularies.count)
        for key in set.keys where set[key].isTopConcept { topConcepts[set.schemeIndex(of: key)].append(set.uri(of: key)) }
        for (index, vocabulary) in set.vocabularies.enumerated() {
            body(schemeDescription(vocabulary, topConcepts: topConcepts[index]))
        }
        for key in set.keys {
            var labels: [SubjectDescription] = []
            body(conceptDescription(key, set, labels: &labels))
            labels.forEach(body)
        }
    }

    /// Every triple, sorted (for tests and small sets).
    public static func triples(_ set: VocabularySet) -> [Triple] {
        var triples: [Triple] = []
        forEachDescription(set) { description in
            for statement in description.statements {
                triples.append(Triple(subject: description.subject, predicate: statement.predicate, object: statement.object))
            }
        }
        return triples.sorted()
    }

    private static func text(_ value: String, _ language: String) -> RDFTerm {
        .literal(value, language: language.isEmpty ? nil : language, datatype: nil)
    }

    private static func schemeDescription(_ vocabulary: Vocabulary, topConcepts: [String]) -> SubjectDescription {
        var statements: [(String, RDFTerm)] = [(N.rdf + "type", .iri(N.skos + "ConceptScheme"))]
        for entry in vocabulary.metadata { statements.append((N.dct + entry.kind.rawValue, text(entry.text, entry.language))) }
        if let version = vocabulary.version { statements.append((N.owl + "versionInfo", .literal(version, language: nil, datatype: nil))) }
        if let modified = vocabulary.modified { statements.append((N.dct + "modified", date(modified))) }
        for top in topConcepts { statements.append((N.skos + "hasTopConcept", .iri(top))) }
        return SubjectDescription(subject: vocabulary.uri, statements: statements)
    }

    private static func conceptDescription(
        _ key: ConceptKey, _ set: VocabularySet, labels: inout [SubjectDescription]
    ) -> SubjectDescription {
        let concept = set[key]
        let uri = set.uri(of: key)
        let scheme = set.vocabulary(of: key).uri
        var statements: [(String, RDFTerm)] = [(N.rdf + "type", .iri(N.skos + "Concept")), (N.skos + "inScheme", .iri(scheme))]
        if concept.isTopConcept { statements.append((N.skos + "topConceptOf", .iri(scheme))) }
        if let modified = concept.modified { statements.append((N.dct + "modified", date(modified))) }
        if concept.isDeprecated { statements.append((N.owl + "deprecated", boolean(true))) }
        if let replacement = set.replacement(of: key) { statements.append((N.dct + "isReplacedBy", .iri(set.uri(of: replacement)))) }
        for (index, label) in concept.labels.enumerated() {
            let xl = "\(uri)/label/\(index + 1)"
            let plain = plainProperty(label.kind)
            statements.append((N.skos + plain, text(label.text, label.language)))
            statements.append((N.skosxl + plain, .iri(xl)))
            labels.append(xlDescription(label, xl))
        }
        for note in concept.notes {
            statements.append((note.kind == .source ? N.dct + "source" : N.skos + note.kind.rawValue, text(note.text, note.language)))
        }
        for notation in concept.notations { statements.append((N.skos + "notation", .literal(notation, language: nil, datatype: nil))) }
        for broader in set.graph.broader(of: key) { statements.append((N.skos + "broader", .iri(set.uri(of: broader)))) }
        for narrower in set.graph.narrower(of: key) { statements.append((N.skos + "narrower", .iri(set.uri(of: narrower)))) }
        for related in set.graph.related(of: key) { statements.append((N.skos + "related", .iri(set.uri(of: related)))) }
        for mapping in concept.mappings {
            let target: String
            switch mapping.target {
            case .uri(let value): target = value
            case .reference(let reference):
                target = set.resolve(reference, fromScheme: set.schemeIndex(of: key)).map(set.uri(of:)) ?? reference
            }
            statements.append((N.skos + mapping.kind.rawValue, .iri(target)))
        }
        return SubjectDescription(subject: uri, statements: statements)
    }

    /// Deprecated labels become `skos:hiddenLabel`, so search still finds them; their
    /// SKOS-XL label says `vt:status "deprecated"`.
    private static func plainProperty(_ kind: LabelKind) -> String {
        switch kind {
        case .preferred: "prefLabel"
        case .alternative: "altLabel"
        case .deprecated, .hidden: "hiddenLabel"
        }
    }

    private static func xlDescription(_ label: Label, _ xl: String) -> SubjectDescription {
        let language = label.language
        var statements: [(String, RDFTerm)] = [
            (N.rdf + "type", .iri(N.skosxl + "Label")), (N.skosxl + "literalForm", text(label.text, language)),
            (N.vaktaal + "status", .literal(label.kind.status, language: nil, datatype: nil)),
        ]
        for plural in label.plurals { statements.append((N.vaktaal + "plural", text(plural, language))) }
        for form in label.forms { statements.append((N.vaktaal + "form", text(form, language))) }
        for exception in label.exceptions { statements.append((N.vaktaal + "exception", text(exception, language))) }
        if label.isCaseSensitive { statements.append((N.vaktaal + "caseSensitive", boolean(true))) }
        if label.isAbbreviation { statements.append((N.vaktaal + "abbreviation", boolean(true))) }
        if let since = label.since { statements.append((N.vaktaal + "since", date(since))) }
        if let reason = label.reason { statements.append((N.vaktaal + "reason", text(reason, language))) }
        if let severity = label.severity {
            statements.append((N.vaktaal + "severity", .literal(severity.rawValue, language: nil, datatype: nil)))
        }
        return SubjectDescription(subject: xl, statements: statements)
    }

    private static func boolean(_ value: Bool) -> RDFTerm {
        .literal(value ? "true" : "false", language: nil, datatype: N.xsd + "boolean")
    }

    /// An ISO date as `xsd:date`, or `xsd:dateTime` when it has a time.
    private static func date(_ value: String) -> RDFTerm {
        .literal(value, language: nil, datatype: N.xsd + (value.utf8.count > 10 ? "dateTime" : "date"))
    }
}
