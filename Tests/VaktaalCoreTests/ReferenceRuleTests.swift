import Testing

@testable import VaktaalCore

/// The reference rules that use what building the set found (which concepts repeat an id,
/// which resolve every relation) and the cycles of `replacedBy`, on the cases those shortcuts
/// could miss.
@Suite struct ReferenceRuleTests {
    private static func concept(_ id: String, _ body: String = "", attributes: String = "") -> String {
        CheckRuleTests.concept(id, body, attributes: attributes)
    }

    private func messages(_ rule: RuleID, _ concepts: String) -> [String] {
        findings(load(vocabularyXML(concepts))).filter { $0.rule == rule }.map(\.message)
    }

    /// Every concept that repeats an id is reported once, naming the first, also when the ids
    /// are written differently but are the same text (a decomposed é).
    @Test func everyRepeatedIDIsReportedAgainstTheFirst() {
        let found = messages(
            "duplicate-id",
            Self.concept("a") + Self.concept("b") + Self.concept("a") + Self.concept("caf\u{E9}")
                + Self.concept("a") + Self.concept("cafe\u{301}"))
        #expect(found.count == 3, "\(found)")
        #expect(found.allSatisfy { $0.contains("used twice in this file (first at line") }, "\(found)")
        #expect(found.filter { $0.contains("'a'") }.count == 2)
    }

    /// Only the references that resolve nothing are reported, among relations that do, in any
    /// kind of reference.
    @Test func onlyTheUnresolvedReferencesOfAConceptAreReported() {
        let found = messages(
            "dangling-reference",
            Self.concept("a", "<broader ref=\"b\"/><related ref=\"weg\"/><narrower ref=\"c\"/><closeMatch ref=\"ook-weg\"/>")
                + Self.concept("b", "<narrower ref=\"a\"/>") + Self.concept("c", "<broader ref=\"a\"/>")
                + Self.concept("d", attributes: " deprecated=\"true\" replacedBy=\"nergens\""))
        #expect(
            found == [
                "related 'weg' names no concept of the folder", "closeMatch 'ook-weg' names no concept of the folder",
                "replacedBy 'nergens' names no concept of the folder",
            ], "\(found)")
    }

    /// Chains that run into a cycle, a concept that replaces itself, two cycles and chains
    /// that end: each cycle once, its members only, in the order of the first chain into it.
    @Test(arguments: [
        ([-1, 0, 1], [[Int]]()),
        ([1, 2, 0], [[0, 1, 2]]),
        ([1, 2, 1], [[1, 2]]),
        ([0], [[0]]),
        ([-1, 2, 3, 4, 2, 6, 5, 1], [[2, 3, 4], [5, 6]]),
        ([3, 0, -1, 4, 3], [[3, 4]]),
    ])
    func replacementCyclesAreFoundOnce(next: [Int], expected: [[Int]]) {
        #expect(ReplacementCycleCheck.cycles(replacements: next) == expected)
    }
}
