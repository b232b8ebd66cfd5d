/// The namespace of the vocabulary format.
public let vocabularyNamespace = "urn:vaktaal:vocabulary:1"

/// The kinds of scheme metadata, in the canonical order.
public enum MetadataKind: String, Sendable, Hashable, CaseIterable, Codable {
    case title
    case description
    case publisher
    case license
    case creator
}

/// One metadata entry of a scheme: a title, description, publisher, license or creator.
public struct MetadataEntry: Hashable, Sendable {
    /// Which entry.
    public var kind: MetadataKind
    /// The text.
    public var text: String
    /// The `xml:lang` as written.
    public var declaredLanguage: String?
    /// The language that applies.
    public var language: String
    /// Attributes from other namespaces.
    public var extensionAttributes: [ExtensionAttribute]

    /// Creates an entry; `language` defaults to the declared language.
    public init(
        kind: MetadataKind, text: String, declaredLanguage: String? = nil, language: String? = nil,
        extensionAttributes: [ExtensionAttribute] = []
    ) {
        self.kind = kind
        self.text = text
        self.declaredLanguage = declaredLanguage
        self.language = language ?? declaredLanguage ?? ""
        self.extensionAttributes = extensionAttributes
    }
}

/// One concept scheme: one file of the vocabulary folder.
public struct Vocabulary: Hashable, Sendable {
    /// The format version (`"1"`).
    public var format: String
    /// The scheme id, unique across the folder; other files refer to its concepts as `id:concept`.
    public var id: String
    /// The base URI; a concept's URI is this plus the concept id.
    public var uri: String
    /// The URI of the concept scheme itself when it is not ``uri`` (`scheme="…"`): imported
    /// thesauri often name a scheme apart from its concepts' namespace, and several schemes
    /// may share one namespace. `nil` means the scheme's URI is ``uri``.
    public var schemeURI: String?
    /// A free-text version, usually date-like.
    public var version: String?
    /// When the scheme last changed (ISO date).
    public var modified: String?
    /// The default language of labels and notes that do not declare their own.
    public var defaultLanguage: String?
    /// Titles, descriptions, publishers, licenses and creators.
    public var metadata: [MetadataEntry]
    /// The concepts in source order.
    public var concepts: [Concept]
    /// Elements from other namespaces directly inside the scheme.
    public var extensions: [ExtensionElement]
    /// Attributes from other namespaces on the root element.
    public var extensionAttributes: [ExtensionAttribute]
    /// Comments before the root element.
    public var prologComments: [String]
    /// Processing instructions before the root element, each placed among ``prologComments``.
    public var prologInstructions: [ProcessingInstruction]
    /// Comments inside the root element before the first concept, in source order, each with
    /// the field it stands before.
    public var headerComments: [HeaderComment]
    /// Comments after the last concept.
    public var trailingComments: [String]
    /// Comments after the root element.
    public var epilogComments: [String]
    /// Processing instructions after the root element, each placed among ``epilogComments``.
    public var epilogInstructions: [ProcessingInstruction]
    /// The file the scheme was read from.
    public var path: String?

    /// Creates a scheme.
    public init(
        format: String = "1", id: String, uri: String, schemeURI: String? = nil, version: String? = nil,
        modified: String? = nil,
        defaultLanguage: String? = nil, metadata: [MetadataEntry] = [], concepts: [Concept] = [],
        extensions: [ExtensionElement] = [], extensionAttributes: [ExtensionAttribute] = [],
        prologComments: [String] = [], prologInstructions: [ProcessingInstruction] = [],
        headerComments: [HeaderComment] = [], trailingComments: [String] = [], epilogComments: [String] = [],
        epilogInstructions: [ProcessingInstruction] = [], path: String? = nil
    ) {
        self.format = format
        self.id = id
        self.uri = uri
        self.schemeURI = schemeURI
        self.version = version
        self.modified = modified
        self.defaultLanguage = defaultLanguage
        self.metadata = metadata
        self.concepts = concepts
        self.extensions = extensions
        self.extensionAttributes = extensionAttributes
        self.prologComments = prologComments
        self.prologInstructions = prologInstructions
        self.headerComments = headerComments
        self.trailingComments = trailingComments
        self.epilogComments = epilogComments
        self.epilogInstructions = epilogInstructions
        self.path = path
    }

    /// The URI of the concept scheme: ``schemeURI``, else ``uri``.
    public var conceptSchemeURI: String { schemeURI ?? uri }

    /// Whether `id` can be a concept id: a non-empty URI path segment of letters, digits,
    /// `.`, `_`, `-` and `~` (it becomes the end of the concept's URI).
    public static func isValidConceptID(_ id: String) -> Bool { IdentifierPattern.concept.matches(id) }

    /// Whether `id` can be a scheme id: lowercase letters, digits, `.`, `_` and `-`,
    /// starting with a letter or digit.
    public static func isValidSchemeID(_ id: String) -> Bool { IdentifierPattern.scheme.matches(id) }

    /// Whether `value` is a date as the format writes dates: ISO 8601 `YYYY-MM-DD`,
    /// optionally followed by a time.
    public static func isValidDate(_ value: String) -> Bool { ISODate.isValid(value) }

    /// The metadata entries of one kind.
    public func metadata(_ kind: MetadataKind) -> [MetadataEntry] { metadata.filter { $0.kind == kind } }

    /// The title in `language`, else the first title.
    public func title(in language: String? = nil) -> String? {
        let titles = metadata(.title)
        return (titles.first { $0.language == language } ?? titles.first)?.text
    }
}
