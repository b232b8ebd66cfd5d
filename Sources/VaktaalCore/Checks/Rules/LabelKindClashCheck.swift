/// A label text is not of two kinds in one concept (SKOS S13: preferred, alternative and
/// hidden labels are disjoint; deprecated labels join them here).
struct LabelKindClashCheck: ConceptCheck {
    let rule: RuleID = "label-kind-clash"
    let severity = Severity.error
    let summary = "a label text is not both preferred and alternative, hidden or deprecated in one concept (SKOS S13)"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        let labels = set[key].labels
        for (offset, label) in labels.enumerated() {
            guard
                let earlier = labels[..<offset].first(where: { other in
                    other.kind != label.kind && other.language == label.language
                        && LabelComparison.clash(other.text, other.isCaseSensitive, label.text, label.isCaseSensitive)
                })
            else { continue }
            findings.append(
                diagnostic(
                    "'\(label.text)' is both a \(earlier.kind.rawValue) and a \(label.kind.rawValue) in '\(label.language)'",
                    concept: key, in: set, at: label.position))
        }
    }
}
