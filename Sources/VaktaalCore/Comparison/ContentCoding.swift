/// The JSON of the semantic model, as the diff, the merge report and the service's changes
/// API carry it: names as in the vocabulary format (`prefLabel`, `plural`, `caseSensitive`),
/// sets as sorted arrays so the same content always gives the same bytes, and empty lists,
/// `false` flags and absent values left out (and read back as such).

extension LabelContent: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, text, language, plural, forms, caseSensitive, abbreviation, since, reason, severity, exceptions
        case extensionAttributes
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try values.decode(LabelKind.self, forKey: .kind), text: try values.decode(String.self, forKey: .text),
            language: try values.decodeIfPresent(String.self, forKey: .language) ?? "",
            plurals: try values.decodeIfPresent([String].self, forKey: .plural) ?? [],
            forms: try values.decodeIfPresent([String].self, forKey: .forms) ?? [],
            isCaseSensitive: try values.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? false,
            isAbbreviation: try values.decodeIfPresent(Bool.self, forKey: .abbreviation) ?? false,
            since: try values.decodeIfPresent(String.self, forKey: .since),
            reason: try values.decodeIfPresent(String.self, forKey: .reason),
            severity: try values.decodeIfPresent(Severity.self, forKey: .severity),
            exceptions: try values.decodeIfPresent([String].self, forKey: .exceptions) ?? [],
            extensionAttributes: Set(try values.decodeIfPresent([ExtensionAttribute].self, forKey: .extensionAttributes) ?? []))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(kind, forKey: .kind)
        try values.encode(text, forKey: .text)
        try values.encode(language, forKey: .language)
        try values.encodeUnlessEmpty(plurals, forKey: .plural)
        try values.encodeUnlessEmpty(forms, forKey: .forms)
        try values.encodeIfTrue(isCaseSensitive, forKey: .caseSensitive)
        try values.encodeIfTrue(isAbbreviation, forKey: .abbreviation)
        try values.encodeIfPresent(since, forKey: .since)
        try values.encodeIfPresent(reason, forKey: .reason)
        try values.encodeIfPresent(severity, forKey: .severity)
        try values.encodeUnlessEmpty(exceptions, forKey: .exceptions)
        try values.encodeUnlessEmpty(extensionAttributes.sortedForOutput, forKey: .extensionAttributes)
    }
}

extension NoteContent: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, text, language, date, extensionAttributes
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try values.decode(NoteKind.self, forKey: .kind), text: try values.decode(String.self, forKey: .text),
            language: try values.decodeIfPresent(String.self, forKey: .language) ?? "",
            date: try values.decodeIfPresent(String.self, forKey: .date),
            extensionAttributes: Set(try values.decodeIfPresent([ExtensionAttribute].self, forKey: .extensionAttributes) ?? []))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(kind, forKey: .kind)
        try values.encode(text, forKey: .text)
        try values.encode(language, forKey: .language)
        try values.encodeIfPresent(date, forKey: .date)
        try values.encodeUnlessEmpty(extensionAttributes.sortedForOutput, forKey: .extensionAttributes)
    }
}

extension MappingContent: Codable, Comparable {
    private enum CodingKeys: String, CodingKey {
        case kind, target
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try values.decode(MappingKind.self, forKey: .kind), target: try values.decode(String.self, forKey: .target))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(kind, forKey: .kind)
        try values.encode(target, forKey: .target)
    }

    /// Kind, then target.
    public static func < (lhs: MappingContent, rhs: MappingContent) -> Bool {
        (lhs.kind.rawValue, lhs.target) < (rhs.kind.rawValue, rhs.target)
    }
}

extension MetadataContent: Codable, Comparable {
    private enum CodingKeys: String, CodingKey {
        case kind, language, text, extensionAttributes
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try values.decode(MetadataKind.self, forKey: .kind),
            language: try values.decodeIfPresent(String.self, forKey: .language) ?? "",
            text: try values.decode(String.self, forKey: .text),
            extensionAttributes: Set(try values.decodeIfPresent([ExtensionAttribute].self, forKey: .extensionAttributes) ?? []))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(kind, forKey: .kind)
        try values.encode(language, forKey: .language)
        try values.encode(text, forKey: .text)
        try values.encodeUnlessEmpty(extensionAttributes.sortedForOutput, forKey: .extensionAttributes)
    }

    /// Kind (in the canonical order), language, text, then the rest by its description.
    public static func < (lhs: MetadataContent, rhs: MetadataContent) -> Bool {
        let order = MetadataKind.allCases
        let left = (order.firstIndex(of: lhs.kind) ?? 0, lhs.language, lhs.text)
        let right = (order.firstIndex(of: rhs.kind) ?? 0, rhs.language, rhs.text)
        if left != right { return left < right }
        return String(describing: lhs) < String(describing: rhs)
    }
}

