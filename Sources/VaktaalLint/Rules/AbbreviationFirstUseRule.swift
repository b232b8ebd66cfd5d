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
        guard !document.terms.isEmpty else { return [] }
        // A bit for each concept, by key: a text of a large vocabulary names a preferred label
        // every few lines (12.5 KB each for 100k concepts, for a document with terms).
        var introduced = ConceptBits(count: set.count)
        var reported = ConceptBits(count: set.count)
        var findings: [RuleFinding] = []
        // By index, and told by each term's entry: only an abbreviation reported is looked up
        // in the set (a document may have a million terms).
        document.terms.withUnsafeBufferPointer { terms in
            for termIndex in terms.indices {
                let (kind, concept) = (terms[termIndex].entry.kind, terms[termIndex].entry.concept)
                guard kind.isAllowed, terms[termIndex].entry.labelIndex != nil else { continue }
                if kind == .preferred {
                    introduced.insert(concept)
                } else if terms[termIndex].entry.isAbbreviation, !introduced.contains(concept), !reported.contains(concept) {
                    reported.insert(concept)
                    let term = terms[termIndex]
                    let full = set[concept].preferredLabel(writing: term.entry.language)?.text ?? ""
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

/// Concepts of a set, by key, one bit each.
private struct ConceptBits {
    private var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    func contains(_ concept: ConceptKey) -> Bool {
        words[concept.rawValue >> 6] & (1 << UInt64(concept.rawValue & 63)) != 0
    }

    mutating func insert(_ concept: ConceptKey) {
        words[concept.rawValue >> 6] |= 1 << UInt64(concept.rawValue & 63)
    }
}
