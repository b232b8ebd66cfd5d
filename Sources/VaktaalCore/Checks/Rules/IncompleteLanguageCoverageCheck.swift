/// Every concept has a preferred label in each language its scheme uses for preferred
/// labels (qSKOS "incomplete language coverage").
struct IncompleteLanguageCoverageCheck: VocabularyCheck {
    let rule: RuleID = "incomplete-language-coverage"
    let severity = Severity.warning
    let summary = "every concept has a prefLabel in each language of its scheme"

    func check(_ set: VocabularySet) -> [Finding] {
        // One walk over the labels: the languages of each scheme, and how many preferred labels
        // each concept has. A concept's preferred languages are among its scheme's, so a
        // concept with at least as many preferred labels as its scheme has languages is
        // covered, and only the others are looked at again.
        var languagesByScheme = Array(repeating: Set<String>(), count: set.vocabularies.count)
        var preferredCounts = Array(repeating: 0, count: set.count)
        var last: (scheme: Int, language: String)?  // labels in a row mostly share a language: hashed once
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            for label in set[key].labels where label.kind == .preferred {
                preferredCounts[key.rawValue] += 1
                guard last?.scheme != scheme || last?.language != label.language else { continue }
                languagesByScheme[scheme].insert(label.language)
                last = (scheme, label.language)
            }
        }
        return set.keys.compactMap { key in
            let languages = languagesByScheme[set.schemeIndex(of: key)]
            guard preferredCounts[key.rawValue] < languages.count, !set[key].isDeprecated else { return nil }
            let missing = languages.subtracting(set[key].preferredLanguages)
            guard !missing.isEmpty else { return nil }
            let list = missing.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return diagnostic("'\(set[key].id)' has no prefLabel in \(list)", concept: key, in: set)
        }
    }
}
