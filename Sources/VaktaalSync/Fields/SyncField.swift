import VaktaalCore

/// One field of a concept or a scheme, as diff and merge see it: the unit that changes, that
/// merges, and that conflicts.
///
/// Labels are fields of their own, keyed by language and text, so that labels added on both
/// sides merge as a set and a label whose kind changed ("mentor" moved from altLabel to
/// deprecatedLabel) is one change. Notes are grouped by kind and language (the Dutch
/// definition is one field). Relations, mappings, notations and extension elements are sets.
public enum SyncField: Hashable, Sendable {
    /// The whole concept (added, removed, or deleted on one side and changed on the other).
    case concept
    /// The concept's id (changes only when concepts are paired by preferred label).
    case id
    /// `top="true"`.
    case top
    /// `deprecated="true"`.
    case deprecated
    /// The replacing concept, as a URI.
    case replacedBy
    /// The concept's or scheme's `modified` date.
    case modified
    /// The label with this text in this language; `occurrence` tells apart the rare labels
    /// of one concept that share both (the first is 0).
    case label(language: String, text: String, occurrence: Int)
    /// The notes of one kind in one language.
    case note(NoteKind, language: String)
    /// Broader, narrower or related concepts, as URIs (a set).
    case relation(RelationKind)
    /// Mappings to other schemes (a set).
    case mappings
    /// Codes (a set).
    case notations
    /// Elements of other namespaces (a set).
    case extensions
    /// One attribute of another namespace.
    case extensionAttribute(namespace: String, name: String)
    /// The whole scheme (one file of the folder).
    case scheme
    /// The scheme's base URI.
    case schemeURI
    /// The URI of the concept scheme itself, when the file names it apart from its base
    /// URI (`scheme="…"`).
    case conceptScheme
    /// The scheme's format version.
    case format
    /// The scheme's version.
    case version
    /// The scheme's default language (`xml:lang`).
    case language
    /// The scheme's titles, descriptions, publishers, licenses or creators in one language.
    case metadata(MetadataKind, language: String)

    /// Whether the field holds a set, which changes and merges element by element.
    public var isSet: Bool {
        switch self {
        case .relation, .mappings, .notations, .extensions: true
        default: false
        }
    }

    /// The name of the field in JSON and reports: the vocabulary format's name for it.
    public var name: String {
        switch self {
        case .concept: "concept"
        case .id: "id"
        case .top: "top"
        case .deprecated: "deprecated"
        case .replacedBy: "replacedBy"
        case .modified: "modified"
        case .label: "label"
        case .note(let kind, _): kind.rawValue
        case .relation(let kind): kind.rawValue
        case .mappings: "mappings"
        case .notations: "notations"
        case .extensions: "extensions"
        case .extensionAttribute: "extensionAttribute"
        case .scheme: "scheme"
        case .schemeURI: "uri"
        case .conceptScheme: "conceptScheme"
        case .format: "format"
        case .version: "version"
        case .language: "language"
        case .metadata(let kind, _): kind.rawValue
        }
    }

    /// How reports name the field: `label nl 'mentor'`, `definition nl`, `broader`.
    public var title: String {
        switch self {
        case .label(let language, let text, let occurrence):
            "label \(language.isEmpty ? "" : language + " ")'\(text)'" + (occurrence > 0 ? " (\(occurrence + 1))" : "")
        case .note(let kind, let language): language.isEmpty ? kind.rawValue : "\(kind.rawValue) \(language)"
        case .metadata(let kind, let language): language.isEmpty ? kind.rawValue : "\(kind.rawValue) \(language)"
        case .extensionAttribute(let namespace, let name): "attribute {\(namespace)}\(name)"
        default: name
        }
    }

    /// A rank for a stable order of changes within a concept: identity and status first,
    /// then labels, notes, relations, mappings and the rest.
    var rank: Int {
        switch self {
        case .concept, .scheme: 0
        case .id, .schemeURI, .conceptScheme: 1
        case .deprecated, .format: 2
        case .replacedBy, .version: 3
        case .top, .language: 4
        case .label, .metadata: 5
        case .note: 6
        case .relation: 7
        case .mappings: 8
        case .notations: 9
        case .modified: 10
        case .extensionAttribute: 11
        case .extensions: 12
        }
    }
}

