import VaktaalText

/// A unit of meaning with its labels in several languages, its documentation, its place
/// among the other concepts and its mappings to partner vocabularies.
///
/// A value type whose fields live in one shared box, copied on write: concepts are read far
/// more often than changed, and a copy costs one reference count instead of one per field.
public struct Concept: Hashable, Sendable {
    /// The stored fields, in a ``CopyOnWriteBox``.
    @usableFromInline
    struct Fields: Hashable, Sendable {
        @usableFromInline var id: String
        @usableFromInline var isTopConcept: Bool
        @usableFromInline var isDeprecated: Bool
        @usableFromInline var replacedBy: String?
        @usableFromInline var modified: String?
        @usableFromInline var labels: [Label]
        @usableFromInline var notes: [Note]
        @usableFromInline var relations: [ConceptRelation]
        @usableFromInline var mappings: [Mapping]
        @usableFromInline var notations: [String]
        @usableFromInline var extensions: [ExtensionElement]
        @usableFromInline var extensionAttributes: [ExtensionAttribute]
        @usableFromInline var leadingComments: [String]
        @usableFromInline var innerComments: [InnerComment]
        @usableFromInline var position: SourcePosition?
    }

    @usableFromInline var storage: CopyOnWriteBox<Fields>

    /// The id, unique in its file; the concept's URI is the vocabulary's `uri` plus this id.
    public var id: String {
        @inlinable get { storage.fields.id }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.id }
    }
    /// Whether this is a top concept of its scheme (`top="true"`).
    public var isTopConcept: Bool {
        @inlinable get { storage.fields.isTopConcept }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.isTopConcept }
    }
    /// Whether the whole concept is outdated (`deprecated="true"`).
    public var isDeprecated: Bool {
        @inlinable get { storage.fields.isDeprecated }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.isDeprecated }
    }
    /// The concept that replaces a deprecated one, as the reference was written.
    public var replacedBy: String? {
        @inlinable get { storage.fields.replacedBy }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.replacedBy }
    }
    /// When the concept last changed (ISO date).
    public var modified: String? {
        @inlinable get { storage.fields.modified }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.modified }
    }
    /// The labels in source order.
    public var labels: [Label] {
        @inlinable get { storage.fields.labels }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.labels }
    }
    /// The documentation in source order.
    public var notes: [Note] {
        @inlinable get { storage.fields.notes }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.notes }
    }
    /// Broader, narrower and related, as written (the inverses are in ``VocabularySet``).
    public var relations: [ConceptRelation] {
        @inlinable get { storage.fields.relations }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.relations }
    }
    /// Mappings to other schemes.
    public var mappings: [Mapping] {
        @inlinable get { storage.fields.mappings }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.mappings }
    }
    /// Codes (`notation`).
    public var notations: [String] {
        @inlinable get { storage.fields.notations }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.notations }
    }
    /// Elements from other namespaces inside the concept.
    public var extensions: [ExtensionElement] {
        @inlinable get { storage.fields.extensions }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.extensions }
    }
    /// Attributes from other namespaces on the concept.
    public var extensionAttributes: [ExtensionAttribute] {
        @inlinable get { storage.fields.extensionAttributes }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.extensionAttributes }
    }
    /// Comments written just before the concept.
    public var leadingComments: [String] {
        @inlinable get { storage.fields.leadingComments }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.leadingComments }
    }
    /// Comments written inside the concept, in source order, each with the child it stands before.
    public var innerComments: [InnerComment] {
        @inlinable get { storage.fields.innerComments }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.innerComments }
    }
    /// Where the concept's element starts in its file.
    public var position: SourcePosition? {
        @inlinable get { storage.fields.position }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.position }
    }

    /// Creates a concept.
    public init(
        id: String, isTopConcept: Bool = false, isDeprecated: Bool = false, replacedBy: String? = nil,
        modified: String? = nil, labels: [Label] = [], notes: [Note] = [], relations: [ConceptRelation] = [],
        mappings: [Mapping] = [], notations: [String] = [], extensions: [ExtensionElement] = [],
        extensionAttributes: [ExtensionAttribute] = [], leadingComments: [String] = [],
        innerComments: [InnerComment] = [], position: SourcePosition? = nil
    ) {
        storage = CopyOnWriteBox(
            Fields(
                id: id, isTopConcept: isTopConcept, isDeprecated: isDeprecated, replacedBy: replacedBy, modified: modified,
                labels: labels, notes: notes, relations: relations, mappings: mappings, notations: notations,
                extensions: extensions, extensionAttributes: extensionAttributes, leadingComments: leadingComments,
                innerComments: innerComments, position: position))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage == rhs.storage }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }

    /// The labels of one kind, in source order.
    public func labels(_ kind: LabelKind) -> [Label] { labels.filter { $0.kind == kind } }

    /// The preferred label in `language`, if there is one.
    public func preferredLabel(in language: String) -> Label? {
        labels.first { $0.kind == .preferred && $0.language == language }
    }

    /// The preferred label to write instead of a label in `language`: the one in that
    /// language, else in the nearest broader one (`nl-BE` falls back to `nl`, as RFC 4647's
    /// lookup does), else the first in a narrower one (`nl` to `nl-NL`); never another region
    /// of the same language (`nl-BE` is not `nl-NL`). Case of the tags aside; `nil` when
    /// there is none.
    public func preferredLabel(writing language: String) -> Label? {
        if let exact = preferredLabel(in: language) { return exact }
        let preferred = labels.filter { $0.kind == .preferred }
        let wanted = language.lowercased()
        var range = wanted
        while true {
            if let found = preferred.first(where: { $0.language.lowercased() == range }) { return found }
            guard let cut = range.lastIndex(of: "-") else { break }
            range = String(range[..<cut])
        }
        return preferred.first { $0.language.lowercased().hasPrefix(wanted + "-") }
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
