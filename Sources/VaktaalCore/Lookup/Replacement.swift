/// Which form a label's text, plural or other form is; the replacement takes the same form.
public enum FormRole: Sendable, Hashable {
    /// The label text itself.
    case base
    /// The n-th plural.
    case plural(Int)
    /// The n-th other form.
    case other(Int)

    /// The role of `form` in `label`.
    public init(of form: String, in label: Label) {
        if form == label.text {
            self = .base
        } else if let index = label.plurals.firstIndex(of: form) {
            self = .plural(index)
        } else if let index = label.forms.firstIndex(of: form) {
            self = .other(index)
        } else {
            self = .base
        }
    }

    /// The same form of `label`: its plural for a plural (the first when it has fewer),
    /// its other form at the same place, else its text.
    public func form(of label: Label) -> String {
        switch self {
        case .base: label.text
        case .plural(let index): label.plurals.isEmpty ? label.text : label.plurals[min(index, label.plurals.count - 1)]
        case .other(let index): index < label.forms.count ? label.forms[index] : label.text
        }
    }
}

extension VocabularySet {
    /// What to write instead of an outdated form, in the same language and grammatical
    /// form: the preferred label of the concept for a deprecated or hidden label, the
    /// replacing concept's preferred label for a deprecated concept; `nil` when the form
    /// is allowed or there is nothing to offer.
    public func replacement(for entry: IndexEntry) -> String? {
        guard let labelIndex = entry.labelIndex else { return nil }
        let concept = self[entry.concept]
        let label = concept.labels[labelIndex]
        let role = FormRole(of: entry.form, in: label)
        if concept.isDeprecated {
            guard let replacement = replacement(of: entry.concept),
                let preferred = self[replacement].preferredLabel(in: label.language)
            else { return nil }
            return role.form(of: preferred)
        }
        guard !label.kind.isAllowed, let preferred = concept.preferredLabel(in: label.language) else { return nil }
        return role.form(of: preferred)
    }
}
