import Testing

@testable import VaktaalCore

/// Lower-casing is skipped for text whose scalars it would not change: that must give what
/// `lowercased()` gives, byte for byte, since keys built with either are compared as bytes.
@Suite struct LowercasingTests {
    /// Every assigned scalar that its properties say lower-casing leaves alone is left alone
    /// by `lowercased()`; and every other one is changed by it.
    @Test func theScalarPropertiesAgreeWithLowercasingEveryScalar() {
        var disagreeing: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned,
                scalar.properties.generalCategory != .privateUse
            else { continue }
            let text = String(scalar)
            if text.lowercasingChangesNothing != Array(text.lowercased().utf8).elementsEqual(text.utf8) {
                disagreeing.append(String(value, radix: 16))
            }
        }
        #expect(disagreeing.isEmpty, "scalars: \(disagreeing.prefix(20))")
    }

    @Test(arguments: [
        ("mentor", "mentor"), ("Mentor", "mentor"), ("déléguée", "déléguée"), ("DÉLÉGUÉE", "déléguée"),
        ("e\u{0301}én", "e\u{0301}én"), ("E\u{0301}én", "e\u{0301}én"), ("ΣΟΦΙΑ", "σοφια"), ("İstanbul", "i\u{0307}stanbul"),
        ("", ""),
        ("2½ 日本", "2½ 日本"),
    ])
    func lowercasesAsLowercasedDoes(text: String, expected: String) {
        #expect(Array(text.lowercasedIfNeeded().utf8) == Array(expected.utf8))
        #expect(Array(text.lowercasedIfNeeded().utf8) == Array(text.lowercased().utf8))
    }
}
