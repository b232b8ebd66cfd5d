import VaktaalCore

/// Every predicate the SKOS graph uses, declared in the order a subject's statements are
/// written (types first, labels, documentation, relations, mappings, status; then the
/// scheme metadata and vaktaal's own label properties). Writers look up each predicate's
/// IRI and prefixed name in tables made once, so no statement builds a string.
public enum RDFPredicate: Int, CaseIterable, Comparable, Sendable {
    case type, inScheme, topConceptOf, hasTopConcept, literalForm, status
    case prefLabel, altLabel, hiddenLabel, xlPrefLabel, xlAltLabel, xlHiddenLabel, notation
    case definition, scopeNote, example, note, historyNote, editorialNote, changeNote, source, datedNote
    case broader, narrower, related, exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch
    case deprecated, isReplacedBy, modified
    case title, description, publisher, license, creator, versionInfo, identifier, language
    case plural, form, exception, caseSensitive, abbreviation, since, reason, severity
    case noteKind, value, date

    public static func < (lhs: RDFPredicate, rhs: RDFPredicate) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The full IRI.
    public var iri: String { Self.iris[rawValue] }

    /// The name with its prefix, as written in RDF/XML, Turtle and JSON-LD (`skos:prefLabel`).
    public var prefixedName: String { Self.prefixedNames[rawValue] }

    /// The predicate a note kind is written with.
    public init(_ kind: NoteKind) {
        self =
            switch kind {
            case .definition: .definition
            case .scopeNote: .scopeNote
            case .example: .example
            case .note: .note
            case .historyNote: .historyNote
            case .editorialNote: .editorialNote
            case .changeNote: .changeNote
            case .source: .source
            }
    }

    /// The predicate a metadata entry of a scheme is written with (Dublin Core terms).
    public init(_ kind: MetadataKind) {
        self =
            switch kind {
            case .title: .title
            case .description: .description
            case .publisher: .publisher
            case .license: .license
            case .creator: .creator
            }
    }

    /// The predicate of a mapping.
    public init(_ kind: MappingKind) {
        self =
            switch kind {
            case .exactMatch: .exactMatch
            case .closeMatch: .closeMatch
            case .broadMatch: .broadMatch
            case .narrowMatch: .narrowMatch
            case .relatedMatch: .relatedMatch
            }
    }

    private var prefixAndLocalName: (prefix: String, local: String) {
        switch self {
        case .type: ("rdf", "type")
        case .inScheme, .topConceptOf, .hasTopConcept, .prefLabel, .altLabel, .hiddenLabel, .notation, .definition,
            .scopeNote, .example, .note, .historyNote, .editorialNote, .changeNote, .broader, .narrower, .related,
            .exactMatch, .closeMatch, .broadMatch, .narrowMatch, .relatedMatch:
            ("skos", "\(self)")
        case .literalForm: ("skosxl", "literalForm")
        case .xlPrefLabel: ("skosxl", "prefLabel")
        case .xlAltLabel: ("skosxl", "altLabel")
        case .xlHiddenLabel: ("skosxl", "hiddenLabel")
        case .source, .isReplacedBy, .modified, .title, .description, .publisher, .license, .creator, .identifier,
            .language, .date:
            ("dct", "\(self)")
        case .value: ("rdf", "value")
        case .datedNote: ("vt", "note")
        case .noteKind: ("vt", "kind")
        case .deprecated: ("owl", "deprecated")
        case .versionInfo: ("owl", "versionInfo")
        case .status, .plural, .form, .exception, .caseSensitive, .abbreviation, .since, .reason, .severity: ("vt", "\(self)")
        }
    }

    private static let prefixedNames: [String] = allCases.map { "\($0.prefixAndLocalName.prefix):\($0.prefixAndLocalName.local)" }

    private static let iris: [String] = allCases.map { predicate in
        let (prefix, local) = predicate.prefixAndLocalName
        let namespace = RDFNamespace.prefixes.first { $0.prefix == prefix }?.namespace
        assert(namespace != nil, "every predicate's prefix is declared")
        return (namespace ?? "") + local
    }
}
