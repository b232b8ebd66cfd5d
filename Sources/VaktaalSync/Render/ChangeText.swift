import VaktaalCore

/// One change of a field in words, shared by the text and Markdown renderings: the field's
/// title and what happened to it. URIs of concepts of the same scheme are shown as ids.
struct ChangeText {
    /// The URI concept ids are appended to in this scheme (shown without it).
    let schemeURI: String
    /// Turns a text value into its quoted form (plain quotes, or Markdown code).
    let quote: (String) -> String

    /// `label nl 'mentor'`, `definition nl`, `broader`.
    func title(_ field: SyncField) -> String {
        switch field {
        case .label(let language, let text, let occurrence):
            "label \(language.isEmpty ? "" : language + " ")\(quote(text))" + (occurrence > 0 ? " (\(occurrence + 1))" : "")
        default:
            field.title
        }
    }

    /// What happened to the field: `altLabel → deprecatedLabel`, `added: altLabel, abbreviation`, `+ begeleider, − coach`.
    func body(_ change: FieldChange) -> String {
        if change.field.isSet {
            let added = change.added.map { "+ " + member($0) }
            let removed = change.removed.map { "− " + member($0) }
            return (added + removed).joined(separator: ", ")
        }
        switch (change.old, change.new) {
        case (nil, let new?):
            return change.field == .top || change.field == .deprecated ? "false → true" : "added: " + value(new, change.field)
        case (let old?, nil):
            return change.field == .top || change.field == .deprecated
                ? "true → false" : "removed (was " + value(old, change.field) + ")"
        case (.label(let old), .label(let new)):
            return labelChange(old, new)
        case (let old?, let new?):
            return value(old, change.field) + " → " + value(new, change.field)
        case (nil, nil):
            return "changed"
        }
    }

    /// A label whose kind or attributes changed: `altLabel → deprecatedLabel; since: none → 2025-09-01`.
    private func labelChange(_ old: LabelContent, _ new: LabelContent) -> String {
        var parts: [String] = []
        if old.kind != new.kind { parts.append("\(old.kind.rawValue) → \(new.kind.rawValue)") }
        for attribute in LabelAttribute.allCases where attribute != .kind && !attribute.isEqual(old, new) {
            parts.append("\(attribute.rawValue): \(labelAttributeValue(attribute, old)) → \(labelAttributeValue(attribute, new))")
        }
        return parts.joined(separator: "; ")
    }

    /// One attribute of a label in words.
    func labelAttributeValue(_ attribute: LabelAttribute, _ label: LabelContent) -> String {
        func list(_ values: [String]) -> String { values.isEmpty ? "none" : quote(values.joined(separator: "; ")) }
        return switch attribute {
        case .kind: label.kind.rawValue
        case .plural: list(label.plurals)
        case .forms: list(label.forms)
        case .caseSensitive: String(label.isCaseSensitive)
        case .abbreviation: String(label.isAbbreviation)
        case .since: label.since ?? "none"
        case .reason: label.reason.map(quote) ?? "none"
        case .severity: label.severity?.rawValue ?? "none"
        case .exceptions: list(label.exceptions)
        case .extensionAttributes:
            label.extensionAttributes.isEmpty
                ? "none"
                : label.extensionAttributes.sortedForOutput.map { "\($0.localName)=\(quote($0.value))" }.joined(separator: " ")
        }
    }

    /// A value in words.
    func value(_ value: SyncValue, _ field: SyncField) -> String {
        switch value {
        case .text(let text): field == .replacedBy ? shortened(text) : quote(text)
        case .notes(let notes): notes.map { quote($0.text) + ($0.date.map { " (\($0))" } ?? "") }.joined(separator: ", ")
        case .metadata(let entries): entries.map { quote($0.text) }.joined(separator: ", ")
        case .attribute(let attribute): quote(attribute.value)
        case .members(let members): members.isEmpty ? "none" : members.map(member).joined(separator: ", ")
        case .label(let label): label.summary
        case .flag, .concept, .scheme: value.summary
        }
    }

    /// A member of a set in words, concepts of the scheme by id.
    func member(_ member: SetMember) -> String {
        switch member {
        case .text(let text): shortened(text)
        case .mapping(let mapping): "\(mapping.kind.rawValue) \(shortened(mapping.target))"
        case .element: member.summary
        }
    }

    /// A URI of this scheme's concepts as the id.
    func shortened(_ uri: String) -> String {
        guard !schemeURI.isEmpty, uri.hasPrefix(schemeURI), uri.count > schemeURI.count else { return uri }
        return String(uri.dropFirst(schemeURI.count))
    }

    /// The scheme URI of a concept: its URI without its id.
    static func schemeURI(of uri: String, id: String) -> String {
        uri.hasSuffix(id) ? String(uri.dropLast(id.count)) : ""
    }
}
