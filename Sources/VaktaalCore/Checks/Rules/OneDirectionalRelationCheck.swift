/// `related` is symmetric: when A names B as related, B names A too (qSKOS "omitted
/// inverse relations"). Broader and narrower are inverses that either side may write.
struct OneDirectionalRelationCheck: VocabularyCheck {
    let rule: RuleID = "one-directional-relation"
    let severity = Severity.warning
    let summary = "a related concept names the relation back"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            for relation in set[key].relations where relation.kind == .related {
                guard let other = set.resolve(relation.reference, fromScheme: scheme), other != key else { continue }
                let otherScheme = set.schemeIndex(of: other)
                let answered = set[other].relations.contains { back in
                    back.kind == .related && set.resolve(back.reference, fromScheme: otherScheme) == key
                }
                guard !answered else { continue }
                diagnostics.append(
                    diagnostic(
                        "'\(set[key].id)' is related to '\(set[other].id)', but '\(set[other].id)' does not name "
                            + "'\(set[key].id)' as related",
                        concept: key, in: set, at: relation.position))
            }
        }
        return diagnostics
    }
}
