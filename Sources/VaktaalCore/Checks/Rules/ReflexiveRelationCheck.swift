/// A concept is not related or mapped to itself (qSKOS "reflexively related concepts");
/// broader to itself is a cycle and reported as such.
struct ReflexiveRelationCheck: ConceptCheck {
    let rule: RuleID = "reflexive-relation"
    let severity = Severity.warning
    let summary = "a concept is not related or mapped to itself"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        let concept = set[key]
        let scheme = set.schemeIndex(of: key)
        for relation in concept.relations where relation.kind == .related {
            if set.resolve(relation.reference, fromScheme: scheme) == key {
                findings.append(
                    diagnostic("'\(concept.id)' is related to itself", concept: key, in: set, at: relation.position))
            }
        }
        for mapping in concept.mappings {
            let target: ConceptKey?
            switch mapping.target {
            case .uri(let uri): target = set.key(forURI: uri)
            case .reference(let reference): target = set.resolve(reference, fromScheme: scheme)
            }
            if target == key {
                findings.append(
                    diagnostic(
                        "'\(concept.id)' has a \(mapping.kind.rawValue) to itself", concept: key, in: set,
                        at: mapping.position))
            }
        }
    }
}
