/// Every concept has a preferred label (qSKOS "missing labels").
struct MissingPreferredLabelCheck: VocabularyCheck {
    let rule: RuleID = "missing-preferred-label"
    let severity = Severity.warning
    let summary = "every concept has a prefLabel"

    func check(_ set: VocabularySet) -> [Finding] {
        set.keys.compactMap { key in
            guard !set[key].labels.contains(where: { $0.kind == .preferred }) else { return nil }
            return diagnostic("'\(set[key].id)' has no prefLabel", concept: key, in: set)
        }
    }
}
