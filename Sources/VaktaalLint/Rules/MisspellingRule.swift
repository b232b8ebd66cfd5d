import VaktaalCore

/// `misspelling`: a hidden label (a known misspelling or variant); the fix is the
/// preferred label.
struct MisspellingRule: LintRule {
    let id: RuleID = "misspelling"
    let defaultSeverity = Severity.error
    let canFix = true
    let summary = "known misspellings are replaced by the preferred term"
    let examples = RuleExamples(
        triggering: ["De ↓feedbackgeletterheid groeit.", "↓Self efficacy is belangrijk.", "Met ↓feedup en ↓feedforward."],
        nonTriggering: ["De feedbackgeletterdheid groeit.", "Self-efficacy is belangrijk.", "Met feed up en feed forward."])

    func findings(in terms: [FoundTerm], set: VocabularySet) -> [RuleFinding] {
        terms.compactMap { term in
            guard term.entry.kind == .hidden, !term.entry.conceptIsDeprecated else { return nil }
            return outdatedTermFinding(term, set: set) { _, replacement in
                "'\(term.text)' is misspelled" + (replacement.map { ": write '\($0)'" } ?? "")
            }
        }
    }
}
