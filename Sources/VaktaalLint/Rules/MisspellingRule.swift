import VaktaalCore

/// `misspelling`: a hidden label (a known misspelling or variant), whose fix is the
/// preferred label; or a name in another casing (``NameCasing``), whose fix is the name.
struct MisspellingRule: LintRule {
    let id: RuleID = "misspelling"
    let defaultSeverity = Severity.error
    let canFix = true
    let summary = "known misspellings are replaced by the preferred term"
    let examples = RuleExamples(
        triggering: ["De ↓feedbackgeletterheid groeit.", "↓Self efficacy is belangrijk.", "Met ↓feedup en ↓feedforward."]
            + NameCasing.examples.triggering,
        nonTriggering: ["De feedbackgeletterdheid groeit.", "Self-efficacy is belangrijk.", "Met feed up en feed forward."]
            + NameCasing.examples.nonTriggering)

    func findings(in document: DocumentTerms, set: VocabularySet) -> [RuleFinding] {
        // A name in another casing is judged where it stands (at the start of a sentence it
        // may be capitalized): only a name's terms have a context.
        TermVerdicts.findings(
            in: document,
            judgingVariant: { term in
                guard term.entry.kind == .hidden, !term.entry.conceptIsDeprecated else { return nil }
                return outdatedTermFinding(term, set: set, says: "is misspelled", suggesting: "write")
            },
            judgingInContext: { NameCasing.finding($0, set: set) })
    }
}
