/// A deprecated or hidden label (or one of its forms) is not also a preferred or alternative
/// label of another concept of the folder: the linter would forbid a term that is also allowed.
struct OutdatedLabelIsAllowedCheck: VocabularyCheck {
    let rule: RuleID = "outdated-label-is-allowed"
    let severity = Severity.error
    let summary = "a deprecated or hidden label is not a preferred or alternative label anywhere in the folder"

    private struct OutdatedForm {
        let key: ConceptKey
        let label: Int
        let form: String
        let isCaseSensitive: Bool
    }

    func check(_ set: VocabularySet) -> [Finding] {
        // Outdated labels are few: index them, then look every allowed form up once.
        var outdated: [LabelSlot: [OutdatedForm]] = [:]
        for key in set.keys {
            let labels = set[key].labels
            for index in labels.indices where !labels[index].kind.isAllowed {
                labels[index].forEachForm { form in
                    outdated[LabelSlot(labels[index].language, form), default: []].append(
                        OutdatedForm(key: key, label: index, form: form, isCaseSensitive: labels[index].isCaseSensitive))
                }
            }
        }
        guard !outdated.isEmpty else { return [] }
        var clashes: [ConceptKey: [Int: (owner: ConceptKey, kind: LabelKind, form: String)]] = [:]
        for key in set.keys {
            let labels = set[key].labels
            for index in labels.indices where labels[index].kind.isAllowed {
                labels[index].forEachForm { form in
                    for candidate in outdated[LabelSlot(labels[index].language, form)] ?? []
                    where candidate.key != key
                        && clashes[candidate.key]?[candidate.label] == nil
                        && LabelComparison.clash(form, labels[index].isCaseSensitive, candidate.form, candidate.isCaseSensitive)
                    {
                        clashes[candidate.key, default: [:]][candidate.label] = (key, labels[index].kind, form)
                    }
                }
            }
        }
        return clashes.flatMap { key, byLabel in
            byLabel.map { index, owner in
                let label = set[key].labels[index]
                return diagnostic(
                    "\(label.kind.rawValue) '\(label.text)' is also a \(owner.kind.rawValue) ('\(owner.form)') of "
                        + "'\(set[owner.owner].id)': the linter would forbid an allowed term",
                    concept: key, in: set, at: label.position)
            }
        }
    }
}

/// A label form in one language, case folded: where labels that the linter would confuse meet.
struct LabelSlot: Hashable {
    let language: String
    let folded: String

    init(_ language: String, _ form: String) {
        self.language = language
        folded = form.lowercased()
    }
}
