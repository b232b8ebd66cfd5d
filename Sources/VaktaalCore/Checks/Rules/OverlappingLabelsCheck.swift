/// Two concepts do not share a preferred or alternative label in one language, ignoring
/// case (qSKOS "overlapping labels"). Identical prefLabels in one scheme are already an error.
struct OverlappingLabelsCheck: VocabularyCheck {
    let rule: RuleID = "overlapping-labels"
    let severity = Severity.warning
    let summary = "two concepts do not share a label in one language, ignoring case"

    /// A language and the texts whose case fold has one hash (``FoldedForm``): nearly always one fold.
    private struct HashedSlot: Hashable {
        let language: String
        let hash: UInt64
    }

    /// A language and a case fold: where texts whose fold shares its hash with another's go.
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
        // Texts are looked up by the hash of their case fold (no lowercased copy for ASCII
        // texts); a text whose hash is held by another fold goes to a table of folds.
        var owners: [HashedSlot: Owner] = [:]
        owners.reserveCapacity(set.count * 3)
        var collided: [Slot: Owner] = [:]
        var diagnostics: [Finding] = []
        for key in set.keys {
            for label in set[key].labels where label.kind.isAllowed && !label.text.isEmpty {
                let hashed = HashedSlot(language: label.language, hash: FoldedForm.hash(of: label.text))
                let candidate: Owner
                if let first = owners[hashed] {
                    if LabelComparison.clash(first.text, false, label.text, false) {
                        candidate = first
                    } else {
                        let slot = Slot(language: label.language, folded: label.text.lowercased())
                        guard let owner = collided[slot] else {
                            collided[slot] = Owner(key: key, kind: label.kind, text: label.text)
                            continue
                        }
                        candidate = owner
                    }
                } else {
                    owners[hashed] = Owner(key: key, kind: label.kind, text: label.text)
                    continue
                }
                let sameScheme = set.schemeIndex(of: candidate.key) == set.schemeIndex(of: key)
                let alreadyAnError =
                    sameScheme && candidate.kind == .preferred && label.kind == .preferred && candidate.text == label.text
                guard candidate.key != key, !alreadyAnError else { continue }
                diagnostics.append(
                    diagnostic(
                        "label '\(label.text)' in '\(label.language)' is also a label of '\(set[candidate.key].id)'",
                        concept: key, in: set, at: label.position))
            }
        }
        return diagnostics
    }
}
