/// What a concept says, without how it was written: no source positions or comments, labels,
/// notes, mappings and notations in a canonical order, and relations as the URIs of the
/// concepts they resolve to (so `broader` written on the child and `narrower` written on the
/// parent, or a reference written as an id or as a full URI, say the same). Two concepts
/// with equal contents are semantically equal; a diff compares contents field by field.
public struct ConceptContent: Hashable, Sendable {
    /// The concept's URI: its identity across vocabularies.
    public let uri: String
    /// The id in its file.
    public let id: String
    /// `top="true"`.
    public let isTopConcept: Bool
    /// `deprecated="true"`.
    public let isDeprecated: Bool
    /// The replacing concept's URI (the reference as written when it does not resolve).
    public let replacedBy: String?
    /// When the concept last changed.
    public let modified: String?
    /// The labels, in a canonical order.
    public let labels: [LabelContent]
    /// The documentation, in a canonical order.
    public let notes: [NoteContent]
    /// Broader concepts (written `broader` plus inverted `narrower`), as URIs.
    public let broader: Set<String>
    /// Narrower concepts, as URIs.
    public let narrower: Set<String>
    /// Related concepts, both directions, as URIs.
    public let related: Set<String>
    /// Mappings to other schemes.
    public let mappings: Set<MappingContent>
    /// Codes.
    public let notations: Set<String>
    /// Elements and attributes from other namespaces.
    public let extensions: Set<ExtensionElement>
    public let extensionAttributes: Set<ExtensionAttribute>

    /// A concept's content from its parts (what diff, merge and apply build).
    public init(
        uri: String, id: String, isTopConcept: Bool = false, isDeprecated: Bool = false, replacedBy: String? = nil,
        modified: String? = nil, labels: [LabelContent] = [], notes: [NoteContent] = [], broader: Set<String> = [],
        narrower: Set<String> = [], related: Set<String> = [], mappings: Set<MappingContent> = [],
        notations: Set<String> = [], extensions: Set<ExtensionElement> = [],
        extensionAttributes: Set<ExtensionAttribute> = []
    ) {
        self.uri = uri
        self.id = id
        self.isTopConcept = isTopConcept
        self.isDeprecated = isDeprecated
        self.replacedBy = replacedBy
        self.modified = modified
        self.labels = labels.sorted()
        self.notes = notes.sorted()
        self.broader = broader
        self.narrower = narrower
        self.related = related
        self.mappings = mappings
        self.notations = notations
        self.extensions = extensions
        self.extensionAttributes = extensionAttributes
    }

    /// The content of the concept `key` of `set`.
    public init(_ key: ConceptKey, in set: VocabularySet) {
        let concept = set[key]
        let scheme = set.schemeIndex(of: key)
        func uri(of reference: String) -> String { set.resolve(reference, fromScheme: scheme).map(set.uri(of:)) ?? reference }
        self.uri = set.uri(of: key)
        id = concept.id
        isTopConcept = concept.isTopConcept
        isDeprecated = concept.isDeprecated
        replacedBy = concept.replacedBy.map(uri(of:))
        modified = concept.modified
        labels = concept.labels.map(LabelContent.init).sorted()
        notes = concept.notes.map(NoteContent.init).sorted()
        broader = Set(set.graph.broader(of: key).map(set.uri(of:)) + Self.unresolved(.broader, concept, scheme, set))
        narrower = Set(set.graph.narrower(of: key).map(set.uri(of:)) + Self.unresolved(.narrower, concept, scheme, set))
        related = Set(set.graph.related(of: key).map(set.uri(of:)) + Self.unresolved(.related, concept, scheme, set))
        mappings = Set(
            concept.mappings.map { mapping in
                switch mapping.target {
                case .uri(let target): MappingContent(kind: mapping.kind, target: target)
                case .reference(let reference): MappingContent(kind: mapping.kind, target: uri(of: reference))
                }
            })
        notations = Set(concept.notations)
        extensions = Set(concept.extensions)
        extensionAttributes = Set(concept.extensionAttributes)
    }

