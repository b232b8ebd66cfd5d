/// `related` does not join concepts that are also hierarchically linked, directly or
/// transitively (SKOS S27: related is disjoint with broaderTransitive).
struct RelatedHierarchyClashCheck: VocabularyCheck {
    let rule: RuleID = "related-hierarchy-clash"
    // A quality check, as the format's spec says of relation and mapping clashes (and qSKOS
    // counts them): published thesauri have them and are still used.
    let severity = Severity.warning
    let summary = "related concepts are not also broader or narrower of each other, even transitively (SKOS S27)"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for key in set.keys {
            let related = set.graph.related(of: key).filter { $0 > key }
            guard !related.isEmpty else { continue }
            let ancestors = set.graph.ancestors(of: key)
            for other in related {
                let clash = ancestors.contains(other) || set.graph.ancestors(of: other).contains(key)
                guard clash else { continue }
                diagnostics.append(
                    diagnostic(
                        "'\(set[key].id)' and '\(set[other].id)' are related and also in one broader/narrower line",
                        concept: key, in: set))
            }
        }
        return diagnostics
    }
}
