/// One searchable form: a label text, one of its plural or other forms, or a notation.
public struct IndexEntry: Sendable, Hashable {
    /// The concept the form names.
    public let concept: ConceptKey
    /// The index of the label in the concept's `labels`, or `nil` for a notation.
    public let labelIndex: Int?
    /// The form as written.
    public let form: String
    /// The kind of the label (notations count as preferred).
    public let kind: LabelKind
    /// The label's language ("" for notations).
    public let language: String
    /// Whether the label matches only as written.
    public let isCaseSensitive: Bool
    /// Whether the concept itself is deprecated.
    public let conceptIsDeprecated: Bool
    /// Whether the label is an abbreviation (``Label/isAbbreviation``).
    public let isAbbreviation: Bool

    /// This form as a form of the concept `key` (of an excerpt of the set).
    package func naming(_ key: ConceptKey) -> IndexEntry {
        IndexEntry(
            concept: key, labelIndex: labelIndex, form: form, kind: kind, language: language, isCaseSensitive: isCaseSensitive,
            conceptIsDeprecated: conceptIsDeprecated, isAbbreviation: isAbbreviation)
    }
}

/// How a query met a term, best first.
public enum MatchKind: String, Sendable, Hashable, Comparable, Codable {
    /// The same term, ignoring case (unless the label is case-sensitive), spacing and hyphens.
    case exact
    /// A case-sensitive term (a name, an abbreviation) in another casing: `hva` for `HvA`.
    case caseInsensitive
    /// The same term once accents are removed as well.
    case accentInsensitive
    /// The term starts with the query (3 characters or more, or any with a `*` after them).
    case prefix
    /// The term ends with, or holds, what a query with a `*` before it gives (`*begeleider`,
    /// `*leid*`).
    case wildcard
    /// The term is a few typing mistakes away from the query.
    case fuzzy

    private var rank: Int {
        switch self {
        case .exact: 0
        case .caseInsensitive: 1
        case .accentInsensitive: 2
        case .prefix, .wildcard: 3
        case .fuzzy: 4
        }
    }

    public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.rank < rhs.rank }
}

/// One concept found by a query, with the form that matched best.
public struct LookupMatch: Sendable, Hashable {
    /// The concept.
    public let concept: ConceptKey
    /// The form that matched.
    public let entry: IndexEntry
    /// How it matched.
    public let kind: MatchKind
    /// Edits between query and form (0 unless fuzzy).
    public let distance: Int
    /// Whether the form is what was typed, letter for letter but for case.
    let isVerbatim: Bool
    /// The length of the completed key (shorter completions rank first; 0 unless prefix).
    let length: Int

    /// The same match of the same concept under another key (in an excerpt of the set).
    func renamed(to key: ConceptKey) -> LookupMatch {
        LookupMatch(
            concept: key, entry: entry.naming(key), kind: kind, distance: distance, isVerbatim: isVerbatim, length: length)
    }
}

/// Every label, form and notation of a vocabulary set, indexed once for exact (a
/// case-sensitive name also in another casing), accent-insensitive, prefix and fuzzy
/// lookup. Immutable and shareable between threads.
public struct LookupIndex: Sendable {
    /// Every searchable form, by entry id.
    let indexEntries: IndexEntries
    /// Entry ids by loose key (spacing, hyphens and case normalised).
    private let byLooseKey: KeyTable
    /// Entry ids by accent-folded key; its slots are what prefix and fuzzy search work on.
    let byAccentKey: KeyTable
    /// The accent-folded key slots, sorted by key, for prefix search.
    let sortedSlots: Column<Int32>
    /// The trigram index of the accent-folded keys, for fuzzy search.
    private let fuzzy: FuzzyIndex

    /// Every searchable form, made anew on each call (in concept order).
    public var entries: [IndexEntry] { Array(indexEntries) }

    /// Every label form and notation of `set` as index entries, in concept order.
    public static func entries(of set: VocabularySet) -> [IndexEntry] { Array(IndexEntries(set)) }

