import Testing
import VaktaalCore

@testable import VaktaalLint

/// The rules are handed the first use of an allowed label only where one of them may judge
/// it (``DocumentTerms/judged``): what they find is what they find among all first uses.
@Suite struct JudgedTermsTests {
    static let text = """
        De werkplekbegeleider helpt. De werkplekbegeleider helpt weer.
        De aankomend leraar leert. De aankomend leraar oefent. De student reflecteert.
        Studenten in voltijd (VT) en VT. Later DT.
        Samen met inholland en de lerarenopleiding. De mentor komt.
        """

    @Test func onlyTheFirstUsesARuleMayJudgeAreKept() throws {
        let linter = dutchLinter
        let document = try DocumentReaders.reader(for: .text).read(Array(Self.text.utf8), options: linter.options.reading)
        let all = document.text.withUnsafeBufferPointer { bytes in
            Linter.foundTerms(in: document, bytes, linter.matcher, languages: linter.matcher.languages(["nl"]))
        }
        let judged = all.judged
        func written(_ terms: DocumentTerms) -> [String] { terms.terms.map(\.text) }
        // "werkplekbegeleider" and "lerarenopleiding" are the only labels of their concepts
        // here; "VT" and "DT" are abbreviations, "voltijd" goes with "VT" (and introduces it:
        // the abbreviation rule needs it); "inholland" is a name in another casing, "mentor"
        // outdated.
        #expect(written(all).contains("werkplekbegeleider") && written(all).contains("lerarenopleiding"))
        #expect(
            written(judged) == ["aankomend leraar", "student", "voltijd", "VT", "DT", "inholland", "mentor"],
            "\(written(judged))")
        #expect(judged.terms.map(\.index) == Array(judged.terms.indices))
        #expect(judged.uses == all.uses)
        var finding: Set<String> = []
        for rule in Linter.rules {
            func found(_ terms: DocumentTerms) -> [String] {
                rule.findings(in: terms, set: linter.set).map { "\(terms.terms[$0.termIndex].range): \($0.message)" }
            }
            #expect(found(judged) == found(all), "\(rule.id)")
            if !found(all).isEmpty { finding.insert(rule.id.rawValue) }
        }
        #expect(finding == ["inconsistent-term", "abbreviation-first-use", "misspelling", "deprecated-term"])
    }
}
