import Testing
import VaktaalTestSupport
import VaktaalText

@testable import VaktaalCore

/// A long scan takes what a word matched from the words it met before (``WordMatchMemo``):
/// it must find what a scan of each line alone finds, which is too short to keep a memo.
@Suite struct WordMatchMemoTests {
    /// Lines that meet words of the fixture in every way a memo could mistake: a word first
    /// alone and then starting a phrase ("mentor", "student"), in other casings, names that
    /// match only as written ("HvA", "Inholland", "VT"), a word of 16 bytes
    /// ("lerarenopleiding") and longer ones, and a label at the very end of the text.
    static let lines = [
        "De mentor komt.", "Zij is mentor van de klas, geen Mentor of MENTOR.", "De mentoren en de mentors.",
        "De HvA, de HVA en de hva.", "Inholland of InHolland of INHOLLAND.", "Een student teacher en een student.",
        "voltijd VT vt Voltijd", "werkplekbegeleidsters en een werkplekbegeleider", "leraar, leraren, Leraar en LERAAR.",
        "de lerarenopleiding, de Lerarenopleiding en de lerarenopleidingen", "feedback, feed up en feed forward",
        "Opleiden in de school: opleiden in de school.", "Wie voltijd werken wil, kiest voltijd.",
        // Words that phrases go on from, after a space, a hyphen or a line break, or not at all.
        "De werkplek, een werkplek-begeleider, de werkplek begeleider.", "self efficacy, self-efficacy, self confidence, self.",
        "feedback culture, feedback-geletterdheid, feedback komt, feedback\nliteracy, feedback  literacy, feedback",
        "Hogeschool van Amsterdam, hogeschool van de stad, Hogeschool Inholland, de hogeschool.",
        "de student\nteacher, de student  teacher, de student teacher, de student\n\nteacher",
    ]

