import VaktaalText

/// A scheme says where its hierarchy starts: one of its concepts at least is a top concept
/// (qSKOS "missing top concepts"; browsers such as Skosmos start from them).
struct MissingTopConceptsCheck: VocabularyCheck {
    let rule: RuleID = "missing-top-concepts"
    let severity = Severity.warning
    let summary = "a scheme with concepts has top concepts"

    func check(_ set: VocabularySet) -> [Finding] {
        var hasConcepts = Array(repeating: false, count: set.vocabularies.count)
        var hasTop = Array(repeating: false, count: set.vocabularies.count)
        for key in set.keys where !set[key].isDeprecated {
            let scheme = set.schemeIndex(of: key)
            hasConcepts[scheme] = true
            if set[key].isTopConcept { hasTop[scheme] = true }
        }
        return set.vocabularies.indices.filter { hasConcepts[$0] && !hasTop[$0] }.map { index in
            diagnostic(
                "the scheme '\(set.vocabularies[index].id)' has no top concept: mark where its hierarchy starts with top=\"true\"",
                scheme: set.vocabularies[index])
        }
    }
}
