/// Every concept has a preferred label in each language its scheme uses for preferred
/// labels (qSKOS "incomplete language coverage").
struct IncompleteLanguageCoverageCheck: VocabularyCheck {
    let rule: RuleID = "incomplete-language-coverage"
    let severity = Severity.warning
    let summary = "every concept has a prefLabel in each language of its scheme"

    func check(_ set: VocabularySet) -> [Finding] {
        var languagesByScheme = Array(repeating: Set<String>(), count: set.vocabularies.count)
        var last: (scheme: Int, language: String)?  // labels in a row mostly share a language: hashed once
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            for label in set[key].labels where label.kind == .preferred {
                guard last?.scheme != scheme || last?.language != label.language else { continue }
                languagesByScheme[scheme].insert(label.language)
                last = (scheme, label.language)
            }
        }
        // Most schemes have one language: it is compared without hashing.
        let onlyLanguage = languagesByScheme.map { $0.count == 1 ? $0.first : nil }
        return set.keys.compactMap { key in
            // Read in place: copying every concept costs more than looking.
            let languages = languagesByScheme[set.schemeIndex(of: key)]
            let only = onlyLanguage[set.schemeIndex(of: key)]
            let present = set[key].labels.count { label in
                label.kind == .preferred && (only.map { $0 == label.language } ?? languages.contains(label.language))
            }
            guard present < languages.count, !set[key].isDeprecated else { return nil }
            let missing = languages.subtracting(set[key].preferredLanguages)
            guard !missing.isEmpty else { return nil }
            let list = missing.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return diagnostic("'\(set[key].id)' has no prefLabel in \(list)", concept: key, in: set)
        }
    }
}
