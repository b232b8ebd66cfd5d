import Testing
import VaktaalTestSupport

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
        while text.count < 256 * 1024 {
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
            guard length <= WordMatchMemo.longestWord else {
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
        label(id: 1 << 30, concept: 99_999, labelIndex: 12, flags: (false, true, false)),
        label(id: 5, concept: 2, labelIndex: 1, flags: (true, true, true)),
    ])
    func aKeptTargetComesBackWhole(target: MatchTarget?) {
        #expect(WordMatchMemo.PackedTarget(target).target == target)
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
            let words = (0..<10_000).map { "w\($0)" }
            let keys = words.compactMap { word in
                Array(word.utf8).withUnsafeBufferPointer { WordMatchMemo.key(of: $0, from: 0, to: $0.count) }
            }
            let shared = Array(keys.filter { memo.pair($0) == memo.pair(keys[0]) }.prefix(3))
            #expect(shared.count == 3)
            guard shared.count == 3 else { return }
            memo.keep(targets[0], at: shared[0])
            memo.keep(targets[1], at: shared[1])
            // Found again, the first word is met later than the second.
            #expect(memo.target(of: shared[0]).map { $0 == targets[0] } == true)
            memo.keep(targets[2], at: shared[2])
            #expect(memo.target(of: shared[1]) == nil)
            #expect(memo.target(of: shared[0]).map { $0 == targets[0] } == true)
            #expect(memo.target(of: shared[2]).map { $0 == targets[2] } == true)
        }
    }

    /// The memo grows with the text, one word for every 128 bytes, between its bounds.
    @Test(arguments: [
        (WordMatchMemo.worthwhileLength, WordMatchMemo.smallestCapacity), (64 * 1024, 512), (64 * 1024 + 1, 1024),
        (1 << 20, WordMatchMemo.largestCapacity), (100 << 20, WordMatchMemo.largestCapacity),
    ])
    func theMemoGrowsWithTheText(length: Int, capacity: Int) {
        #expect(WordMatchMemo.capacity(forTextOf: length) == capacity)
    }
}
