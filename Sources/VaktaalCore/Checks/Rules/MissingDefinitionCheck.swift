/// Every concept in use has a definition (qSKOS "undocumented concepts").
struct MissingDefinitionCheck: VocabularyCheck {
    let rule: RuleID = "missing-definition"
    let severity = Severity.warning
    let summary = "every concept that is not deprecated has a definition"

    func check(_ set: VocabularySet) -> [Finding] {
        set.keys.compactMap { key in
            let concept = set[key]
            guard !concept.isDeprecated, concept.notes(.definition).isEmpty else { return nil }
            return diagnostic("'\(concept.id)' has no definition", concept: key, in: set)
        }
    }
}
