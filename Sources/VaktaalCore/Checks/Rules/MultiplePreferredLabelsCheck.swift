/// At most one preferred label per language per concept (SKOS S14).
struct MultiplePreferredLabelsCheck: VocabularyCheck {
    let rule = "multiple-preferred-labels"
    let severity = Severity.error
    let summary = "a concept has at most one prefLabel per language (SKOS S14)"

    func check(_ set: VocabularySet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in set.keys {
            var seen: [String: Label] = [:]
            for label in set[key].labels(.preferred) {
                if let first = seen[label.language] {
                    diagnostics.append(
                        diagnostic(
                            "a second prefLabel in '\(label.language)': '\(label.text)' (the first is '\(first.text)'); make one an altLabel",
                            concept: key, in: set, at: label.location))
                } else {
                    seen[label.language] = label
                }
            }
        }
        return diagnostics
    }
}
