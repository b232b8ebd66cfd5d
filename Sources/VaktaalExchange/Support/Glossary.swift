import Foundation
import VaktaalCore

/// The vocabulary as a glossary per language, A to Z, shared by the HTML and Markdown
/// exports: one entry per concept under its preferred label, and one per outdated term
/// or misspelling pointing at the term to use instead.
struct Glossary {
    struct Entry {
        /// The headword.
        let term: String
        /// The anchor of the concept's entry in this language.
        let anchor: String
        /// `nil` for a concept entry; the concept to point at for an outdated term.
        let useInstead: (term: String, anchor: String)?
        let isMisspelling: Bool
        let definition: String?
        let alternatives: [String]
        let broader: [(term: String, anchor: String)]
        let narrower: [(term: String, anchor: String)]
        let related: [(term: String, anchor: String)]
        /// Every label of the concept, for the search field.
        let searchText: String
    }

    struct Section {
        let language: String
        let letters: [(letter: String, entries: [Entry])]
    }

    let title: String
    let description: String?
    let sections: [Section]

    init(_ set: VocabularySet) {
        let defaultLanguage = set.vocabularies.first?.defaultLanguage ?? "en"
        title = set.vocabularies.compactMap { $0.title(in: defaultLanguage) }.joined(separator: " · ")
        description = set.vocabularies.first?.metadata(.description).first { $0.language == defaultLanguage }?.text
        var languages: [String] = []
        for key in set.keys {
            for label in set[key].labels where label.kind == .preferred && !languages.contains(label.language) {
                languages.append(label.language)
            }
        }
        languages.sort { ($0 != defaultLanguage ? 1 : 0, $0) < ($1 != defaultLanguage ? 1 : 0, $1) }
        sections = languages.map { Self.section($0, set) }
    }

    static func anchor(_ key: ConceptKey, _ set: VocabularySet, _ language: String) -> String {
        let raw = "\(language)-\(set.vocabularies.count > 1 ? set.vocabulary(of: key).id + "-" : "")\(set[key].id)"
        let plain = raw.utf8.allSatisfy { byte in
            (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".")
        }
        if plain { return raw }
        return String(raw.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    }

    private static func name(_ key: ConceptKey, _ set: VocabularySet, _ language: String) -> String {
        set[key].displayName(in: language)
    }

    private static func section(_ language: String, _ set: VocabularySet) -> Section {
        var entries: [Entry] = []
        for key in set.keys {
            let concept = set[key]
            let links = { (keys: [ConceptKey]) in keys.map { (name($0, set, language), anchor($0, set, language)) } }
            let target = concept.isDeprecated ? set.replacement(of: key) : key
            let searchText = concept.labels.filter { $0.language == language }.map(\.text).joined(separator: " ")
            if !concept.isDeprecated, let preferred = concept.preferredLabel(in: language) {
                entries.append(
                    Entry(
                        term: preferred.text, anchor: anchor(key, set, language), useInstead: nil, isMisspelling: false,
                        definition: concept.notes(.definition).first { $0.language == language }?.text
                            ?? concept.notes(.definition).first?.text,
                        alternatives: concept.labels(.alternative).filter { $0.language == language }.map(\.text),
                        broader: links(set.graph.broader(of: key)), narrower: links(set.graph.narrower(of: key)),
                        related: links(set.graph.related(of: key)), searchText: searchText))
            }
            guard let target else { continue }
            let outdated = concept.labels.filter {
                $0.language == language && (concept.isDeprecated ? $0.kind != .hidden : !$0.kind.isAllowed)
            }
            for label in outdated {
                entries.append(
                    Entry(
                        term: label.text, anchor: anchor(key, set, language) + "-\(entries.count)",
                        useInstead: (name(target, set, language), anchor(target, set, language)),
                        isMisspelling: label.kind == .hidden, definition: nil, alternatives: [], broader: [], narrower: [],
                        related: [], searchText: "\(label.text) \(name(target, set, language))"))
            }
        }
        let sorted = entries.map { (key: sortKey($0.term), entry: $0) }.sorted { $0.key < $1.key }
        var letters: [(letter: String, entries: [Entry])] = []
        for (key, entry) in sorted {
            let letter = initial(key.0)
            if letters.last?.letter == letter {
                letters[letters.count - 1].entries.append(entry)
            } else {
                letters.append((letter, [entry]))
            }
        }
        return Section(language: language, letters: letters)
    }

    /// Sorts without case and accents, as a reader expects of a glossary.
    private static func sortKey(_ term: String) -> (String, String) {
        (TermNormalizer.accentFolded(term), term)
    }

    /// The letter a term (in its folded form) is filed under: A–Z, or `#` for anything else.
    private static func initial(_ folded: String) -> String {
        guard let first = folded.first, first.isASCII, first.isLetter else { return "#" }
        return first.uppercased()
    }

    /// Interface words in the glossary's languages (Dutch and English; English otherwise).
    /// Renderers ask once per section.
    static func words(_ language: String) -> [String: String] {
        language.hasPrefix("nl")
            ? [
                "useInstead": "gebruik", "outdated": "verouderd", "misspelling": "spelling", "also": "ook",
                "broader": "breder", "narrower": "smaller", "related": "verwant", "search": "Zoek een term",
                "language": "Nederlands",
            ]
            : [
                "useInstead": "use", "outdated": "outdated", "misspelling": "misspelling", "also": "also",
                "broader": "broader", "narrower": "narrower", "related": "related", "search": "Search for a term",
                "language": Locale(identifier: "en").localizedString(forLanguageCode: language) ?? language,
            ]
    }
}
