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
}
