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
    /// are written differently but are the same text (a decomposed é, the Kelvin sign).
    @Test func everyRepeatedIDIsReportedAgainstTheFirst() {
        let found = findings(
            load(
                vocabularyXML(
                    Self.concept("a") + Self.concept("b") + Self.concept("a") + Self.concept("caf\u{E9}")
                        + Self.concept("a") + Self.concept("cafe\u{301}") + Self.concept("K") + Self.concept("\u{212A}")))
        )
        .filter { $0.rule == "duplicate-id" }
        #expect(found.count == 4, "\(found)")
        #expect(found.allSatisfy { $0.message.contains("used twice in this file (first at line") }, "\(found)")
        // Reported on the repeat, not the first: compared byte for byte, not as equal text.
        #expect(found.compactMap(\.concept).contains { $0.utf8.elementsEqual("https://example.org/test/cafe\u{301}".utf8) })
        #expect(found.compactMap(\.concept).contains { $0.utf8.elementsEqual("https://example.org/test/\u{212A}".utf8) })
        #expect(!found.compactMap(\.concept).contains { $0.utf8.elementsEqual("https://example.org/test/caf\u{E9}".utf8) })
    }

    /// An id that two files each use once is no repeat within a file.
    @Test func anIDInTwoFilesIsNotUsedTwiceInAFile() {
        let first = vocabularyXML(Self.concept("a"), id: "s1", uri: "https://example.org/s1/")
        let second = vocabularyXML(Self.concept("a"), id: "s2", uri: "https://example.org/s2/")
        #expect(!findings(load([("s1.xml", first), ("s2.xml", second)])).contains { $0.rule == "duplicate-id" })
    }

    /// Only the references that resolve nothing are reported, among relations that do, in any
    /// kind of reference, also on concepts whose relations all resolve.
    @Test func onlyTheUnresolvedReferencesOfAConceptAreReported() {
        let found = messages(
            "dangling-reference",
            Self.concept("a", "<broader ref=\"b\"/><related ref=\"weg\"/><narrower ref=\"c\"/>")
                + Self.concept("b", "<narrower ref=\"a\"/><closeMatch ref=\"ook-weg\"/>")
                + Self.concept("c", "<broader ref=\"a\"/>")
                + Self.concept("d", attributes: " deprecated=\"true\" replacedBy=\"nergens\""))
        #expect(
            found == [
                "related 'weg' names no concept of the folder", "closeMatch 'ook-weg' names no concept of the folder",
                "replacedBy 'nergens' names no concept of the folder",
            ], "\(found)")
    }

    /// The rule reports each cycle once, on its first member, in the order of the first chain
    /// that runs into it: a chain into a cycle of two, then a concept that replaces itself.
    @Test func replacementCyclesAreReportedInChainOrder() {
        func replaced(_ id: String, by other: String) -> String {
            Self.concept(id, attributes: " deprecated=\"true\" replacedBy=\"\(other)\"")
        }
        let set = load(
            vocabularyXML(replaced("w", by: "x") + replaced("z", by: "z") + replaced("x", by: "y") + replaced("y", by: "x"))
        ).set
        #expect(
            ReplacementCycleCheck().check(set).map(\.message) == [
                "replacedBy goes round in a circle through 'x', 'y'", "replacedBy goes round in a circle through 'z'",
            ])
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
