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

    /// The same form of `label` when it has one: its plural for a plural (the first when it
    /// has fewer), its other form at the same place; `nil` for a plural or other form that
    /// `label` does not give (its text would be another grammatical form).
    public func sameForm(of label: Label) -> String? {
        switch self {
        case .base: label.text
        case .plural(let index): label.plurals.isEmpty ? nil : label.plurals[min(index, label.plurals.count - 1)]
        case .other(let index): index < label.forms.count ? label.forms[index] : nil
        }
    }
}

/// What to write instead of an outdated form (``VocabularySet/replacementForm(for:)``).
public struct ReplacementForm: Sendable, Hashable {
    /// The preferred label in the outdated form's grammatical form, or its text when the
    /// label does not give that form.
    public let text: String
    /// Whether ``text`` is the same grammatical form as the outdated one: only then can it
    /// replace it in a text (a fix); otherwise it only says which term to use.
    public let isSameForm: Bool
    /// Whether the preferred label is case-sensitive: written only as it is.
    public let isCaseSensitive: Bool
}

extension VocabularySet {
    /// What to write instead of an outdated form, in the same language and grammatical
    /// form: the preferred label of the concept for a deprecated or hidden label, the
    /// replacing concept's preferred label for a deprecated concept; `nil` when the form
    /// is allowed or there is nothing to offer.
    public func replacement(for entry: IndexEntry) -> String? { replacementForm(for: entry)?.text }

    /// ``replacement(for:)``, saying whether it is in the same grammatical form as the
    /// outdated one (a plural for a plural): a preferred label without that form is offered
    /// as its text, which only a reader can adapt.
    public func replacementForm(for entry: IndexEntry) -> ReplacementForm? {
        guard let labelIndex = entry.labelIndex else { return nil }
        let concept = self[entry.concept]
        let label = concept.labels[labelIndex]
        let preferred: Label
        if concept.isDeprecated {
            guard let replacement = replacement(of: entry.concept),
                let replacing = self[replacement].preferredLabel(writing: label.language)
            else { return nil }
            preferred = replacing
        } else {
            guard !label.kind.isAllowed, let own = concept.preferredLabel(writing: label.language) else { return nil }
            preferred = own
        }
        let sameForm = FormRole(of: entry.form, in: label).sameForm(of: preferred)
        return ReplacementForm(
            text: sameForm ?? preferred.text, isSameForm: sameForm != nil, isCaseSensitive: preferred.isCaseSensitive)
    }
}
