/// `replacedBy` belongs on deprecated concepts; on a concept in use it means nothing.
struct ReplacementOnActiveConceptCheck: VocabularyCheck {
    let rule: RuleID = "replacement-on-active-concept"
    let severity = Severity.warning
    let summary = "only deprecated concepts name a replacement"

    func check(_ set: VocabularySet) -> [Finding] {
        set.keys.compactMap { key in
            let concept = set[key]
            guard !concept.isDeprecated, let replacement = concept.replacedBy else { return nil }
            return diagnostic(
                "'\(concept.id)' names replacedBy '\(replacement)' but is not deprecated=\"true\"", concept: key, in: set)
        }
    }
}
