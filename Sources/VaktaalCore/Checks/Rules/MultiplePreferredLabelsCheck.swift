/// At most one preferred label per language per concept (SKOS S14).
struct MultiplePreferredLabelsCheck: ConceptCheck {
    let rule: RuleID = "multiple-preferred-labels"
    let severity = Severity.error
    let summary = "a concept has at most one prefLabel per language (SKOS S14)"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        let labels = set[key].labels
        // Most concepts have one preferred label: nothing to remember for them.
        guard labels.lazy.filter({ $0.kind == .preferred }).count > 1 else { return }
        var seen: [(language: String, text: String)] = []
        for label in labels where label.kind == .preferred {
            if let first = seen.first(where: { $0.language == label.language }) {
                findings.append(
                    diagnostic(
                        "a second prefLabel in '\(label.language)': '\(label.text)' (the first is "
                            + "'\(first.text)'); make one an altLabel",
                        concept: key, in: set, at: label.position))
            } else {
                seen.append((label.language, label.text))
            }
        }
    }
}
