import VaktaalText

/// The kinds of documentation a concept can carry, named as the XML elements are.
public enum NoteKind: String, Sendable, Hashable, CaseIterable, Codable {
    case definition
    case scopeNote
    case example
    case note
    case historyNote
    case editorialNote
    case changeNote
    case source
}

/// A piece of documentation on a concept, in one language.
public struct Note: Hashable, Sendable {
    /// Definition, scope note, example, …
    public var kind: NoteKind
    /// The text.
    public var text: String
    /// The `xml:lang` as written, or `nil` when it inherits the vocabulary's.
    public var declaredLanguage: String?
    /// The language that applies.
    public var language: String
    /// The date of a change note (ISO date).
    public var date: String?
    /// Attributes from other namespaces.
    public var extensionAttributes: [ExtensionAttribute]
    /// Where the note's element starts in its file.
    public var position: SourcePosition?

    /// Creates a note; `language` defaults to the declared language.
    public init(
        kind: NoteKind, text: String, declaredLanguage: String? = nil, language: String? = nil,
        date: String? = nil, extensionAttributes: [ExtensionAttribute] = [], position: SourcePosition? = nil
    ) {
        self.kind = kind
        self.text = text
        self.declaredLanguage = declaredLanguage
        self.language = language ?? declaredLanguage ?? ""
        self.date = date
        self.extensionAttributes = extensionAttributes
        self.position = position
    }
}
