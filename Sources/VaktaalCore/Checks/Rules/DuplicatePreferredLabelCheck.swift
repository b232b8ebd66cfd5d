/// Two concepts of one scheme do not share a preferred label in one language.
struct DuplicatePreferredLabelCheck: FocusableCheck {
    let rule: RuleID = "duplicate-preferred-label"
    let severity = Severity.error
    let summary = "two concepts of one scheme do not share a prefLabel in one language"

    private struct Slot: Hashable {
        let scheme: Int
        let language: String
        let text: String
    }

    func check(_ set: VocabularySet) -> [Finding] { findings(in: set, among: nil) }

    /// Only the preferred labels with a text of the focus's labels: all that share a slot
    /// with one of them have that text too.
    func check(_ set: VocabularySet, focus: CheckFocus) -> [Finding] { findings(in: set, among: focus.labelTexts) }

    /// The findings about preferred labels with one of `texts` (all when `nil`).
    private func findings(in set: VocabularySet, among texts: Set<String>?) -> [Finding] {
        var diagnostics: [Finding] = []
        var owners: [Slot: ConceptKey] = [:]
        if texts == nil { owners.reserveCapacity(set.count * 2) }
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            let labels = set[key].labels
            for index in labels.indices where labels[index].kind == .preferred {
                if let texts, !texts.contains(labels[index].text) { continue }
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
