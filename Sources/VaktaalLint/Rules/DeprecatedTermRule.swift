import VaktaalCore

/// `deprecated-term`: an outdated label; the fix is the preferred label of its language,
/// in the matching form (a plural gives the preferred plural).
struct DeprecatedTermRule: LintRule {
    let id: RuleID = "deprecated-term"
    let defaultSeverity = Severity.error
    let canFix = true
    let summary = "outdated terms are replaced by the preferred term"
    let examples = RuleExamples(
        triggering: [
            "De ↓mentor begeleidt de student.", "Twee ↓mentoren en een ↓Mentor.", "↓MENTOR",
            "Partners: ↓InHolland en ↓IPABO.",
        ],
        nonTriggering: [
            "De werkplekbegeleider begeleidt de student.", "Het mentorschap van de commentor.",
            "Hij is mentor van de klas.", "Inholland en iPabo.", "Het mentoraat.",
        ])

    func findings(in document: DocumentTerms, set: VocabularySet) -> [RuleFinding] {
        TermVerdicts.findings(in: document) { term in
            guard term.entry.kind == .deprecated, !term.entry.conceptIsDeprecated else { return nil }
            return outdatedTermFinding(term, set: set, says: "is outdated", dated: true, suggesting: "use")
        }
    }
}
