/// A unit of meaning with its labels in several languages, its documentation, its place
/// among the other concepts and its mappings to partner vocabularies.
public struct Concept: Hashable, Sendable {
    /// The id, unique in its file; the concept's URI is the vocabulary's `uri` plus this id.
    public var id: String
    /// Whether this is a top concept of its scheme (`top="true"`).
    public var isTopConcept: Bool
    /// Whether the whole concept is outdated (`deprecated="true"`).
    public var isDeprecated: Bool
    /// The concept that replaces a deprecated one, as the reference was written.
    public var replacedBy: String?
    /// When the concept last changed (ISO date).
    public var modified: String?
    /// The labels in source order.
    public var labels: [Label]
    /// The documentation in source order.
    public var notes: [Note]
    /// Broader, narrower and related, as written (the inverses are in ``VocabularySet``).
    public var relations: [ConceptRelation]
    /// Mappings to other schemes.
    public var mappings: [Mapping]
    /// Codes (`notation`).
    public var notations: [String]
    /// Elements from other namespaces inside the concept.
    public var extensions: [ExtensionElement]
    /// Attributes from other namespaces on the concept.
    public var extensionAttributes: [ExtensionAttribute]
    /// Comments written just before the concept.
    public var leadingComments: [String]
    /// Comments written inside the concept.
    public var innerComments: [String]
    /// Where the concept's element starts in its file.
    public var position: SourcePosition?

    /// Creates a concept.
    public init(
        id: String, isTopConcept: Bool = false, isDeprecated: Bool = false, replacedBy: String? = nil,
        modified: String? = nil, labels: [Label] = [], notes: [Note] = [], relations: [ConceptRelation] = [],
        mappings: [Mapping] = [], notations: [String] = [], extensions: [ExtensionElement] = [],
        extensionAttributes: [ExtensionAttribute] = [], leadingComments: [String] = [],
        innerComments: [String] = [], position: SourcePosition? = nil
    ) {
        self.id = id
        self.isTopConcept = isTopConcept
        self.isDeprecated = isDeprecated
        self.replacedBy = replacedBy
        self.modified = modified
        self.labels = labels
        self.notes = notes
        self.relations = relations
        self.mappings = mappings
        self.notations = notations
        self.extensions = extensions
        self.extensionAttributes = extensionAttributes
        self.leadingComments = leadingComments
        self.innerComments = innerComments
        self.position = position
    }

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
