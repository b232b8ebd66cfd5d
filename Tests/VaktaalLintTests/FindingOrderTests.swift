import Testing
import VaktaalCore

/// Findings of several rules in one document come in the order of their places, whichever
/// rule found them, with every finding once.
@Suite("Findings in document order")
struct FindingOrderTests {
    @Test(
        "findings of rules that alternate come in order of line and column",
        // 2,000 repeats are 8,000 terms: enough for the rules to judge them side by side.
        arguments: [1, 2, 3, 50, 1_000, 2_000])
    func alternatingRulesComeInPlaceOrder(repeats: Int) {
        // An outdated term and a misspelling alternate; the rules each give theirs in order,
        // so the two lists interleave and the whole is put in order.
        let sentence = "De mentor en de feedbackgeletterheid; de Mentor en feedbackgeletterheid. "
        let text = (0..<repeats).map { $0 % 3 == 0 ? sentence + "\n" : sentence }.joined()
        let findings = lint(text)
        #expect(findings.count == 4 * repeats)
        let places = findings.map { ($0.location?.line ?? 0, $0.location?.column ?? 0) }
        #expect(zip(places, places.dropFirst()).allSatisfy { $0 < $1 })
        let rules = findings.map(\.rule.rawValue)
        #expect(Set(rules) == ["deprecated-term", "misspelling"])
        #expect(rules.prefix(4) == ["deprecated-term", "misspelling", "deprecated-term", "misspelling"])
        #expect(
            findings.map(\.match)
                == Array(repeating: ["mentor", "feedbackgeletterheid", "Mentor", "feedbackgeletterheid"], count: repeats).flatMap
            { $0 })
    }

    /// A sentence whose findings come in runs of one rule, and their rules in order.
    struct Runs: Sendable, CustomTestStringConvertible {
        let sentence: String
        let rules: [String]
        var testDescription: String { rules.joined(separator: ", ") }

        static let all = [
            // Two outdated terms, then two misspellings.
            Runs(
                sentence: "De mentor en de Mentor; de feedbackgeletterheid, feedbackgeletterheid en de mentoren. ",
                rules: ["deprecated-term", "deprecated-term", "misspelling", "misspelling", "deprecated-term"]),
            // Three rules: the run of outdated terms stops at the term of a deprecated concept
            // between them, not at the misspelling after both.
            Runs(
                sentence: "De mentor, de stagementor, de mentoren en de feedbackgeletterheid. ",
                rules: ["deprecated-term", "deprecated-concept", "deprecated-term", "misspelling"]),
        ]
    }

    /// Rules that give runs of findings are merged run by run, each run up to the next
    /// finding of any other rule.
    @Test("runs of one rule's findings come in order of line and column", arguments: Runs.all, [1, 7, 2_000])
    func runsOfOneRuleComeInPlaceOrder(runs: Runs, repeats: Int) {
        let findings = lint(String(repeating: runs.sentence, count: repeats))
        #expect(findings.count == runs.rules.count * repeats)
        let places = findings.map { ($0.location?.line ?? 0, $0.location?.column ?? 0) }
        #expect(zip(places, places.dropFirst()).allSatisfy { $0 < $1 })
        #expect(findings.map(\.rule.rawValue) == Array(repeating: runs.rules, count: repeats).flatMap { $0 })
    }

    /// A document of many findings has them made side by side, each part sharing records of
    /// its own: every finding says what the same term says in one sentence, one line further
    /// each sentence, and the findings share a record for each variant and part.
    @Test func manyFindingsMadeSideBySideSayWhatOneSentenceSays() {
        let sentence = "De mentor en de feedbackgeletterheid; de Mentor en feedbackgeletterheid.\n"
        let few = lint(sentence)
        let many = lint(String(repeating: sentence, count: 5_000))
        #expect(few.count == 4 && many.count == 20_000)
        for (index, finding) in many.enumerated() {
            let expected = few[index % 4]
            guard
                finding.rule == expected.rule && finding.severity == expected.severity && finding.message == expected.message
                    && finding.match == expected.match
                    && finding.concept == expected.concept && finding.fix?.replacement == expected.fix?.replacement
                    && finding.location?.line == index / 4 + 1 && finding.location?.column == expected.location?.column
            else {
                Issue.record("finding \(index): \(finding) is not \(expected) a line further")
                return
            }
        }
        // "mentor", "Mentor" and both "feedbackgeletterheid": three variants in each part.
        #expect(Set(few.map(\.saidIdentity)).count == 3)
        #expect((3...3 * Parallel.coreCount).contains(Set(many.map(\.saidIdentity)).count))
    }
}
