/// Every concept has a preferred label in each language its scheme uses for preferred
/// labels (qSKOS "incomplete language coverage").
struct IncompleteLanguageCoverageCheck: VocabularyCheck {
    let rule: RuleID = "incomplete-language-coverage"
    let severity = Severity.warning
    let summary = "every concept has a prefLabel in each language of its scheme"

    func check(_ set: VocabularySet) -> [Finding] {
        var languagesByScheme = Array(repeating: Set<String>(), count: set.vocabularies.count)
        for key in set.keys {
            for label in set[key].labels where label.kind == .preferred {
                languagesByScheme[set.schemeIndex(of: key)].insert(label.language)
            }
        }
        return set.keys.compactMap { key in
            let concept = set[key]
            let languages = languagesByScheme[set.schemeIndex(of: key)]
            let present = concept.labels.count { $0.kind == .preferred && languages.contains($0.language) }
            guard !concept.isDeprecated, present < languages.count else { return nil }
            let missing = languages.subtracting(concept.preferredLanguages)
            guard !missing.isEmpty else { return nil }
            let list = missing.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return diagnostic("'\(concept.id)' has no prefLabel in \(list)", concept: key, in: set)
        }
    }
}
