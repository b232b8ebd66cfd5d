/// An attribute from another namespace, kept so that a read-write round trip loses nothing.
public struct ExtensionAttribute: Hashable, Sendable {
    /// The namespace URI (the XML namespace for `xml:space` and the like).
    public var namespaceURI: String
    /// The prefix it was written with.
    public var prefix: String?
    /// The local name.
    public var localName: String
    /// The value.
    public var value: String

    /// Creates an extension attribute.
    public init(namespaceURI: String, prefix: String?, localName: String, value: String) {
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.localName = localName
        self.value = value
    }
}

/// An element from another namespace (with everything inside it), kept through a
/// read-write round trip.
public struct ExtensionElement: Hashable, Sendable {
    /// The namespace URI; empty for an element in no namespace.
    public var namespaceURI: String
    /// The prefix it was written with.
    public var prefix: String?
    /// The local name.
    public var localName: String
    /// Its attributes in source order.
    public var attributes: [ExtensionAttribute]
    /// Its content in source order.
    public var children: [ExtensionNode]

    /// Creates an extension element.
    public init(
        namespaceURI: String, prefix: String?, localName: String,
        attributes: [ExtensionAttribute] = [], children: [ExtensionNode] = []
    ) {
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.localName = localName
        self.attributes = attributes
        self.children = children
    }
}

/// One piece of content inside an ``ExtensionElement``.
public indirect enum ExtensionNode: Hashable, Sendable {
    case element(ExtensionElement)
    case text(String)
}
