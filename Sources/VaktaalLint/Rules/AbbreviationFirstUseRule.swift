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
        // By concept key: a text of a large vocabulary names a preferred label every few lines.
        var introduced = [Bool](repeating: false, count: set.count)
        var reported = [Bool](repeating: false, count: set.count)
        var findings: [RuleFinding] = []
        // By index, and told by each term's entry: only an abbreviation reported is looked up
        // in the set (a document may have a million terms).
        document.terms.withUnsafeBufferPointer { terms in
            for termIndex in terms.indices {
                let (kind, concept) = (terms[termIndex].entry.kind, terms[termIndex].entry.concept)
                guard kind.isAllowed, let index = terms[termIndex].entry.labelIndex else { continue }
                if kind == .preferred {
                    introduced[concept.rawValue] = true
                } else if terms[termIndex].entry.isAbbreviation, !introduced[concept.rawValue], !reported[concept.rawValue] {
                    reported[concept.rawValue] = true
                    let term = terms[termIndex]
                    let label = set[concept].labels[index]
                    let full = set[concept].preferredLabel(writing: label.language)?.text ?? ""
                    findings.append(
                        RuleFinding(
                            term: term,
                            message:
                                "'\(term.quotedText)' is used before '\(full)' is written out: introduce it as '\(full) (\(term.quotedText))'",
                            replacement: nil, labelSeverity: nil))
                }
            }
        }
        return findings
    }
}
