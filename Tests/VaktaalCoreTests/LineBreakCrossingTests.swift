import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// A line break is crossed by a phrase only after a token that white space follows inside
/// some phrase: lint cuts a long text after the others, and matches the pieces apart.
@Suite struct LineBreakCrossingTests {
    /// The fixture vocabulary's matcher ("Amsterdamse Onderwijsregio" is one of its labels,
    /// "mentor van de klas" an exception phrase), with the allowed phrase "prof. dr. Jansen"
    /// beside it (a "." that white space follows).
    static let matcher: TermMatcher = {
        let set = try! VocabularyLoader.load(path: fixtureVocabularyFolder).set
        return TermMatcher(set: set, entries: IndexEntries(set)).adding(allowed: ["prof. dr. Jansen"])
    }()

    /// Texts with a line break marked `|` (the `\n` after it), and whether a phrase may cross it.
    @Test(arguments: [
        ("de amsterdamse|\nonderwijsregio", true),
        ("de AMSTERDAMSE \t|\nonderwijsregio", true),
        ("de amsterdamse\u{A0}|\nonderwijsregio", true),
        ("bij prof.|\ndr. Jansen", true),
        ("de werkplekbegeleider|\nen de pabo", false),
        ("de werkplekbegeleider  |\nen de pabo", false),
        ("de coördinator|\nen", false),
        ("de pabo!|\nDe werkplekbegeleider", false),
        ("de pabo.|\nDe werkplekbegeleider", true),
        ("de amsterdamse\n  |\nonderwijsregio", false),
        ("de amsterdamse\r\n|\nonderwijsregio", false),
        ("de amsterdamse\r|\nonderwijsregio", true),
        ("|\nde mentor", false),
        ("   |\nde mentor", false),
    ])
    func aLineBreakIsCrossedOnlyAfterATokenThatWhiteSpaceFollowsInAPhrase(marked: String, crossed: Bool) {
        let lineBreak = Array(marked.utf8).firstIndex(of: UInt8(ascii: "|"))!
        let text = Array(marked.replacingOccurrences(of: "|", with: "").utf8)
        #expect(text[lineBreak] == 0x0A)
        text.withUnsafeBufferPointer { bytes in
            #expect(Self.matcher.mayCrossLineBreak(at: lineBreak, in: bytes, notBefore: 0) == crossed)
        }
    }

    /// What lies before the start it may look at is not known: a word or white space that
    /// reaches back to it may go on from there.
    @Test func whatReachesBackToTheStartMayBeCrossed() {
        let text = Array("de pabo\n   \nen".utf8)
        text.withUnsafeBufferPointer { bytes in
            #expect(!Self.matcher.mayCrossLineBreak(at: 7, in: bytes, notBefore: 0))
            #expect(Self.matcher.mayCrossLineBreak(at: 7, in: bytes, notBefore: 4), "'abo' may be the end of another word")
            #expect(Self.matcher.mayCrossLineBreak(at: 11, in: bytes, notBefore: 8), "white space back to the start")
            #expect(!Self.matcher.mayCrossLineBreak(at: 11, in: bytes, notBefore: 7), "a blank line")
        }
    }

    /// Wherever a line break is said to be crossed by no phrase, matching the text cut right
    /// before it or right after it finds what matching it whole finds.
    @Test func aTextCutAfterALineBreakNoPhraseCrossesMatchesAsAWhole() {
        let text = Array(
            "De Amsterdamse\nOnderwijsregio en prof.\ndr. Jansen.\nDe mentor\nvan de klas\nen de werkplekbegeleider\nvan de pabo!\nDe mentor\n"
                .utf8)
        text.withUnsafeBufferPointer { bytes in
            let languages = Self.matcher.languages(nil)
            let whole = Self.matcher.matches(in: bytes, range: 0..<bytes.count, languages: languages)
            #expect(whole.count >= 4)
            var cuts = 0
            for lineBreak in bytes.indices where bytes[lineBreak] == 0x0A && lineBreak + 1 < bytes.count {
                guard !Self.matcher.mayCrossLineBreak(at: lineBreak, in: bytes, notBefore: 0) else { continue }
                for cut in [lineBreak, lineBreak + 1] {
                    let before = Self.matcher.matches(in: bytes, range: 0..<cut, languages: languages)
                    let after = Self.matcher.matches(in: bytes, range: cut..<bytes.count, languages: languages)
                    #expect(before + after == whole, "cut at \(cut)")
                }
                cuts += 1
            }
            #expect(cuts == 3, "after 'klas', 'werkplekbegeleider' and 'pabo!'")
        }
    }
}
