/// A deprecated or hidden label (or one of its forms) is not also a preferred or alternative
/// label of another concept of the folder: the linter would forbid a term that is also allowed.
struct OutdatedLabelIsAllowedCheck: VocabularyCheck {
    let rule = "outdated-label-is-allowed"
    let severity = Severity.error
    let summary = "a deprecated or hidden label is not a preferred or alternative label anywhere in the folder"

    private struct AllowedForm {
        let key: ConceptKey
        let label: Label
        let form: String
    }

    func check(_ set: VocabularySet) -> [Diagnostic] {
        var allowed: [String: [AllowedForm]] = [:]
        for key in set.keys {
            for label in set[key].labels where label.kind.isAllowed {
                for form in label.allForms {
                    allowed["\(label.language)\u{0}\(form.lowercased())", default: []].append(AllowedForm(key: key, label: label, form: form))
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        for key in set.keys {
            for label in set[key].labels where !label.kind.isAllowed {
                let owner = label.allForms.lazy.compactMap { form in
                    allowed["\(label.language)\u{0}\(form.lowercased())"]?.first { candidate in
                        candidate.key != key
                            && LabelComparison.clash(form, label.isCaseSensitive, candidate.form, candidate.label.isCaseSensitive)
                    }
                }.first
                guard let owner else { continue }
                diagnostics.append(
                    diagnostic(
                        "\(label.kind.rawValue) '\(label.text)' is also a \(owner.label.kind.rawValue) ('\(owner.form)') of '\(set[owner.key].id)': the linter would forbid an allowed term",
                        concept: key, in: set, at: label.location))
            }
        }
        return diagnostics
    }
}