extension SyncField: Comparable {
    /// By rank, then by the field's qualifiers, so that changes list in a stable order.
    public static func < (lhs: SyncField, rhs: SyncField) -> Bool {
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        switch (lhs, rhs) {
        case (.label(let leftLanguage, let leftText, let left), .label(let rightLanguage, let rightText, let right)):
            return (leftLanguage, leftText, left) < (rightLanguage, rightText, right)
        case (.note(let leftKind, let left), .note(let rightKind, let right)):
            return (Self.noteOrder(leftKind), left) < (Self.noteOrder(rightKind), right)
        case (.metadata(let leftKind, let left), .metadata(let rightKind, let right)):
            return (Self.metadataOrder(leftKind), left) < (Self.metadataOrder(rightKind), right)
        case (.relation(let left), .relation(let right)):
            return Self.relationOrder(left) < Self.relationOrder(right)
        case (.extensionAttribute(let leftNamespace, let left), .extensionAttribute(let rightNamespace, let right)):
            return (leftNamespace, left) < (rightNamespace, right)
        default:
            return lhs.name < rhs.name
        }
    }

    private static func noteOrder(_ kind: NoteKind) -> Int { NoteKind.allCases.firstIndex(of: kind) ?? 0 }
    private static func metadataOrder(_ kind: MetadataKind) -> Int { MetadataKind.allCases.firstIndex(of: kind) ?? 0 }
    private static func relationOrder(_ kind: RelationKind) -> Int { RelationKind.allCases.firstIndex(of: kind) ?? 0 }
}

// MARK: - JSON

/// The keys of the JSON objects that carry a field: a field is its name plus the qualifiers
/// it needs, written into the object that holds the change or conflict
/// (`"field": "label", "language": "nl", "text": "mentor"`), beside its values.
enum SyncCodingKeys: String, CodingKey {
    case field, language, text, occurrence, namespace, name
    case old, new, added, removed, attributes
    case kind, concept, id, scheme, attribute, rule, message, base, ours, theirs, kept, edits, side
}

/// Why a field name in JSON was not understood.
struct UnknownFieldError: Error, CustomStringConvertible {
    let name: String
    var description: String { "unknown field '\(name)'" }
}

extension SyncField {
    /// Writes the field's name and qualifiers.
    func encode(to container: inout KeyedEncodingContainer<SyncCodingKeys>) throws {
        try container.encode(name, forKey: .field)
        switch self {
        case .label(let language, let text, let occurrence):
            try container.encode(language, forKey: .language)
            try container.encode(text, forKey: .text)
            if occurrence > 0 { try container.encode(occurrence, forKey: .occurrence) }
        case .note(_, let language), .metadata(_, let language):
            try container.encode(language, forKey: .language)
        case .extensionAttribute(let namespace, let name):
            try container.encode(namespace, forKey: .namespace)
            try container.encode(name, forKey: .name)
        default:
            break
        }
    }

    /// Reads a field written by ``encode(to:)``.
    init(from container: KeyedDecodingContainer<SyncCodingKeys>) throws {
        let name = try container.decode(String.self, forKey: .field)
        func language() throws -> String { try container.decodeIfPresent(String.self, forKey: .language) ?? "" }
        if let kind = NoteKind(rawValue: name) {
            self = .note(kind, language: try language())
        } else if let kind = MetadataKind(rawValue: name) {
            self = .metadata(kind, language: try language())
        } else if let kind = RelationKind(rawValue: name) {
            self = .relation(kind)
        } else if name == "label" {
            self = .label(
                language: try language(), text: try container.decode(String.self, forKey: .text),
                occurrence: try container.decodeIfPresent(Int.self, forKey: .occurrence) ?? 0)
        } else if name == "extensionAttribute" {
            self = .extensionAttribute(
                namespace: try container.decode(String.self, forKey: .namespace),
                name: try container.decode(String.self, forKey: .name))
        } else if let field = Self.plain[name] {
            self = field
        } else {
            throw UnknownFieldError(name: name)
        }
    }

    private static let plain: [String: SyncField] = Dictionary(
        uniqueKeysWithValues: [
            SyncField.concept, .id, .top, .deprecated, .replacedBy, .modified, .mappings, .notations, .extensions, .scheme,
            .schemeURI, .conceptScheme, .format, .version, .language,
        ].map { ($0.name, $0) })
}
