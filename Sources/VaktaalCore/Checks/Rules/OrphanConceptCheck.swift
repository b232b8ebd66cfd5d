/// Every concept has a broader, narrower or related concept (qSKOS "orphan concepts").
struct OrphanConceptCheck: VocabularyCheck {
    let rule: RuleID = "orphan-concept"
    let severity = Severity.warning
    let summary = "every concept is linked to another by broader, narrower or related"

    func check(_ set: VocabularySet) -> [Finding] {
        set.keys.compactMap { key in
            let graph = set.graph
            guard !set[key].isDeprecated, graph.broader(of: key).isEmpty, graph.narrower(of: key).isEmpty,
                graph.related(of: key).isEmpty
            else { return nil }
            return diagnostic("'\(set[key].id)' has no broader, narrower or related concept", concept: key, in: set)
        }
    }
}
