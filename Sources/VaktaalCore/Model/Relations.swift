import VaktaalText

/// The semantic relations between concepts of the folder.
public enum RelationKind: String, Sendable, Hashable, CaseIterable, Codable {
    case broader
    case narrower
    case related
}

/// A relation as written in a concept: its kind and the reference (`id`, `scheme:id` or a
/// full URI) it names.
public struct ConceptRelation: Hashable, Sendable {
    /// Broader, narrower or related.
    public var kind: RelationKind
    /// The `ref` as written.
    public var reference: String
    /// Attributes from other namespaces.
    public var extensionAttributes: [ExtensionAttribute]
    /// Where the relation's element starts in its file.
    public var position: SourcePosition?

    /// Creates a relation.
    public init(
        kind: RelationKind, reference: String, extensionAttributes: [ExtensionAttribute] = [],
        position: SourcePosition? = nil
    ) {
        self.kind = kind
        self.reference = reference
        self.extensionAttributes = extensionAttributes
        self.position = position
    }
}

/// The SKOS mapping properties, towards concepts of other schemes.
public enum MappingKind: String, Sendable, Hashable, CaseIterable, Codable {
    case exactMatch
    case closeMatch
    case broadMatch
    case narrowMatch
    case relatedMatch
}

/// What a mapping points at.
public enum MappingTarget: Hashable, Sendable {
    /// A full URI (`uri="…"`), usually of a partner's vocabulary.
    case uri(String)
    /// A reference into the folder (`ref="…"`).
    case reference(String)
}

/// A mapping as written in a concept.
public struct Mapping: Hashable, Sendable {
    /// Exact, close, broad, narrow or related match.
    public var kind: MappingKind
    /// The target.
    public var target: MappingTarget
    /// Attributes from other namespaces.
    public var extensionAttributes: [ExtensionAttribute]
    /// Where the mapping's element starts in its file.
    public var position: SourcePosition?

    /// Creates a mapping.
    public init(
        kind: MappingKind, target: MappingTarget, extensionAttributes: [ExtensionAttribute] = [],
        position: SourcePosition? = nil
    ) {
        self.kind = kind
        self.target = target
        self.extensionAttributes = extensionAttributes
        self.position = position
    }
}
