import VaktaalText

/// Every `ref` (relations, mappings by reference, `replacedBy`) names a concept of the folder.
struct DanglingReferenceCheck: VocabularyCheck {
    let rule: RuleID = "dangling-reference"
    let severity = Severity.error
    let summary = "every reference names a concept of the folder (id, scheme:id or full URI)"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for key in set.keys {
            let concept = set[key]
            let scheme = set.schemeIndex(of: key)
            func verify(_ reference: String, _ what: String, _ position: SourcePosition?) {
                guard set.resolve(reference, fromScheme: scheme) == nil else { return }
                diagnostics.append(
                    diagnostic("\(what) '\(reference)' names no concept of the folder", concept: key, in: set, at: position))
            }
            // The graph resolved every relation when it was built: only a concept with one it
            // could not resolve has relations to look at.
            if !set.graph.resolvesAllRelations(of: key) {
                for relation in concept.relations { verify(relation.reference, relation.kind.rawValue, relation.position) }
            }
            for mapping in concept.mappings {
                if case .reference(let reference) = mapping.target { verify(reference, mapping.kind.rawValue, mapping.position) }
            }
            if let replacement = concept.replacedBy { verify(replacement, "replacedBy", nil) }
        }
        return diagnostics
    }
}
