import Testing
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalLint

/// Every rule against its own examples, as written and wrapped in the ways documents wrap
/// text, so offsets and ignore rules are covered too.
@Suite struct RuleExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let rule: RuleID
        let text: String
        var testDescription: String { "\(rule): \(text)" }
    }

    static let triggering = Linter.rules.flatMap { rule in rule.examples.triggering.map { Example(rule: rule.id, text: $0) } }
    static let nonTriggering = Linter.rules.flatMap { rule in rule.examples.nonTriggering.map { Example(rule: rule.id, text: $0) }
    }

    /// The wrappers: as is, behind multibyte text, in a Markdown paragraph, in HTML.
    static let wrappers: [(prefix: String, suffix: String, format: DocumentFormat)] = [
        ("", "", .text), ("😀 Één naïeve 中文 zin.\n", "", .text), ("# Kop\n\nTekst: ", "\n", .markdown),
        ("<!DOCTYPE html><html lang=\"nl\"><body><p>", "</p></body></html>", .html),
    ]

    @Test(arguments: triggering)
    func triggersAtTheMarkers(_ example: Example) {
        let (text, columns) = markers(in: example.text)
        for wrapper in Self.wrappers {
            let prefixLines = wrapper.prefix.split(separator: "\n", omittingEmptySubsequences: false)
            let lastPrefixLine = prefixLines.last.map { $0.unicodeScalars.count } ?? 0
            let found = lint(wrapper.prefix + text + wrapper.suffix, format: wrapper.format).filter { $0.rule == example.rule }
            let expected = columns.map { (prefixLines.count, lastPrefixLine + $0 + 1) }
            #expect(found.map { [$0.line, $0.column] } == expected.map { [$0.0, $0.1] }, "\(wrapper.format) \(found)")
        }
    }

    @Test(arguments: nonTriggering)
    func staysQuiet(_ example: Example) {
        for wrapper in Self.wrappers {
            let found = lint(wrapper.prefix + example.text + wrapper.suffix, format: wrapper.format).filter {
                $0.rule == example.rule
            }
            #expect(found.isEmpty, "\(wrapper.format) \(found)")
        }
    }

    @Test func everyRuleHasExamplesAndAUniqueID() {
        let ids = Linter.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(
            Set(ids) == ["deprecated-term", "misspelling", "deprecated-concept", "inconsistent-term", "abbreviation-first-use"])
        for rule in Linter.rules {
            #expect(!rule.examples.triggering.isEmpty && !rule.examples.nonTriggering.isEmpty, "\(rule.id)")
            #expect(rule.examples.triggering.allSatisfy { $0.contains("↓") }, "\(rule.id)")
        }
    }

    @Test func slidesLikeThePresentationAreReportedWithTheRightFixes() throws {
        let bytes = try #require(FileBytes.read(fixturesFolder + "/presentation.txt"))
        let findings = dutchLinter.lint(bytes, path: "seeds", format: .text).findings
        let fixes = Dictionary(findings.compactMap { finding in finding.replacement.map { (finding.match, $0) } }) { first, _ in
            first
        }
        #expect(fixes["Mentor"] == "Werkplekbegeleider")
        #expect(fixes["feedbackgeletterheid"] == "feedbackgeletterdheid")
        #expect(fixes["InHolland"] == "Inholland")
        #expect(fixes["IPABO"] == "iPabo")
        #expect(fixes["Self efficacy"] == "Self-efficacy")
    }
}
