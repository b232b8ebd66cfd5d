import VaktaalCore

/// A rule's verdict on each distinct term of a document (``FoundTerm/variant``), made once:
/// the same entry written the same way (byte for byte) gets the same message, replacement
/// and severity, and every finding of it shares one ``RuleVerdict`` (a document may name one
/// term a million times).
struct TermVerdicts {
    private enum Judged {
        case notYet
        case fine
        case found(RuleVerdict)
    }

    /// By variant.
    private var judged: [Judged]

    /// Verdicts on the terms of `document`.
    init(_ document: DocumentTerms) {
        judged = Array(repeating: .notYet, count: document.variantCount)
    }

    /// The finding `judge` gives for `term`, judged on the first term of its variant and
    /// repeated for the others. `judge` must depend on nothing else of the term.
    mutating func finding(for term: FoundTerm, _ judge: (FoundTerm) -> RuleFinding?) -> RuleFinding? {
        switch judged[term.variant] {
        case .fine: return nil
        case .found(let verdict): return RuleFinding(term: term, verdict: verdict)
        case .notYet:
            let finding = judge(term)
            judged[term.variant] = finding.map { .found($0.verdict) } ?? .fine
            return finding
        }
    }
}
