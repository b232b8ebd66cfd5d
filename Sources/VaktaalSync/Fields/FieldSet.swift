import VaktaalCore

/// A concept or a scheme taken apart into its fields: the values of the single-valued
/// fields and the members of the set-valued ones. Fields without a value (and empty sets)
/// are left out, so two equal contents give equal field sets.
struct FieldSet: Equatable, Sendable {
    /// Single-valued fields.
    var values: [SyncField: SyncValue] = [:]
    /// Set-valued fields, never empty.
    var sets: [SyncField: Set<SetMember>] = [:]

    /// Every field with a value.
    var fields: Set<SyncField> { Set(values.keys).union(sets.keys) }

    /// The members of a set-valued field (empty when it has none).
    func members(_ field: SyncField) -> Set<SetMember> { sets[field] ?? [] }

    /// Sets a set-valued field, leaving it out when empty.
    mutating func setMembers(_ members: Set<SetMember>, for field: SyncField) {
        sets[field] = members.isEmpty ? nil : members
    }

    /// Copies one field's value (or its absence) from `other`.
    mutating func copy(_ field: SyncField, from other: FieldSet) {
        if field.isSet {
            setMembers(other.members(field), for: field)
        } else {
            values[field] = other.values[field]
        }
    }
}

// MARK: - Concepts

extension FieldSet {
    /// The fields of a concept.
    init(_ concept: ConceptContent) {
        values[.id] = .text(concept.id)
        if concept.isTopConcept { values[.top] = .flag(true) }
        if concept.isDeprecated { values[.deprecated] = .flag(true) }
        if let replacedBy = concept.replacedBy { values[.replacedBy] = .text(replacedBy) }
        if let modified = concept.modified { values[.modified] = .text(modified) }
        var previous: (language: String, text: String, occurrence: Int)?
        for label in concept.labels {
            var occurrence = 0
            if let previous, previous.language == label.language, previous.text == label.text {
                occurrence = previous.occurrence + 1
            }
            values[.label(language: label.language, text: label.text, occurrence: occurrence)] = .label(label)
            previous = (label.language, label.text, occurrence)
        }
        var notes: [SyncField: [NoteContent]] = [:]
        for note in concept.notes { notes[.note(note.kind, language: note.language), default: []].append(note) }
        for (field, group) in notes { values[field] = .notes(group) }
        setMembers(Set(concept.broader.map(SetMember.text)), for: .relation(.broader))
        setMembers(Set(concept.narrower.map(SetMember.text)), for: .relation(.narrower))
        setMembers(Set(concept.related.map(SetMember.text)), for: .relation(.related))
        setMembers(Set(concept.mappings.map(SetMember.mapping)), for: .mappings)
        setMembers(Set(concept.notations.map(SetMember.text)), for: .notations)
        setMembers(Set(concept.extensions.map(SetMember.element)), for: .extensions)
        for attribute in concept.extensionAttributes {
            values[.extensionAttribute(namespace: attribute.namespaceURI, name: attribute.localName)] = .attribute(attribute)
        }
    }

    /// The concept these fields describe, with `uri` as its URI.
    func concept(uri: String) -> ConceptContent {
        var labels: [LabelContent] = []
        var notes: [NoteContent] = []
        var attributes = Set<ExtensionAttribute>()
        for value in values.values {
            switch value {
            case .label(let label): labels.append(label)
            case .notes(let group): notes += group
            case .attribute(let attribute): attributes.insert(attribute)
            default: break
            }
        }
        return ConceptContent(
            uri: uri, id: text(.id) ?? "", isTopConcept: values[.top] == .flag(true),
            isDeprecated: values[.deprecated] == .flag(true), replacedBy: text(.replacedBy), modified: text(.modified),
            labels: labels, notes: notes, broader: texts(.relation(.broader)), narrower: texts(.relation(.narrower)),
            related: texts(.relation(.related)), mappings: Set(members(.mappings).compactMap(\.mapping)),
            notations: texts(.notations), extensions: Set(members(.extensions).compactMap(\.element)),
            extensionAttributes: attributes)
    }

    private func text(_ field: SyncField) -> String? {
        if case .text(let text) = values[field] { return text }
        return nil
    }

    private func texts(_ field: SyncField) -> Set<String> { Set(members(field).compactMap(\.text)) }
}

// MARK: - Schemes

extension FieldSet {
    /// The fields of a scheme (its id is its identity and is not a field).
    init(_ scheme: SchemeContent) {
        values[.schemeURI] = .text(scheme.uri)
        if let conceptScheme = scheme.schemeURI { values[.conceptScheme] = .text(conceptScheme) }
        values[.format] = .text(scheme.format)
        if let version = scheme.version { values[.version] = .text(version) }
        if let modified = scheme.modified { values[.modified] = .text(modified) }
        if let language = scheme.defaultLanguage { values[.language] = .text(language) }
        var metadata: [SyncField: [MetadataContent]] = [:]
        for entry in scheme.metadata { metadata[.metadata(entry.kind, language: entry.language), default: []].append(entry) }
        for (field, group) in metadata { values[field] = .metadata(group.sorted()) }
        setMembers(Set(scheme.extensions.map(SetMember.element)), for: .extensions)
        for attribute in scheme.extensionAttributes {
            values[.extensionAttribute(namespace: attribute.namespaceURI, name: attribute.localName)] = .attribute(attribute)
        }
    }

    /// The scheme these fields describe, with `id` as its id.
    func scheme(id: String) -> SchemeContent {
        var metadata = Set<MetadataContent>()
        var attributes = Set<ExtensionAttribute>()
        for value in values.values {
            switch value {
            case .metadata(let entries): metadata.formUnion(entries)
            case .attribute(let attribute): attributes.insert(attribute)
            default: break
            }
        }
        return SchemeContent(
            id: id, uri: text(.schemeURI) ?? "", schemeURI: text(.conceptScheme), format: text(.format) ?? "1",
            version: text(.version),
            modified: text(.modified), defaultLanguage: text(.language), metadata: metadata,
            extensions: Set(members(.extensions).compactMap(\.element)), extensionAttributes: attributes)
    }
}

extension SetMember {
    /// The text of a `.text` member.
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The mapping of a `.mapping` member.
    var mapping: MappingContent? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    /// The element of an `.element` member.
    var element: ExtensionElement? {
        if case .element(let element) = self { return element }
        return nil
    }
}

extension FieldSet {
    /// The value of any field for a report: a set-valued field's members as `.members`.
    func reportValue(_ field: SyncField) -> SyncValue? {
        field.isSet ? sets[field].map { .members($0.sorted()) } : values[field]
    }
}
