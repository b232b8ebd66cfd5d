/// A top concept has no broader concept (qSKOS "top concepts having broader concepts").
struct TopConceptWithBroaderCheck: VocabularyCheck {
    let rule: RuleID = "top-concept-with-broader"
    let severity = Severity.warning
    let summary = "a top concept has no broader concept"

    func check(_ set: VocabularySet) -> [Finding] {
        set.keys.compactMap { key in
            guard set[key].isTopConcept, let parent = set.graph.broader(of: key).first else { return nil }
            return diagnostic("top concept '\(set[key].id)' has the broader concept '\(set[parent].id)'", concept: key, in: set)
        }
    }
}
