import VaktaalText

/// Every `xml:lang` is a well-formed BCP 47 language tag, whose two-letter language is one
/// of ISO 639-1 (qSKOS "incorrect language tags": `xy` is well-formed but no language).
///
/// A tag without the form of any tag (``LanguageTag/hasTagSyntax(_:)``: `nl_NL`, `x y`) is an
/// error: the SKOS, Turtle and JSON-LD exports would carry it, and no RDF reader takes them.
/// The others are warnings.
struct InvalidLanguageTagCheck: VocabularyCheck {
    let rule: RuleID = "invalid-language-tag"
    let severity = Severity.warning
    let summary = "xml:lang values are well-formed BCP 47 language tags of languages there are"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for vocabulary in set.vocabularies {
            let tags = [vocabulary.defaultLanguage] + vocabulary.metadata.map(\.declaredLanguage)
            for tag in tags.compactMap({ $0 }) where !LanguageTag.isValid(tag) {
                diagnostics.append(graded(diagnostic(message(tag), scheme: vocabulary), tag))
            }
        }
        // Most labels carry the tag of the one before: it is compared before it is looked up.
        var verdicts: [String: Bool] = [:]
        var last: (tag: String, verdict: Bool)?
        func isWellFormed(_ tag: String) -> Bool {
            if let last, last.tag == tag { return last.verdict }
            let verdict = verdicts[tag] ?? LanguageTag.isValid(tag)
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
                    diagnostics.append(graded(diagnostic(message(tag), concept: key, in: set, at: labels[index].position), tag))
                }
            }
            let notes = set[key].notes
            for index in notes.indices {
                if let tag = notes[index].declaredLanguage, !isWellFormed(tag) {
                    diagnostics.append(graded(diagnostic(message(tag), concept: key, in: set, at: notes[index].position), tag))
                }
            }
        }
        return diagnostics
    }

    private func message(_ tag: String) -> String {
        if LanguageTag.isWellFormed(tag) {
            return
                "'\(tag)' names no language: '\(tag.prefix { $0 != "-" })' is no language code (two letters of ISO 639-1, or three)"
        }
        if tag.isEmpty || LanguageTag.hasTagSyntax(tag) { return "'\(tag)' is not a well-formed BCP 47 language tag" }
        return "'\(tag)' is not a language tag, and no RDF export can carry it: write tags as nl or nl-BE"
    }

    /// `finding` as an error when `tag` has not even the form of a tag (an empty one says
    /// "no language", which every format can carry).
    private func graded(_ finding: Finding, _ tag: String) -> Finding {
        guard !tag.isEmpty, !LanguageTag.hasTagSyntax(tag) else { return finding }
        var error = finding
        error.severity = .error
        return error
    }
}
