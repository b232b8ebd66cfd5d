import VaktaalCore

/// A rule's verdict on each distinct term of a document (``FoundTerm/variant``), made once:
/// the same entry written the same way (byte for byte) gets the same message, replacement
/// and severity, and every finding of it shares one ``RuleVerdict`` (a document may name one
/// term a million times).
enum TermVerdicts {
    private enum Judged {
        case notYet
        case fine
        case found(RuleVerdict)
    }

    /// The findings of a rule for the terms of `document`, in their order: `judge` judges
    /// each variant on its first term, and its verdict holds for the variant's other terms
    /// (it must depend on nothing else of the term). When the rule gives `judgeInContext`, a
    /// term with a context (a name written in another casing, ``FoundTerm/context``) is
    /// judged by it instead, on its own.
    static func findings(
        in document: DocumentTerms, judgingVariant judge: (FoundTerm) -> RuleFinding?,
        judgingInContext judgeInContext: ((FoundTerm) -> RuleFinding?)? = nil
    ) -> [RuleFinding] {
        var judged = [Judged](repeating: .notYet, count: document.variantCount)
        var findings: [RuleFinding] = []
        // Room for every term from the start: grown by doubling, an array of a million findings
        // is copied again and again; the room left unused costs address space, not memory.
        findings.reserveCapacity(document.terms.count)
        // Terms are read where they lie, by index: passing each on as a whole would copy it
        // (its references retained and released), and the terms of a variant already judged
        // are only looked at for their variant.
        document.terms.withUnsafeBufferPointer { terms in
            for index in terms.indices {
                if let judgeInContext, terms[index].context != nil {
                    if let finding = judgeInContext(terms[index]) { findings.append(finding) }
                    continue
                }
                let variant = terms[index].variant
                switch judged[variant] {
                case .fine: continue
                case .found(let verdict): findings.append(RuleFinding(termIndex: index, verdict: verdict))
                case .notYet:
                    let finding = judge(terms[index])
                    judged[variant] = finding.map { .found($0.verdict) } ?? .fine
                    if let finding { findings.append(finding) }
                }
            }
        }
        return findings
    }
}
