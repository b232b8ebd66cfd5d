import Foundation
import VaktaalCore

/// The vocabulary as a glossary per language, A to Z, shared by the HTML and Markdown
/// exports: one entry per concept under its preferred label, and one per outdated term
/// or misspelling pointing at the term to use instead.
///
/// Entries refer to concepts by key; each section makes every concept's name and anchor
/// once, so a renderer writes links and details straight from the set without building
/// strings per entry.
struct Glossary {
    struct Entry {
        /// The headword.
        let term: String
        /// The concept the entry belongs to.
        let concept: ConceptKey
        /// Whether the term is outdated or a misspelling, not a concept's own entry.
        let isOutdated: Bool
        /// For an outdated term, the concept to use instead (`nil` for a deprecated concept
        /// that nothing replaces).
        let useInstead: ConceptKey?
        let isMisspelling: Bool
        /// Makes the anchors of outdated terms unique: `<concept anchor>-<number>`.
        let number: Int
    }

    /// What a concept's own entry shows besides its name, gathered while walking the concepts
    /// in memory order: renderers then walk the entries alphabetically without visiting
    /// every label again.
    struct Details {
        /// The definition in the section's language, else the first one.
        var definition: String?
        /// The language of ``definition`` when it is not the section's.
        var definitionLanguage: String?
        /// The alternative labels in the language, in source order.
        var alternatives: [String] = []
        /// Every label of the concept in the language, space-separated, for the search field.
        var searchText = ""
    }

    struct Section {
        let language: String
        let words: GlossaryWords
        /// Every headword, A to Z.
        let entries: [Entry]
        /// The initial letters, `#` first, each with its range of ``entries``.
        let letters: [(letter: String, range: Range<Int>)]
        /// Every concept's name in this language, by key.
        let names: [String]
        /// Every concept's anchor in this language, by key.
        let anchors: [String]
        /// What the entry of each concept shows, by key (empty for concepts without one).
        let details: [Details]
        /// Whether each concept has an entry of its own in this language (a preferred label
        /// in it, and not deprecated), by key: only those can be linked to.
        let hasEntry: [Bool]

        /// The anchor of an entry: the concept's own, or a numbered one for an outdated term.
        func anchor(of entry: Entry) -> String {
            entry.isOutdated ? "\(anchors[entry.concept.rawValue])-\(entry.number)" : anchors[entry.concept.rawValue]
        }
    }

    let set: VocabularySet
    let title: String
    let description: String?
    let sections: [Section]

