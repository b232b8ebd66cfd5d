/// Two concepts do not share a preferred or alternative label in one language, ignoring
/// case (qSKOS "overlapping labels"). Identical prefLabels in one scheme are already an error.
struct OverlappingLabelsCheck: VocabularyCheck {
    let rule: RuleID = "overlapping-labels"
    let severity = Severity.warning
    let summary = "two concepts do not share a label in one language, ignoring case"

    private struct Slot: Hashable {
        let language: String
        let folded: String
    }

    private struct Owner {
        let key: ConceptKey
        let kind: LabelKind
        let text: String
    }

    func check(_ set: VocabularySet) -> [Finding] {
        var owners: [Slot: Owner] = [:]
        owners.reserveCapacity(set.count * 3)
        var diagnostics: [Finding] = []
        for key in set.keys {
            for label in set[key].labels where label.kind.isAllowed && !label.text.isEmpty {
                let slot = Slot(language: label.language, folded: label.text.lowercased())
                guard let first = owners[slot] else {
                    owners[slot] = Owner(key: key, kind: label.kind, text: label.text)
                    continue
                }
                let sameScheme = set.schemeIndex(of: first.key) == set.schemeIndex(of: key)
                let alreadyAnError =
                    sameScheme && first.kind == .preferred && label.kind == .preferred && first.text == label.text
                guard first.key != key, !alreadyAnError else { continue }
                diagnostics.append(
                    diagnostic(
                        "label '\(label.text)' in '\(label.language)' is also a label of '\(set[first.key].id)'",
                        concept: key, in: set, at: label.position))
            }
        }
        return diagnostics
    }
}
