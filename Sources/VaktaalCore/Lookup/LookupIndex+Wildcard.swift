/// Searching with Skosmos's truncation: editors type `ment*` for every term that starts so,
/// `*begeleider` for every term that ends so, and `*leid*` for every term that holds it.
extension LookupIndex {
    /// A query with a `*` at its end, its start, or both, around text of its own.
    struct Wildcard {
        /// The accent-folded key of the text between the stars.
        let key: [UInt8]
        /// A `*` before the text.
        let before: Bool
        /// A `*` after the text.
        let after: Bool

        /// The wildcard `query` is; `nil` for a query without a `*` at an end, or with
        /// one inside (searched as it is typed), with stars alone, or with fewer than three
        /// characters after a leading star (which would read every key for little).
        init?(_ query: String) {
            before = query.hasPrefix("*")
            after = query.hasSuffix("*")
            guard before || after else { return nil }
            let text = Self.withoutStars(query)
            guard !text.isEmpty, !text.contains("*"), !before || text.unicodeScalars.count >= 3 else { return nil }
            key = Array(TermNormalizer.removingAccents(TermNormalizer.loose(TermNormalizer.spacing(String(text)))).utf8)
            guard !key.isEmpty else { return nil }
        }

        /// `text` without the stars at its ends.
        static func withoutStars(_ text: String) -> Substring {
            let start = text.firstIndex { $0 != "*" } ?? text.endIndex
            let end = text.lastIndex { $0 != "*" }.map { text.index(after: $0) } ?? start
            return text[start..<max(start, end)]
        }

        /// Whether the key `candidate` is one this wildcard stands for.
        func holds(_ candidate: UnsafeBufferPointer<UInt8>) -> Bool {
            switch (before, after) {
            case (false, _): candidate.starts(with: key)
            case (true, false): candidate.count >= key.count && candidate.suffix(key.count).elementsEqual(key)
            case (true, true): candidate.firstRange(of: key) != nil
            }
        }
    }

    /// The concepts with a term `wildcard` stands for, best first: the term itself (the text
    /// between the stars), then the shortest terms. A trailing `*` reads the sorted keys from
    /// the text on; a leading one reads every key (their bytes alone). Terms are taken
    /// shortest first, until the list is full of what no longer term can beat.
    func search(_ wildcard: Wildcard, languages: Set<String>?, limit: Int, concepts: ((ConceptKey) -> Bool)?)
        -> [LookupMatch]
    {
        var best: [ConceptKey: LookupMatch] = [:]
        func consider(_ slot: Int) {
            let length = byAccentKey.scalarCount(ofSlot: slot)
            let isText = byAccentKey.withKey(inSlot: slot) { $0.elementsEqual(wildcard.key) }
            for id in byAccentKey.entries(ofSlot: slot) {
                let entry = indexEntries[Int(id)]
                guard Self.counts(entry, languages: languages, concepts: concepts) else { continue }
                let kind: MatchKind = isText ? .exact : wildcard.before ? .wildcard : .prefix
                Self.keep(
                    LookupMatch(concept: entry.concept, entry: entry, kind: kind, distance: 0, isVerbatim: false, length: length),
                    in: &best)
            }
        }
        let slots =
            wildcard.before
            ? (0..<byAccentKey.count).filter { byAccentKey.withKey(inSlot: $0, wildcard.holds) }
            : prefixSlots(String(decoding: wildcard.key, as: UTF8.self))
        for bucket in slotsByLength(slots) {
            for slot in bucket { consider(slot) }
            if Self.isFull(Self.best(limit, of: best.values), limit) { break }
        }
        return Self.best(limit, of: best.values)
    }

    /// Whether `entry` counts for a search in `languages` (notations always do) and `concepts`.
    static func counts(_ entry: IndexEntry, languages: Set<String>?, concepts: ((ConceptKey) -> Bool)?) -> Bool {
        if let languages, entry.labelIndex != nil, !LanguageTag.choice(languages, includes: entry.language) { return false }
        return concepts?(entry.concept) ?? true
    }

    /// Keeps `match` as its concept's when it ranks before the one kept.
    static func keep(_ match: LookupMatch, in best: inout [ConceptKey: LookupMatch]) {
        if let current = best[match.concept], !ranksBefore(match, current) { return }
        best[match.concept] = match
    }
}
