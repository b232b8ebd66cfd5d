/// Everything an editor wants to know about a found concept, in the JSON shape of
/// `vaktaal lookup --format json` (see the CLI contract); the service returns the same.
public struct ConceptDescription: Codable, Sendable, Equatable {
    /// A mapping to another scheme.
    public struct MappingDescription: Codable, Sendable, Equatable {
        public let type: String
        public let uri: String
    }

    /// Since when and why a matched label is outdated.
    public struct Outdated: Codable, Sendable, Equatable {
        public let since: String?
        public let reason: String?
    }

    public let concept: String
    public let id: String
    public let scheme: String
    public let schemeURI: String
    public let matchedLabel: String
    public let matchKind: String
    /// `case-insensitive` or `accent-insensitive` when case or accents were ignored; absent otherwise.
    public let matchDetail: String?
    public let labelStatus: String
    public let matchedLanguage: String?
    public let prefLabels: [String: String]
    public let altLabels: [String: [String]]
    public let deprecatedLabels: [String: [String]]
    public let definition: [String: String]
    public let scopeNote: [String: String]
    public let example: [String: String]
    public let broader: [String]
    public let narrower: [String]
    public let related: [String]
    public let mappings: [MappingDescription]
    public let deprecated: Bool
    public let useInstead: [String: String]?
    public let outdated: Outdated?

    /// Whether what matched is a notation (a code such as `WB-01`), not a label: a notation
    /// has no language (not part of the JSON, which says so by leaving `matchedLanguage` out).
    public var matchedNotation: Bool { matchedLanguage == nil }

    /// Describes `match` in `set`, showing only `languages` (all when `nil`).
    public init(_ match: LookupMatch, in set: VocabularySet, languages: Set<String>? = nil) {
        let key = match.concept
        let concept = set[key]
        let vocabulary = set.vocabulary(of: key)
        func shown(_ language: String) -> Bool { languages.map { LanguageTag.choice($0, includes: language) } ?? true }
        func firstByLanguage(_ items: [(String, String)]) -> [String: String] {
            var result: [String: String] = [:]
            for (language, text) in items where shown(language) && result[language] == nil { result[language] = text }
            return result
        }
        func grouped(_ kind: LabelKind) -> [String: [String]] {
            Dictionary(grouping: concept.labels(kind).filter { shown($0.language) }, by: \.language).mapValues { $0.map(\.text) }
        }
        // Every note of a kind in a language, one paragraph each: the contract gives one text
        // per language, and a second scope note is as much the editors' word as the first.
        func notes(_ kind: NoteKind) -> [String: String] {
            var result: [String: String] = [:]
            for note in concept.notes(kind) where shown(note.language) {
                result[note.language] = result[note.language].map { $0 + "\n\n" + note.text } ?? note.text
            }
            return result
        }

        self.concept = set.uri(of: key)
        id = concept.id
        scheme = vocabulary.id
        schemeURI = vocabulary.conceptSchemeURI
        matchedLabel = match.entry.form
        // The contract knows exact, prefix and fuzzy; which insensitive exact match, and a
        // term found by a leading `*`, is a detail.
        switch match.kind {
        case .caseInsensitive:
            matchKind = MatchKind.exact.rawValue
            matchDetail = "case-insensitive"
        case .accentInsensitive:
            matchKind = MatchKind.exact.rawValue
            matchDetail = "accent-insensitive"
        case .wildcard:
            matchKind = MatchKind.prefix.rawValue
            matchDetail = "wildcard"
        case .exact, .prefix, .fuzzy:
            matchKind = match.kind.rawValue
            matchDetail = nil
        }
        labelStatus = match.entry.kind.status
        matchedLanguage = match.entry.labelIndex == nil ? nil : match.entry.language
        prefLabels = firstByLanguage(concept.labels(.preferred).map { ($0.language, $0.text) })
        altLabels = grouped(.alternative)
        deprecatedLabels = grouped(.deprecated)
        definition = notes(.definition)
        scopeNote = notes(.scopeNote)
        example = notes(.example)
        broader = set.graph.broader(of: key).map(set.uri(of:))
        narrower = set.graph.narrower(of: key).map(set.uri(of:))
        related = set.graph.related(of: key).map(set.uri(of:))
        mappings = concept.mappings.map { mapping in
            let target: String
            switch mapping.target {
            case .uri(let uri): target = uri
            case .reference(let reference):
                target = set.resolve(reference, fromScheme: set.schemeIndex(of: key)).map(set.uri(of:)) ?? reference
            }
            return MappingDescription(type: mapping.kind.rawValue, uri: target)
        }
        deprecated = concept.isDeprecated
        (useInstead, outdated) = Self.advice(for: match, in: set, languages: languages)
    }

    /// Describes the concept `key` of `set` as if its first preferred label had been looked
    /// up (for a concept asked for by its id).
    public init(concept key: ConceptKey, in set: VocabularySet, languages: Set<String>? = nil) {
        let concept = set[key]
        let index = concept.labels.firstIndex { $0.kind == .preferred } ?? concept.labels.indices.first
        let label = index.map { concept.labels[$0] }
        let entry = IndexEntry(
            concept: key, labelIndex: index, form: label?.text ?? concept.id, kind: label?.kind ?? .preferred,
            language: label?.language ?? "", isCaseSensitive: label?.isCaseSensitive ?? false,
            conceptIsDeprecated: concept.isDeprecated, isAbbreviation: label?.isAbbreviation ?? false)
        let match = LookupMatch(concept: key, entry: entry, kind: .exact, distance: 0, isVerbatim: true, length: 0)
        self.init(match, in: set, languages: languages)
    }

    /// What to use instead of an outdated match, and since when and why it is outdated.
    private static func advice(
        for match: LookupMatch, in set: VocabularySet, languages: Set<String>?
    ) -> ([String: String]?, Outdated?) {
        let concept = set[match.concept]
        if concept.isDeprecated {
            guard let replacement = set.replacement(of: match.concept) else { return (nil, Outdated(since: nil, reason: nil)) }
            var labels: [String: String] = [:]
            for label in set[replacement].labels(.preferred)
            where languages.map({ LanguageTag.choice($0, includes: label.language) }) ?? true {
                labels[label.language] = labels[label.language] ?? label.text
            }
            return (labels, Outdated(since: concept.modified, reason: nil))
        }
        guard let index = match.entry.labelIndex, let replacement = set.replacement(for: match.entry) else {
            return (nil, nil)
        }
        let label = concept.labels[index]
        let outdated = label.kind == .deprecated ? Outdated(since: label.since, reason: label.reason) : nil
        return ([label.language: replacement], outdated)
    }
}
