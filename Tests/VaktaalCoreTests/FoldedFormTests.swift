import Testing

@testable import VaktaalCore

/// The hash of a form's case fold, which the label rules look forms up by: forms that are
/// equal ignoring case (and canonical equivalence) hash alike, whichever way they are folded.
@Suite struct FoldedFormTests {
    /// Every printable character up to U+00FF (folded by hand) and the characters whose
    /// lowercase is one of them or that lie just beyond (folded by `lowercased()`): a
    /// character hashes as its lowercase does, written in any case.
    @Test func latinOneCharactersHashAsTheirLowercase() {
        let scalars = (0x20...0x17F).compactMap(Unicode.Scalar.init) + ["\u{1E9E}", "\u{212A}", "\u{212B}"]
        for scalar in scalars {
            let text = "x" + String(scalar) + "y"
            let lowered = text.lowercased()
            #expect(FoldedForm.hash(of: text) == FoldedForm.hash(of: lowered), "\(text) and \(lowered)")
            #expect(FoldedForm.hash(of: text.uppercased()) == FoldedForm.hash(of: text.uppercased().lowercased()))
        }
    }

    /// Two Latin-1 characters hash alike exactly when `lowercased()` makes them equal: the fold
    /// by hand folds neither more nor less than it.
    @Test func latinOneCharactersHashAlikeOnlyWhenTheirLowercasesAreEqual() {
        let texts = (0x20...0xFF).compactMap(Unicode.Scalar.init).map { "x" + String($0) }
        let hashes = texts.map(FoldedForm.hash(of:))
        for (first, firstHash) in zip(texts, hashes) {
            for (second, secondHash) in zip(texts, hashes)
            where (firstHash == secondHash) != (first.lowercased() == second.lowercased()) {
                Issue.record("\(first.debugDescription) and \(second.debugDescription) fold otherwise than lowercased() says")
            }
        }
    }

    /// Texts that differ beyond case do not hash alike (a collision of these would only cost a
    /// comparison, but would show that the fold loses a difference).
    @Test(arguments: [
        ("één", "een"), ("coördinator", "coordinator"), ("×", "÷"), ("ß", "ss"), ("Æ", "ae"), ("µ", "μ"),
        ("ÿ", "y"), ("Þ", "th"),
    ])
    func differentTextsHashApart(_ first: String, _ second: String) {
        #expect(FoldedForm.hash(of: first) != FoldedForm.hash(of: second))
    }

    /// Capitals, composed and decomposed accents, and the characters whose decomposition is
    /// ASCII all meet the same hash.
    @Test(arguments: [
        ("ÉÉN", "één"), ("E\u{301}E\u{301}N", "één"), ("Coördinator", "COO\u{308}RDINATOR"), ("Ÿ", "ÿ"),
        ("ÀÖØÞ", "àöøþ"), ("\u{212A}", "k"), ("x\u{037E}", "X;"), ("\u{212B}", "å"),
    ])
    func equalTextsHashAlike(_ first: String, _ second: String) {
        #expect(FoldedForm.hash(of: first) == FoldedForm.hash(of: second))
    }
}
