import VaktaalText

/// A namespace-qualified XML name.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    /// The local part, e.g. `prefLabel`.
    public var localName: String
    /// The prefix as written, e.g. `dc`, or `nil` for an unprefixed name.
    public var prefix: String?
    /// The namespace URI the name is in, or `nil` for no namespace.
    public var namespaceURI: String?

    /// Creates a name.
    public init(localName: String, prefix: String? = nil, namespaceURI: String? = nil) {
        self.localName = localName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
    }

    /// The name as written in the source: `prefix:local` or `local`.
    public var qualifiedName: String {
        guard let prefix, !prefix.isEmpty else { return localName }
        return "\(prefix):\(localName)"
    }

    public var description: String { qualifiedName }
}

/// XML's white space: space, tab, line feed, carriage return.
@inlinable
public func isXMLSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

/// The namespace of the `xml:` prefix (`xml:lang`, `xml:space`).
public let xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"

/// One attribute of a start tag, with the place its name starts.
public struct XMLAttribute: Hashable, Sendable {
    /// The attribute's qualified name.
    public var name: XMLName
    /// The value with entities and character references resolved.
    public var value: String
    /// Where the attribute's name starts in the source.
    public var position: SourcePosition

    /// Creates an attribute.
    public init(name: XMLName, value: String, position: SourcePosition) {
        self.name = name
        self.value = value
        self.position = position
    }
}

/// A namespace declaration (`xmlns="…"` or `xmlns:prefix="…"`) on a start tag.
public struct XMLNamespaceDeclaration: Hashable, Sendable {
    /// The declared prefix; `nil` for the default namespace.
    public var prefix: String?
    /// The namespace URI.
    public var uri: String

    /// Creates a declaration.
    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}

/// A start tag as the stream parser reports it.
public struct XMLStartTag: Sendable {
    /// The element's name.
    public var name: XMLName
    /// The attributes, in source order (namespace declarations are not among them).
    public var attributes: [XMLAttribute]
    /// The namespace declarations written on this tag.
    public var namespaceDeclarations: [XMLNamespaceDeclaration]
    /// Where the tag's `<` is.
    public var position: SourcePosition
    /// The byte offsets of the whole tag, from its `<` to just after its `>`.
    public var bytes: Range<Int> = 0..<0
}

/// Receives the content of a document from ``XMLStreamParser``, in document order.
///
/// Text arrives in one piece per run of character data between two tags or comments.
public protocol XMLContentHandler: AnyObject {
    /// An element starts.
    func startElement(_ tag: XMLStartTag)
    /// The element most recently started and not yet ended ends here.
    func endElement(_ name: XMLName, at position: SourcePosition)
    /// A run of character data (text and CDATA, entities resolved).
    func text(_ text: String, at position: SourcePosition)
    /// A comment, without its `<!--` and `-->`.
    func comment(_ text: String, at position: SourcePosition)
    /// A processing instruction (`<?target data?>`); `data` is empty when there is none.
    func processingInstruction(target: String, data: String, at position: SourcePosition)
    /// The element most recently started ends here; `bytes` is its end tag as written (for
    /// an empty-element tag `<a/>`, the same bytes as its start tag).
    func endElement(_ name: XMLName, at position: SourcePosition, bytes: Range<Int>)
    /// A run of character data; `bytes` is its raw source, with entity references and
    /// CDATA markup as written, which an editor replaces to change the text.
    func text(_ text: String, at position: SourcePosition, bytes: Range<Int>)
    /// Names and namespace URIs the handler compares with: the parser hands these very
    /// strings over for them (and for `xmlNamespaceURI`), which compare equal at once.
    /// (Declare it as `[String]`: a property of another type is not this requirement.)
    var sharedNames: [String] { get }
}

extension XMLContentHandler {
    /// Handlers compare with no names of their own.
    public var sharedNames: [String] { [] }

    /// Handlers that keep no processing instructions pass them over.
    public func processingInstruction(target: String, data: String, at position: SourcePosition) {}

    /// Handlers that need no byte offsets receive the end as ``endElement(_:at:)``.
    public func endElement(_ name: XMLName, at position: SourcePosition, bytes: Range<Int>) {
        endElement(name, at: position)
    }

    /// Handlers that need no byte offsets receive the text as ``text(_:at:)``.
    public func text(_ text: String, at position: SourcePosition, bytes: Range<Int>) {
        self.text(text, at: position)
    }
}
