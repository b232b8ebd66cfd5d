/// A comment written inside a concept, with the child element it stands before: the
/// canonical layout orders a concept's children by kind, and a comment moves with the element
/// it describes ("<!-- checked by the board -->" before a definition stays before it).
public struct InnerComment: Hashable, Sendable {
    /// The comment's text, as written between `<!--` and `-->`.
    public var text: String
    /// The child element the comment was written before (or inside); `nil` for one written
    /// before the concept's end tag, after every child.
    public var before: ConceptChild?

    /// Creates a comment inside a concept.
    public init(_ text: String, before: ConceptChild? = nil) {
        self.text = text
        self.before = before
    }
}

/// A child element of a concept, by its kind and its place among the concept's children of
/// that kind (``Concept/labels``, ``Concept/notes`` and so on).
public enum ConceptChild: Hashable, Sendable {
    case label(Int)
    case notation(Int)
    case note(Int)
    case relation(Int)
    case mapping(Int)
    case extensionElement(Int)
}

/// A comment among a scheme's own fields (its metadata and extension elements, before its
/// first concept), with the field it stands before, so that it moves with it as
/// ``InnerComment`` does in a concept.
public struct HeaderComment: Hashable, Sendable {
    /// The comment's text, as written between `<!--` and `-->`.
    public var text: String
    /// The field the comment was written before (or inside); `nil` for one written before
    /// them all.
    public var before: SchemeField?

    /// Creates a comment among a scheme's fields.
    public init(_ text: String, before: SchemeField? = nil) {
        self.text = text
        self.before = before
    }
}

/// A field of a scheme, by its place among the scheme's fields of its kind
/// (``Vocabulary/metadata``, ``Vocabulary/extensions``).
public enum SchemeField: Hashable, Sendable {
    case metadata(Int)
    case extensionElement(Int)
}
