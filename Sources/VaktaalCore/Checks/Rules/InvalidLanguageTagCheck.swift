/// Every `xml:lang` is a well-formed BCP 47 language tag.
struct InvalidLanguageTagCheck: VocabularyCheck {
    let rule = "invalid-language-tag"
    let severity = Severity.warning
    let summary = "xml:lang values are well-formed BCP 47 language tags"

    func check(_ set: VocabularySet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for vocabulary in set.vocabularies {
            let tags = [vocabulary.defaultLanguage] + vocabulary.metadata.map(\.declaredLanguage)
            for tag in tags.compactMap({ $0 }) where !LanguageTag.isWellFormed(tag) {
                diagnostics.append(
                    Diagnostic(
                        rule: rule, severity: severity, message: "'\(tag)' is not a well-formed BCP 47 language tag",
                        location: vocabulary.path.map { SourceLocation(path: $0, line: 1, column: 1) }))
            }
        }
        for key in set.keys {
            let concept = set[key]
            let declared =
                concept.labels.map { ($0.declaredLanguage, $0.location) } + concept.notes.map { ($0.declaredLanguage, $0.location) }
            for case (let tag?, let location) in declared where !LanguageTag.isWellFormed(tag) {
                diagnostics.append(
                    diagnostic("'\(tag)' is not a well-formed BCP 47 language tag", concept: key, in: set, at: location))
            }
        }
        return diagnostics
    }
}
