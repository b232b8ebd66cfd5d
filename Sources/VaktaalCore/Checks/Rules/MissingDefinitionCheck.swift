/// Every concept in use has a definition (qSKOS "undocumented concepts").
struct MissingDefinitionCheck: VocabularyCheck {
    let rule: RuleID = "missing-definition"
    let severity = Severity.warning
    let summary = "every concept that is not deprecated has a definition"

    func check(_ set: VocabularySet) -> [Finding] {
        set.keys.compactMap { key in
            // Read in place: copying every concept (or filtering its notes) costs more than looking.
            guard !set[key].isDeprecated, !set[key].notes.contains(where: { $0.kind == .definition }) else { return nil }
            return diagnostic("'\(set[key].id)' has no definition", concept: key, in: set)
        }
    }
}
