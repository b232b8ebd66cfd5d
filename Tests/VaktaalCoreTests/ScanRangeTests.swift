import Testing
import VaktaalTestSupport
import VaktaalText

@testable import VaktaalCore

/// A scan reads each word's next word before it is done with the word (so that the next
/// word's filter bits are on their way from memory), and a memo answers for words met
/// before, looking only at the next word: what it finds in a range must still depend on the
/// bytes of the range alone, and a match that takes the next word must not lose the word
/// after it.
@Suite struct ScanRangeTests {
    /// Texts whose words end where a range may cut them: labels that a longer word starts
    /// ("mentor", "mentorschap"), phrases that take the next word ("student teacher",
    /// "feed forward"), words that go on in letters that are not ASCII ("mentorë"), signs
    /// between words, and a word right at the start.
    @Test(arguments: [
        "mentor mentorschap mentor",
        "de student teacher student teacher en de mentor van de student",
        "feed forward, feed up; feed-forward en feedbackgeletterdheid",
        "mentorë mentor éénmentor mentor",
        "De werkplekbegeleider. De mentor! (mentor) 'mentor'",
    ])
    func aRangeMatchesAsItsBytesAlone(text: String) throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let matcher = TermMatcher(set: set, entries: IndexEntries(set))
        let languages = matcher.languages(nil)
        let bytes = Array(text.utf8)
        var matchedSomewhere = false
        // Ranges of a text are cut between characters, never inside one.
        for cut in 0...bytes.count where cut == bytes.count || bytes[cut] & 0xC0 != 0x80 {
            for start in [0, 1, 3] where start <= cut {
                let inRange = bytes.withUnsafeBufferPointer { matcher.matches(in: $0, range: start..<cut, languages: languages) }
                let alone = Array(bytes[start..<cut]).withUnsafeBufferPointer {
                    matcher.matches(in: $0, range: 0..<$0.count, languages: languages)
                }
                let shifted = alone.map {
                    TermMatch(range: $0.range.lowerBound + start..<$0.range.upperBound + start, target: $0.target)
                }
                #expect(inRange == shifted, "\(start)..<\(cut) of \(text)")
                #expect(matchesWithAWarmMemo(in: bytes, start..<cut, matcher) == inRange)
                matchedSomewhere = matchedSomewhere || !inRange.isEmpty
            }
        }
        #expect(matchedSomewhere)
    }

    /// The matches in `bytes[range]`, with a memo of the words met in a scan of the whole text
    /// first (the memo then answers at the range's cut).
    private func matchesWithAWarmMemo(in bytes: [UInt8], _ range: Range<Int>, _ matcher: TermMatcher) -> [TermMatch] {
        var found: [TermMatch] = []
        bytes.withUnsafeBufferPointer { bytes in
            let languages = matcher.languages(nil)
            WordMatchMemo.withMemo(forTextOf: bytes.count) { memo in
                func scan(_ range: Range<Int>, _ body: (TermMatch) -> Void) {
                    matcher.forEachMatch(
                        in: bytes, range: range, languages: languages, sharing: memo, handingOver: .none
                    ) { match in
                        body(match)
                        return .taken
                    } repeated: { _, _ in
                    }
                }
                scan(0..<bytes.count) { _ in }
                scan(range) { found.append($0) }
            }
        }
        return found
    }
}
