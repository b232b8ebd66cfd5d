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

    /// The findings about preferred labels with one of `texts` (all when `nil`). Labels are
    /// looked up by the hash of their case fold (``FoldedForm``, equal for equal texts) mixed
    /// with their scheme and language; a label whose slot holds another text goes to a table
    /// of texts.
    private func findings(in set: VocabularySet, among texts: Set<String>?) -> [Finding] {
        var diagnostics: [Finding] = []
        var owners: [UInt64: (key: ConceptKey, label: Int32)] = [:]
        if texts == nil { owners.reserveCapacity(set.count * 2) }
        var collided: [Slot: ConceptKey] = [:]
        var languages = LanguageNumbers()
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            let labels = set[key].labels
            for index in labels.indices where labels[index].kind == .preferred {
                let label = labels[index]
                if let texts, !texts.contains(label.text) { continue }
                let language = languages.number(of: label.language)
                let hashed = FoldedForm.hash(of: label.text) ^ (language << 32 | UInt64(scheme)) &* 0x9E37_79B9_7F4A_7C15
                let first: ConceptKey
                if let owner = owners[hashed] {
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
                } else {
                    owners[hashed] = (key, Int32(index))
                    continue
                }
                guard first != key else { continue }
                diagnostics.append(
                    diagnostic(
                        "prefLabel '\(label.text)' in '\(label.language)' is also the prefLabel of '\(set[first].id)'",
                        concept: key, in: set, at: label.position))
            }
        }
        return diagnostics
    }
}
