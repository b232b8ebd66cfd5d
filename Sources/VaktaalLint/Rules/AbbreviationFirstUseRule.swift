import VaktaalCore

/// `abbreviation-first-use`: an abbreviation is used before its concept's full preferred
/// term has appeared in the document, so a reader may not know what it stands for.
struct AbbreviationFirstUseRule: LintRule {
    let id: RuleID = "abbreviation-first-use"
    let defaultSeverity = Severity.info
    let canFix = false
    let summary = "abbreviations are written out the first time"
    let examples = RuleExamples(
        triggering: ["Studenten in ↓VT en ↓DT.", "Een ↓wpb helpt. Een werkplekbegeleider helpt."],
        nonTriggering: ["Studenten in voltijd (VT) en deeltijd (DT). Daarna VT.", "Een werkplekbegeleider (wpb) helpt."])

    // The first use of each label decides: the terms hold it for every abbreviation, and for
    // a preferred label when the document uses another label of its concept too.
    func findings(in document: DocumentTerms, set: VocabularySet) -> [RuleFinding] {
        var introduced: Set<ConceptKey> = []
        var reported: Set<ConceptKey> = []
        var findings: [RuleFinding] = []
        // By index: only the terms of allowed labels (their first uses, mostly) are taken out
        // of the array, and a document may have a million terms of others.
        for termIndex in document.terms.indices where document.terms[termIndex].entry.kind.isAllowed {
            let term = document.terms[termIndex]
            guard let index = term.entry.labelIndex else { continue }
            let label = set[term.entry.concept].labels[index]
            if label.kind == .preferred {
                introduced.insert(term.entry.concept)
            } else if label.isAbbreviation, !introduced.contains(term.entry.concept),
                reported.insert(term.entry.concept).inserted
            {
                let full = set[term.entry.concept].preferredLabel(writing: label.language)?.text ?? ""
                findings.append(
                    RuleFinding(
                        term: term,
                        message:
                            "'\(term.quotedText)' is used before '\(full)' is written out: introduce it as '\(full) (\(term.quotedText))'",
                        replacement: nil, labelSeverity: nil))
            }
        }
        return findings
    }
}
