import Testing
import VaktaalCore

@testable import VaktaalLint

/// A rule judges each distinct term once per document: the same label written the same way
/// gets the same finding; the same label written otherwise is judged again.
@Suite struct TermVerdictsTests {
    /// Each occurrence keeps its own place, and each way of writing gets its own replacement and message.
    @Test(arguments: [
        (
            "deprecated-term", "De mentor, de Mentor, de MENTOR en de mentor.",
            ["werkplekbegeleider", "Werkplekbegeleider", "WERKPLEKBEGELEIDER", "werkplekbegeleider"]
        ),
        (
            "deprecated-term", "Twee mentoren en een mentor; twee Mentoren.",
            ["werkplekbegeleiders", "werkplekbegeleider", "Werkplekbegeleiders"]
        ),
        (
            "misspelling", "De feedbackgeletterheid en de Feedbackgeletterheid, de feedbackgeletterheid.",
            ["feedbackgeletterdheid", "Feedbackgeletterdheid", "feedbackgeletterdheid"]
        ),
    ])
    func repeatedTermsKeepTheirOwnCaseAndPlace(rule: String, text: String, replacements: [String]) {
        let findings = lint(text).filter { $0.rule.rawValue == rule }
        #expect(findings.compactMap(\.replacement) == replacements)
        #expect(Set(findings.map(\.location?.column)).count == replacements.count, "each finding has its own column")
        for finding in findings {
            #expect(finding.message.contains("'\(finding.match ?? "")'"), "the message quotes what was written")
            #expect(finding.message.contains("'\(finding.replacement ?? "")'"), "the message names this replacement")
        }
    }

    /// The same word composed and decomposed (as text copied from a PDF or written on macOS
    /// may be) is two ways of writing: each message quotes its own bytes.
    @Test func composedAndDecomposedWritingsAreJudgedApart() {
        let linter = fixtureLinter(
            """
            <concept id="so"><prefLabel>schoolopleider</prefLabel><deprecatedLabel>coördinator</deprecatedLabel></concept>
            """)
        let composed = "co\u{F6}rdinator"
        let decomposed = "coo\u{308}rdinator"
        let findings = lint("De \(composed), de \(decomposed) en de \(composed).", linter: linter)
        #expect(findings.map { Array(($0.match ?? "").utf8) } == [composed, decomposed, composed].map { Array($0.utf8) })
        for finding in findings {
            let quoted = Array("'\(finding.match ?? "")'".utf8)
            #expect(Array(finding.message.utf8).starts(with: quoted), "\(finding.message) quotes \(quoted)")
        }
    }

    @Test func aTermIsJudgedOncePerVariant() throws {
        let document = lint(terms: "De mentor, de Mentor, de mentor en de mentor.")
        let terms = document.terms
        #expect(terms.map(\.variant) == [0, 1, 0, 0] && document.variantCount == 2)
        var judged: [String] = []
        let findings = TermVerdicts.findings(in: document) { term in
            judged.append(term.text)
            return RuleFinding(term: term, message: "about \(term.text)", replacement: nil, labelSeverity: nil)
        }
        #expect(judged == ["mentor", "Mentor"])
        #expect(findings.map(\.message) == ["about mentor", "about Mentor", "about mentor", "about mentor"])
        #expect(findings.map(\.termIndex) == terms.map(\.index))
        #expect(terms.map(\.index) == Array(terms.indices))
    }

    /// A variant judged fine gives no finding for any of its terms; a term with a context is
    /// judged on its own, each time, and never as its variant.
    @Test func aFineVariantAndTermsInContext() throws {
        let document = lint(terms: "De mentor en de Mentor. Ipabo werkt met de ipabo en met Ipabo. Weer een Mentor.")
        let terms = document.terms
        let inContext = terms.indices.filter { terms[$0].context != nil }
        try #require(!inContext.isEmpty, "a name in another casing has a context")
        var judgedAlone: [Int] = []
        var judgedByVariant: [String] = []
        let findings = TermVerdicts.findings(
            in: document,
            judgingVariant: { term in
                #expect(term.context == nil)
                judgedByVariant.append(term.text)
                return term.text == "mentor"
                    ? RuleFinding(term: term, message: "mentor", replacement: nil, labelSeverity: nil) : nil
            },
            judgingInContext: { term in
                judgedAlone.append(term.index)
                return RuleFinding(term: term, message: "alone", replacement: nil, labelSeverity: nil)
            })
        #expect(judgedAlone == inContext)
        // Each variant once: the second Mentor is its variant's, judged fine already.
        var firstOfVariant: Set<Int> = []
        let variants = terms.filter { $0.context == nil && firstOfVariant.insert($0.variant).inserted }.map(\.text)
        #expect(judgedByVariant == variants)
        #expect(terms.count { $0.text == "Mentor" } == 2 && judgedByVariant.count { $0 == "Mentor" } == 1)
        let expected = terms.indices.filter { terms[$0].context != nil || terms[$0].text == "mentor" }
        #expect(findings.map(\.termIndex) == expected)
    }

    /// The findings of one verdict on one way of writing share what they say; the others do not.
    @Test func findingsOfOneVerdictShareWhatTheySay() {
        let findings = lint("De mentor, de Mentor, de mentor; de feedbackgeletterheid en de mentor.")
        #expect(findings.map(\.match) == ["mentor", "Mentor", "mentor", "feedbackgeletterheid", "mentor"])
        let identities = findings.map(\.saidIdentity)
        #expect(identities[0] == identities[2] && identities[0] == identities[4])
        #expect(Set(identities).count == 3)
        func said(_ finding: Finding) -> [String?] {
            [
                finding.rule.rawValue, finding.severity.rawValue, finding.message, finding.concept, finding.match,
                finding.replacement,
            ]
        }
        #expect(said(findings[0]) == said(findings[2]) && findings[0].location != findings[2].location)
    }
}

/// The terms the Dutch linter finds in a plain text, in order.
private func lint(terms text: String) -> DocumentTerms {
    let linter = dutchLinter
    let document = try! DocumentReaders.reader(for: .text).read(Array(text.utf8), options: linter.options.reading)
    let matcher = linter.matcher
    return document.text.withUnsafeBufferPointer { bytes in
        Linter.foundTerms(in: document, bytes, matcher, languages: matcher.languages(["nl"]))
    }
}
