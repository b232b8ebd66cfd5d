/// What a scheme says about itself, without how it was written: its identity, version
/// and metadata (in a canonical order), without comments, file path or concepts.
public struct SchemeContent: Hashable, Sendable {
    public let id: String
    public let uri: String
    /// The scheme's own URI when the file names it apart from ``uri`` (`scheme="…"`).
    public let schemeURI: String?
    public let format: String
    public let version: String?
    public let modified: String?
    public let defaultLanguage: String?
    /// Titles, descriptions, publishers, licenses and creators, as (kind, language, text).
    public let metadata: Set<MetadataContent>
    public let extensions: Set<ExtensionElement>
    public let extensionAttributes: Set<ExtensionAttribute>

    /// A scheme's content from its parts.
    public init(
        id: String, uri: String, schemeURI: String? = nil, format: String = "1", version: String? = nil,
        modified: String? = nil,
        defaultLanguage: String? = nil, metadata: Set<MetadataContent> = [], extensions: Set<ExtensionElement> = [],
        extensionAttributes: Set<ExtensionAttribute> = []
    ) {
        self.id = id
        self.uri = uri
        self.schemeURI = schemeURI
        self.format = format
        self.version = version
        self.modified = modified
        self.defaultLanguage = defaultLanguage
        self.metadata = metadata
        self.extensions = extensions
        self.extensionAttributes = extensionAttributes
    }

    /// The content of a scheme.
    public init(_ vocabulary: Vocabulary) {
        id = vocabulary.id
        uri = vocabulary.uri
        schemeURI = vocabulary.schemeURI
        format = vocabulary.format
        version = vocabulary.version
        modified = vocabulary.modified
        defaultLanguage = vocabulary.defaultLanguage
        metadata = Set(
            vocabulary.metadata.map {
                MetadataContent(
                    kind: $0.kind, language: $0.language, text: $0.text,
                    extensionAttributes: Set($0.extensionAttributes))
            })
        extensions = Set(vocabulary.extensions)
        extensionAttributes = Set(vocabulary.extensionAttributes)
    }
}

/// One metadata entry without its position.
public struct MetadataContent: Hashable, Sendable {
    public let kind: MetadataKind
    public let language: String
    public let text: String
    public let extensionAttributes: Set<ExtensionAttribute>

    /// An entry from its parts.
    public init(kind: MetadataKind, language: String, text: String, extensionAttributes: Set<ExtensionAttribute> = []) {
        self.kind = kind
        self.language = language
        self.text = text
        self.extensionAttributes = extensionAttributes
    }
}
