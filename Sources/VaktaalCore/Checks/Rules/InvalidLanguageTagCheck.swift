import VaktaalText

/// Every `xml:lang` is a well-formed BCP 47 language tag.
struct InvalidLanguageTagCheck: VocabularyCheck {
    let rule: RuleID = "invalid-language-tag"
    let severity = Severity.warning
    let summary = "xml:lang values are well-formed BCP 47 language tags"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for vocabulary in set.vocabularies {
            let tags = [vocabulary.defaultLanguage] + vocabulary.metadata.map(\.declaredLanguage)
            for tag in tags.compactMap({ $0 }) where !LanguageTag.isWellFormed(tag) {
                diagnostics.append(
                    Finding(
                        rule: rule, severity: severity, message: message(tag),
                        location: vocabulary.path.map { SourceLocation(path: $0, line: 1, column: 1) }))
            }
        }
        // Most labels carry the tag of the one before: it is compared before it is looked up.
        var verdicts: [String: Bool] = [:]
        var last: (tag: String, verdict: Bool)?
        func isWellFormed(_ tag: String) -> Bool {
            if let last, last.tag == tag { return last.verdict }
            let verdict = verdicts[tag] ?? LanguageTag.isWellFormed(tag)
            verdicts[tag] = verdict
            last = (tag, verdict)
            return verdict
        }
        // Labels and notes are read in place, by index: copying each whole would retain
        // every string and array it holds.
        for key in set.keys {
            let labels = set[key].labels
            for index in labels.indices {
                if let tag = labels[index].declaredLanguage, !isWellFormed(tag) {
                    diagnostics.append(diagnostic(message(tag), concept: key, in: set, at: labels[index].position))
                }
            }
            let notes = set[key].notes
            for index in notes.indices {
                if let tag = notes[index].declaredLanguage, !isWellFormed(tag) {
                    diagnostics.append(diagnostic(message(tag), concept: key, in: set, at: notes[index].position))
                }
            }
        }
        return diagnostics
    }

    private func message(_ tag: String) -> String { "'\(tag)' is not a well-formed BCP 47 language tag" }
}
