import Testing

@testable import VaktaalLint

/// The replacement takes the case pattern of what was written, the same for ASCII text
/// (done on bytes) as for any other.
@Suite struct CaseMirrorTests {
    @Test(arguments: [
        ("werkplekbegeleider", "mentor", "werkplekbegeleider"), ("werkplekbegeleider", "Mentor", "Werkplekbegeleider"),
        ("werkplekbegeleider", "MENTOR", "WERKPLEKBEGELEIDER"), ("aankomend leraar", "Leraar In Opleiding", "Aankomend Leraar"),
        ("aankomend leraar", "Leraar in opleiding", "Aankomend leraar"), ("iPabo", "IPABO", "iPabo"),
        ("werkplekbegeleider", "M", "Werkplekbegeleider"), ("werkplekbegeleider", "2e mentor", "werkplekbegeleider"),
        ("werkplekbegeleider", "'Mentor", "Werkplekbegeleider"), ("zelfeffectiviteit", "SELF EFFICACY", "ZELFEFFECTIVITEIT"),
        ("werkplekbegeleider", "2e Mentor", "werkplekbegeleider"),
        ("aankomend leraar", "Leraar\tIn  Opleiding", "Aankomend Leraar"),
        ("werkplekbegeleider", "mENTOR", "werkplekbegeleider"), ("werkplekbegeleider", "...", "werkplekbegeleider"),
        ("werkplekbegeleider", "Mentor Op School", "Werkplekbegeleider"), ("feed  forward", "Feed Up", "Feed  Forward"),
        // The same patterns with letters beyond ASCII.
        ("wérkplekbegeleider", "Méntor", "Wérkplekbegeleider"), ("wérkplekbegeleider", "MÉNTOR", "WÉRKPLEKBEGELEIDER"),
        ("aankomend léraar", "Léraar In Opleiding", "Aankomend Léraar"), ("ëlf", "Elf", "Ëlf"),
        // Written in small letters, or with no letter that has a case, beyond ASCII.
        ("wérkplekbegeleider", "méntor", "wérkplekbegeleider"), ("werkplekbegeleider", "méntor", "werkplekbegeleider"),
        ("wérkplekbegeleider", "mentor’s", "wérkplekbegeleider"), ("ëlf", "2½", "ëlf"), ("ëlf", "日本", "ëlf"),
        // Decomposed letters: a capital E with a combining accent is a capital; a title-case
        // digraph (ǅ) is none.
        ("ëlf", "E\u{0301}lf", "Ëlf"), ("ëlf", "e\u{0301}lf", "ëlf"), ("ëlf", "ǅemal", "ëlf"),
        // A replacement with a capital after its first letter is written as it is, beyond ASCII too.
        ("aankomend Léraar", "méntor", "aankomend Léraar"),
        // The Dutch ij is one letter: both halves are capitals (IJsland), in ASCII and beyond.
        ("ijsbaan", "Schaatsbaan", "IJsbaan"), ("ijsbaan", "schaatsbaan", "ijsbaan"), ("ijsbaan", "SCHAATSBAAN", "IJSBAAN"),
        ("de ijsbaan", "Het Schaatsveld", "De IJsbaan"), ("ijsbaan", "Schaatsbaan Noord", "IJsbaan"),
        ("ijsbaan op één", "Baan Op Twee", "IJsbaan Op Één"), ("ijzerwinkel", "Éénwinkel", "IJzerwinkel"),
        ("inijken", "Kijken", "Inijken"), ("ij", "Mentor", "IJ"), ("ijs en ijzer", "Mentor En Student", "IJs En IJzer"),
        ("ik ijs", "Mentor Student", "Ik IJs"), ("i jaar", "Mentor Student", "I Jaar"),
        // A preferred term with a capital after its first letter is written as it is.
        ("Hogeschool van Amsterdam", "hva-opleiding", "Hogeschool van Amsterdam"), ("IJsbaan", "schaatsbaan", "IJsbaan"),
        // A first capital is the term's own when the outdated label has none ("skype" → "Teams").
        ("Teams", "skype", "Teams"), ("Nederland", "holland", "Nederland"), ("Éénpitter", "zzp'er", "Éénpitter"),
    ])
    func followsTheWrittenCase(replacement: String, written: String, expected: String) {
        #expect(CaseMirror.apply(replacement, like: written, writtenAsIs: false, capitalIsTheVocabularys: false) == expected)
    }

