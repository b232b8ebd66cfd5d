import VaktaalCore
import VaktaalRDF

/// What a predicate means to the importer.
enum SKOSRole: UInt8 {
    case unknown
    case type, subClassOf, subPropertyOf, rdfsLabel, value
    case prefLabel, altLabel, hiddenLabel
    case xlPrefLabel, xlAltLabel, xlHiddenLabel, literalForm
    case notation
    case definition, scopeNote, example, note, historyNote, editorialNote, changeNote, source
    case broader, narrower, related
    case exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch
    case inScheme, topConceptOf, hasTopConcept
    case deprecated, isReplacedBy, modified, date
    case title, description, publisher, license, creator, versionInfo, identifier, language
    case status, plural, form, exception, caseSensitive, abbreviation, since, reason, severity, datedNote, noteKind
    /// `broaderTransitive`, `narrowerTransitive`, `semanticRelation`, `mappingRelation`:
    /// concept properties the format has no place for.
    case otherConceptProperty
    /// Another property of the SKOS namespace (`member`, `memberList`, …).
    case otherSKOS

    /// The note kind of a documentation property.
    var noteKind: NoteKind? {
        switch self {
        case .definition: .definition
        case .scopeNote: .scopeNote
        case .example: .example
        case .note: .note
        case .historyNote: .historyNote
        case .editorialNote: .editorialNote
        case .changeNote: .changeNote
        case .source: .source
        default: nil
        }
    }

    /// The label kind of a plain or SKOS-XL label property.
    var labelKind: LabelKind? {
        switch self {
        case .prefLabel, .xlPrefLabel: .preferred
        case .altLabel, .xlAltLabel: .alternative
        case .hiddenLabel, .xlHiddenLabel: .hidden
        default: nil
        }
    }

    var mappingKind: MappingKind? {
        switch self {
        case .exactMatch: .exactMatch
        case .closeMatch: .closeMatch
        case .broadMatch: .broadMatch
        case .narrowMatch: .narrowMatch
        case .relatedMatch: .relatedMatch
        default: nil
        }
    }

    var relationKind: RelationKind? {
        switch self {
        case .broader: .broader
        case .narrower: .narrower
        case .related: .related
        default: nil
        }
    }

    var metadataKind: MetadataKind? {
        switch self {
        case .title: .title
        case .description: .description
        case .publisher: .publisher
        case .license: .license
        case .creator: .creator
        default: nil
        }
    }

    /// Whether the property says its subject is a concept (qSKOS treats the subjects of
    /// such properties as concepts even when no type says so).
    var marksConcept: Bool {
        switch self {
        case .prefLabel, .altLabel, .hiddenLabel, .xlPrefLabel, .xlAltLabel, .xlHiddenLabel, .notation, .definition,
            .scopeNote, .example, .note, .historyNote, .editorialNote, .changeNote, .broader, .narrower, .related,
            .exactMatch, .closeMatch, .broadMatch, .narrowMatch, .relatedMatch, .inScheme, .topConceptOf,
            .otherConceptProperty:
            true
        default: false
        }
    }
}

/// The IRIs the importer knows, by namespace.
enum SKOSNamespace {
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let skosxl = "http://www.w3.org/2008/05/skos-xl#"
    static let dct = "http://purl.org/dc/terms/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let vt = "urn:vaktaal:vocabulary:1#"
    static let rdf = RDFVocabulary.rdf
    static let rdfs = RDFVocabulary.rdfs

    static let concept = skos + "Concept"
    static let conceptScheme = skos + "ConceptScheme"
    static let collection = skos + "Collection"
    static let orderedCollection = skos + "OrderedCollection"
    static let xlLabel = skosxl + "Label"
    static let isothes = "http://purl.org/iso25964/skos-thes#"

    /// Classes whose members are never concepts: SKOS's collections and labels, ISO 25964's
    /// groups and arrays, and the classes of properties, classes and ontologies.
    static let notConceptClasses = [
        collection, orderedCollection, xlLabel, isothes + "ConceptGroup", isothes + "ThesaurusArray",
        rdf + "Property", rdfs + "Class", owl + "Class", owl + "ObjectProperty", owl + "DatatypeProperty",
        owl + "AnnotationProperty", owl + "TransitiveProperty", owl + "SymmetricProperty", owl + "Ontology",
    ]

    /// Namespaces whose own terms are never concepts (a file may describe SKOS itself).
    static let vocabularyNamespaces = [skos, skosxl, rdf, rdfs, owl, dct, dc, RDFVocabulary.xsd, isothes]

    /// Every predicate with a role, by IRI.
    static let roles: [String: SKOSRole] = {
        var roles: [String: SKOSRole] = [
            rdf + "type": .type, rdfs + "subClassOf": .subClassOf, rdfs + "subPropertyOf": .subPropertyOf,
            rdfs + "label": .rdfsLabel, rdf + "value": .value,
            skosxl + "prefLabel": .xlPrefLabel, skosxl + "altLabel": .xlAltLabel, skosxl + "hiddenLabel": .xlHiddenLabel,
            skosxl + "literalForm": .literalForm, owl + "deprecated": .deprecated, owl + "versionInfo": .versionInfo,
            vt + "note": .datedNote, vt + "kind": .noteKind,
        ]
        let skosRoles: [String: SKOSRole] = [
            "prefLabel": .prefLabel, "altLabel": .altLabel, "hiddenLabel": .hiddenLabel, "notation": .notation,
            "definition": .definition, "scopeNote": .scopeNote, "example": .example, "note": .note,
            "historyNote": .historyNote, "editorialNote": .editorialNote, "changeNote": .changeNote,
            "broader": .broader, "narrower": .narrower, "related": .related, "exactMatch": .exactMatch,
            "closeMatch": .closeMatch, "broadMatch": .broadMatch, "narrowMatch": .narrowMatch,
            "relatedMatch": .relatedMatch, "inScheme": .inScheme, "topConceptOf": .topConceptOf,
            "hasTopConcept": .hasTopConcept, "broaderTransitive": .otherConceptProperty,
            "narrowerTransitive": .otherConceptProperty, "semanticRelation": .otherConceptProperty,
            "mappingRelation": .otherConceptProperty,
        ]
        for (local, role) in skosRoles { roles[skos + local] = role }
        let dublinCore: [String: SKOSRole] = [
            "title": .title, "description": .description, "publisher": .publisher, "license": .license,
            "rights": .license, "creator": .creator, "modified": .modified, "isReplacedBy": .isReplacedBy,
            "identifier": .identifier, "language": .language, "source": .source, "date": .date,
        ]
        for (local, role) in dublinCore {
            roles[dct + local] = role
            roles[dc + local] = role
        }
        let vaktaal: [String: SKOSRole] = [
            "status": .status, "plural": .plural, "form": .form, "exception": .exception,
            "caseSensitive": .caseSensitive, "abbreviation": .abbreviation, "since": .since, "reason": .reason,
            "severity": .severity,
        ]
        for (local, role) in vaktaal { roles[vt + local] = role }
        return roles
    }()
}
