import Testing
import VaktaalCore

@testable import VaktaalLint

/// A label is a name when its casing is part of it: case-sensitive, or with a capital after its first character.
@Suite struct NameCasingTests {
    @Test(arguments: [
        ("iPabo", true), ("HvA", true), ("Inholland", false), ("mentor", false), ("Mentor", false),
        ("pabo-Amsterdam", true), ("mbo", false), ("M", false), ("", false), ("mbo-École", true), ("École", false),
        ("één-Öland", true), ("ölçek", false), ("studentΩ", true), ("studentω", false), ("ǅemal", false), ("xǅ", false),
    ])
    func aCapitalAfterTheFirstCharacter(_ text: String, _ expected: Bool) {
        #expect(Label.hasCapitalAfterFirst(text) == expected)
    }

    /// The byte test for ASCII says what the Unicode property says, for every ASCII character after the first.
    @Test func asciiCapitalsAreTheUppercaseProperty() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            #expect(Label.hasCapitalAfterFirst("a" + String(scalar)) == scalar.properties.isUppercase, "\(value)")
        }
    }

    @Test func caseSensitiveLabelsAreNamesAndAbbreviationsAreNot() {
        #expect(Label(kind: .preferred, text: "pabo", isCaseSensitive: true).isName)
        #expect(!Label(kind: .preferred, text: "HvA", isAbbreviation: true).isName)
        #expect(!Label(kind: .deprecated, text: "HvA").isName)
        #expect(Label(kind: .alternative, text: "HvA").isName)
    }
}
