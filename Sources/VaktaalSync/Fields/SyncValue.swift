import VaktaalCore

/// The value of a field that is not a set: a flag, a text, a label, the notes of one kind and
/// language, and so on. A field without a value (no `replacedBy`, a label that is not there,
/// `top` not set) has `nil` instead.
public enum SyncValue: Hashable, Sendable {
    /// `top`, `deprecated` (only `true` is stored; `nil` is false).
    case flag(Bool)
    /// `id`, `replacedBy` (a URI), `modified`, and the scheme's `uri`, `format`, `version`, `language`.
    case text(String)
    /// One label.
    case label(LabelContent)
    /// The notes of one kind and language, sorted.
    case notes([NoteContent])
    /// The metadata entries of one kind and language, sorted.
    case metadata([MetadataContent])
    /// One attribute of another namespace.
    case attribute(ExtensionAttribute)
    /// A whole concept.
    case concept(ConceptContent)
    /// A whole scheme (without its concepts).
    case scheme(SchemeContent)
    /// The members of a set-valued field, sorted (in merge conflicts).
    case members([SetMember])

    /// A short text for reports.
    public var summary: String {
        switch self {
        case .flag(let value): String(value)
        case .text(let text): "'\(text)'"
        case .label(let label): label.summary
        case .notes(let notes): notes.map { "'\($0.text)'" }.joined(separator: ", ")
        case .metadata(let entries): entries.map { "'\($0.text)'" }.joined(separator: ", ")
        case .attribute(let attribute): "'\(attribute.value)'"
        case .concept(let concept): "concept '\(concept.id)'"
        case .scheme(let scheme): "scheme '\(scheme.id)'"
        case .members(let members): members.isEmpty ? "none" : members.map(\.summary).joined(separator: ", ")
        }
    }
}

/// One element of a set-valued field.
public enum SetMember: Hashable, Sendable, Comparable {
    /// A URI (relations) or a code (notations).
    case text(String)
    /// A mapping.
    case mapping(MappingContent)
    /// An element of another namespace.
    case element(ExtensionElement)

    /// A short text for reports.
    public var summary: String {
        switch self {
        case .text(let text): text
        case .mapping(let mapping): "\(mapping.kind.rawValue) \(mapping.target)"
        case .element(let element): "<\(element.prefix.map { $0 + ":" } ?? "")\(element.localName)>"
        }
    }

    public static func < (lhs: SetMember, rhs: SetMember) -> Bool {
        switch (lhs, rhs) {
        case (.text(let left), .text(let right)): left < right
        case (.mapping(let left), .mapping(let right)): left < right
        default: String(describing: lhs) < String(describing: rhs)
        }
    }
}

extension LabelContent {
    /// The label's kind and the attributes it has, for reports: `deprecatedLabel, plural 'mentoren', since 2025-09-01`.
    public var summary: String {
        var parts = [kind.rawValue]
        if !plurals.isEmpty { parts.append("plural '\(plurals.joined(separator: "; "))'") }
        if !forms.isEmpty { parts.append("forms '\(forms.joined(separator: "; "))'") }
        if isAbbreviation { parts.append("abbreviation") }
        if isCaseSensitive { parts.append("case-sensitive") }
        if let since { parts.append("since \(since)") }
        if let reason { parts.append("reason '\(reason)'") }
        if let severity { parts.append("severity \(severity.rawValue)") }
        if !exceptions.isEmpty { parts.append("exceptions '\(exceptions.joined(separator: "; "))'") }
        for attribute in extensionAttributes.sortedForOutput { parts.append("\(attribute.localName)='\(attribute.value)'") }
        return parts.joined(separator: ", ")
    }
}

// MARK: - JSON

extension SyncValue {
    /// Writes the value as plain JSON: a boolean, a string, an object or an array.
    func encode(to container: inout KeyedEncodingContainer<SyncCodingKeys>, forKey key: SyncCodingKeys) throws {
        switch self {
        case .flag(let value): try container.encode(value, forKey: key)
        case .text(let text): try container.encode(text, forKey: key)
        case .label(let label): try container.encode(label, forKey: key)
        case .notes(let notes): try container.encode(notes, forKey: key)
        case .metadata(let entries): try container.encode(entries, forKey: key)
        case .attribute(let attribute): try container.encode(attribute, forKey: key)
        case .concept(let concept): try container.encode(concept, forKey: key)
        case .scheme(let scheme): try container.encode(scheme, forKey: key)
        case .members(let members):
            var list = container.nestedUnkeyedContainer(forKey: key)
            for member in members { try member.encode(to: &list) }
        }
    }

    /// Reads the value of `field` written by ``encode(to:forKey:)``; `nil` when absent.
    static func decode(
        _ field: SyncField, from container: KeyedDecodingContainer<SyncCodingKeys>, forKey key: SyncCodingKeys
    ) throws -> SyncValue? {
        guard try container.contains(key) && !container.decodeNil(forKey: key) else { return nil }
        switch field {
        case .top, .deprecated:
            return try container.decode(Bool.self, forKey: key) ? .flag(true) : nil
        case .id, .replacedBy, .modified, .schemeURI, .conceptScheme, .format, .version, .language:
            return .text(try container.decode(String.self, forKey: key))
        case .label:
            return .label(try container.decode(LabelContent.self, forKey: key))
        case .note:
            return .notes(try container.decode([NoteContent].self, forKey: key))
        case .metadata:
            return .metadata(try container.decode([MetadataContent].self, forKey: key))
        case .extensionAttribute:
            return .attribute(try container.decode(ExtensionAttribute.self, forKey: key))
        case .concept:
            return .concept(try container.decode(ConceptContent.self, forKey: key))
        case .scheme:
            return .scheme(try container.decode(SchemeContent.self, forKey: key))
        case .relation, .mappings, .notations, .extensions:
            return .members(try SetMember.decode(field, from: container, forKey: key))
        }
    }
}

extension SetMember {
    /// The plain JSON of a member: a string, a mapping or an element object.
    func encode(to container: inout any UnkeyedEncodingContainer) throws {
        switch self {
        case .text(let text): try container.encode(text)
        case .mapping(let mapping): try container.encode(mapping)
        case .element(let element): try container.encode(element)
        }
    }

    /// Reads the members of a set-valued `field`.
    static func decode(
        _ field: SyncField, from container: KeyedDecodingContainer<SyncCodingKeys>, forKey key: SyncCodingKeys
    ) throws -> [SetMember] {
        guard try container.contains(key) && !container.decodeNil(forKey: key) else { return [] }
        switch field {
        case .mappings: return try container.decode([MappingContent].self, forKey: key).map(SetMember.mapping)
        case .extensions: return try container.decode([ExtensionElement].self, forKey: key).map(SetMember.element)
        default: return try container.decode([String].self, forKey: key).map(SetMember.text)
        }
    }
}
