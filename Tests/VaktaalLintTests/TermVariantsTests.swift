import Testing

@testable import VaktaalLint

/// A document's distinct terms: one label form written one way, byte for byte, is one variant.
@Suite struct TermVariantsTests {
    @Test func aFormWrittenOneWayIsOneVariant() {
        var variants = TermVariants()
        let writings: [(form: Int, text: String)] = [
            (3, "mentor"), (3, "Mentor"), (4, "mentor"), (3, "mentor"), (3, "co\u{F6}rdinator"), (3, "coo\u{308}rdinator"),
            (3, ""), (4, "mentor"), (3, ""), (3, "mentos"),
        ]
        let numbers = writings.map { writing in
            var text = writing.text
            return text.withUTF8 { variants.variant(form: writing.form, written: $0) }
        }
        #expect(numbers == [0, 1, 2, 0, 3, 4, 5, 2, 5, 6])
        #expect(variants.count == 7)
        let written = ["mentor", "Mentor", "mentor", "co\u{F6}rdinator", "coo\u{308}rdinator", "", "mentos"]
        #expect(variants.texts.map { Array($0.utf8) } == written.map { Array($0.utf8) })
    }

    /// Thousands of variants grow the table; each is still found again, by its own number.
    @Test func manyVariantsAreEachFoundAgain() {
        var variants = TermVariants()
        let texts = (0..<5_000).map { "term \($0)" }
        func number(_ index: Int) -> Int {
            var text = texts[index]
            return text.withUTF8 { variants.variant(form: index % 7, written: $0) }
        }
        #expect(texts.indices.map(number) == Array(texts.indices))
        #expect(texts.indices.reversed().map(number) == Array(texts.indices.reversed()))
        #expect(variants.count == texts.count)
    }
}