    /// Indexes every label and notation of `set` (all languages).
    public init(_ set: VocabularySet) {
        let entries = IndexEntries(set)
        // The keys are made on all cores; each table is then filled in entry order, the two side by side.
        let keys = Parallel.map(entries.count) { id -> (loose: String, accentless: String)? in
            let form = entries[id].form
            guard !form.isEmpty else { return nil }
            let loose = TermNormalizer.loose(form)
            return (loose, TermNormalizer.removingAccents(loose))
        }
        @Sendable func table(_ key: ((loose: String, accentless: String)) -> String) -> KeyTable {
            var builder = KeyTable.Builder(capacity: entries.count)
            for (id, entry) in keys.enumerated() {
                if let entry { builder.add(Int32(id), key: key(entry)) }
            }
            return builder.build()
        }
        let (looseKeys, (accentKeys, slotsInOrder)) = Parallel.both(
            { table(\.loose) },
            {
                let accentKeys = table(\.accentless)
                return (accentKeys, accentKeys.slotsInKeyOrder())
            })
        indexEntries = entries
        byLooseKey = looseKeys
        byAccentKey = accentKeys
        sortedSlots = Column(slotsInOrder)
        fuzzy = FuzzyIndex(accentKeys)
    }

    /// The concepts matching `query`, best first, one match per concept.
    ///
    /// - Parameters:
    ///   - query: What the user typed.
    ///   - languages: Only labels in these languages count (notations always do); `nil` for all.
    ///   - limit: The most matches returned.
    ///   - concepts: Only concepts it takes count (a service's search of one scheme); `nil` for all.
    public func search(
        _ query: String, languages: Set<String>? = nil, limit: Int = 10, concepts: ((ConceptKey) -> Bool)? = nil
    ) -> [LookupMatch] {
        search(query, languages: languages, limit: limit, concepts: concepts, lastResorts: true)
    }

    /// ``search(_:languages:limit:concepts:)``; with `lastResorts`, a query that finds nothing
    /// is tried once more without the signs after it, then once more in its singular.
    private func search(
        _ query: String, languages: Set<String>?, limit: Int, concepts: ((ConceptKey) -> Bool)?, lastResorts: Bool
    ) -> [LookupMatch] {
        let spaced = TermNormalizer.spacing(query)
        guard !spaced.isEmpty, limit > 0 else { return [] }
        let loose = TermNormalizer.loose(spaced)
        // A `*` at an end truncates, unless the term is written so ("Gender*").
        if let wildcard = Wildcard(spaced), byLooseKey.entries(of: loose).isEmpty {
            return search(wildcard, languages: languages, limit: limit, concepts: concepts)
        }
        let accent = TermNormalizer.removingAccents(loose)
        let typed = spaced.lowercased()
        var best: [ConceptKey: LookupMatch] = [:]
        func consider(_ id: Int32, _ kind: MatchKind, distance: Int = 0, length: Int = 0) {
            let entry = indexEntries[Int(id)]
            guard Self.counts(entry, languages: languages, concepts: concepts) else { return }
            let isVerbatim = entry.form.utf8.count == spaced.utf8.count && entry.form.lowercased() == typed
            Self.keep(
                LookupMatch(
                    concept: entry.concept, entry: entry, kind: kind, distance: distance, isVerbatim: isVerbatim, length: length),
                in: &best)
        }
        for id in byLooseKey.entries(of: loose) {
            let entry = indexEntries[Int(id)]
            let otherCasing =
                entry.isCaseSensitive && TermNormalizer.spacing(entry.form) != spaced
                && !Self.sameWordsExactCase(entry.form, spaced)
            consider(id, otherCasing ? .caseInsensitive : .exact)
        }
        for id in byAccentKey.entries(of: accent)
        where !indexEntries[Int(id)].isCaseSensitive && best[indexEntries[Int(id)].concept] == nil {
            consider(id, .accentInsensitive)
        }
        // A word copied with the signs after it ("mentor." from a sentence) is the word, when
        // the signs make no term of their own ("e.g." is found as it is, above).
        if lastResorts, best.isEmpty, let last = spaced.unicodeScalars.last, Self.sentenceSigns.contains(last) {
            var bare = Substring(spaced)
            while let last = bare.unicodeScalars.last, Self.sentenceSigns.contains(last) || last == " " {
                bare = Substring(bare.unicodeScalars.dropLast())
            }
            if !bare.isEmpty { return search(String(bare), languages: languages, limit: limit, concepts: concepts) }
        }
        let foundExactly = !best.isEmpty
        if accent.unicodeScalars.count >= 3 {
            // Completions shortest first; stop once the list is full of preferred terms,
            // which no longer completion can beat.
            for bucket in slotsByLength(prefixSlots(accent)) {
                for slot in bucket {
                    let length = byAccentKey.scalarCount(ofSlot: slot)
                    for entry in byAccentKey.entries(ofSlot: slot) { consider(entry, .prefix, length: length) }
                }
                if Self.isFull(Self.best(limit, of: best.values), limit) { break }
            }
        }
        // Typing mistakes are looked for only when the query is no term itself, and when
        // completions have not already filled the list (they rank before typos).
        let queryScalars = accent.unicodeScalars.map(\.value)
        let allowance = EditDistance.allowance(forLength: queryScalars.count)
        if allowance > 0, !foundExactly, best.count < limit {
            for slot in fuzzy.trigrams.candidates(for: queryScalars, maximumEdits: allowance) {
                guard let distance = distance(from: queryScalars, toSlot: slot, limit: allowance), distance > 0
                else { continue }
                for entry in byAccentKey.entries(ofSlot: slot) { consider(entry, .fuzzy, distance: distance) }
            }
        }
        // A plural typed where the labels are singular ("ambulances" for "ambulance services",
        // in a thesaurus that gives no plurals): its singular, as a last resort.
        if lastResorts, best.isEmpty, let singular = Self.singular(of: spaced) {
            return search(singular, languages: languages, limit: limit, concepts: concepts, lastResorts: false)
        }
        return Self.best(limit, of: best.values)
    }

