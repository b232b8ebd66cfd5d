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
        // The Dutch ij is one letter: both halves are capitals (IJsland), in ASCII and beyond.
        ("ijsbaan", "Schaatsbaan", "IJsbaan"), ("ijsbaan", "schaatsbaan", "ijsbaan"), ("ijsbaan", "SCHAATSBAAN", "IJSBAAN"),
        ("de ijsbaan", "Het Schaatsveld", "De IJsbaan"), ("ijsbaan", "Schaatsbaan Noord", "IJsbaan"),
        ("ijsbaan op één", "Baan Op Twee", "IJsbaan Op Één"), ("ijzerwinkel", "Éénwinkel", "IJzerwinkel"),
        ("inijken", "Kijken", "Inijken"),
        // A capital at the start only is no name's (a spreadsheet writes every cell so): the
        // text's pattern is kept; a name (a capital after its first letter) is written as it is.
        ("Werkplekbegeleider", "mentor", "werkplekbegeleider"), ("Werkplekbegeleider", "MENTOR", "WERKPLEKBEGELEIDER"),
        ("Werkplekbegeleider", "Mentor", "Werkplekbegeleider"), ("Aankomend leraar", "Student In Opleiding", "Aankomend Leraar"),
        ("Éénpitter", "zzp'er", "éénpitter"), ("Hogeschool van Amsterdam", "hva-opleiding", "Hogeschool van Amsterdam"),
        ("IJsbaan", "schaatsbaan", "IJsbaan"),
    ])
    func followsTheWrittenCase(replacement: String, written: String, expected: String) {
        #expect(CaseMirror.apply(replacement, like: written, labelIsCaseSensitive: false) == expected)
    }

    @Test func aCaseSensitiveLabelIsWrittenAsItIs() {
        #expect(CaseMirror.apply("werkplekbegeleider", like: "MENTOR", labelIsCaseSensitive: true) == "werkplekbegeleider")
    }
}