extension ConceptContent: Codable {
    private enum CodingKeys: String, CodingKey {
        case uri, id, top, deprecated, replacedBy, modified, labels, notes, broader, narrower, related, mappings
        case notations, extensions, extensionAttributes
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        func set<Element: Decodable & Hashable>(_ key: CodingKeys) throws -> Set<Element> {
            Set(try values.decodeIfPresent([Element].self, forKey: key) ?? [])
        }
        self.init(
            uri: try values.decode(String.self, forKey: .uri), id: try values.decode(String.self, forKey: .id),
            isTopConcept: try values.decodeIfPresent(Bool.self, forKey: .top) ?? false,
            isDeprecated: try values.decodeIfPresent(Bool.self, forKey: .deprecated) ?? false,
            replacedBy: try values.decodeIfPresent(String.self, forKey: .replacedBy),
            modified: try values.decodeIfPresent(String.self, forKey: .modified),
            labels: try values.decodeIfPresent([LabelContent].self, forKey: .labels) ?? [],
            notes: try values.decodeIfPresent([NoteContent].self, forKey: .notes) ?? [], broader: try set(.broader),
            narrower: try set(.narrower), related: try set(.related), mappings: try set(.mappings),
            notations: try set(.notations), extensions: try set(.extensions),
            extensionAttributes: try set(.extensionAttributes))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(uri, forKey: .uri)
        try values.encode(id, forKey: .id)
        try values.encodeIfTrue(isTopConcept, forKey: .top)
        try values.encodeIfTrue(isDeprecated, forKey: .deprecated)
        try values.encodeIfPresent(replacedBy, forKey: .replacedBy)
        try values.encodeIfPresent(modified, forKey: .modified)
        try values.encodeUnlessEmpty(labels, forKey: .labels)
        try values.encodeUnlessEmpty(notes, forKey: .notes)
        try values.encodeUnlessEmpty(broader.sorted(), forKey: .broader)
        try values.encodeUnlessEmpty(narrower.sorted(), forKey: .narrower)
        try values.encodeUnlessEmpty(related.sorted(), forKey: .related)
        try values.encodeUnlessEmpty(mappings.sorted(), forKey: .mappings)
        try values.encodeUnlessEmpty(notations.sorted(), forKey: .notations)
        try values.encodeUnlessEmpty(extensions.sortedForOutput, forKey: .extensions)
        try values.encodeUnlessEmpty(extensionAttributes.sortedForOutput, forKey: .extensionAttributes)
    }
}

extension SchemeContent: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, uri, scheme, format, version, modified, language, metadata, extensions, extensionAttributes
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try values.decode(String.self, forKey: .id), uri: try values.decode(String.self, forKey: .uri),
            schemeURI: try values.decodeIfPresent(String.self, forKey: .scheme),
            format: try values.decodeIfPresent(String.self, forKey: .format) ?? "1",
            version: try values.decodeIfPresent(String.self, forKey: .version),
            modified: try values.decodeIfPresent(String.self, forKey: .modified),
            defaultLanguage: try values.decodeIfPresent(String.self, forKey: .language),
            metadata: Set(try values.decodeIfPresent([MetadataContent].self, forKey: .metadata) ?? []),
            extensions: Set(try values.decodeIfPresent([ExtensionElement].self, forKey: .extensions) ?? []),
            extensionAttributes: Set(try values.decodeIfPresent([ExtensionAttribute].self, forKey: .extensionAttributes) ?? []))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(id, forKey: .id)
        try values.encode(uri, forKey: .uri)
        try values.encodeIfPresent(schemeURI, forKey: .scheme)
        try values.encode(format, forKey: .format)
        try values.encodeIfPresent(version, forKey: .version)
        try values.encodeIfPresent(modified, forKey: .modified)
        try values.encodeIfPresent(defaultLanguage, forKey: .language)
        try values.encodeUnlessEmpty(metadata.sorted(), forKey: .metadata)
        try values.encodeUnlessEmpty(extensions.sortedForOutput, forKey: .extensions)
        try values.encodeUnlessEmpty(extensionAttributes.sortedForOutput, forKey: .extensionAttributes)
    }
}

extension ExtensionAttribute: Codable {
    private enum CodingKeys: String, CodingKey {
        case namespace, prefix, name, value
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            namespaceURI: try values.decode(String.self, forKey: .namespace),
            prefix: try values.decodeIfPresent(String.self, forKey: .prefix),
            localName: try values.decode(String.self, forKey: .name), value: try values.decode(String.self, forKey: .value))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(namespaceURI, forKey: .namespace)
        try values.encodeIfPresent(prefix, forKey: .prefix)
        try values.encode(localName, forKey: .name)
        try values.encode(value, forKey: .value)
    }
}

extension ExtensionElement: Codable {
    private enum CodingKeys: String, CodingKey {
        case namespace, prefix, name, attributes, children
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            namespaceURI: try values.decode(String.self, forKey: .namespace),
            prefix: try values.decodeIfPresent(String.self, forKey: .prefix),
            localName: try values.decode(String.self, forKey: .name),
            attributes: try values.decodeIfPresent([ExtensionAttribute].self, forKey: .attributes) ?? [],
            children: try values.decodeIfPresent([ExtensionNode].self, forKey: .children) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(namespaceURI, forKey: .namespace)
        try values.encodeIfPresent(prefix, forKey: .prefix)
        try values.encode(localName, forKey: .name)
        try values.encodeUnlessEmpty(attributes, forKey: .attributes)
        try values.encodeUnlessEmpty(children, forKey: .children)
    }
}

/// Text as a JSON string, an element as an object.
extension ExtensionNode: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let text = try? value.decode(String.self) {
            self = .text(text)
        } else {
            self = .element(try value.decode(ExtensionElement.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var value = encoder.singleValueContainer()
        switch self {
        case .text(let text): try value.encode(text)
        case .element(let element): try value.encode(element)
        }
    }
}

extension Set {
    /// The elements in a stable order for output: by their description, which lists every field.
    public var sortedForOutput: [Element] {
        map { (String(describing: $0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

extension KeyedEncodingContainer {
    fileprivate mutating func encodeUnlessEmpty<Value: Encodable & Collection>(_ value: Value, forKey key: Key) throws {
        if !value.isEmpty { try encode(value, forKey: key) }
    }

    fileprivate mutating func encodeIfTrue(_ value: Bool, forKey key: Key) throws {
        if value { try encode(true, forKey: key) }
    }
}
