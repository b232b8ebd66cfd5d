import VaktaalCore

/// How one field changed: its old and new value, or for a set the members added and removed.
///
/// JSON: `{"field": "label", "language": "nl", "text": "mentor", "old": {…}, "new": {…},
/// "attributes": ["kind"]}`, `{"field": "definition", "language": "nl", "old": [{…}], "new": [{…}]}`,
/// `{"field": "broader", "added": ["https://…"], "removed": []}`, `{"field": "deprecated",
/// "old": false, "new": true}`. A value that is absent is left out (`top` and `deprecated`
/// are always written, as booleans).
public struct FieldChange: Hashable, Sendable {
    /// The field that changed.
    public var field: SyncField
    /// The value before (single-valued fields; `nil` when there was none).
    public var old: SyncValue?
    /// The value after (single-valued fields; `nil` when there is none).
    public var new: SyncValue?
    /// Members added (set-valued fields), sorted.
    public var added: [SetMember]
    /// Members removed (set-valued fields), sorted.
    public var removed: [SetMember]

    /// A change of a single-valued field.
    public init(field: SyncField, old: SyncValue?, new: SyncValue?) {
        self.field = field
        self.old = old
        self.new = new
        added = []
        removed = []
    }

    /// A change of a set-valued field.
    public init(field: SyncField, added: [SetMember], removed: [SetMember]) {
        self.field = field
        old = nil
        new = nil
        self.added = added.sorted()
        self.removed = removed.sorted()
    }

    /// For a label that is there before and after: which of its attributes changed
    /// (`kind`, `plural`, `forms`, `caseSensitive`, `abbreviation`, `since`, `reason`,
    /// `severity`, `exceptions`, `extensionAttributes`).
    public var changedAttributes: [String] {
        guard case .label(let before) = old, case .label(let after) = new else { return [] }
        return LabelAttribute.allCases.filter { !$0.isEqual(before, after) }.map(\.rawValue)
    }

    /// The changes that turn the fields `old` into `new`, in field order.
    static func changes(from old: FieldSet, to new: FieldSet) -> [FieldChange] {
        var changes: [FieldChange] = []
        for field in old.fields.union(new.fields).sorted() {
            if field.isSet {
                let (before, after) = (old.members(field), new.members(field))
                guard before != after else { continue }
                changes.append(
                    FieldChange(
                        field: field, added: Array(after.subtracting(before)), removed: Array(before.subtracting(after))))
            } else {
                let (before, after) = (old.values[field], new.values[field])
                guard before != after else { continue }
                changes.append(FieldChange(field: field, old: before, new: after))
            }
        }
        return changes
    }
}

/// The attributes of a label that merge one by one.
enum LabelAttribute: String, CaseIterable, Sendable {
    case kind, plural, forms, caseSensitive, abbreviation, since, reason, severity, exceptions, extensionAttributes

    func isEqual(_ left: LabelContent, _ right: LabelContent) -> Bool {
        switch self {
        case .kind: left.kind == right.kind
        case .plural: left.plurals == right.plurals
        case .forms: left.forms == right.forms
        case .caseSensitive: left.isCaseSensitive == right.isCaseSensitive
        case .abbreviation: left.isAbbreviation == right.isAbbreviation
        case .since: left.since == right.since
        case .reason: left.reason == right.reason
        case .severity: left.severity == right.severity
        case .exceptions: left.exceptions == right.exceptions
        case .extensionAttributes: left.extensionAttributes == right.extensionAttributes
        }
    }

    /// `label` with this attribute taken from `source`.
    func copy(from source: LabelContent, into label: LabelContent) -> LabelContent {
        LabelContent(
            kind: self == .kind ? source.kind : label.kind, text: label.text, language: label.language,
            plurals: self == .plural ? source.plurals : label.plurals, forms: self == .forms ? source.forms : label.forms,
            isCaseSensitive: self == .caseSensitive ? source.isCaseSensitive : label.isCaseSensitive,
            isAbbreviation: self == .abbreviation ? source.isAbbreviation : label.isAbbreviation,
            since: self == .since ? source.since : label.since, reason: self == .reason ? source.reason : label.reason,
            severity: self == .severity ? source.severity : label.severity,
            exceptions: self == .exceptions ? source.exceptions : label.exceptions,
            extensionAttributes: self == .extensionAttributes ? source.extensionAttributes : label.extensionAttributes)
    }
}

// MARK: - JSON

extension FieldChange: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SyncCodingKeys.self)
        field = try SyncField(from: container)
        if field.isSet {
            old = nil
            new = nil
            added = try SetMember.decode(field, from: container, forKey: .added)
            removed = try SetMember.decode(field, from: container, forKey: .removed)
        } else {
            old = try SyncValue.decode(field, from: container, forKey: .old)
            new = try SyncValue.decode(field, from: container, forKey: .new)
            added = []
            removed = []
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SyncCodingKeys.self)
        try field.encode(to: &container)
        if field.isSet {
            var addedList = container.nestedUnkeyedContainer(forKey: .added)
            for member in added { try member.encode(to: &addedList) }
            var removedList = container.nestedUnkeyedContainer(forKey: .removed)
            for member in removed { try member.encode(to: &removedList) }
        } else if field == .top || field == .deprecated {
            try container.encode(old == .flag(true), forKey: .old)
            try container.encode(new == .flag(true), forKey: .new)
        } else {
            try old?.encode(to: &container, forKey: .old)
            try new?.encode(to: &container, forKey: .new)
            let attributes = changedAttributes
            if !attributes.isEmpty { try container.encode(attributes, forKey: .attributes) }
        }
    }
}
