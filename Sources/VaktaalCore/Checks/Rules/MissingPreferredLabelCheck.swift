/// Every concept has a preferred label (qSKOS "missing labels").
struct MissingPreferredLabelCheck: ConceptCheck {
    let rule: RuleID = "missing-preferred-label"
    let severity = Severity.warning
    let summary = "every concept has a prefLabel"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        guard !set[key].labels.contains(where: { $0.kind == .preferred }) else { return }
        findings.append(diagnostic("'\(set[key].id)' has no prefLabel", concept: key, in: set))
    }
}
