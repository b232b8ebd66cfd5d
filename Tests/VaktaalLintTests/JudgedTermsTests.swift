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

    /// A lint hands what it made on the way to its caller (``Linter/LetGo``): once the
    /// findings are made, the judged terms with each rule's verdicts and the order of the
    /// findings, then the document read with all its terms. What it hands over is what the
    /// findings came from: each place names a rule and one of its verdicts, in the findings' order.
    @Test func aLintHandsOverWhatItMade() throws {
        var handed: [any Sendable] = []
        let bytes = SourceBytes(Array(Self.text.utf8))
        let findings = dutchLinter.lint(
            bytes, path: "t.txt", reader: PlainTextReader(), quotingText: false, lettingGo: { handed.append($0) }
        ).findings
        #expect(findings.map(\.match) == lint(Self.text).map(\.match))
        #expect(handed.count == 2)
        let matched = try #require(handed.last as? Linter.MatchedDocument)
        #expect(matched.terms.terms.map(\.text).contains("werkplekbegeleider"))
        let made = Mirror(reflecting: try #require(handed.first)).children.map(\.value)
        #expect(made.count == 3)
        let judged = try #require(made.first as? DocumentTerms)
        #expect(
            judged.terms.map(\.text) == ["aankomend leraar", "student", "voltijd", "VT", "DT", "inholland", "mentor"])
        // Each rule's judgment: its findings (with their keys), for every rule.
        let judgments = try #require(made[1] as? [Any])
        #expect(judgments.count == Linter.rules.count)
        let verdicts = judgments.map { judgment in
            Mirror(reflecting: judgment).children.first.flatMap { $0.value as? [RuleFinding] } ?? []
        }
        let places = try #require(made.last as? [(rule: Int, index: Int)])
        #expect(places.count == findings.count && !places.isEmpty)
        #expect(places.map { Linter.rules[$0.rule].id } == findings.map(\.rule))
        #expect(places.map { verdicts[$0.rule][$0.index].message } == findings.map(\.message))
    }
}
