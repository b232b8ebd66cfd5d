import VaktaalCore

/// `deprecated-concept`: a label of a concept that is deprecated as a whole; the fix is the
/// preferred label of the concept that replaces it.
struct DeprecatedConceptRule: LintRule {
    let id: RuleID = "deprecated-concept"
    let defaultSeverity = Severity.error
    let canFix = true
    let summary = "terms of deprecated concepts are replaced by the replacing concept's term"
    let examples = RuleExamples(
        triggering: ["Elke ↓stagementor en alle ↓stagebegeleiders."],
        nonTriggering: ["Elke werkplekbegeleider.", "De stage en de mentorrol."])

    func findings(in document: DocumentTerms, set: VocabularySet) -> [RuleFinding] {
        TermVerdicts.findings(in: document) { term in
            guard term.entry.conceptIsDeprecated else { return nil }
            return outdatedTermFinding(term, set: set, says: "names a concept that is no longer used", suggesting: "use")
        }
    }
}
