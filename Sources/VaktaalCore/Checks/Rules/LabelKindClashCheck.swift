/// A label text is not of two kinds in one concept (SKOS S13: preferred, alternative and
/// hidden labels are disjoint; deprecated labels join them here).
struct LabelKindClashCheck: ConceptCheck {
    let rule: RuleID = "label-kind-clash"
    let severity = Severity.error
    let summary = "a label text is not both preferred and alternative, hidden or deprecated in one concept (SKOS S13)"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        let labels = set[key].labels
        // Read in place, by index: a copy of each label would retain all its strings.
        for offset in labels.indices {
            let kind = labels[offset].kind
            guard
                let earlier = labels[..<offset].first(where: { other in
                    other.kind != kind && other.language == labels[offset].language
                        && LabelComparison.clash(
                            other.text, other.isCaseSensitive, labels[offset].text, labels[offset].isCaseSensitive)
                })
            else { continue }
            let label = labels[offset]
            findings.append(
                diagnostic(
                    "'\(label.text)' is both \(Self.named(earlier.kind)) and \(Self.named(label.kind)) in '\(label.language)'",
                    concept: key, in: set, at: label.position))
        }
    }

    /// A label kind with its article: "a prefLabel", "an altLabel".
    static func named(_ kind: LabelKind) -> String {
        (kind.rawValue.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + kind.rawValue
    }
}
