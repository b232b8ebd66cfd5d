import VaktaalCore

/// `deprecated-concept`: a label of a concept that is deprecated as a whole; the fix is the
/// preferred label of the concept that replaces it.
struct DeprecatedConceptRule: LintRule {
    let id = "deprecated-concept"
    let defaultSeverity = Severity.error
    let summary = "terms of deprecated concepts are replaced by the replacing concept's term"
    let examples = RuleExamples(
        triggering: ["Elke ↓stagementor en alle ↓stagebegeleiders."],
        nonTriggering: ["Elke werkplekbegeleider.", "De stage en de mentorrol."])

    func findings(in terms: [FoundTerm], set: VocabularySet) -> [RuleFinding] {
        terms.compactMap { term in
            guard term.entry.conceptIsDeprecated, let index = term.entry.labelIndex else { return nil }
            let label = set[term.entry.concept].labels[index]
            let replacement = set.replacement(for: term.entry).map {
                CaseMirror.apply($0, like: term.text, labelIsCaseSensitive: label.isCaseSensitive)
            }
            let advice = replacement.map { ": use '\($0)'" } ?? ""
            return RuleFinding(
                term: term, message: "'\(term.text)' names a concept that is no longer used\(advice)", replacement: replacement,
                labelSeverity: label.severity)
        }
    }
}