    init(_ set: VocabularySet) {
        self.set = set
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

    // MARK: What renderers show of a concept

    /// Broader, narrower and related concepts, each group that has any with the word that names it.
    func forEachLinkGroup(of key: ConceptKey, words: GlossaryWords, _ body: (String, ArraySlice<ConceptKey>) -> Void) {
        let graph = set.graph
        if !graph.broader(of: key).isEmpty { body(words.broader, graph.broader(of: key)) }
        if !graph.narrower(of: key).isEmpty { body(words.narrower, graph.narrower(of: key)) }
        if !graph.related(of: key).isEmpty { body(words.related, graph.related(of: key)) }
    }

    /// The words the search field matches for an entry: every label of the concept in the
    /// section's language, or an outdated term with the term to use instead.
    func forEachSearchWord(of entry: Entry, in section: Section, _ body: (String) -> Void) {
        if entry.isOutdated {
            body(entry.term)
            if let target = entry.useInstead { body(section.names[target.rawValue]) }
        } else {
            body(section.details[entry.concept.rawValue].searchText)
        }
    }

    // MARK: Building

    private static func section(_ language: String, _ set: VocabularySet) -> Section {
        let names = set.keys.map { set[$0].displayName(in: language) }
        // Anchors that the safe name makes alike are told apart, so that links jump to the right entry.
        let anchors = SafeName.unique(set.keys.map { anchor($0, set, language) })
        var entries: [Entry] = []
        var details = Array(repeating: Details(), count: set.count)
        var hasEntry = Array(repeating: false, count: set.count)
        for key in set.keys {
            let concept = set[key]
            if !concept.isDeprecated, let preferred = concept.preferredLabel(in: language) {
                entries.append(
                    Entry(term: preferred.text, concept: key, isOutdated: false, useInstead: nil, isMisspelling: false, number: 0)
                )
                details[key.rawValue] = Self.details(of: concept, in: language)
                hasEntry[key.rawValue] = true
            }
            // Every label of a deprecated concept is outdated, also when nothing replaces it.
            let target = concept.isDeprecated ? set.replacement(of: key) : key
            for label in concept.labels
            where label.language == language && (concept.isDeprecated ? label.kind != .hidden : !label.kind.isAllowed) {
                entries.append(
                    Entry(
                        term: label.text, concept: key, isOutdated: true, useInstead: target,
                        isMisspelling: label.kind == .hidden,
                        number: entries.count))
            }
        }
        let (sorted, letters) = alphabetized(entries)
        return Section(
            language: language, words: GlossaryWords(language), entries: sorted, letters: letters, names: names, anchors: anchors,
            details: details, hasEntry: hasEntry)
    }

    private static func details(of concept: Concept, in language: String) -> Details {
        let notes = concept.notes
        let definition =
            notes.first { $0.kind == .definition && $0.language == language } ?? notes.first { $0.kind == .definition }
        var details = Details(
            definition: definition?.text,
            definitionLanguage: definition.flatMap { $0.language == language ? nil : $0.language })
        var words: [String] = []
        for label in concept.labels where label.language == language {
            words.append(label.text)
            if label.kind == .alternative { details.alternatives.append(label.text) }
        }
        details.searchText = words.count == 1 ? words[0] : words.joined(separator: " ")
        return details
    }

    /// Entries sorted without case and accents, as a reader expects of a glossary (byte
    /// order of the folded term, then of the term), under their initial letters.
    private static func alphabetized(_ entries: [Entry]) -> (entries: [Entry], letters: [(letter: String, range: Range<Int>)]) {
        var keys = SortKeys(capacity: entries.count)
        for entry in entries {
            keys.addAccentFolded(entry.term)
            keys.add(entry.term)
            keys.endKey()
        }
        let sorted = keys.sortedIndices()
        let initials = sorted.map { initial(keys.firstByte(of: $0)) }
        // Terms that start with no letter of A–Z (digits, `€`, `α`) come first, under one `#`:
        // in byte order, digits sort before the letters and other scripts after them.
        let arranged = sorted.indices.filter { initials[$0] == "#" } + sorted.indices.filter { initials[$0] != "#" }
        let order = arranged.map { sorted[$0] }
        var letters: [(letter: String, range: Range<Int>)] = []
        for (position, letter) in arranged.map({ initials[$0] }).enumerated() {
            if letters.last?.letter == letter {
                letters[letters.count - 1].range = letters[letters.count - 1].range.lowerBound..<position + 1
            } else {
                letters.append((letter, position..<position + 1))
            }
        }
        return (order.map { entries[$0] }, letters)
    }

    /// The anchor of a concept in a language: `<language>-<id>` (with the scheme id when
    /// the set has several schemes), other characters than letters, digits and `-_.` as `_`.
    static func anchor(_ key: ConceptKey, _ set: VocabularySet, _ language: String) -> String {
        SafeName.make("\(language)-\(set.vocabularies.count > 1 ? set.vocabulary(of: key).id + "-" : "")\(set[key].id)")
    }

    /// The name a letter's anchor uses: the letter, or `other` for `#` (a fragment may not
    /// hold a `#`).
    static func anchorName(ofLetter letter: String) -> String { letter == "#" ? "other" : letter }

    /// The letter a term is filed under, from the first byte of its folded form: A–Z, or
    /// `#` for anything else.
    private static func initial(_ first: UInt8?) -> String {
        guard let first, (first | 0x20) &- 0x61 < 26 else { return "#" }
        return String(UnicodeScalar(first & ~0x20))
    }
}

/// Interface words in the glossary's languages (Dutch and English; English otherwise).
struct GlossaryWords {
    let useInstead, outdated, misspelling, also, broader, narrower, related, search, language: String

    init(_ language: String) {
        if language.hasPrefix("nl") {
            (useInstead, outdated, misspelling, also) = ("gebruik", "verouderd", "spelling", "ook")
            (broader, narrower, related, search) = ("breder", "smaller", "verwant", "Zoek een term")
            self.language = "Nederlands"
        } else {
            (useInstead, outdated, misspelling, also) = ("use", "outdated", "misspelling", "also")
            (broader, narrower, related, search) = ("broader", "narrower", "related", "Search for a term")
            self.language = Locale(identifier: "en").localizedString(forLanguageCode: language) ?? language
        }
    }
}
