import VaktaalText

/// What a matched phrase is: a label form of the vocabulary, or a phrase that is simply
/// fine (an exception phrase of a deprecated label, or an allowed word of the configuration).
package enum MatchTarget: Sendable, Hashable {
    case label(MatchedForm)
    case allowed
}

/// A label form a match names: its entry among the matcher's, its concept in the matcher's
/// set, and what the rules ask of every match. A text names the vocabulary's labels far more
/// often than it misuses one, so a match carries no strings: the matcher makes the whole
/// ``IndexEntry`` of the few that are reported (``TermMatcher/entry(_:)``).
package struct MatchedForm: Sendable, Hashable {
    /// The entry's place among the matcher's entries.
    package let id: Int
    /// The concept the form names, in the matcher's set (an excerpt's key for an excerpt's matcher).
    package let concept: ConceptKey
    /// The form's label, as its place among its concept's labels; `nil` for a notation.
    package let labelIndex: Int?
    /// Whether the form is one the vocabulary allows: of an allowed label kind, its concept
    /// not deprecated.
    package let isAllowedUse: Bool
    /// Whether the form's label is a name whose casing is part of it (``Label/isName``).
    package let isName: Bool
    /// Whether the matched text is the form as the vocabulary writes it, byte for byte.
    package let isWrittenAsIs: Bool
}

/// A phrase found in a text.
package struct TermMatch: Sendable, Hashable {
    /// Byte range in the text that was scanned.
    package let range: Range<Int>
    /// What matched.
    package let target: MatchTarget
}

