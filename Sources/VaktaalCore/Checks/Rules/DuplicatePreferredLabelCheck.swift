/// Two concepts of one scheme do not share a preferred label in one language.
struct DuplicatePreferredLabelCheck: VocabularyCheck {
    let rule = "duplicate-preferred-label"
    let severity = Severity.error
    let summary = "two concepts of one scheme do not share a prefLabel in one language"

    func check(_ set: VocabularySet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: ConceptKey] = [:]
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            for label in set[key].labels(.preferred) {
                let slot = "\(scheme)\u{0}\(label.language)\u{0}\(label.text)"
                if let first = owners[slot], first != key {
                    diagnostics.append(
                        diagnostic(
                            "prefLabel '\(label.text)' in '\(label.language)' is also the prefLabel of '\(set[first].id)'",
                            concept: key, in: set, at: label.location))
                } else {
                    owners[slot] = key
                }
            }
        }
        return diagnostics
    }
}
