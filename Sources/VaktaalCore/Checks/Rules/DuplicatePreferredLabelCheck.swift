/// Two concepts of one scheme do not share a preferred label in one language.
struct DuplicatePreferredLabelCheck: FocusableCheck, LabelFormCheck {
    let rule: RuleID = "duplicate-preferred-label"
    let severity = Severity.error
    let summary = "two concepts of one scheme do not share a prefLabel in one language"

    private struct Slot: Hashable {
        let scheme: Int
        let language: String
        let text: String
    }

    /// The preferred labels' texts, as the checker gathered them.
    func check(_ set: VocabularySet, forms: LabelForms) -> [Finding] {
        findings(in: set, preferred: forms.forms.lazy.filter { $0.ordinal == 0 && $0.kind == .preferred })
    }

    /// Only the preferred labels with a text of the focus's labels: all that share a slot
    /// with one of them have that text too.
    func check(_ set: VocabularySet, focus: CheckFocus) -> [Finding] {
        var preferred: [LabelForms.Form] = []
        for key in set.keys {
            let labels = set[key].labels
            for index in labels.indices where labels[index].kind == .preferred && focus.labelTexts.contains(labels[index].text) {
                preferred.append(LabelForms.textForm(of: labels[index], index, key: key))
            }
        }
        return findings(in: set, preferred: preferred)
    }

    /// The findings about the `preferred` labels' texts. They are looked up by the hash of
    /// their case fold (``FoldedForm``, equal for equal texts) mixed with their scheme and
    /// language; a label whose slot holds another text goes to a table of texts.
    private func findings(in set: VocabularySet, preferred: some Sequence<LabelForms.Form>) -> [Finding] {
        var diagnostics: [Finding] = []
        var owners: [UInt64: (key: ConceptKey, label: Int32)] = [:]
        var collided: [Slot: ConceptKey] = [:]
        for form in preferred {
            let key = form.key
            let scheme = set.schemeIndex(of: key)
            let hashed = form.fold ^ (form.language &* 0x100_0000_01b3 ^ UInt64(scheme)) &* 0x9E37_79B9_7F4A_7C15
            guard let owner = owners[hashed] else {
                owners[hashed] = (key, form.label)
                continue
            }
            let label = set[key].labels[Int(form.label)]
            let first: ConceptKey
            let earlier = set[owner.key].labels[Int(owner.label)]
            if set.schemeIndex(of: owner.key) == scheme, earlier.language == label.language, earlier.text == label.text {
                first = owner.key
            } else {
                let slot = Slot(scheme: scheme, language: label.language, text: label.text)
                guard let owner = collided[slot] else {
                    collided[slot] = key
                    continue
                }
                first = owner
            }
            guard first != key else { continue }
            diagnostics.append(
                diagnostic(
                    "prefLabel '\(label.text)' in '\(label.language)' is also the prefLabel of '\(set[first].id)'",
                    concept: key, in: set, at: label.position))
        }
        return diagnostics
    }
}
