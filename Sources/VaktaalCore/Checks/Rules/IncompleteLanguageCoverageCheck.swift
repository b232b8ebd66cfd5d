/// Every concept has a preferred label in each language its scheme uses for preferred
/// labels (qSKOS "incomplete language coverage").
struct IncompleteLanguageCoverageCheck: VocabularyCheck {
    let rule: RuleID = "incomplete-language-coverage"
    let severity = Severity.warning
    let summary = "every concept has a prefLabel in each language of its scheme"

    func check(_ set: VocabularySet) -> [Finding] {
        // One walk over the labels: the languages of each scheme, and in how many languages
        // each concept has a preferred label. A concept's languages are among its scheme's, so
        // one with as many languages as its scheme is covered; only the others are looked at again.
        var languagesByScheme = Array(repeating: Set<String>(), count: set.vocabularies.count)
        var languageCounts = Array(repeating: 0, count: set.count)
        var conceptLanguages: [String] = []
        var last: (scheme: Int, language: String)?  // labels in a row mostly share a language: hashed once
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            conceptLanguages.removeAll(keepingCapacity: true)
            // Labels are read in place, by index: copying each whole would retain every string
            // and array it holds.
            let labels = set[key].labels
            for index in labels.indices where labels[index].kind == .preferred {
                let language = labels[index].language
                if !conceptLanguages.contains(language) { conceptLanguages.append(language) }
                guard last?.scheme != scheme || last?.language != language else { continue }
                languagesByScheme[scheme].insert(language)
                last = (scheme, language)
            }
            languageCounts[key.rawValue] = conceptLanguages.count
        }
        return set.keys.compactMap { key in
            let languages = languagesByScheme[set.schemeIndex(of: key)]
            guard languageCounts[key.rawValue] < languages.count, !set[key].isDeprecated else { return nil }
            let missing = languages.subtracting(set[key].preferredLanguages)
            guard !missing.isEmpty else { return nil }
            let list = missing.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return diagnostic("'\(set[key].id)' has no prefLabel in \(list)", concept: key, in: set)
        }
    }
}
