import VaktaalCore

/// `inconsistent-term`: one document uses two allowed labels of the same concept (the
/// preferred label and a synonym). The less used ones are reported once per label, at
/// their first use, suggesting the preferred label. Abbreviations are left to
/// `abbreviation-first-use`.
struct InconsistentTermRule: LintRule {
    let id: RuleID = "inconsistent-term"
    let defaultSeverity = Severity.warning
    let canFix = false
    let summary = "one document uses one term per concept"
    let examples = RuleExamples(
        triggering: ["De aankomend leraar leert. De aankomend leraar oefent. De ↓student reflecteert."],
        nonTriggering: ["De student leert. De student oefent.", "De aankomend leraar leert. Voltijd (VT) en VT."])

    func findings(in document: DocumentTerms, set: VocabularySet) -> [RuleFinding] {
        var counts: [LabelUse: Int] = [:]
        // Each label's first term, by its place among the terms.
        var firstUse: [LabelUse: Int] = [:]
        let terms = document.terms
        // By index: a term passed on as a whole is copied, and a document may have a million.
        for index in terms.indices where terms[index].entry.kind.isAllowed && !terms[index].entry.conceptIsDeprecated {
            let entry = terms[index].entry
            guard let label = entry.labelIndex, !set[entry.concept].labels[label].isAbbreviation else { continue }
            let key = LabelUse(entry)
            if firstUse[key] == nil {
                firstUse[key] = index
                counts[key] = document.uses[key] ?? 1
            }
        }
        let byConceptAndLanguage = Dictionary(grouping: counts.keys) { key in
            ConceptInLanguage(concept: key.concept, language: set[key.concept].labels[key.label].language)
        }
        var findings: [RuleFinding] = []
        for keys in byConceptAndLanguage.values where keys.count > 1 {
            let labels = set[keys[0].concept].labels
            // The most used label stays; on a tie, the preferred one, then the one used first.
            func weight(_ key: LabelUse) -> (Int, Int, Int) {
                let firstPlace = firstUse[key].map { terms[$0].range.lowerBound } ?? 0
                return (counts[key] ?? 0, labels[key.label].kind == .preferred ? 1 : 0, -firstPlace)
            }
            guard let kept = keys.max(by: { weight($0) < weight($1) }), let keptTerm = firstUse[kept].map({ terms[$0] }) else {
                continue
            }
            let keptLabel = labels[kept.label]
            let preferred = set[keys[0].concept].preferredLabel(writing: keptLabel.language)?.text ?? keptLabel.text
            for key in keys where key != kept {
                guard let term = firstUse[key].map({ terms[$0] }) else { continue }
                findings.append(
                    RuleFinding(
                        term: term,
                        message:
                            "'\(term.quotedText)' and '\(keptTerm.quotedText)' name the same concept in this document: use "
                            + "'\(preferred)' throughout",
                        replacement: nil, labelSeverity: nil))
            }
        }
        return findings.sorted { $0.termIndex < $1.termIndex }
    }

    /// The labels of one concept in one language: those a document should not mix.
    private struct ConceptInLanguage: Hashable {
        let concept: ConceptKey
        let language: String
    }
}