/// One automaton for all labels of every language: a trie over token keys (folded words,
/// single spaces, punctuation), walked from every word of the text. The work grows with the
/// length of the text, not with the number of labels: a word that starts no label costs one
/// lookup. It lies in columns, so that a snapshot's matcher is used where it lies in the
/// mapped file; ``Builder`` makes one.
package struct TermMatcher: Sendable {
    let transitions: TransitionTable
    /// Two bits per first-word hash in one word of this filter (a blocked Bloom filter),
    /// about 16 bits for each distinct first word, so that it stays nearly empty yet in the
    /// cache: most words of a text start no label and are turned away here. Its count is a
    /// power of two.
    let firstWords: Column<UInt64>
    /// A filter as ``firstWords`` is, of the tokens that white space follows inside some
    /// phrase: a line break after any other token is crossed by no phrase
    /// (``mayCrossLineBreak(at:in:notBefore:)``).
    let tokensBeforeSpace: Column<UInt64>
    /// A filter as ``firstWords`` is, of the transitions after a phrase's first token (by
    /// their keys, ``combine(_:_:)``): most walks from a common word that starts some longer
    /// phrase ("andere", "bepaalde") end at the next word, and are turned away here rather
    /// than by a lookup in the large table.
    let laterSteps: Column<UInt64>
    /// The number of nodes, the root included.
    let nodeCount: Int
    /// The phrases that end at each node, chained from the node's first
    /// (``TransitionTable/Step/firstCandidate``) in the order they were added, each with the
    /// key text (folded unless case-sensitive) its tokens must give, end to end.
    let candidates: MatchCandidates
    /// The label forms the candidates name.
    let entries: IndexEntries
    /// For a matcher of an excerpt of the set (``renaming(_:)``): each concept's key in the
    /// excerpt, by its key in the whole set; −1 for one the excerpt leaves out.
    var conceptRenames: [Int32]? = nil
    /// Phrases that are simply fine, added to this matcher (``adding(allowed:)``): a small
    /// matcher of their own beside this one, so that a large matcher is not copied for them.
    var allowedPhrases: AllowedPhrases? = nil

    /// The allowed phrases of a configuration, matched beside a matcher.
    final class AllowedPhrases: Sendable {
        let matcher: TermMatcher

        init(_ matcher: TermMatcher) { self.matcher = matcher }
    }

    /// Which languages' labels a scan finds, for a matcher's languages.
    package struct Languages: Sendable {
        /// By language place; `nil` for all.
        fileprivate let wanted: [Bool]?

        @inline(__always)
        fileprivate func contains(_ language: Int32) -> Bool {
            guard let wanted, language >= 0 else { return true }
            return wanted[Int(language)]
        }
    }

    /// The languages a choice of `tags` asks for (all when `nil`), as lookup takes them
    /// (``LanguageTag/choice(_:includes:)``): `nl` gives `nl-NL` and `nl-BE` too, `nl-NL`
    /// gives `nl`; phrases of no language are always found.
    package func languages(_ tags: Set<String>?) -> Languages {
        Languages(wanted: tags.map { tags in entries.languages.map { LanguageTag.choice(tags, includes: $0) } })
    }

    /// The word of a filter of `count` words (a power of two) that holds a key hash's bits.
    @inline(__always)
    static func filterWord(_ hash: UInt64, among count: Int) -> Int { Int(truncatingIfNeeded: hash >> 38) & (count - 1) }

    /// The two bits of a key hash in its filter word, from hash bits that do not choose the
    /// word (for filters of up to 2²⁰ words).
    @inline(__always)
    static func filterBits(_ hash: UInt64) -> UInt64 { 1 << (hash >> 58) | 1 << ((hash >> 32) & 63) }

    @inline(__always)
    static func combine(_ node: Int32, _ key: UInt64) -> UInt64 {
        var value = key ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)
        value ^= value >> 29
        return value
    }

    /// Every match in `bytes[range]` of a phrase in `languages`, left to right, longest first
    /// at each word, never overlapping. A phrase covered by an allowed label or phrase is
    /// never reported as a shorter outdated label inside it.
    package func matches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, languages: Languages) -> [TermMatch] {
        var result: [TermMatch] = []
        forEachMatch(in: bytes, range: range, languages: languages) { result.append($0) }
        return result
    }

    /// Hands `body` every match of ``matches(in:range:languages:)`` as it is found, so that a
    /// caller that keeps few of them (a text of a large vocabulary names one of its labels
    /// every few words) collects no array of them all.
    package func forEachMatch(
        in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, languages: Languages, _ body: (TermMatch) -> Void
    ) {
        forEachMatch(in: bytes, range: range, languages: languages, handingOver: .none) { match in
            body(match)
            return .taken
        } repeated: { _, _ in
        }
    }

    /// What the caller of a scan did with a match it was handed.
    package enum MatchHandling {
        /// Looked at it.
        case taken
        /// Only counted it, and would only count a use of the same form written the same
        /// way: the scan may count such uses itself.
        case counted
    }

    /// Hands `body` every match of ``matches(in:range:languages:)`` as it is found; a word
    /// whose match `body` only counted is counted by the scan itself when it meets the word
    /// again (while its memo keeps it), and those uses are handed to `repeated` as counts
    /// (at the latest when the scan ends), but for a use `handedOver` names (``HandedOverUses``:
    /// one that may be part of a file name, as the caller tells), which `body` is handed as
    /// any other. A text of a large vocabulary names one of its common labels every few
    /// words: most of its matches are then counted where they are found.
    ///
    /// - Parameter shared: A memo of the caller's that several texts share (the pieces of
    ///   one text), used instead of one of the scan's own: the uses it counts stay in it
    ///   until the caller hands them over (``WordMatchMemo/handOverCounts(to:)``), but for
    ///   those of a word it drops to keep another, which `repeated` is given. A memo serves
    ///   one matcher, one choice of languages and of `handedOver` uses, and callers that
    ///   handle a match alike (what `body` only counted once, it counts from then on).
    package func forEachMatch(
        in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, languages: Languages, sharing shared: WordMatchMemo? = nil,
        handingOver handedOver: HandedOverUses, _ body: (TermMatch) -> MatchHandling,
        repeated: (MatchedForm, Int) -> Void
    ) {
        if let shared { return scan(bytes, range, languages, memo: shared, handedOver, body, repeated) }
        guard range.count >= WordMatchMemo.worthwhileLength else {
            return scan(bytes, range, languages, memo: nil, handedOver, body, repeated)
        }
        WordMatchMemo.withMemo(forTextOf: range.count) { memo in
            scan(bytes, range, languages, memo: memo, handedOver, body, repeated)
            memo.handOverCounts(to: repeated)
        }
    }

    /// ``forEachMatch(in:range:languages:sharing:handingOver:_:repeated:)``, taking what
    /// words matched from `memo` when they were met before, and leaving the uses it counted there.
    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ languages: Languages, memo: WordMatchMemo?,
        _ handedOver: HandedOverUses, _ body: (TermMatch) -> MatchHandling, _ repeated: (MatchedForm, Int) -> Void
    ) {
        func handOver(_ target: MatchTarget?, _ count: Int) {
            if case .label(let form)? = target { repeated(form, count) }
        }
        withUnsafeTemporaryAllocation(of: CandidateWord.self, capacity: Self.wordsAhead) { candidates in
            var index = range.lowerBound
            // The candidate words found ahead (``candidateWords(_:from:in:end:countingWith:)``),
            // the next one to take, and where the text was looked at up to.
            var (count, next, lookedAt) = (0, 0, range.lowerBound)
            // Words met again are counted in a loop of their own where many are uses of labels
            // to count: with many first words (at 100k concepts 3.45 M of 3.9 M candidates);
            // with few, most candidates are words that match nothing, and the loop would only
            // look at each in vain.
            let countingMemo = hasManyFirstWords ? memo : nil
            while index < range.upperBound {
                while next < count, candidates[next].start < index { next += 1 }
                if next < count, let memo = countingMemo {
                    next = Self.countUsesAlone(
                        of: candidates, from: next, upTo: count, at: &index, in: bytes, range, memo: memo, handedOver)
                    if next == count { continue }
                }
                if next == count {
                    // No word before `lookedAt` may start a phrase: the scan goes on from there.
                    if index < lookedAt {
                        index = lookedAt
                        continue
                    }
                    (count, lookedAt) = candidateWords(
                        candidates, from: index, in: bytes, end: range.upperBound, countingWith: countingMemo)
                    next = 0
                    if count > 0 || lookedAt > index { continue }
                    // A token that is not all ASCII.
                    index = nonASCIIToken(at: index, in: bytes, end: range.upperBound, languages, body)
                    continue
                }
                let word = candidates[next]
                next += 1
                index = word.start
                let (end, hash) = (word.end, word.hash)
                let key = memo == nil ? nil : WordMatchMemo.key(of: bytes, from: index, to: end)
                let pair = memo?.pair(hash: hash, firstByte: bytes[index]) ?? 0
                let kept = key.flatMap { memo?.slot(of: $0, inPair: pair) }
                let found: TermMatch?
                var slot: Int?
                if let kept, let memo,
                    !goesOn(memo.phrasesGoingOn(at: kept), after: index..<end, in: bytes, range)
                {
                    if memo.countsUses(at: kept), !handedOver.handsOver(index, end, in: bytes, range) {
                        memo.countUse(at: kept, handOver: handOver)
                        index = end + 1
                        continue
                    }
                    found = memo.target(at: kept).map { TermMatch(range: index..<end, target: $0) }
                    slot = kept
                } else {
                    let token = Tokenizer.Token(kind: .word, start: index, end: end)
                    found = longestMatch(startingWith: token, firstHash: hash, in: bytes, end: range.upperBound, languages)
                    if kept == nil, let key, let memo, let goingOn = phrasesGoingOn(from: hash) {
                        // What the word matches where no phrase goes on from it: what was found,
                        // unless that is a longer phrase (which is then no use of the word to count).
                        let alone =
                            found.map { $0.range.upperBound == end } ?? true
                            ? found : longestMatch(startingWith: token, firstHash: hash, in: bytes, end: end, languages)
                        let keptNow = memo.keep(
                            alone?.target, at: key, inPair: pair, goingOn: goingOn, handOver: handOver)
                        if found?.range.upperBound ?? end == end { slot = keptNow }
                    }
                }
                if let found, body(found) == .counted, let slot { memo?.startCounting(at: slot) }
                // The byte after an ASCII word is an ASCII space or sign, or the end of the
                // range (``TokenKey/asciiWord(in:at:end:)``): no term starts there.
                let matchEnd = found?.range.upperBound ?? end
                index = matchEnd == end ? end + 1 : matchEnd
            }
        }
    }

    /// Counts the uses of the candidate words from `next` that the memo counts alone
    /// (``WordMatchMemo/slotCountingAlone(_:from:to:hash:)``) and that `handedOver` does not
    /// name, up to the first that is not such a use or `count`; returns where it
    /// stopped, `index` moved past the last word counted. A text of a large vocabulary names
    /// one of its common labels every few words: this loop, of few values, is the scan's way
    /// past most of them (at 100k concepts 3.45 M of 3.9 M candidate words: 145 M
    /// instructions fewer than along the scan's general path).
    @inline(__always)
    private static func countUsesAlone(
        of candidates: UnsafeMutableBufferPointer<CandidateWord>, from next: Int, upTo count: Int, at index: inout Int,
        in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, memo: WordMatchMemo, _ handedOver: HandedOverUses
    ) -> Int {
        var next = next
        while next < count {
            let word = candidates[next]
            guard let slot = memo.slotCountingAlone(bytes, from: word.start, to: word.end, hash: word.hash),
                !handedOver.handsOver(word.start, word.end, in: bytes, range)
            else { break }
            memo.countUseAlone(at: slot)
            index = word.end &+ 1
            next &+= 1
        }
        return next
    }

    /// Whether the first-word filter is large (``TermMatcher/firstWords``: more than 32 KB, for
    /// more than 16,000 first words), so that many words of a text pass it and, waiting for
    /// the filter from memory, a branch on each would be mispredicted often; with few
    /// first words almost all words are turned away, which a branch predicts.
    private var hasManyFirstWords: Bool { firstWords.count > 4096 }

    /// How many words a scan looks at ahead of it at a time (with a small filter: how many
    /// candidates it finds ahead). With a large filter, the more words ask for their filter
    /// words before the first is looked up, the longer these have to come (at 100k
    /// concepts, one core, 128 words: 2.5% faster than 64).
    static let wordsAhead = 128

    /// An ASCII word of a text looked at ahead of the scan, and its key hash: once the
    /// candidate pass is done, one that may start a phrase.
    private struct CandidateWord {
        let start: Int
        let end: Int
        let hash: UInt64
    }

    /// The ASCII words from `start` on (a place the scan is at: a token starts there) that
    /// may start a phrase of this matcher or of its allowed phrases (the first-word filters),
    /// into `candidates`: until it is full (with a large filter: until as many words as it
    /// holds were looked at), the text ends or a byte that is not ASCII comes (or a word that
    /// goes on into one); how many, and where the words were looked at up to: from `start` to
    /// there every byte outside them is an ASCII space or sign, or in a word that starts no
    /// phrase. Most words start none: found in a tight pass (two with a large filter), the
    /// scan goes from one candidate to the next.
    ///
    /// The slots of the candidates in the memo the scan counts them with, if any, are asked
    /// for too.
    @inline(__always)
    private func candidateWords(
        _ candidates: UnsafeMutableBufferPointer<CandidateWord>, from start: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int,
        countingWith memo: WordMatchMemo?
    ) -> (count: Int, lookedAt: Int) {
        guard hasManyFirstWords else { return candidateWordsOneByOne(candidates, from: start, in: bytes, end: end) }
        // A large filter is mostly not in the nearest cache: every word is found first, each
        // asking for its filter word, and then the words are looked up in the filter, which
        // has come meanwhile. A quarter of a text's words may then pass it: without a branch
        // on it, every word is kept in place and only the candidates are counted.
        var found = 0
        let lookedAt = Self.forEachASCIIWord(from: start, in: bytes, end: end) { word in
            firstWords.prefetch(Self.filterWord(word.hash, among: firstWords.count))
            candidates[found] = word
            found &+= 1
            return found < candidates.count
        }
        var count = 0
        // 1 for a word that passes, by arithmetic: a comparison here is compiled to a branch.
        @inline(__always)
        func keepCandidates(_ passes: (UInt64) -> Int) {
            for index in 0..<found {
                let word = candidates[index]
                candidates[count] = word
                count &+= passes(word.hash)
            }
        }
        // A loop for each case, so that none asks at every word whether there are allowed phrases.
        if let allowed = allowedPhrases?.matcher.firstWords {
            keepCandidates { Self.passes(firstWords, $0) | Self.passes(allowed, $0) }
        } else {
            keepCandidates { Self.passes(firstWords, $0) }
        }
        // The memo knows most candidates (their slots in it are asked for now, at 100k
        // concepts 1-2% faster on one core); the walk from one it does not know starts with a
        // lookup in the large table of steps, whose slot is asked for too.
        // A loop for each case: one loop asking at every word whether there is a memo took
        // 12 M instructions more at 100k concepts.
        if let memo {
            for word in candidates[..<count] {
                memo.prefetch(hash: word.hash)
                transitions.prefetch(Self.combine(0, word.hash))
            }
        } else {
            for word in candidates[..<count] { transitions.prefetch(Self.combine(0, word.hash)) }
        }
        return (count, lookedAt)
    }

    /// ``candidateWords(_:from:in:end:countingWith:)`` for a small filter, which stays in the
    /// cache and turns away almost every word: a branch on it is well predicted.
    @inline(__always)
    private func candidateWordsOneByOne(
        _ candidates: UnsafeMutableBufferPointer<CandidateWord>, from start: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int
    ) -> (count: Int, lookedAt: Int) {
        var count = 0
        let lookedAt = Self.forEachASCIIWord(from: start, in: bytes, end: end) { word in
            guard mayStartAnyPhrase(word.hash) else { return true }
            candidates[count] = word
            count += 1
            return count < candidates.count
        }
        return (count, lookedAt)
    }

    /// Hands `take` the ASCII words from `start` on (a place a token starts) with their key
    /// hashes, until it says to stop after one, the text ends or a byte that is not ASCII
    /// comes (or a word that goes on into one); where the words were looked at up to: from
    /// `start` to there every byte outside them is an ASCII space or sign.
    @inline(__always)
    private static func forEachASCIIWord(
        from start: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int, _ take: (CandidateWord) -> Bool
    ) -> Int {
        var position = start
        while position < end {
            let byte = bytes[position]
            if byte < 0x80, !Tokenizer.isASCIIWordByte(byte) {
                position += 1
                continue
            }
            guard byte < 0x80, let (wordEnd, hash) = TokenKey.asciiWord(in: bytes, at: position, end: end) else { break }
            let goesOn = take(CandidateWord(start: position, end: wordEnd, hash: hash))
            position = wordEnd + 1
            if !goesOn { break }
        }
        return min(position, end)
    }

    /// Whether a phrase of this matcher or of its allowed phrases may start with a word of key
    /// hash `hash` (the first-word filters).
    @inline(__always)
    private func mayStartAnyPhrase(_ hash: UInt64) -> Bool {
        var may = mayStart(hash)
        if allowedPhrases != nil, allowedPhrases?.matcher.mayStart(hash) == true { may = true }
        return may
    }

    /// The scan past the token at `index` that is not all ASCII (a word with an accent, a
    /// typographic sign or space), `body` handed the match it starts, if any; where the scan
    /// goes on.
    private func nonASCIIToken(
        at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int, _ languages: Languages,
        _ body: (TermMatch) -> MatchHandling
    ) -> Int {
        // Word tokens are maximal runs of letters, marks and digits, so every word starts
        // at a word boundary: "mentor" is never found inside "mentorschap".
        let token = Tokenizer.token(in: bytes, at: index, end: end)
        guard token.kind == .word, let match = longestMatch(startingWith: token, in: bytes, end: end, languages) else {
            return token.end
        }
        _ = body(match)
        return match.range.upperBound
    }

    /// Whether phrases go on from a word of key hash `hash`, for a memo to keep (which then
    /// needs only to look at the word after it): `nil` when phrases of the allowed ones do,
    /// which a memo does not keep.
    private func phrasesGoingOn(from hash: UInt64) -> WordMatchMemo.PhrasesGoingOn? {
        if let allowed = allowedPhrases?.matcher, allowed.mayStart(hash),
            allowed.transitions.step(Self.combine(0, hash))?.continues == true
        {
            return nil
        }
        guard mayStart(hash), let first = transitions.step(Self.combine(0, hash)), first.continues else {
            return .never
        }
        guard let space = transitions.step(Self.combine(first.node, TokenKey.spaceHash)) else { return .notAfterASpace }
        return .afterASpace(node: space.node)
    }

    /// Whether a phrase may go on from the word `word` kept in a memo, by what follows it in
    /// `bytes[range]` (the ASCII word one byte after it, if one is there): `false` when none
    /// does, and what it matched then is what it matches here.
    @inline(__always)
    private func goesOn(
        _ phrases: WordMatchMemo.PhrasesGoingOn, after word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>
    ) -> Bool {
        // Most words kept start no longer phrase: told here, in the scan's loop.
        if phrases == .never || word.upperBound == range.upperBound { return false }
        return textAfterMayGoOn(phrases, after: word, in: bytes, range)
    }

    /// ``goesOn(_:after:in:_:)`` for a word from which phrases go on, not at the range's end:
    /// whether the text after it may go on with one of them.
    private func textAfterMayGoOn(
        _ phrases: WordMatchMemo.PhrasesGoingOn, after word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>
    ) -> Bool {
        // Most often a space and a word follow, which the later-step filter turns away
        // without a look in the large table of steps.
        let next = word.upperBound + 1
        guard bytes[word.upperBound] == 0x20, next < range.upperBound, Tokenizer.isASCIIWordByte(bytes[next]),
            let (_, nextHash) = TokenKey.asciiWord(in: bytes, at: next, end: range.upperBound)
        else { return true }
        guard case .afterASpace(let node) = phrases else { return false }
        return Self.filter(laterSteps, mayHold: Self.combine(node, nextHash))
    }

    /// Whether a phrase may start with a word of key hash `hash` (the first-word filter).
    @inline(__always)
    private func mayStart(_ hash: UInt64) -> Bool { Self.filter(firstWords, mayHold: hash) }

    /// 1 when the filter `words` may hold `hash`, else 0, computed without a comparison (which
    /// the compiler may turn into a branch: for a quarter of a text's words passing a large
    /// filter, one mispredicted every few words).
    @inline(__always)
    static func passes(_ words: Column<UInt64>, _ hash: UInt64) -> Int {
        // The word's place is masked by the filter's size, a power of two (checked when read back).
        let missing = filterBits(hash) & ~words.element(uncheckedAt: filterWord(hash, among: words.count))
        // The top bit of `missing | -missing` is set exactly when `missing` is not 0.
        return Int(truncatingIfNeeded: 1 &- ((missing | (0 &- missing)) >> 63))
    }

    /// Whether the filter `words` (``firstWords``, ``tokensBeforeSpace``, ``laterSteps``) may hold `hash`.
    @inline(__always)
    static func filter(_ words: Column<UInt64>, mayHold hash: UInt64) -> Bool {
        let bits = filterBits(hash)
        // Read with the range check, although the place is masked by the filter's size: read
        // without it, the loop over the words of a text for a small filter
        // (``candidateWordsOneByOne``) measured no faster, at times 3% slower as laid out.
        return words[filterWord(hash, among: words.count)] & bits == bits
    }

    /// The longest verified match starting with `first` (whose key hash may be known), of
    /// this matcher or of its allowed phrases: the longer, and the phrase when they are as
    /// long (a phrase the configuration allows is never reported, not even as an allowed
    /// label of the same words).
    private func longestMatch(
        startingWith first: Tokenizer.Token, firstHash known: UInt64? = nil, in bytes: UnsafeBufferPointer<UInt8>, end: Int,
        _ languages: Languages
    ) -> TermMatch? {
        guard let hash = known ?? TokenKey.hash(first, in: bytes) else { return nil }
        let own = longestOwnMatch(startingWith: first, firstHash: hash, in: bytes, end: end, languages)
        guard
            let allowed = allowedPhrases?.matcher.longestOwnMatch(
                startingWith: first, firstHash: hash, in: bytes, end: end, languages)
        else { return own }
        guard let own, own.range.upperBound > allowed.range.upperBound else { return allowed }
        return own
    }

    /// The longest verified match of this matcher's own phrases starting with `first`.
    private func longestOwnMatch(
        startingWith first: Tokenizer.Token, firstHash: UInt64, in bytes: UnsafeBufferPointer<UInt8>, end: Int,
        _ languages: Languages
    ) -> TermMatch? {
        guard mayStart(firstHash), var step = transitions.step(Self.combine(0, firstHash)) else { return nil }
        // The longest end apart, so that a walk with one end (the usual case) allocates nothing.
        var longest: (firstCandidate: Int32, end: Int)?
        var shorter: [(firstCandidate: Int32, end: Int)] = []
        var token = first
        while true {
            if step.firstCandidate >= 0 {
                if let known = longest { shorter.append(known) }
                longest = (step.firstCandidate, token.end)
            }
            // Most phrases are one word that begins no longer phrase: their walk ends at that
            // word without looking at the next token.
            guard token.end < end, step.continues else { break }
            guard let (next, hash) = Self.token(in: bytes, at: token.end, end: end) else { break }
            let key = Self.combine(step.node, hash)
            guard Self.filter(laterSteps, mayHold: key), let child = transitions.step(key) else { break }
            step = child
            token = next
        }
        func match(_ firstCandidate: Int32, endingAt matchEnd: Int) -> TermMatch? {
            // A term ends at a word boundary: the next character is no letter, mark or digit.
            if matchEnd < end, Tokenizer.isWordScalar(Tokenizer.decode(bytes, matchEnd).0) { return nil }
            let range = first.start..<matchEnd
            guard let (candidate, textIsKey) = verifiedCandidate(firstCandidate, bytes, range, languages) else {
                return nil
            }
            // A term of a concept an excerpt leaves out is passed over whole, as the whole set's
            // matcher would take it (not as a shorter term inside it).
            guard candidate.entry >= 0, let concept = renamed(ConceptKey(Int(candidate.concept))) else {
                return TermMatch(range: range, target: .allowed)
            }
            let text = UnsafeBufferPointer(rebasing: bytes[range])
            let form = MatchedForm(
                id: Int(candidate.entry), concept: concept,
                labelIndex: candidate.labelIndex < 0 ? nil : Int(candidate.labelIndex),
                isAllowedUse: candidate.flags.contains(.allows), isName: candidate.flags.contains(.name),
                isWrittenAsIs: isWrittenAsIs(text, candidate, textIsKey: textIsKey))
            return TermMatch(range: range, target: .label(form))
        }
        guard let longest else { return nil }
        if let found = match(longest.firstCandidate, endingAt: longest.end) { return found }
        for (firstCandidate, matchEnd) in shorter.reversed() {
            if let found = match(firstCandidate, endingAt: matchEnd) { return found }
        }
        return nil
    }

    /// The token at `index` and its key hash (`nil` for a token no phrase holds): an ASCII
    /// word, the most common, scanned and hashed in one pass.
    @inline(__always)
    private static func token(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Tokenizer.Token, UInt64)? {
        if Tokenizer.isASCIIWordByte(bytes[index]), let (wordEnd, hash) = TokenKey.asciiWord(in: bytes, at: index, end: end) {
            return (Tokenizer.Token(kind: .word, start: index, end: wordEnd), hash)
        }
        let token = Tokenizer.token(in: bytes, at: index, end: end)
        return TokenKey.hash(token, in: bytes).map { (token, $0) }
    }

    /// Whether `text` is the form of `candidate`'s entry as the vocabulary writes it, byte
    /// for byte: told by its key when the form is the key (by `textIsKey` when verifying told
    /// whether the text is the key byte for byte).
    private func isWrittenAsIs(_ text: UnsafeBufferPointer<UInt8>, _ candidate: MatchCandidate, textIsKey: Bool?) -> Bool {
        guard candidate.flags.contains(.formIsKey) else { return entries.form(Int(candidate.entry), equals: text) }
        if let textIsKey { return textIsKey }
        let key = candidate.key
        guard key.count == text.count else { return false }
        precondition(key.lowerBound >= 0 && key.upperBound <= candidates.byteCount, "a key lies in its record")
        for offset in text.indices where candidates.keyByte(at: key.lowerBound + offset) != text[offset] { return false }
        return true
    }

    /// Whether this is an excerpt's matcher, whose concepts have other keys than the whole set's.
    package var renamesConcepts: Bool { conceptRenames != nil }

    /// The concept `key` of the whole set in this matcher's set: the same key for the whole
    /// set's matcher, its key in the excerpt for an excerpt's (``renaming(_:)``); `nil` for a
    /// concept the excerpt leaves out.
    package func renamed(_ key: ConceptKey) -> ConceptKey? {
        guard let conceptRenames else { return key }
        let renamed = conceptRenames[key.rawValue]
        return renamed >= 0 ? ConceptKey(Int(renamed)) : nil
    }

    /// The index entry of a matched form, naming its concept in the matcher's set.
    package func entry(_ form: MatchedForm) -> IndexEntry {
        let entry = entries[form.id]
        return conceptRenames == nil ? entry : entry.naming(form.concept)
    }

    /// This matcher for an excerpt of its set, `table` giving each concept's key in the
    /// excerpt (``StoredConcepts/excerpt(of:reaching:)``): its terms name those, and a term of
    /// a concept the excerpt leaves out is passed over as a phrase that is simply fine.
    func renaming(_ table: [Int32]) -> TermMatcher {
        var matcher = self
        matcher.conceptRenames = table
        return matcher
    }

    /// The candidate of the chain from `first` in `languages` whose key the source text
    /// really gives (hashes can collide; case-sensitive labels must match as written), and
    /// whether the text is that key byte for byte (`nil`: not told, for text that is not
    /// ASCII). Allowed phrases win over outdated ones; names in another casing come last.
    private func verifiedCandidate(
        _ first: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ languages: Languages
    ) -> (MatchCandidate, textIsKey: Bool?)? {
        // ASCII text (most text) is compared byte by byte; other text by its key strings.
        var choice = CandidateChoice()
        var place = first
        while let candidate = candidate(from: &place, in: languages) {
            let caseSensitive = candidate.flags.contains(.caseSensitive)
            // Met a byte that is not ASCII: the chain is verified again by strings. Nothing
            // was chosen yet (only an all-ASCII text gives a key), and a candidate turned away
            // differs from the text's ASCII part, which the strings give alike.
            guard let comparison = asciiKey(of: range, in: bytes, comparedWith: candidate.key, caseSensitive: caseSensitive)
            else { return verifiedCandidate(first, byKeyOf: bytes, range, languages) }
            if case .same(let textIsKey) = comparison, choice.offer(candidate, textIsKey: textIsKey) { break }
        }
        return choice.chosen
    }

    /// ``verifiedCandidate(_:_:_:_:)`` for text that is not all ASCII: its key strings
    /// (folded and as written) are made once and compared with the candidates' keys.
    private func verifiedCandidate(
        _ first: Int32, byKeyOf bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ languages: Languages
    ) -> (MatchCandidate, textIsKey: Bool?)? {
        var folded: String?
        var exact: String?
        func key(caseSensitive: Bool) -> String {
            var text = ""
            Tokenizer.forEachToken(in: bytes, range: range) { text += TokenKey.text($0, in: bytes, caseSensitive: caseSensitive) }
            return text
        }
        var choice = CandidateChoice()
        var place = first
        while let candidate = candidate(from: &place, in: languages) {
            let source: String
            if candidate.flags.contains(.caseSensitive) {
                source = exact ?? key(caseSensitive: true)
                exact = source
            } else {
                source = folded ?? key(caseSensitive: false)
                folded = source
            }
            let same = candidates.withKey(of: candidate) { source.utf8.elementsEqual($0) }
            if same, choice.offer(candidate, textIsKey: nil) { break }
        }
        return choice.chosen
    }

    /// The candidate at `place` in a chain of candidates (a node's first, or the one an
    /// earlier candidate goes on to) if it is of `languages`, else the next one that is,
    /// with `place` moved on past it; `nil` at the end of the chain. Each record is checked
    /// as it is read (``MatchCandidates/checkedCandidate(at:)``), as a snapshot's reader
    /// checks them all when the snapshot is not vouched for (``SnapshotSection/checked``): a
    /// chain ends at a record that does not fit, and, since it goes on only to later
    /// records, always ends.
    @inline(__always)
    private func candidate(from place: inout Int32, in languages: Languages) -> MatchCandidate? {
        while place >= 0 {
            guard let candidate = candidates.checkedCandidate(at: place) else { break }
            place = candidate.next
            if languages.contains(candidate.language) { return candidate }
        }
        place = -1
        return nil
    }

    /// The choice among the candidates of a chain whose keys a text gives: an allowed phrase
    /// wins over an outdated one, and a name in another casing comes last.
    private struct CandidateChoice {
        private var best: (MatchCandidate, textIsKey: Bool?)?
        private var nameVariant: (MatchCandidate, textIsKey: Bool?)?

        /// Offers a candidate whose key the text gives; `true` when it is chosen and no later
        /// candidate can win over it.
        mutating func offer(_ candidate: MatchCandidate, textIsKey: Bool?) -> Bool {
            if candidate.flags.contains(.nameVariant) {
                nameVariant = nameVariant ?? (candidate, textIsKey)
                return false
            }
            let allows = candidate.flags.contains(.allows)
            if best == nil || allows { best = (candidate, textIsKey) }
            return allows
        }

        /// The candidate chosen, if any.
        var chosen: (MatchCandidate, textIsKey: Bool?)? { best ?? nameVariant }
    }

    /// How a text compares with a candidate's key text.
    private enum KeyComparison {
        /// The text gives another key.
        case different
        /// The text gives the key; `textIsKey` tells whether its bytes are the key's bytes.
        case same(textIsKey: Bool)
    }

    /// How the key of the ASCII text `bytes[range]` compares with the key text at `expected`
    /// in ``candidates``, byte by byte without making it (runs of spaces are one space, words
    /// folded unless case-sensitive); `nil` when a byte that is not ASCII comes before any
    /// difference.
    private func asciiKey(
        of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, comparedWith expected: Range<Int>, caseSensitive: Bool
    ) -> KeyComparison? {
        // A key lies in its record: the builder lays it there, and a candidate is read
        // through ``MatchCandidates/checkedCandidate(at:)``, which checks it does.
        precondition(expected.lowerBound >= 0 && expected.upperBound <= candidates.byteCount, "a key lies in its record")
        var position = expected.lowerBound
        var textIsKey = true
        var index = range.lowerBound
        while index < range.upperBound {
            let written = bytes[index]
            var byte = written
            if byte >= 0x80 { return nil }
            index += 1
            if Tokenizer.isSpace(UInt32(byte)) {
                while index < range.upperBound, bytes[index] < 0x80, Tokenizer.isSpace(UInt32(bytes[index])) {
                    index += 1
                    textIsKey = false
                }
                byte = 0x20
            } else if !caseSensitive, byte &- 0x41 < 26 {
                byte += 32
            }
            guard position < expected.upperBound, candidates.keyByte(at: position) == byte else { return .different }
            textIsKey = textIsKey && byte == written
            position += 1
        }
        return position == expected.upperBound ? .same(textIsKey: textIsKey) : .different
    }
}