    /// References of a kind that name no concept of the set, kept as written so that a
    /// dangling reference is still part of what the concept says.
    private static func unresolved(_ kind: RelationKind, _ concept: Concept, _ scheme: Int, _ set: VocabularySet) -> [String] {
        concept.relations.filter { $0.kind == kind && set.resolve($0.reference, fromScheme: scheme) == nil }.map(\.reference)
    }
}

/// A label without its position: kind, text, effective language, forms and attributes.
public struct LabelContent: Hashable, Sendable, Comparable {
    public let kind: LabelKind
    public let text: String
    /// The language that applies (declared, or inherited from the vocabulary).
    public let language: String
    public let plurals: [String]
    public let forms: [String]
    public let isCaseSensitive: Bool
    public let isAbbreviation: Bool
    public let since: String?
    public let reason: String?
    public let severity: Severity?
    public let exceptions: [String]
    public let extensionAttributes: Set<ExtensionAttribute>

    /// A label's content from its parts.
    public init(
        kind: LabelKind, text: String, language: String, plurals: [String] = [], forms: [String] = [],
        isCaseSensitive: Bool = false, isAbbreviation: Bool = false, since: String? = nil, reason: String? = nil,
        severity: Severity? = nil, exceptions: [String] = [], extensionAttributes: Set<ExtensionAttribute> = []
    ) {
        self.kind = kind
        self.text = text
        self.language = language
        self.plurals = plurals
        self.forms = forms
        self.isCaseSensitive = isCaseSensitive
        self.isAbbreviation = isAbbreviation
        self.since = since
        self.reason = reason
        self.severity = severity
        self.exceptions = exceptions
        self.extensionAttributes = extensionAttributes
    }

    /// The content of a label.
    public init(_ label: Label) {
        kind = label.kind
        text = label.text
        language = label.language
        plurals = label.plurals
        forms = label.forms
        isCaseSensitive = label.isCaseSensitive
        isAbbreviation = label.isAbbreviation
        since = label.since
        reason = label.reason
        severity = label.severity
        exceptions = label.exceptions
        extensionAttributes = Set(label.extensionAttributes)
    }

    /// Language, then kind, then text, then the rest by its description: a total order, so
    /// that sorted lists of labels compare as multisets.
    public static func < (lhs: LabelContent, rhs: LabelContent) -> Bool {
        let left = (lhs.language, lhs.kind.rawValue, lhs.text)
        let right = (rhs.language, rhs.kind.rawValue, rhs.text)
        if left != right { return left < right }
        return String(describing: lhs) < String(describing: rhs)
    }
}

/// A note without its position.
public struct NoteContent: Hashable, Sendable, Comparable {
    public let kind: NoteKind
    public let text: String
    /// The language that applies.
    public let language: String
    public let date: String?
    public let extensionAttributes: Set<ExtensionAttribute>

    /// A note's content from its parts.
    public init(
        kind: NoteKind, text: String, language: String, date: String? = nil,
        extensionAttributes: Set<ExtensionAttribute> = []
    ) {
        self.kind = kind
        self.text = text
        self.language = language
        self.date = date
        self.extensionAttributes = extensionAttributes
    }

    /// The content of a note.
    public init(_ note: Note) {
        kind = note.kind
        text = note.text
        language = note.language
        date = note.date
        extensionAttributes = Set(note.extensionAttributes)
    }

    public static func < (lhs: NoteContent, rhs: NoteContent) -> Bool {
        let left = (lhs.kind.rawValue, lhs.language, lhs.text, lhs.date ?? "")
        let right = (rhs.kind.rawValue, rhs.language, rhs.text, rhs.date ?? "")
        if left != right { return left < right }
        return String(describing: lhs) < String(describing: rhs)
    }
}

/// A mapping as a kind and the URI it points at.
public struct MappingContent: Hashable, Sendable {
    public let kind: MappingKind
    /// The target's URI (a reference into the folder resolved to its concept's URI).
    public let target: String

    /// A mapping of `kind` to `target`.
    public init(kind: MappingKind, target: String) {
        self.kind = kind
        self.target = target
    }
}
