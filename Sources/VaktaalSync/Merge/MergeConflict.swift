import VaktaalCore

/// One of the two versions merged into a common base.
public enum MergeSide: String, Hashable, Sendable, Codable, CaseIterable {
    /// Our version (the local file; `%A` for git).
    case ours
    /// Their version (the incoming one; `%B` for git).
    case theirs
}

/// A change that one side made to one field of a concept, named in a conflict.
public struct MergeEdit: Hashable, Sendable {
    /// Who made it.
    public var side: MergeSide
    /// The concept's URI.
    public var concept: String
    /// The field.
    public var field: SyncField

    /// An edit.
    public init(side: MergeSide, concept: String, field: SyncField) {
        self.side = side
        self.concept = concept
        self.field = field
    }
}

/// Something the two sides changed in ways that do not go together. The merged result
/// keeps one value (ours unless `--prefer theirs`), and the conflict records the others,
/// so nothing is lost.
///
/// JSON: `{"kind": "field", "scheme": "…", "concept": "https://…", "id": "…", "name": "…",
/// "field": "label", "language": "nl", "text": "mentor", "attribute": "kind", "base": {…},
/// "ours": {…}, "theirs": {…}, "kept": "ours"}`; a check conflict adds `"rule"`, `"message"`
/// and `"edits"` (`[{"side": "ours", "concept": "…", "field": "broader"}]`). Absent values
/// (a deleted concept, a label one side removed) are left out.
public struct MergeConflict: Hashable, Sendable {
    /// The kinds of conflict.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Both sides changed one field (or one attribute of a label) differently.
        case field
        /// One side deleted a concept (or scheme) that the other changed.
        case deleted
        /// Each side's change is fine alone, but together they break a rule of `vaktaal check`.
        case check
    }

    /// Which kind.
    public var kind: Kind
    /// The scheme concerned.
    public var scheme: String
    /// The concept's URI (absent for a conflict about the scheme itself).
    public var concept: String?
    /// The concept's id.
    public var id: String?
    /// The concept's preferred label, for people.
    public var name: String?
    /// The field in conflict (`concept` or `scheme` when a whole one was deleted).
    public var field: SyncField
    /// The label attribute both sides changed (`kind`, `plural`, …), for label fields.
    public var attribute: String?
    /// The value in the common base.
    public var base: SyncValue?
    /// Our value.
    public var ours: SyncValue?
    /// Their value.
    public var theirs: SyncValue?
    /// Whose value the merged result has.
    public var kept: MergeSide
    /// For a check conflict: the rule the two edits together broke.
    public var rule: RuleID?
    /// For a check conflict: what `vaktaal check` said.
    public var message: String?
    /// For a check conflict: the edits of both sides that led to it.
    public var edits: [MergeEdit]

    /// A conflict.
    public init(
        kind: Kind, scheme: String, concept: String? = nil, id: String? = nil, name: String? = nil, field: SyncField,
        attribute: String? = nil, base: SyncValue?, ours: SyncValue?, theirs: SyncValue?, kept: MergeSide,
        rule: RuleID? = nil, message: String? = nil, edits: [MergeEdit] = []
    ) {
        self.kind = kind
        self.scheme = scheme
        self.concept = concept
        self.id = id
        self.name = name
        self.field = field
        self.attribute = attribute
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.kept = kept
        self.rule = rule
        self.message = message
        self.edits = edits
    }

    /// The value the result has.
    public var keptValue: SyncValue? { kept == .ours ? ours : theirs }
}

// MARK: - JSON

extension MergeEdit: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SyncCodingKeys.self)
        side = try container.decode(MergeSide.self, forKey: .side)
        concept = try container.decode(String.self, forKey: .concept)
        field = try SyncField(from: container)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SyncCodingKeys.self)
        try container.encode(side, forKey: .side)
        try container.encode(concept, forKey: .concept)
        try field.encode(to: &container)
    }
}

extension MergeConflict: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SyncCodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        scheme = try container.decode(String.self, forKey: .scheme)
        concept = try container.decodeIfPresent(String.self, forKey: .concept)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        field = try SyncField(from: container)
        attribute = try container.decodeIfPresent(String.self, forKey: .attribute)
        base = try SyncValue.decode(field, from: container, forKey: .base)
        ours = try SyncValue.decode(field, from: container, forKey: .ours)
        theirs = try SyncValue.decode(field, from: container, forKey: .theirs)
        kept = try container.decode(MergeSide.self, forKey: .kept)
        rule = try container.decodeIfPresent(RuleID.self, forKey: .rule)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        edits = try container.decodeIfPresent([MergeEdit].self, forKey: .edits) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SyncCodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(scheme, forKey: .scheme)
        try container.encodeIfPresent(concept, forKey: .concept)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(name, forKey: .name)
        try field.encode(to: &container)
        try container.encodeIfPresent(attribute, forKey: .attribute)
        try base?.encode(to: &container, forKey: .base)
        try ours?.encode(to: &container, forKey: .ours)
        try theirs?.encode(to: &container, forKey: .theirs)
        try container.encode(kept, forKey: .kept)
        try container.encodeIfPresent(rule, forKey: .rule)
        try container.encodeIfPresent(message, forKey: .message)
        if !edits.isEmpty { try container.encode(edits, forKey: .edits) }
    }
}
