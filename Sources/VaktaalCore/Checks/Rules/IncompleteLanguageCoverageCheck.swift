/// Every concept has a preferred label in each language its scheme uses for preferred
/// labels (qSKOS "incomplete language coverage").
struct IncompleteLanguageCoverageCheck: VocabularyCheck {
    let rule = "incomplete-language-coverage"
    let severity = Severity.warning
    let summary = "every concept has a prefLabel in each language of its scheme"

    func check(_ set: VocabularySet) -> [Diagnostic] {
        var languagesByScheme: [Int: Set<String>] = [:]
        for key in set.keys {
            languagesByScheme[set.schemeIndex(of: key), default: []].formUnion(set[key].preferredLanguages)
        }
        return set.keys.compactMap { key in
            let concept = set[key]
            guard !concept.isDeprecated else { return nil }
            let missing = (languagesByScheme[set.schemeIndex(of: key)] ?? []).subtracting(concept.preferredLanguages)
            guard !missing.isEmpty else { return nil }
            let list = missing.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return diagnostic("'\(concept.id)' has no prefLabel in \(list)", concept: key, in: set)
        }
    }
}
