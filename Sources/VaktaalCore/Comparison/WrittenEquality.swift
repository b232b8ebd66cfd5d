/// Equality of what is written, apart from where it stands: the quick test diff and merge
/// use before building contents. Two concepts written alike say the same when their
/// references resolve alike; concepts that are not written alike may still say the same
/// (labels in another order, a language declared or inherited), which only contents tell.

extension Label {
    /// Whether two labels are the same apart from their positions and whether their language
    /// was declared or inherited (the language that applies must be the same).
    public func isWrittenAlike(_ other: Label) -> Bool {
        if storage === other.storage { return true }
        let (a, b) = (storage.fields, other.storage.fields)
        return a.kind == b.kind && a.text == b.text && a.language == b.language && a.plurals == b.plurals
            && a.forms == b.forms && a.isCaseSensitive == b.isCaseSensitive && a.isAbbreviation == b.isAbbreviation
            && a.rare == b.rare
    }
}

extension Note {
    /// Whether two notes are the same apart from their positions and how their language was declared.
    public func isWrittenAlike(_ other: Note) -> Bool {
        kind == other.kind && text == other.text && language == other.language && date == other.date
            && extensionAttributes == other.extensionAttributes
    }
}

extension Concept {
    /// Whether two concepts are written alike: the same fields in the same order, apart from
    /// positions, comments and how languages were declared; references compared as written.
    public func isWrittenAlike(_ other: Concept) -> Bool {
        if storage === other.storage { return true }
        let (a, b) = (storage.fields, other.storage.fields)
        guard a.id == b.id, a.isTopConcept == b.isTopConcept, a.isDeprecated == b.isDeprecated, a.replacedBy == b.replacedBy,
            a.modified == b.modified, a.notations == b.notations, a.extensions == b.extensions,
            a.extensionAttributes == b.extensionAttributes, a.labels.count == b.labels.count, a.notes.count == b.notes.count,
            a.relations.count == b.relations.count, a.mappings.count == b.mappings.count
        else { return false }
        for index in a.labels.indices where !a.labels[index].isWrittenAlike(b.labels[index]) { return false }
        for index in a.notes.indices where !a.notes[index].isWrittenAlike(b.notes[index]) { return false }
        for index in a.relations.indices {
            let (left, right) = (a.relations[index], b.relations[index])
            guard left.kind == right.kind, left.reference == right.reference,
                left.extensionAttributes == right.extensionAttributes
            else { return false }
        }
        for index in a.mappings.indices {
            let (left, right) = (a.mappings[index], b.mappings[index])
            guard left.kind == right.kind, left.target == right.target, left.extensionAttributes == right.extensionAttributes
            else { return false }
        }
        return true
    }
}
