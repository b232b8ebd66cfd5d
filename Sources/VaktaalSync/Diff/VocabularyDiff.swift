import VaktaalCore

/// What changed between two versions of a vocabulary, concept by concept: concepts added
/// and removed, and for each changed concept exactly which fields changed and how.
/// Reordering, reformatting and comments are no change.
///
/// The value is the JSON that `vaktaal diff --format json` prints and the service's changes
/// API returns (version 1; fields are added, never renamed or removed):
///
/// ```json
/// {
///   "version": 1,
///   "summary": {"added": 1, "removed": 0, "changed": 1, "schemes": 0},
///   "schemes": [],
///   "concepts": [
///     {"change": "changed", "uri": "https://…/werkplekbegeleider", "id": "werkplekbegeleider",
///      "scheme": "lerarenopleiding", "name": "werkplekbegeleider",
///      "changes": [{"field": "label", "language": "nl", "text": "mentor",
///                   "old": {"kind": "altLabel", …}, "new": {"kind": "deprecatedLabel", …},
///                   "attributes": ["kind"]}]},
///     {"change": "added", "uri": "…", "id": "…", "scheme": "…", "name": "…", "concept": {…}}
///   ]
/// }
/// ```
///
/// Concepts are listed by scheme, then URI. A concept paired by preferred label (with
/// `--match-labels`) has `"pairedBy": "preferredLabel"` and its old URI in `oldURI`.
/// See ``FieldChange`` for the changes and ``ConceptContent`` for a whole concept.
public struct VocabularyDiff: Hashable, Sendable {
    /// The version of the JSON structure.
    public static let formatVersion = 1

    /// Schemes added, removed or changed (their own fields, not their concepts).
    public var schemes: [SchemeChange]
    /// Concepts added, removed or changed.
    public var concepts: [ConceptChange]

    /// A diff.
    public init(schemes: [SchemeChange] = [], concepts: [ConceptChange] = []) {
        self.schemes = schemes
        self.concepts = concepts
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { schemes.isEmpty && concepts.isEmpty }

    /// How many concepts were added, removed and changed, and how many schemes changed.
    public var summary: Summary {
        Summary(
            added: concepts.count { $0.change == .added }, removed: concepts.count { $0.change == .removed },
            changed: concepts.count { $0.change == .changed }, schemes: schemes.count)
    }

    /// Counts of a diff.
    public struct Summary: Hashable, Sendable, Codable {
        /// Concepts added.
        public var added: Int
        /// Concepts removed.
        public var removed: Int
        /// Concepts changed.
        public var changed: Int
        /// Schemes added, removed or changed.
        public var schemes: Int
    }
}

/// Whether a concept or scheme is new, gone, or changed.
public enum ChangeKind: String, Hashable, Sendable, Codable {
    case added
    case removed
    case changed
}

/// How two concepts were paired.
public enum Pairing: String, Hashable, Sendable, Codable {
    /// The same URI.
    case uri
    /// Other URIs, the same preferred label in the vocabulary language (`--match-labels`).
    case preferredLabel
}

/// One concept added, removed or changed.
public struct ConceptChange: Hashable, Sendable {
    /// Added, removed or changed.
    public var change: ChangeKind
    /// The concept's URI (the new one when it changed).
    public var uri: String
    /// The old URI, when the concept was paired by preferred label and its URI differs.
    public var oldURI: String?
    /// How the old and new concept were paired (changed concepts only).
    public var pairedBy: Pairing?
    /// The concept's id (the new one when it changed).
    public var id: String
    /// The id of its scheme.
    public var scheme: String
    /// Its preferred label in the scheme's language, for people.
    public var name: String
    /// The whole concept: the new one when added, the old one when removed.
    public var concept: ConceptContent?
    /// The fields that changed (changed concepts only), in a stable order.
    public var changes: [FieldChange]

    /// A concept change.
    public init(
        change: ChangeKind, uri: String, oldURI: String? = nil, pairedBy: Pairing? = nil, id: String, scheme: String,
        name: String, concept: ConceptContent? = nil, changes: [FieldChange] = []
    ) {
        self.change = change
        self.uri = uri
        self.oldURI = oldURI
        self.pairedBy = pairedBy
        self.id = id
        self.scheme = scheme
        self.name = name
        self.concept = concept
        self.changes = changes
    }
}

/// One scheme added, removed or changed.
public struct SchemeChange: Hashable, Sendable {
    /// Added, removed or changed.
    public var change: ChangeKind
    /// The scheme's id.
    public var id: String
    /// The whole scheme: the new one when added, the old one when removed.
    public var scheme: SchemeContent?
    /// The fields that changed.
    public var changes: [FieldChange]

    /// A scheme change.
    public init(change: ChangeKind, id: String, scheme: SchemeContent? = nil, changes: [FieldChange] = []) {
        self.change = change
        self.id = id
        self.scheme = scheme
        self.changes = changes
    }
}

// MARK: - JSON

extension VocabularyDiff: Codable {
    private enum CodingKeys: String, CodingKey {
        case version, summary, schemes, concepts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version <= Self.formatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container, debugDescription: "diff version \(version) is newer than this program")
        }
        schemes = try container.decodeIfPresent([SchemeChange].self, forKey: .schemes) ?? []
        concepts = try container.decodeIfPresent([ConceptChange].self, forKey: .concepts) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .version)
        try container.encode(summary, forKey: .summary)
        try container.encode(schemes, forKey: .schemes)
        try container.encode(concepts, forKey: .concepts)
    }
}

extension ConceptChange: Codable {
    private enum CodingKeys: String, CodingKey {
        case change, uri, oldURI, pairedBy, id, scheme, name, concept, changes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        change = try container.decode(ChangeKind.self, forKey: .change)
        uri = try container.decode(String.self, forKey: .uri)
        oldURI = try container.decodeIfPresent(String.self, forKey: .oldURI)
        pairedBy = try container.decodeIfPresent(Pairing.self, forKey: .pairedBy)
        id = try container.decode(String.self, forKey: .id)
        scheme = try container.decode(String.self, forKey: .scheme)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        concept = try container.decodeIfPresent(ConceptContent.self, forKey: .concept)
        changes = try container.decodeIfPresent([FieldChange].self, forKey: .changes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(change, forKey: .change)
        try container.encode(uri, forKey: .uri)
        try container.encodeIfPresent(oldURI, forKey: .oldURI)
        try container.encodeIfPresent(pairedBy, forKey: .pairedBy)
        try container.encode(id, forKey: .id)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(concept, forKey: .concept)
        if change == .changed { try container.encode(changes, forKey: .changes) }
    }
}

extension SchemeChange: Codable {
    private enum CodingKeys: String, CodingKey {
        case change, id, scheme, changes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        change = try container.decode(ChangeKind.self, forKey: .change)
        id = try container.decode(String.self, forKey: .id)
        scheme = try container.decodeIfPresent(SchemeContent.self, forKey: .scheme)
        changes = try container.decodeIfPresent([FieldChange].self, forKey: .changes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(change, forKey: .change)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(scheme, forKey: .scheme)
        if change == .changed { try container.encode(changes, forKey: .changes) }
    }
}
