/// Mapping properties link to other schemes; inside one scheme, use broader, narrower or
/// related (qSKOS "mapping relations misuse").
struct MappingWithinSchemeCheck: VocabularyCheck {
    let rule: RuleID = "mapping-within-scheme"
    let severity = Severity.warning
    let summary = "mappings point at concepts of other schemes, not of their own"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            for mapping in set[key].mappings {
                let target: ConceptKey?
                switch mapping.target {
                case .uri(let uri): target = set.key(forURI: uri)
                case .reference(let reference): target = set.resolve(reference, fromScheme: scheme)
                }
                guard let target, target != key, set.schemeIndex(of: target) == scheme else { continue }
                diagnostics.append(
                    diagnostic(
                        "\(mapping.kind.rawValue) to '\(set[target].id)' of the same scheme: use broader, narrower or related",
                        concept: key, in: set, at: mapping.position))
            }
        }
        return diagnostics
    }
}
