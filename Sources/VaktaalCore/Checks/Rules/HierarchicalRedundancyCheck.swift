/// A concept does not name a broader concept that it already reaches through another of
/// its broader concepts (qSKOS "hierarchical redundancy").
struct HierarchicalRedundancyCheck: VocabularyCheck {
    let rule: RuleID = "hierarchical-redundancy"
    let severity = Severity.warning
    let summary = "no direct broader relation that another broader path already implies"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for key in set.keys {
            let direct = set.graph.broader(of: key)
            guard direct.count > 1 else { continue }
            let reached = direct.map { set.graph.ancestors(of: $0) }
            for parent in direct {
                let implied = zip(direct, reached).contains { other, ancestors in other != parent && ancestors.contains(parent) }
                guard implied else { continue }
                diagnostics.append(
                    diagnostic(
                        "'\(set[key].id)' names '\(set[parent].id)' as broader, which it already reaches through "
                            + "another broader concept",
                        concept: key, in: set))
            }
        }
        return diagnostics
    }
}
