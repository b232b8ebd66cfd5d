/// A unit of meaning with its labels in several languages, its documentation, its place
/// among the other concepts and its mappings to partner vocabularies.
///
/// A value type whose fields live in one shared box, copied on write: concepts are read far
/// more often than changed, and a copy costs one reference count instead of one per field.
public struct Concept: Hashable, Sendable {
    /// The stored fields.
    struct Fields: Hashable, Sendable {
        var id: String
        var isTopConcept: Bool
        var isDeprecated: Bool
        var replacedBy: String?
        var modified: String?
        var labels: [Label]
        var notes: [Note]
        var relations: [ConceptRelation]
        var mappings: [Mapping]
        var notations: [String]
        var extensions: [ExtensionElement]
        var extensionAttributes: [ExtensionAttribute]
        var leadingComments: [String]
        var innerComments: [String]
        var position: SourcePosition?
    }

    /// The box holding a concept's fields.
    final class Storage: @unchecked Sendable {
        // Mutated only through `uniqueFields()`, after a uniqueness check, so value semantics
        // hold; the static exclusivity checks on the owning value make dynamic ones redundant.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func uniqueFields() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// The id, unique in its file; the concept's URI is the vocabulary's `uri` plus this id.
    public var id: String {
        get { storage.fields.id }
        _modify { yield &uniqueFields().fields.id }
    }
    /// Whether this is a top concept of its scheme (`top="true"`).
    public var isTopConcept: Bool {
        get { storage.fields.isTopConcept }
        _modify { yield &uniqueFields().fields.isTopConcept }
    }
    /// Whether the whole concept is outdated (`deprecated="true"`).
    public var isDeprecated: Bool {
        get { storage.fields.isDeprecated }
        _modify { yield &uniqueFields().fields.isDeprecated }
    }
    /// The concept that replaces a deprecated one, as the reference was written.
    public var replacedBy: String? {
        get { storage.fields.replacedBy }
        _modify { yield &uniqueFields().fields.replacedBy }
    }
    /// When the concept last changed (ISO date).
    public var modified: String? {
        get { storage.fields.modified }
        _modify { yield &uniqueFields().fields.modified }
    }
    /// The labels in source order.
    public var labels: [Label] {
        get { storage.fields.labels }
        _modify { yield &uniqueFields().fields.labels }
    }
    /// The documentation in source order.
    public var notes: [Note] {
        get { storage.fields.notes }
        _modify { yield &uniqueFields().fields.notes }
    }
    /// Broader, narrower and related, as written (the inverses are in ``VocabularySet``).
    public var relations: [ConceptRelation] {
        get { storage.fields.relations }
        _modify { yield &uniqueFields().fields.relations }
    }
    /// Mappings to other schemes.
    public var mappings: [Mapping] {
        get { storage.fields.mappings }
        _modify { yield &uniqueFields().fields.mappings }
    }
    /// Codes (`notation`).
    public var notations: [String] {
        get { storage.fields.notations }
        _modify { yield &uniqueFields().fields.notations }
    }
    /// Elements from other namespaces inside the concept.
    public var extensions: [ExtensionElement] {
        get { storage.fields.extensions }
        _modify { yield &uniqueFields().fields.extensions }
    }
    /// Attributes from other namespaces on the concept.
    public var extensionAttributes: [ExtensionAttribute] {
        get { storage.fields.extensionAttributes }
        _modify { yield &uniqueFields().fields.extensionAttributes }
    }
    /// Comments written just before the concept.
    public var leadingComments: [String] {
        get { storage.fields.leadingComments }
        _modify { yield &uniqueFields().fields.leadingComments }
    }
    /// Comments written inside the concept.
    public var innerComments: [String] {
        get { storage.fields.innerComments }
        _modify { yield &uniqueFields().fields.innerComments }
    }
    /// Where the concept's element starts in its file.
    public var position: SourcePosition? {
        get { storage.fields.position }
        _modify { yield &uniqueFields().fields.position }
    }

    /// Creates a concept.
    public init(
        id: String, isTopConcept: Bool = false, isDeprecated: Bool = false, replacedBy: String? = nil,
        modified: String? = nil, labels: [Label] = [], notes: [Note] = [], relations: [ConceptRelation] = [],
        mappings: [Mapping] = [], notations: [String] = [], extensions: [ExtensionElement] = [],
        extensionAttributes: [ExtensionAttribute] = [], leadingComments: [String] = [],
        innerComments: [String] = [], position: SourcePosition? = nil
    ) {
        storage = Storage(
            Fields(
                id: id, isTopConcept: isTopConcept, isDeprecated: isDeprecated, replacedBy: replacedBy, modified: modified,
                labels: labels, notes: notes, relations: relations, mappings: mappings, notations: notations,
                extensions: extensions, extensionAttributes: extensionAttributes, leadingComments: leadingComments,
                innerComments: innerComments, position: position))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    /// The labels of one kind, in source order.
    public func labels(_ kind: LabelKind) -> [Label] { labels.filter { $0.kind == kind } }

    /// The preferred label in `language`, if there is one.
    public func preferredLabel(in language: String) -> Label? {
        labels.first { $0.kind == .preferred && $0.language == language }
    }

    /// The name to show for the concept in `language`: its preferred label there, else its
    /// first preferred label, else its id.
    public func displayName(in language: String) -> String {
        (preferredLabel(in: language) ?? labels.first { $0.kind == .preferred })?.text ?? id
    }

    /// The notes of one kind, in source order.
    public func notes(_ kind: NoteKind) -> [Note] { notes.filter { $0.kind == kind } }

    /// The languages of the preferred labels, in source order.
    public var preferredLanguages: [String] {
        labels.filter { $0.kind == .preferred }.map(\.language)
    }
}
