/// Two concepts of one scheme do not share a preferred label in one language.
struct DuplicatePreferredLabelCheck: VocabularyCheck {
    let rule: RuleID = "duplicate-preferred-label"
    let severity = Severity.error
    let summary = "two concepts of one scheme do not share a prefLabel in one language"

    private struct Slot: Hashable {
        let scheme: Int
        let language: String
        let text: String
    }

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        var owners: [Slot: ConceptKey] = [:]
        owners.reserveCapacity(set.count * 2)
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            let labels = set[key].labels
            for index in labels.indices where labels[index].kind == .preferred {
                let slot = Slot(scheme: scheme, language: labels[index].language, text: labels[index].text)
                if let first = owners[slot], first != key {
                    diagnostics.append(
                        diagnostic(
                            "prefLabel '\(slot.text)' in '\(slot.language)' is also the prefLabel of '\(set[first].id)'",
                            concept: key, in: set, at: labels[index].position))
                } else {
                    owners[slot] = key
                }
            }
        }
        return diagnostics
    }
}