    /// `text` without the plural ending of its last word (`-'s`, `-s`), when three letters or
    /// more are left; `nil` when it has none.
    static func singular(of text: String) -> String? {
        for ending in ["'s", "’s", "s"] where text.lowercased().hasSuffix(ending) {
            let stem = String(text.dropLast(ending.count))
            guard stem.unicodeScalars.count >= 3, stem.last?.isLetter == true else { return nil }
            return stem
        }
        return nil
    }

    /// The signs that end a word in a sentence, which a query copied from one may carry.
    private static let sentenceSigns: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", ")", "\"", "”", "’"]

    /// The edit distance from `query` to the accent-folded key in `slot`, or `nil` beyond `limit`.
    private func distance(from query: [UInt32], toSlot slot: Int, limit: Int) -> Int? {
        EditDistance.distance(query, byAccentKey.scalars(ofSlot: slot)[...], limit: limit)
    }

    /// Whether `top` holds `limit` matches that no match of a longer completion can beat:
    /// exact ones, or preferred terms.
    static func isFull(_ top: [LookupMatch], _ limit: Int) -> Bool {
        guard top.count == limit, let last = top.last else { return false }
        return last.kind < .prefix || last.entry.kind == .preferred
    }

    /// Slots grouped by key length, shortest first.
    func slotsByLength(_ slots: [Int]) -> [[Int]] {
        Dictionary(grouping: slots) { byAccentKey.scalarCount(ofSlot: $0) }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// The `limit` best matches in rank order, without sorting them all.
    static func best(_ limit: Int, of matches: some Collection<LookupMatch>) -> [LookupMatch] {
        var top: [LookupMatch] = []
        top.reserveCapacity(limit + 1)
        for match in matches {
            if top.count == limit, let last = top.last, !ranksBefore(match, last) { continue }
            let position = top.firstIndex { ranksBefore(match, $0) } ?? top.endIndex
            top.insert(match, at: position)
            if top.count > limit { top.removeLast() }
        }
        return top
    }

    /// Terms close to `query` for a "did you mean" hint, even when too far off to be matches.
    public func suggestions(for query: String, languages: Set<String>? = nil, limit: Int = 3) -> [IndexEntry] {
        let queryScalars = TermNormalizer.accentFolded(query).unicodeScalars.map(\.value)
        guard !queryScalars.isEmpty else { return [] }
        let limitEdits = max(2, queryScalars.count / 2)
        var scored: [(distance: Int, slot: Int)] = []
        for slot in fuzzy.trigrams.candidates(for: queryScalars, maximumEdits: limitEdits) {
            if let distance = distance(from: queryScalars, toSlot: slot, limit: limitEdits) {
                scored.append((distance, slot))
            }
        }
        var seen: Set<ConceptKey> = []
        var result: [IndexEntry] = []
        for (_, slot) in scored.sorted(by: { ($0.distance, $0.slot) < ($1.distance, $1.slot) }) {
            for id in byAccentKey.entries(ofSlot: slot) {
                let entry = indexEntries[Int(id)]
                guard Self.counts(entry, languages: languages, concepts: nil) else { continue }
                if seen.insert(entry.concept).inserted { result.append(entry) }
            }
            if result.count >= limit { break }
        }
        return Array(result.prefix(limit))
    }

    /// The slots whose key starts with `prefix`, found by binary search in the sorted keys.
    /// Label forms that start with what the user typed so far (ignoring case, accents,
    /// spacing and hyphens), in alphabetical order of their keys, for search boxes that
    /// suggest as the user types. Hidden labels (misspellings) are never suggested; each
    /// label is given once (as its own text when that completes what was typed, else as its
    /// first form that does: "praktijkb" gives "praktijkbegeleider", not also its plural, and
    /// "oplei" "opleidingsschool", not "opleidingsscholen", which sorts first), and the same
    /// words of a concept in several languages once ("feedback" in Dutch and English). The
    /// work is a binary search plus the entries returned and a few keys after them.
    ///
    /// - Parameters:
    ///   - typed: What the user typed so far.
    ///   - languages: Only labels in these languages (notations always); `nil` for all.
    ///   - limit: The most completions returned.
    ///   - concepts: Only concepts it takes (a service's search of one scheme); `nil` for all.
    public func completions(
        of typed: String, languages: Set<String>? = nil, limit: Int = 10, concepts: ((ConceptKey) -> Bool)? = nil
    ) -> [IndexEntry] {
        // Every completion starts with what was typed: a `*` around it (Skosmos's truncation) adds nothing.
        let bare = Wildcard.withoutStars(typed)
        let accent = TermNormalizer.removingAccents(TermNormalizer.loose(TermNormalizer.spacing(String(bare))))
        guard !accent.isEmpty, limit > 0 else { return [] }
        let prefix = Array(accent.utf8)
        var index = firstSlotPosition(notBefore: prefix)
        var result: [(id: Int32, entry: IndexEntry)] = []
        // Where each label's completion is in `result`, and the words of each concept shown.
        var placeOfLabel: [String: Int] = [:]
        var words = Set<String>()
        // A label's own text is its first entry, and it completes the label rather than one
        // of its forms; but a form may sort first ("opleidingsscholen" before
        // "opleidingsschool"): a few more keys are read once the list is full, for those.
        var lookahead = 32
        while index < sortedSlots.count {
            if result.count >= limit {
                guard lookahead > 0 else { break }
                lookahead -= 1
            }
            let slot = Int(sortedSlots[index])
            guard byAccentKey.key(inSlot: slot, startsWith: prefix) else { break }
            for id in byAccentKey.entries(ofSlot: slot) {
                let entry = indexEntries[Int(id)]
                guard entry.kind != .hidden, Self.counts(entry, languages: languages, concepts: concepts) else { continue }
                // One completion a label, and one for the same words of a concept in several
                // languages ("feedback" in nl and en): a search box shows the words alone.
                let label = "\(entry.concept.rawValue)/" + (entry.labelIndex.map { "\($0)" } ?? "#\(entry.form)")
                if let place = placeOfLabel[label] {
                    // The label's own text, in place of a form of it (unless the concept shows
                    // those words already, in another language).
                    let shown = "\(entry.concept.rawValue)/=\(result[place].entry.form)"
                    if id < result[place].id, words.insert("\(entry.concept.rawValue)/=\(entry.form)").inserted {
                        words.remove(shown)
                        result[place] = (id, entry)
                    }
                    continue
                }
                guard result.count < limit, words.insert("\(entry.concept.rawValue)/=\(entry.form)").inserted else { continue }
                placeOfLabel[label] = result.count
                result.append((id, entry))
            }
            index += 1
        }
        return result.map(\.entry)
    }

    /// The position in ``sortedSlots`` of the first key that does not sort before `prefix`.
    func firstSlotPosition(notBefore prefix: [UInt8]) -> Int {
        var low = 0
        var high = sortedSlots.count
        while low < high {
            let middle = (low + high) / 2
            if byAccentKey.key(inSlot: Int(sortedSlots[middle]), precedes: prefix) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func prefixSlots(_ prefix: String) -> [Int] {
        let prefix = Array(prefix.utf8)
        var low = firstSlotPosition(notBefore: prefix)
        var result: [Int] = []
        while low < sortedSlots.count, byAccentKey.key(inSlot: Int(sortedSlots[low]), startsWith: prefix) {
            result.append(Int(sortedSlots[low]))
            low += 1
        }
        return result
    }

    /// A case-sensitive label also matches a query that differs only in hyphens and spacing.
    private static func sameWordsExactCase(_ form: String, _ query: String) -> Bool {
        func words(_ text: String) -> [Substring] {
            text.split { $0.isWhitespace || $0.unicodeScalars.allSatisfy(TermNormalizer.isHyphen) }
        }
        return words(form) == words(query)
    }

    /// Best first: match kind, the form typed exactly, fewer edits, the kind of label
    /// (preferred before alternative, deprecated and hidden), shorter completions,
    /// concepts in use before deprecated ones, then source order.
    static func ranksBefore(_ a: LookupMatch, _ b: LookupMatch) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.isVerbatim != b.isVerbatim { return a.isVerbatim }
        if a.distance != b.distance { return a.distance < b.distance }
        if a.entry.kind != b.entry.kind { return kindRank(a.entry.kind) < kindRank(b.entry.kind) }
        if a.length != b.length { return a.length < b.length }
        if a.entry.conceptIsDeprecated != b.entry.conceptIsDeprecated { return !a.entry.conceptIsDeprecated }
        return a.concept < b.concept
    }

    private static func kindRank(_ kind: LabelKind) -> Int {
        switch kind {
        case .preferred: 0
        case .alternative: 1
        case .deprecated: 2
        case .hidden: 3
        }
    }
}

extension LookupIndex {
    /// The compiled form of the index, for ``CompiledVocabulary``: columns that are used where
    /// they lie when read back.
    func write(to writer: inout BinaryWriter) {
        indexEntries.write(to: &writer)
        byLooseKey.write(to: &writer)
        byAccentKey.write(to: &writer)
        writer.writeRaw(sortedSlots)
    }

    /// Whether every entry names a label its concept in `set` has (see ``IndexEntries/check(against:)``).
    func checkEntries(against set: VocabularySet) throws(SnapshotError) { try indexEntries.check(against: set) }

    /// The compiled form of the trigram index (built now if no search has needed it yet).
    func writeTrigrams(to writer: inout BinaryWriter) {
        fuzzy.trigrams.write(to: &writer)
    }

    /// The entries of an index that ``write(to:)`` wrote for a set of `conceptCount` concepts,
    /// its key tables passed over: what lint needs of it. Its tables are checked only when
    /// they are read to be searched (a lint of 100k concepts would check 60 MB it never reads).
    static func entries(passingOverTablesIn reader: inout BinaryReader, conceptCount: Int) throws(SnapshotError)
        -> IndexEntries
    {
        let entries = try IndexEntries(reading: &reader, conceptCount: conceptCount)
        try KeyTable.passOver(in: &reader)
        try KeyTable.passOver(in: &reader)
        try reader.skipColumn(Int32.self)
        return entries
    }

    /// Reads an index that ``write(to:)`` wrote for a set of `conceptCount` concepts; its
    /// trigram index is read from `trigrams` (what ``writeTrigrams(to:)`` wrote) when first
    /// needed, else built then.
    init(reading reader: inout BinaryReader, conceptCount: Int, trigrams: SnapshotSection? = nil) throws(SnapshotError) {
        let entries = try IndexEntries(reading: &reader, conceptCount: conceptCount)
        indexEntries = entries
        byLooseKey = try KeyTable(reading: &reader, entryCount: entries.count)
        byAccentKey = try KeyTable(reading: &reader, entryCount: entries.count)
        sortedSlots = try reader.readColumn()
        fuzzy = FuzzyIndex(byAccentKey, stored: trigrams)
        guard sortedSlots.count == byAccentKey.count, sortedSlots.allLie(in: 0..<Int32(clamping: byAccentKey.count)) else {
            throw .malformed("the lookup index does not fit its keys")
        }
    }
}
