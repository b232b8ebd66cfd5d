import VaktaalCore

/// A field (or one attribute of a label) that both sides changed differently.
struct FieldConflict: Hashable, Sendable {
    var field: SyncField
    var attribute: String?
    var base: SyncValue?
    var ours: SyncValue?
    var theirs: SyncValue?
}

/// The three-way merge of one concept's (or scheme's) fields.
///
/// A field one side changed takes that side's value; a field both sides changed the same
/// way takes it once. Sets (relations, mappings, notations, extension elements) merge member
/// by member, so they never conflict. A label that both sides changed merges attribute by
/// attribute: one side making it outdated while the other adds a plural is no conflict,
/// one side making it outdated while the other makes it preferred is. Notes other than
/// definitions and scope notes (examples, change notes, …) and publishers, licenses and
/// creators merge as lists. The dates in `modified` take the later one. Anything else both
/// sides changed differently is a conflict, and the field keeps `winner`'s value.
enum FieldMerge {
    /// The merged fields and the conflicts.
    static func merge(base: FieldSet, ours: FieldSet, theirs: FieldSet, keep winner: MergeSide) -> (FieldSet, [FieldConflict]) {
        var result = FieldSet()
        var conflicts: [FieldConflict] = []
        for field in base.fields.union(ours.fields).union(theirs.fields).sorted() {
            if field.isSet {
                result.setMembers(
                    mergeMembers(base.members(field), ours.members(field), theirs.members(field)), for: field)
                continue
            }
            let (old, left, right) = (base.values[field], ours.values[field], theirs.values[field])
            if left == right || old == right {
                result.values[field] = left
            } else if old == left {
                result.values[field] = right
            } else {
                let (value, found) = settle(field, base: old, ours: left, theirs: right, winner: winner)
                result.values[field] = value
                conflicts += found
            }
        }
        return (result, conflicts)
    }

    /// A field both sides changed differently: merged where the field allows, else a conflict.
    private static func settle(
        _ field: SyncField, base: SyncValue?, ours: SyncValue?, theirs: SyncValue?, winner: MergeSide
    ) -> (SyncValue?, [FieldConflict]) {
        switch (field, ours, theirs) {
        case (.modified, .text(let left), .text(let right)):
            return (.text(max(left, right)), [])
        case (.label, .label(let left), .label(let right)):
            var previous: LabelContent?
            if case .label(let label) = base { previous = label }
            return mergeLabel(field, base: previous, ours: left, theirs: right, winner: winner)
        case (.note(let kind, _), _, _) where kind != .definition && kind != .scopeNote:
            return (mergeLists(base, ours, theirs), [])
        case (.metadata(let kind, _), _, _) where kind != .title && kind != .description:
            return (mergeLists(base, ours, theirs), [])
        default:
            let conflict = FieldConflict(field: field, base: base, ours: ours, theirs: theirs)
            return (winner == .ours ? ours : theirs, [conflict])
        }
    }

    /// A label both sides kept and changed: attribute by attribute.
    private static func mergeLabel(
        _ field: SyncField, base: LabelContent?, ours: LabelContent, theirs: LabelContent, winner: MergeSide
    ) -> (SyncValue?, [FieldConflict]) {
        var merged = ours
        var conflicts: [FieldConflict] = []
        for attribute in LabelAttribute.allCases where !attribute.isEqual(ours, theirs) {
            if let base, attribute.isEqual(base, ours) {
                merged = attribute.copy(from: theirs, into: merged)
            } else if let base, attribute.isEqual(base, theirs) {
                continue
            } else {
                if winner == .theirs { merged = attribute.copy(from: theirs, into: merged) }
                conflicts.append(
                    FieldConflict(
                        field: field, attribute: attribute.rawValue, base: base.map(SyncValue.label), ours: .label(ours),
                        theirs: .label(theirs)))
            }
        }
        return (.label(merged), conflicts)
    }

    /// Members of a set: each one is in the result as the side that changed it has it.
    static func mergeMembers(_ base: Set<SetMember>, _ ours: Set<SetMember>, _ theirs: Set<SetMember>) -> Set<SetMember> {
        if ours == theirs || base == theirs { return ours }
        if base == ours { return theirs }
        var result = ours.intersection(theirs)
        for member in ours.symmetricDifference(theirs) where !base.contains(member) { result.insert(member) }
        return result
    }

    /// Notes or metadata entries as lists: each entry as often as the side that changed its count has it.
    private static func mergeLists(_ base: SyncValue?, _ ours: SyncValue?, _ theirs: SyncValue?) -> SyncValue? {
        switch ours ?? theirs ?? base {
        case .notes:
            let merged = mergeCounts(notes(base), notes(ours), notes(theirs)).sorted()
            return merged.isEmpty ? nil : .notes(merged)
        case .metadata:
            let merged = mergeCounts(entries(base), entries(ours), entries(theirs)).sorted()
            return merged.isEmpty ? nil : .metadata(merged)
        default:
            return ours
        }
    }

    private static func notes(_ value: SyncValue?) -> [NoteContent] {
        if case .notes(let notes) = value { return notes }
        return []
    }

    private static func entries(_ value: SyncValue?) -> [MetadataContent] {
        if case .metadata(let entries) = value { return entries }
        return []
    }

    private static func mergeCounts<Element: Hashable>(_ base: [Element], _ ours: [Element], _ theirs: [Element]) -> [Element] {
        func counts(_ list: [Element]) -> [Element: Int] { list.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        let (old, left, right) = (counts(base), counts(ours), counts(theirs))
        var result: [Element] = []
        for element in Set(old.keys).union(left.keys).union(right.keys) {
            let (was, mine, yours) = (old[element] ?? 0, left[element] ?? 0, right[element] ?? 0)
            let count = mine == yours ? mine : was == mine ? yours : was == yours ? mine : max(mine, yours)
            result += Array(repeating: element, count: count)
        }
        return result
    }
}
