/// Following `replacedBy` never leads back to where it started.
struct ReplacementCycleCheck: VocabularyCheck {
    let rule: RuleID = "replacement-cycle"
    let severity = Severity.error
    let summary = "replacedBy chains do not cycle"

    func check(_ set: VocabularySet) -> [Finding] {
        StronglyConnected.components(count: set.count) { index in
            set.replacement(of: ConceptKey(index)).map { [$0.rawValue] } ?? []
        }
        .filter { $0.count > 1 || set.replacement(of: ConceptKey($0[0])) == ConceptKey($0[0]) }
        .map { component in
            let keys = component.sorted().map(ConceptKey.init)
            let ids = keys.map { "'\(set[$0].id)'" }.joined(separator: ", ")
            return diagnostic("replacedBy goes round in a circle through \(ids)", concept: keys[0], in: set)
        }
    }
}
