/// A comment written among the children of an element, with the child it stands before: the
/// canonical layout orders children by kind, and a comment moves with the child it describes
/// ("<!-- checked by the board -->" before a definition stays before it).
public struct PlacedComment<Child: Hashable & Sendable>: Hashable, Sendable {
    /// The comment's text, as written between `<!--` and `-->`.
    public var text: String
    /// The child the comment was written before (or inside); what `nil` means is told by
    /// ``InnerComment`` and ``HeaderComment``.
    public var before: Child?

    /// Creates a comment standing before `before`.
    public init(_ text: String, before: Child? = nil) {
        self.text = text
        self.before = before
    }
}

/// A comment written inside a concept; `nil` for ``PlacedComment/before`` is one written
/// before the concept's end tag, after every child.
public typealias InnerComment = PlacedComment<ConceptChild>

/// A comment among a scheme's own fields (its metadata and extension elements, before its
/// first concept); `nil` for ``PlacedComment/before`` is one written before them all.
public typealias HeaderComment = PlacedComment<SchemeField>

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

/// A field of a scheme, by its place among the scheme's fields of its kind
/// (``Vocabulary/metadata``, ``Vocabulary/extensions``).
public enum SchemeField: Hashable, Sendable {
    case metadata(Int)
    case extensionElement(Int)
}
