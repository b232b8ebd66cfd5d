/// A notation names one concept of its scheme (qSKOS "ambiguous notation references"):
/// a classification code shared by two concepts points at neither.
struct DuplicateNotationCheck: VocabularyCheck {
    let rule: RuleID = "duplicate-notation"
    let severity = Severity.warning
    let summary = "a notation is used by one concept of its scheme"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        // The first concept of each notation, by scheme.
        var first: [Int: [String: ConceptKey]] = [:]
        for key in set.keys where !set[key].notations.isEmpty {
            let scheme = set.schemeIndex(of: key)
            for notation in set[key].notations {
                if let earlier = first[scheme]?[notation] {
                    guard earlier != key else { continue }
                    diagnostics.append(
                        diagnostic("notation '\(notation)' is also the notation of '\(set[earlier].id)'", concept: key, in: set))
                } else {
                    first[scheme, default: [:]][notation] = key
                }
            }
        }
        return diagnostics
    }
}