    /// A character of scalars that are small letters or have no case is no capital: the
    /// shortcut that leaves a term written in small letters as the replacement is.
    @Test func noScalarSaidToBeNoCapitalIsACapitalCharacter() {
        var capitals: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned,
                scalar.properties.generalCategory != .privateUse, CaseMirror.hasNoCapital(String(scalar))
            else { continue }
            if Character(scalar).isUppercase { capitals.append(String(value, radix: 16)) }
        }
        #expect(capitals.isEmpty, "scalars: \(capitals.prefix(20))")
        // Characters of several scalars: letters (capital, small, title-case, caseless) with
        // combining marks, two at a time.
        let bases = "AaÉéǅǆΣσßİ日ª".unicodeScalars
        let marks = (0x300...0x36F).compactMap(Unicode.Scalar.init)
        for base in bases {
            for first in marks {
                for second in [first, "\u{0323}", "\u{0345}"] {
                    var scalars = String.UnicodeScalarView()
                    scalars.append(contentsOf: [base, first, second])
                    let text = String(scalars)
                    guard CaseMirror.hasNoCapital(text) else { continue }
                    #expect(text.allSatisfy { !$0.isUppercase }, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
        #expect(!CaseMirror.hasNoCapital("E\u{0301}lf"))
        #expect(CaseMirror.hasNoCapital("e\u{0301}lf"))
    }

    /// A vocabulary that writes every term with a capital (as a spreadsheet does, "Mentor" →
    /// "Werkplekbegeleider"): that capital is no term's own, and the text's pattern is kept.
    @Test(arguments: [
        ("Werkplekbegeleider", "mentor", "werkplekbegeleider"), ("Werkplekbegeleider", "MENTOR", "WERKPLEKBEGELEIDER"),
        ("Werkplekbegeleider", "Mentor", "Werkplekbegeleider"), ("Aankomend leraar", "Student In Opleiding", "Aankomend Leraar"),
        ("Éénpitter", "zzp'er", "éénpitter"), ("IJsbaan", "schaatsbaan", "IJsbaan"),
    ])
    func aCapitalEveryTermHasIsNoTermsOwn(replacement: String, written: String, expected: String) {
        #expect(CaseMirror.apply(replacement, like: written, writtenAsIs: false, capitalIsTheVocabularys: true) == expected)
    }

    /// A case-sensitive label, outdated or preferred, is written as it is.
    @Test(arguments: [("werkplekbegeleider", "MENTOR"), ("Inholland", "inholand"), ("Inholland", "Hogeschool Holland")])
    func aCaseSensitiveLabelIsWrittenAsItIs(replacement: String, written: String) {
        for capital in [false, true] {
            #expect(
                CaseMirror.apply(replacement, like: written, writtenAsIs: true, capitalIsTheVocabularys: capital) == replacement)
        }
    }

    /// Through lint: a fix names the case-sensitive preferred label as it is written, and
    /// keeps the text's pattern for a vocabulary that capitalizes every term.
    @Test(arguments: [
        (
            #"<prefLabel caseSensitive="true">Inholland</prefLabel><hiddenLabel>inholand</hiddenLabel>"#, "Bij inholand.",
            "Bij Inholland."
        ),
        (
            "<prefLabel>Werkplekbegeleider</prefLabel><deprecatedLabel>Mentor</deprecatedLabel>", "De mentor.",
            "De werkplekbegeleider."
        ),
        ("<prefLabel>Teams</prefLabel><deprecatedLabel>skype</deprecatedLabel>", "Via skype.", "Via Teams."),
    ])
    func fixesThroughLint(labels: String, text: String, fixed: String) throws {
        let linter = fixtureLinter(#"<concept id="c">\#(labels)</concept>"#)
        let findings = linter.lint(Array(text.utf8), path: "t.txt", format: .text).findings
        let result = try Linter.applyingFixes(findings, to: Array(text.utf8), format: .text)
        #expect(String(decoding: result.bytes, as: UTF8.self) == fixed)
    }
}
