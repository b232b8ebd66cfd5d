/// A deprecated label has a preferred label in its language to offer instead, unless the
/// whole concept is deprecated and names its replacement.
struct DeprecatedLabelWithoutReplacementCheck: VocabularyCheck {
    let rule: RuleID = "deprecated-label-without-replacement"
    let severity = Severity.error
    let summary = "a deprecatedLabel has a prefLabel in its language (or the concept has replacedBy)"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for key in set.keys {
            let concept = set[key]
            if concept.isDeprecated, concept.replacedBy != nil { continue }
            for label in concept.labels(.deprecated) where concept.preferredLabel(in: label.language) == nil {
                diagnostics.append(
                    diagnostic(
                        "deprecatedLabel '\(label.text)' has no prefLabel in '\(label.language)' to offer instead",
                        concept: key, in: set, at: label.position))
            }
        }
        return diagnostics
    }
}