    /// An allowed phrase may go on from a word from which no label does ("voltijd werken").
    @Test(arguments: [[], ["student teacher", "vt", "mentor van", "voltijd werken"]])
    func aLongTextMatchesAsItsLinesDo(allowed: [String]) throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let matcher = TermMatcher(set: set, entries: IndexEntries(set)).adding(allowed: allowed)
        let languages = matcher.languages(nil)
        var text: [UInt8] = Array("  ".utf8)
        var lineRanges: [Range<Int>] = []
        // Long enough for the largest memo, whose pairs of slots the words share.
        while text.count < WordMatchMemo.largestCapacity * 128 {
            for line in Self.lines {
                lineRanges.append(text.count..<text.count + line.utf8.count)
                text += Array(line.utf8) + [0x0A]
            }
        }
        text += Array("de mentor".utf8)
        lineRanges.append(text.count - 9..<text.count)
        let (whole, byLine) = text.withUnsafeBufferPointer { bytes in
            (
                matcher.matches(in: bytes, range: 2..<bytes.count, languages: languages),
                lineRanges.flatMap { matcher.matches(in: bytes, range: $0, languages: languages) }
            )
        }
        #expect(lineRanges.allSatisfy { $0.count < WordMatchMemo.worthwhileLength })
        #expect(byLine.count > 20 * lineRanges.count / Self.lines.count)
        #expect(whole.count == byLine.count)
        // The first difference, not the whole lists: they hold thousands of matches.
        let difference = zip(whole, byLine).first { $0 != $1 }
        #expect(difference == nil, "\(String(describing: difference))")
    }

    /// Runs of words around the number a scan looks at ahead of it at a time.
    static let runBoundaries = (-2...1).map { TermMatcher.wordsAhead + $0 }

    /// A matcher of 20,000 concepts besides "mentor" (outdated, plural "mentoren", except in
    /// "mentor van de klas"): more first words than a scan turns away by a branch on each.
    static let largeMatcher: TermMatcher = {
        let concepts = (0..<20_000).map { "<concept id=\"w\($0)\"><prefLabel>woord\($0)</prefLabel></concept>" }
        let xml = vocabularyXML(
            concepts.joined() + "<concept id=\"wpb\"><prefLabel>werkplekbegeleider</prefLabel>"
                + "<deprecatedLabel plural=\"mentoren\" exceptions=\"mentor van de klas\">mentor</deprecatedLabel></concept>")
        let set = VocabularyLoader.load(sources: [(path: "large.xml", bytes: Array(xml.utf8))]).set
        return TermMatcher(set: set, entries: IndexEntries(set))
    }()

    /// The scan goes from one word that may start a phrase to the next, found ahead of it in
    /// runs (``TermMatcher/wordsAhead``): a run of more of them, a phrase that starts
    /// at the end of a run and goes on past it, words that go on into a letter beyond ASCII or start after a letter,
    /// and tokens beyond ASCII between them are matched as each word alone is, with a memo (a
    /// long text) and without (one line), for a vocabulary of few first words and one of many.
    @Test(arguments: [10] + runBoundaries + [2 * TermMatcher.wordsAhead + 50], [false, true])
    func runsOfWordsThatMayStartAPhraseMatchAsEachWordAlone(run: Int, large: Bool) throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let matcher = large ? Self.largeMatcher : TermMatcher(set: set, entries: IndexEntries(set))
        #expect((matcher.firstWords.count > 4096) == large)
        // The line's parts, and whether each is a match.
        let parts =
            Array(repeating: ("mentor", true), count: run) + [("", false)]
            + [
                ("mentor van de klas", true), (" mentoré én ", false), ("mentor", true), ("\u{2014}", false),
                ("mentor", true), (", xmentor woorden ", false), ("mentoren", true), ("\n", false),
            ]
        var line = ""
        var matched: [Range<Int>] = []
        for (index, (part, isMatch)) in parts.enumerated() {
            if index < run { line += index == 0 ? "" : " " } else if index == run { line += " " }
            if isMatch { matched.append(line.utf8.count..<line.utf8.count + part.utf8.count) }
            line += part
        }
        for copies in [1, 1 + WordMatchMemo.worthwhileLength / line.utf8.count] {
            let text = Array(String(repeating: line, count: copies).utf8)
            let found = text.withUnsafeBufferPointer {
                matcher.matches(in: $0, range: 0..<$0.count, languages: matcher.languages(nil))
            }
            let expected = (0..<copies).flatMap { copy in
                matched.map { copy * line.utf8.count + $0.lowerBound..<copy * line.utf8.count + $0.upperBound }
            }
            #expect(found.map(\.range) == expected, "\(copies) lines")
            #expect(found.filter { $0.target == .allowed }.count == copies, "the exception phrase, whole")
        }
    }

    /// A phrase the configuration allows is found by the words ahead of the scan as a phrase
    /// of the vocabulary is, whichever of the words looked at together it starts at, for a
    /// vocabulary of few first words and one of many.
    @Test(arguments: [0, 1] + runBoundaries + runBoundaries.map { $0 + TermMatcher.wordsAhead }, [false, true])
    func allowedPhrasesAreFoundWhereverTheyStandAmongTheWordsAhead(before: Int, large: Bool) throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let matcher = (large ? Self.largeMatcher : TermMatcher(set: set, entries: IndexEntries(set)))
            .adding(allowed: ["klaslokaal zeven"])
        let prefix = String(repeating: "de ", count: before)
        let line = prefix + "klaslokaal zeven en de mentor\n"
        for copies in [1, 1 + WordMatchMemo.worthwhileLength / line.utf8.count] {
            let text = Array(String(repeating: line, count: copies).utf8)
            #expect(copies == 1 || text.count >= WordMatchMemo.worthwhileLength, "a text long enough for a memo")
            let found = text.withUnsafeBufferPointer {
                matcher.matches(in: $0, range: 0..<$0.count, languages: matcher.languages(nil))
            }
            let phrase = prefix.utf8.count..<prefix.utf8.count + 16
            let mentor = prefix.utf8.count + 23..<prefix.utf8.count + 29
            let expected = (0..<copies).flatMap { copy -> [Range<Int>] in
                let offset = copy * line.utf8.count
                return [phrase, mentor].map { $0.lowerBound + offset..<$0.upperBound + offset }
            }
            #expect(found.map(\.range) == expected, "\(copies) lines")
            #expect(found.filter { $0.target == .allowed }.count == copies, "the allowed phrase, whole")
        }
    }

    /// Two slots share one cache line, so that a word met again costs one line at most.
    @Test func twoEntriesFillACacheLine() {
        #expect(MemoryLayout<WordMatchMemo.Entry>.stride == 32)
    }

    /// At every length, a word followed by more text or at the very end of the buffer (an
    /// empty word, or one longer than the memo keeps, has none).
    @Test func aWordsKeyIsItsBytesWhereverItLies() {
        let word = Array("abcdefghijklmnopq".utf8)
        for length in 0...word.count {
            // The word with text after it, and the word at the very end of the buffer.
            let followed = Array(word[0..<length]) + Array(" en nog wat tekst".utf8)
            let last = Array(" ".utf8) + Array(word[0..<length])
            let keys = [
                followed.withUnsafeBufferPointer { WordMatchMemo.key(of: $0, from: 0, to: length) },
                last.withUnsafeBufferPointer { WordMatchMemo.key(of: $0, from: 1, to: 1 + length) },
            ]
            guard (1...WordMatchMemo.longestWord).contains(length) else {
                #expect(keys.allSatisfy { $0 == nil })
                continue
            }
            var expected: (UInt64, UInt64) = (0, 0)
            for (offset, byte) in word[0..<length].enumerated() {
                if offset < 8 {
                    expected.0 |= UInt64(byte) << (8 * offset)
                } else {
                    expected.1 |= UInt64(byte) << (8 * (offset - 8))
                }
            }
            for key in keys { #expect(key.map { $0 == expected } == true, "\(length) bytes") }
        }
    }

    /// What a memo keeps of a match comes back whole: nothing, an allowed phrase, and label
    /// forms with and without a label index, with each of their flags.
    @Test(arguments: [
        nil, MatchTarget.allowed, label(id: 0, concept: 0, labelIndex: nil, flags: (false, false, false)),
        label(id: 7, concept: 3, labelIndex: 0, flags: (true, false, false)),
        label(id: (1 << 27) - 1, concept: Int(Int32.max), labelIndex: Int(Int16.max), flags: (false, true, false)),
        label(id: 5, concept: 2, labelIndex: 1, flags: (true, true, true)),
    ])
    func aKeptTargetComesBackWhole(target: MatchTarget?) {
        #expect(WordMatchMemo.PackedTarget(target)?.target == target)
    }

    /// A form of an entry or a label beyond what a kept target holds is not kept: the word is
    /// then matched again wherever it stands.
    @Test(arguments: [
        label(id: 1 << 27, concept: 0, labelIndex: 0, flags: (false, false, false)),
        label(id: 0, concept: 0, labelIndex: Int(Int16.max) + 1, flags: (false, false, false)),
    ])
    func aTargetBeyondItsBitsIsNotKept(target: MatchTarget) {
        #expect(WordMatchMemo.PackedTarget(target) == nil)
        WordMatchMemo.withMemo(forTextOf: WordMatchMemo.worthwhileLength) { memo in
            let word = Self.word("woord", in: memo)
            #expect(word.map { memo.keep(target, at: $0.key, inPair: $0.pair, goingOn: .never) { _, _ in } } == .some(nil))
            #expect(word.flatMap { memo.slot(of: $0.key, inPair: $0.pair) } == nil)
        }
    }

    /// The memo key of the ASCII word `text` and the first of its pair of slots in `memo`, as
    /// the scan finds them.
    private static func word(_ text: String, in memo: WordMatchMemo) -> (key: (UInt64, UInt64), pair: Int)? {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            guard let key = WordMatchMemo.key(of: bytes, from: 0, to: bytes.count),
                let (_, hash) = TokenKey.asciiWord(in: bytes, at: 0, end: bytes.count)
            else { return nil }
            return (key, memo.pair(hash: hash, firstByte: bytes[0]))
        }
    }

    /// Words of `memo` that share the pair of slots of the first of `w0`, `w1`, …
    private static func wordsOfOnePair(_ count: Int, in memo: WordMatchMemo) -> [(key: (UInt64, UInt64), pair: Int)] {
        let words = (0..<10_000).compactMap { word("w\($0)", in: memo) }
        return Array(words.filter { $0.pair == words[0].pair }.prefix(count))
    }

    /// A word written with a capital first and the same word in lower case, both common,
    /// are kept in pairs of slots of their own although their key hashes are the same.
    @Test func aCapitalizedWordHasAPairOfItsOwn() {
        WordMatchMemo.withMemo(forTextOf: WordMatchMemo.worthwhileLength) { memo in
            let pairs = ["artikel", "Artikel", "ARTIKEL"].map { Self.word($0, in: memo)?.pair }
            #expect(pairs[0] != pairs[1])
            #expect(pairs[1] == pairs[2])
        }
    }

    /// A label form's target; `flags` are whether it is an allowed use, a name, written as is.
    private static func label(id: Int, concept: Int, labelIndex: Int?, flags: (Bool, Bool, Bool)) -> MatchTarget {
        .label(
            MatchedForm(
                id: id, concept: ConceptKey(concept), labelIndex: labelIndex, isAllowedUse: flags.0, isName: flags.1,
                isWrittenAsIs: flags.2))
    }

    /// Of three words that share a pair of slots, the one met longest ago goes: a word found
    /// again stays, and what each word matched stays with it.
    @Test func theWordMetLongestAgoGoes() throws {
        let targets: [MatchTarget?] = [.allowed, nil, Self.label(id: 4, concept: 2, labelIndex: 0, flags: (true, false, true))]
        WordMatchMemo.withMemo(forTextOf: WordMatchMemo.worthwhileLength) { memo in
            // Three words of one pair, found by trying words until three share the first's.
            let words = Self.wordsOfOnePair(3, in: memo)
            #expect(words.count == 3)
            guard words.count == 3 else { return }
            let (shared, pair) = (words.map(\.key), words[0].pair)
            func target(of key: (UInt64, UInt64)) -> MatchTarget?? {
                memo.slot(of: key, inPair: pair).map { memo.target(at: $0) }
            }
            func ignore(_: MatchTarget?, _: Int) {}
            _ = memo.keep(targets[0], at: shared[0], inPair: pair, goingOn: .never, handOver: ignore)
            _ = memo.keep(targets[1], at: shared[1], inPair: pair, goingOn: .never, handOver: ignore)
            // Found again, the first word is met later than the second.
            #expect(target(of: shared[0]).map { $0 == targets[0] } == true)
            _ = memo.keep(targets[2], at: shared[2], inPair: pair, goingOn: .never, handOver: ignore)
            #expect(target(of: shared[1]) == nil)
            #expect(target(of: shared[0]).map { $0 == targets[0] } == true)
            #expect(target(of: shared[2]).map { $0 == targets[2] } == true)
        }
    }

    /// Uses a memo counts are handed over, each once: those of a word that goes when a
    /// newer one takes its place, those of a count that would overflow, and the rest at the end.
    @Test func countedUsesAreHandedOverOnce() throws {
        let target = Self.label(id: 4, concept: 2, labelIndex: 0, flags: (true, false, true))
        WordMatchMemo.withMemo(forTextOf: WordMatchMemo.worthwhileLength) { memo in
            let words = Self.wordsOfOnePair(3, in: memo)
            #expect(words.count == 3)
            guard words.count == 3 else { return }
            let (shared, pair) = (words.map(\.key), words[0].pair)
            var handedOver: [Int] = []
            func handOver(_ handed: MatchTarget?, _ count: Int) {
                #expect(handed == target)
                handedOver.append(count)
            }
            guard let slot = memo.keep(target, at: shared[0], inPair: pair, goingOn: .never, handOver: handOver) else {
                Issue.record("a label form is kept")
                return
            }
            #expect(!memo.countsUses(at: slot))
            memo.startCounting(at: slot)
            for _ in 0..<70_000 { memo.countUse(at: slot, handOver: handOver) }
            #expect(handedOver == [Int(UInt16.max) - 1], "before the count overflows")
            // Two newer words of the pair: the counted one goes, with its uses.
            _ = memo.keep(nil, at: shared[1], inPair: pair, goingOn: .never, handOver: handOver)
            _ = memo.keep(nil, at: shared[2], inPair: pair, goingOn: .never, handOver: handOver)
            #expect(memo.slot(of: shared[0], inPair: pair) == nil)
            #expect(handedOver.reduce(0, +) == 70_000)
            memo.handOverCounts { _, count in handedOver.append(count) }
            #expect(handedOver.reduce(0, +) == 70_000, "nothing twice")
        }
    }

    /// The scan's quick way past a use it counts (``WordMatchMemo/slotCountingAlone(_:from:to:hash:)``)
    /// finds a word of any length kept in the first of its slots, with text after it, and
    /// nothing else: not before the scan counts its uses, not a word a byte shorter, longer or
    /// other, not one from which phrases go on, not one too near the end of the text for 16
    /// bytes to be read from its start, not one longer than a memo keeps, and not once its
    /// count is full.
    @Test(arguments: 1...WordMatchMemo.longestWord + 1)
    func aUseCountedAloneIsThatOfTheWordKept(length: Int) {
        let word = String("abcdefghijklmnopq".prefix(length))
        let target = Self.label(id: 4, concept: 2, labelIndex: 0, flags: (true, false, true))
        WordMatchMemo.withMemo(forTextOf: WordMatchMemo.worthwhileLength) { memo in
            // With `hash` given (the kept word's), only the bytes can tell the word from the one kept.
            func alone(_ text: String, hash given: UInt64? = nil) -> Int? {
                Array(text.utf8).withUnsafeBufferPointer { bytes in
                    guard let (wordEnd, hash) = TokenKey.asciiWord(in: bytes, at: 0, end: bytes.count) else { return nil }
                    return memo.slotCountingAlone(bytes, from: 0, to: wordEnd, hash: given ?? hash)
                }
            }
            let followed = word + " en nog wat tekst erachter"
            #expect(alone(followed) == nil, "not kept")
            guard let kept = Self.word(word, in: memo),
                let slot = memo.keep(target, at: kept.key, inPair: kept.pair, goingOn: .never, handOver: { _, _ in })
            else {
                #expect(length > WordMatchMemo.longestWord, "only a word longer than a memo keeps is not kept")
                #expect(alone(followed) == nil)
                return
            }
            #expect(alone(followed) == nil, "its uses not counted yet")
            memo.startCounting(at: slot)
            #expect(alone(followed) == slot)
            let keptHash = Array(word.utf8).withUnsafeBufferPointer { TokenKey.asciiWord(in: $0, at: 0, end: $0.count)?.1 }
            let others = [String(word.dropLast()), word + "x", word.dropLast() + "X", "x" + word.dropFirst()]
            for other in others where !other.isEmpty {
                #expect(alone(other + " en nog wat tekst erachter", hash: keptHash) == nil, "\(other)")
            }
            #expect(alone(followed, hash: keptHash) == slot)
            // At the very end of the text, only a word of 16 bytes has its two words of bytes there to read.
            #expect(alone(word) == (length == WordMatchMemo.longestWord ? slot : nil), "at the end of the text")
            var counted = 0
            while alone(followed) == slot, counted < 70_000 {
                memo.countUseAlone(at: slot)
                counted += 1
            }
            #expect(counted == Int(UInt16.max) - 1, "up to a full count, which the scan hands over itself")
            var handedOver = 0
            memo.handOverCounts { _, count in handedOver += count }
            #expect(handedOver == counted)
            #expect(alone(followed) == slot, "counting again from none")
            _ = memo.keep(target, at: kept.key, inPair: kept.pair, goingOn: .notAfterASpace, handOver: { _, _ in })
            memo.startCounting(at: slot)
            #expect(alone(followed) == nil, "phrases go on from it")
        }
    }

    /// A scan counts the uses of a word whose match its caller only counted, and hands them
    /// over as counts: each form is used as often as a caller that takes every match is
    /// handed it, but the caller is handed few, and every use next to a byte it looks at
    /// itself (a slash or dot).
    /// With many first words the scan counts them in a loop of its own
    /// (``WordMatchMemo/slotCountingAlone(_:from:to:hash:)``): both ways count alike.
    /// Where the caller hands over only the uses that may be in a path, the sentence-final
    /// "leraren." (or "woord7.") is counted too.
    @Test(arguments: [false, true], [false, true])
    func theScanCountsTheUsesItsCallerOnlyCounts(large: Bool, sentenceEndsCounted: Bool) throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let matcher = large ? Self.largeMatcher : TermMatcher(set: set, entries: IndexEntries(set))
        #expect((matcher.firstWords.count > 4096) == large)
        // "leraar" and "woord7" begin no longer phrase (as "mentor" does, "mentor van de
        // klas"): their match is the same everywhere.
        let (word, last) = large ? ("woord7", "woord7") : ("leraar", "leraren")
        let piece =
            "De \(word) komt. De \(word)/docent en \(word).md, de \(word.uppercased()), map\\\(word), \(word) (\(word)) "
            + "en de \(last).\n"
        let text = Array(String(repeating: piece, count: 2 * WordMatchMemo.worthwhileLength / piece.utf8.count).utf8)
        let pieces = text.count / piece.utf8.count
        func scan(callerCounts: Bool) -> (handed: [Range<Int>], uses: [Int: Int]) {
            var handed: [Range<Int>] = []
            var uses: [Int: Int] = [:]
            text.withUnsafeBufferPointer { bytes in
                matcher.forEachMatch(
                    in: bytes, range: 0..<bytes.count, languages: matcher.languages(nil),
                    handingOver: sentenceEndsCounted ? HandedOverUsesTests.paths : .nextTo(ByteSet("/\\."))
                ) { match in
                    handed.append(match.range)
                    if case .label(let form) = match.target { uses[form.id, default: 0] += 1 }
                    return callerCounts ? .counted : .taken
                } repeated: { form, count in
                    uses[form.id, default: 0] += count
                }
            }
            return (handed, uses)
        }
        let taken = scan(callerCounts: false)
        let counted = scan(callerCounts: true)
        #expect(taken.handed.count >= 7 * pieces)
        #expect(counted.uses == taken.uses)
        let joining = Set("/\\.".utf8)
        let nextToSlashOrDot = taken.handed.filter { range in
            joining.contains(text[range.lowerBound - 1]) || joining.contains(text[range.upperBound])
        }
        #expect(nextToSlashOrDot.count == 4 * pieces, "leraar/, leraar.md, \\leraar and leraren. (or woord7)")
        let endingSentences = Set(nextToSlashOrDot.filter { text[$0.upperBound + 1] == 0x0A })
        #expect(endingSentences.count == pieces)
        let handedOver = sentenceEndsCounted ? nextToSlashOrDot.filter { !endingSentences.contains($0) } : nextToSlashOrDot
        #expect(Set(handedOver).isSubset(of: Set(counted.handed)))
        // Only the first use of "leraren" ends a sentence where the scan counts sentence ends.
        #expect(Set(counted.handed).intersection(endingSentences).count == (sentenceEndsCounted ? (large ? 0 : 1) : pieces))
        // Besides those, only the first use of each word, as it is written.
        #expect(counted.handed.count <= handedOver.count + 4)
    }

    /// A word that longer phrases start ("mentor", "mentor van de klas"; "student", "student
    /// teacher") is counted by the scan too where none goes on from it, and handed over as a
    /// phrase where one does, after a space, two spaces or a line break.
    @Test func theScanCountsTheUsesOfAWordPhrasesGoOnFrom() throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let matcher = TermMatcher(set: set, entries: IndexEntries(set))
        let piece =
            "De mentor komt. De mentor van de klas komt. mentor/x, mentor  van de klas, mentor\nvan de klas, "
            + "de student teacher en de student, student  teacher.\n"
        let text = Array(String(repeating: piece, count: 2 * WordMatchMemo.worthwhileLength / piece.utf8.count).utf8)
        func scan(callerCounts: Bool) -> (handed: Int, phrases: Int, uses: [Int: Int]) {
            var handed = 0
            var phrases = 0
            var uses: [Int: Int] = [:]
            text.withUnsafeBufferPointer { bytes in
                matcher.forEachMatch(
                    in: bytes, range: 0..<bytes.count, languages: matcher.languages(nil), handingOver: .nextTo(ByteSet("/"))
                ) { match in
                    handed += 1
                    if bytes[match.range].contains(0x20) { phrases += 1 }
                    if case .label(let form) = match.target { uses[form.id, default: 0] += 1 }
                    return callerCounts ? .counted : .taken
                } repeated: { form, count in
                    uses[form.id, default: 0] += count
                }
            }
            return (handed, phrases, uses)
        }
        let taken = scan(callerCounts: false)
        let counted = scan(callerCounts: true)
        let pieces = text.count / piece.utf8.count
        #expect(taken.phrases == 5 * pieces, "every phrase, however spaced")
        #expect(counted.phrases == taken.phrases)
        #expect(counted.uses == taken.uses)
        // Of the single words, only their first uses, "mentor/" (next to a byte the caller
        // looks at itself) and "student," (walked again: a sign may go on with a phrase) are
        // handed over, not "mentor komt".
        #expect(counted.handed - counted.phrases <= 2 * pieces + 4)
    }

    /// With many first words, a word the scan counts in its quick loop ("klas") is no use of
    /// its own inside a phrase an earlier word starts ("mentor van de klas"), and is counted
    /// at the very end of the text too: the scan counts as its caller would, use for use.
    @Test func aWordCountedQuicklyIsNoUseInsideAPhrase() throws {
        let concepts = (0..<20_000).map { "<concept id=\"w\($0)\"><prefLabel>woord\($0)</prefLabel></concept>" }
        let xml = vocabularyXML(
            concepts.joined() + "<concept id=\"klas\"><prefLabel>klas</prefLabel></concept>"
                + "<concept id=\"wpb\"><prefLabel>werkplekbegeleider</prefLabel>"
                + "<deprecatedLabel exceptions=\"mentor van de klas\">mentor</deprecatedLabel></concept>")
        let set = VocabularyLoader.load(sources: [(path: "large.xml", bytes: Array(xml.utf8))]).set
        let matcher = TermMatcher(set: set, entries: IndexEntries(set))
        #expect(matcher.firstWords.count > 4096)
        let piece = "De klas en de mentor van de klas, klas klas. De mentor komt bij de klas.\n"
        let copies = 2 * WordMatchMemo.worthwhileLength / piece.utf8.count
        let text = Array((String(repeating: piece, count: copies) + "klas").utf8)
        // The uses of "klas" and the allowed phrases, the caller counting "klas" only or taking it.
        func uses(callerCounts: Bool) -> (klas: Int, phrases: Int) {
            var (klas, phrases) = (0, 0)
            text.withUnsafeBufferPointer { bytes in
                matcher.forEachMatch(
                    in: bytes, range: 0..<bytes.count, languages: matcher.languages(nil), handingOver: .none
                ) { match in
                    guard match.target != .allowed else {
                        phrases += 1
                        return .taken
                    }
                    guard bytes[match.range].elementsEqual("klas".utf8) else { return .taken }
                    klas += 1
                    return callerCounts ? .counted : .taken
                } repeated: { _, count in
                    klas += count
                }
            }
            return (klas, phrases)
        }
        #expect(uses(callerCounts: false) == (4 * copies + 1, copies))
        #expect(uses(callerCounts: true) == (4 * copies + 1, copies))
    }

    /// The candidate pass's filter test by arithmetic (``TermMatcher/passes(_:_:)``) says what
    /// the filter's own test says, for a filter of many words and one of few.
    @Test(arguments: [false, true])
    func theArithmeticFilterTestIsTheFiltersOwn(large: Bool) throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let matcher = large ? Self.largeMatcher : TermMatcher(set: set, entries: IndexEntries(set))
        var generator = SeededGenerator(seed: 10)
        var passing = 0
        for hash in (0..<200_000).map({ _ in UInt64.random(in: .min ... .max, using: &generator) }) {
            let passes = TermMatcher.passes(matcher.firstWords, hash)
            #expect(passes == (TermMatcher.filter(matcher.firstWords, mayHold: hash) ? 1 : 0))
            passing += passes
        }
        // The keys of the matcher's own first words pass; random keys only now and then.
        for word in large ? ["mentor", "woord7"] : ["mentor"] {
            let hash = Array(word.utf8).withUnsafeBufferPointer { TokenKey.asciiWord(in: $0, at: 0, end: $0.count)?.1 }
            #expect(hash.map { TermMatcher.passes(matcher.firstWords, $0) } == 1, "\(word)")
        }
        #expect(passing < 200_000 / 100)
    }

    /// Pieces of a text that share a memo (a document cut by links) count the uses of a word
    /// over all of them: each form is used as often as when every piece is scanned with a
    /// memo of its own, and the caller is handed its first use once, not once a piece.
    @Test func piecesThatShareAMemoCountUsesAcrossThem() throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let matcher = TermMatcher(set: set, entries: IndexEntries(set))
        let piece = Array("De leraar komt, de leraar gaat, en de LERAAR blijft. ".utf8)
        let pieces = 40
        let text = Array((0..<pieces).map { _ in piece }.joined())
        let ranges = (0..<pieces).map { $0 * piece.count..<($0 + 1) * piece.count }
        func scan(sharing: Bool) -> (handed: Int, uses: [Int: Int]) {
            var handed = 0
            var uses: [Int: Int] = [:]
            func body(_ match: TermMatch) -> TermMatcher.MatchHandling {
                handed += 1
                if case .label(let form) = match.target { uses[form.id, default: 0] += 1 }
                return .counted
            }
            func repeated(_ form: MatchedForm, _ count: Int) { uses[form.id, default: 0] += count }
            text.withUnsafeBufferPointer { bytes in
                let languages = matcher.languages(nil)
                if sharing {
                    WordMatchMemo.withMemo(forTextOf: bytes.count) { memo in
                        for range in ranges {
                            matcher.forEachMatch(
                                in: bytes, range: range, languages: languages, sharing: memo, handingOver: .none,
                                body, repeated: repeated)
                        }
                        memo.handOverCounts(to: repeated)
                    }
                } else {
                    for range in ranges {
                        matcher.forEachMatch(
                            in: bytes, range: range, languages: languages, handingOver: .none, body,
                            repeated: repeated)
                    }
                }
            }
            return (handed, uses)
        }
        let own = scan(sharing: false)
        let shared = scan(sharing: true)
        #expect(shared.uses == own.uses)
        #expect(shared.uses.values.reduce(0, +) == 3 * pieces)
        #expect(own.handed == 3 * pieces, "each piece is shorter than a memo is worth: every use is handed")
        #expect(shared.handed == 2, "the first use of \"leraar\" and of \"LERAAR\"")
    }

    /// The memo grows with the text, one word for every 128 bytes, between its bounds.
    @Test(arguments: [
        (WordMatchMemo.worthwhileLength, WordMatchMemo.smallestCapacity), (64 * 1024, 512), (64 * 1024 + 1, 1024),
        (1 << 20, 8192), (1 << 21, WordMatchMemo.largestCapacity), (100 << 20, WordMatchMemo.largestCapacity),
    ])
    func theMemoGrowsWithTheText(length: Int, capacity: Int) {
        #expect(WordMatchMemo.capacity(forTextOf: length) == capacity)
    }
}
