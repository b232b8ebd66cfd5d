/// A concept does not map to one target both as `exactMatch` and as `broadMatch`,
/// `narrowMatch` or `relatedMatch` (SKOS S46).
struct ExactMatchClashCheck: VocabularyCheck {
    let rule: RuleID = "exact-match-clash"
    // A quality check, as the format's spec says of relation and mapping clashes (and qSKOS
    // counts them): published thesauri have them and are still used.
    let severity = Severity.warning
    let summary = "exactMatch and broadMatch, narrowMatch or relatedMatch do not name the same target (SKOS S46)"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for key in set.keys {
            let mappings = set[key].mappings
            let exact = Set(mappings.filter { $0.kind == .exactMatch }.map { target($0, key, set) })
            guard !exact.isEmpty else { continue }
            for mapping in mappings where [.broadMatch, .narrowMatch, .relatedMatch].contains(mapping.kind) {
                let name = target(mapping, key, set)
                guard exact.contains(name) else { continue }
                diagnostics.append(
                    diagnostic(
                        "'\(name)' is both an exactMatch and a \(mapping.kind.rawValue)", concept: key, in: set,
                        at: mapping.position))
            }
        }
        return diagnostics
    }

    private func target(_ mapping: Mapping, _ key: ConceptKey, _ set: VocabularySet) -> String {
        switch mapping.target {
        case .uri(let uri): return uri
        case .reference(let reference):
            return set.resolve(reference, fromScheme: set.schemeIndex(of: key)).map(set.uri(of:)) ?? reference
        }
    }
}
