/// Two concepts do not share a preferred or alternative label in one language, ignoring
/// case (qSKOS "overlapping labels"). Identical prefLabels in one scheme are already an error.
struct OverlappingLabelsCheck: LabelFormCheck {
    let rule: RuleID = "overlapping-labels"
    let severity = Severity.warning
    let summary = "two concepts do not share a label in one language, ignoring case"

    /// A language and a case fold: where texts whose fold shares its hash with another's go.
    private struct Slot: Hashable {
        let language: String
        let folded: String
    }

    /// The concept and the label that first had a fold: its text is read again only when
    /// another label's fold has the same hash.
    private struct Owner {
        let key: ConceptKey
        let label: Int32
    }

    func check(_ set: VocabularySet, forms: LabelForms) -> [Finding] {
        // Labels are looked up by the hash of their case fold mixed with their language's; a
        // label whose slot holds another fold goes to a table of folds.
        var owners: [UInt64: Owner] = [:]
        owners.reserveCapacity(set.count * 3)
        var collided: [Slot: Owner] = [:]
        var diagnostics: [Finding] = []
        for form in forms.forms where form.ordinal == 0 && form.kind.isAllowed && !form.isEmpty {
            let key = form.key
            let slot = form.fold ^ form.language &* 0x9E37_79B9_7F4A_7C15
            guard let first = owners[slot] else {
                owners[slot] = Owner(key: key, label: form.label)
                continue
            }
            let label = set[key].labels[Int(form.label)]
            let candidate: Owner
            let earlier = set[first.key].labels[Int(first.label)]
            if earlier.language == label.language, LabelComparison.clash(earlier.text, false, label.text, false) {
                candidate = first
            } else {
                let folded = Slot(language: label.language, folded: label.text.lowercased())
                guard let owner = collided[folded] else {
                    collided[folded] = Owner(key: key, label: form.label)
                    continue
                }
                candidate = owner
            }
            let owner = set[candidate.key].labels[Int(candidate.label)]
            let sameScheme = set.schemeIndex(of: candidate.key) == set.schemeIndex(of: key)
            let alreadyAnError = sameScheme && owner.kind == .preferred && label.kind == .preferred && owner.text == label.text
            guard candidate.key != key, !alreadyAnError else { continue }
            diagnostics.append(
                diagnostic(
                    "label '\(label.text)' in '\(label.language)' is also a label of '\(set[candidate.key].id)'",
                    concept: key, in: set, at: label.position))
        }
        return diagnostics
    }
}
