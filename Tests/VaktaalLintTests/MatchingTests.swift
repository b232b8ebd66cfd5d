import Testing
import VaktaalCore

@testable import VaktaalLint

/// What users expect of a term linter's matching: whole words in any script, case, phrases
/// across one line break only, longest match, forms and exceptions, the document's language.
@Suite struct MatchingTests {
    static let linter = fixtureLinter(
        """
        <concept id="ios"><prefLabel>besturingssysteem</prefLabel><deprecatedLabel>ios</deprecatedLabel></concept>
        <concept id="feed"><prefLabel>terugkoppeling</prefLabel><deprecatedLabel>feed</deprecatedLabel></concept>
        <concept id="ff"><prefLabel>feed forward</prefLabel></concept>
        <concept id="wpb"><prefLabel plural="werkplekbegeleiders">werkplekbegeleider</prefLabel>
          <deprecatedLabel plural="mentoren; mentors" exceptions="mentor van de klas">mentor</deprecatedLabel>
          <deprecatedLabel xml:lang="en">mentor teacher</deprecatedLabel>
          <prefLabel xml:lang="en">workplace supervisor</prefLabel></concept>
        <concept id="sch"><prefLabel>Hogeschool van Amsterdam</prefLabel>
          <deprecatedLabel>Hogeschool Amsterdam</deprecatedLabel></concept>
        <concept id="apple"><prefLabel caseSensitive="true">iPabo</prefLabel>
          <deprecatedLabel caseSensitive="true">IPABO</deprecatedLabel></concept>
        """)

    func rules(_ text: String, linter: Linter = linter, format: DocumentFormat = .text) -> [String] {
        lint(text, format: format, linter: linter).map { "\($0.match ?? "")→\($0.replacement ?? "-")" }
    }

    @Test(
        arguments: [
            ("de mentorschap", []), ("commentor", []), ("silențios", []), ("mentor.", ["mentor→werkplekbegeleider"]),
            ("(mentor)", ["mentor→werkplekbegeleider"]), ("mentor2", []), ("2mentor", []), ("mentoré", []),
            ("«mentor»", ["mentor→werkplekbegeleider"]), ("ios", ["ios→besturingssysteem"]),
            ("iOS?", ["iOS→besturingssysteem"]), ("é mentor", ["mentor→werkplekbegeleider"]), ("ümentor", []),
            ("mentor—mentor", ["mentor→werkplekbegeleider", "mentor→werkplekbegeleider"]),
            ("\t#mentor;  ,mentor", ["mentor→werkplekbegeleider", "mentor→werkplekbegeleider"]),
            ("_mentor", ["mentor→werkplekbegeleider"]),
            // A term right after a sign that follows a word, a term or not.
            ("de,mentor", ["mentor→werkplekbegeleider"]), ("ios,mentor", ["ios→besturingssysteem", "mentor→werkplekbegeleider"]),
            ("feed;mentor.", ["feed→terugkoppeling", "mentor→werkplekbegeleider"]),
        ] as [(String, [String])])
    func matchesWholeWordsInAnyScript(text: String, expected: [String]) {
        #expect(rules(text) == expected)
    }

    @Test(arguments: [
        ("Mentor", "Werkplekbegeleider"), ("MENTOR", "WERKPLEKBEGELEIDER"), ("mentor", "werkplekbegeleider"),
        ("Mentoren", "Werkplekbegeleiders"), ("mEnToR", "werkplekbegeleider"),
    ])
    func ignoresCaseAndMirrorsIt(text: String, replacement: String) {
        #expect(rules(text) == ["\(text)→\(replacement)"])
    }

    @Test func caseSensitiveLabelsMatchOnlyAsWrittenAndOtherCasingsOfANameAreMisspellings() {
        #expect(rules("IPABO en iPabo en Ipabo") == ["IPABO→iPabo", "Ipabo→iPabo"])
    }

    @Test(arguments: [
        ("Hogeschool Amsterdam", true), ("Hogeschool\tAmsterdam", true), ("Hogeschool   Amsterdam", true),
        ("Hogeschool\nAmsterdam", true), ("Hogeschool\r\nAmsterdam", true), ("Hogeschool\n\nAmsterdam", false),
        ("Hogeschool\r\n\r\nAmsterdam", false), ("Hogeschool-Amsterdam", false),
    ])
    func phrasesSpanOneRunOfSpaceOrOneLineBreak(text: String, matches: Bool) {
        #expect(rules(text).contains { $0.hasSuffix("→Hogeschool van Amsterdam") } == matches, "\(rules(text))")
    }

    @Test func theLongestAllowedPhraseWins() {
        #expect(rules("een feed forward geven") == [])
        #expect(rules("een feed geven") == ["feed→terugkoppeling"])
        #expect(rules("Hogeschool van Amsterdam") == [])
    }

    @Test func pluralsGiveThePreferredPlural() {
        #expect(rules("twee mentoren en drie mentors") == ["mentoren→werkplekbegeleiders", "mentors→werkplekbegeleiders"])
    }

    /// A preferred label without the outdated form's grammatical form is named in the
    /// message but is no fix: written in place of a plural it would be a singular.
    @Test func aPreferredLabelWithoutTheSameFormIsNoFix() {
        let linter = fixtureLinter(
            """
            <concept id="havist"><prefLabel>havist</prefLabel>
              <deprecatedLabel plural="havoleerlingen" forms="havoleerlings">havoleerling</deprecatedLabel></concept>
            <concept id="eisen"><prefLabel>bekwaamheidseisen</prefLabel>
              <deprecatedLabel forms="SBL-competentie" caseSensitive="true">SBL-competenties</deprecatedLabel></concept>
            """)
        #expect(
            rules(
                "een havoleerling, twee havoleerlingen, de havoleerlings, een SBL-competentie, de SBL-competenties",
                linter: linter)
                == [
                    "havoleerling→havist", "havoleerlingen→-", "havoleerlings→-", "SBL-competentie→-",
                    "SBL-competenties→bekwaamheidseisen",
                ])
        let messages = lint("twee havoleerlingen", linter: linter).map(\.message)
        #expect(messages == ["'havoleerlingen' is outdated: use 'havist'"])
    }

    /// A soft hyphen (U+00AD, a hyphenation point LibreOffice and PowerPoint keep in the
    /// text) stands inside the word: "men\u{AD}tor" is "mentor", and is fixed whole.
    @Test func aSoftHyphenInsideAWordIsNoBreak() throws {
        #expect(
            rules("de men\u{AD}tor en de mentor\u{AD}en") == [
                "men\u{AD}tor→werkplekbegeleider", "mentor\u{AD}en→werkplekbegeleiders",
            ])
        #expect(rules("\u{AD}mentor") == ["\u{AD}mentor→werkplekbegeleider"])
        let package = TestPackage.openDocumentText("<text:p>De men\u{AD}tor komt.</text:p>")
        #expect(officeFindings(package.bytes, format: .odt) == ["paragraph 1, column 4 men\u{AD}tor deprecated-term"])
        let fixed = try fixedOffice(package.bytes, format: .odt)
        let content = try partText(fixed.bytes, "content.xml")
        #expect(fixed.applied == 1 && content.contains("De werkplekbegeleider komt."))
    }

    /// Word writes ’ for an apostrophe, and ‐ ‑ are hyphens: a term with either is the same
    /// term, in the text and in the vocabulary.
    @Test func typographicApostrophesAndHyphensAreTheirASCII() {
        let linter = fixtureLinter(
            """
            <concept id="h"><prefLabel>havist</prefLabel><deprecatedLabel>havo'er</deprecatedLabel></concept>
            <concept id="w"><prefLabel>werkplek</prefLabel><deprecatedLabel>stage\u{2010}plek</deprecatedLabel></concept>
            """)
        #expect(
            rules("de havo'er, de havo’er en de havo‘er", linter: linter) == [
                "havo'er→havist", "havo’er→havist", "havo‘er→havist",
            ])
        #expect(
            rules("een stage-plek en een stage\u{2011}plek", linter: linter) == [
                "stage-plek→werkplek", "stage\u{2011}plek→werkplek",
            ])
        #expect(rules("havo’s en havo\"er", linter: linter) == [])
        // A fix keeps the writer's apostrophe.
        let apostrophes = fixtureLinter(
            "<concept id=\"p\"><prefLabel>portfolio's</prefLabel><hiddenLabel>portofolio's</hiddenLabel></concept>")
        #expect(
            rules("de portofolio’s en de portofolio's", linter: apostrophes) == [
                "portofolio’s→portfolio’s", "portofolio's→portfolio's",
            ])
        // In HTML too, where the writer's ’ is a reference to it.
        #expect(
            rules(
                "<p>portofolio&rsquo;s, portofolio&#x2019;s, portofolio&#8217;s, portofolio&apos;s</p>", linter: apostrophes,
                format: .html)
                == [
                    "portofolio&rsquo;s→portfolio’s", "portofolio&#x2019;s→portfolio’s", "portofolio&#8217;s→portfolio’s",
                    "portofolio&apos;s→portfolio's",
                ])
    }

    @Test func exceptionPhrasesSuppressTheMatch() {
        #expect(rules("Zij is mentor van de klas.") == [])
        #expect(rules("Zij is mentor van het team.") == ["mentor→werkplekbegeleider"])
    }

    @Test func theDocumentsLanguageDecides() {
        #expect(rules("the mentor teacher") == ["mentor→werkplekbegeleider"])
        let english = fixtureLinter(
            "<concept id=\"w\"><prefLabel>werkplekbegeleider</prefLabel><prefLabel xml:lang=\"en\">workplace "
                + "supervisor</prefLabel><deprecatedLabel xml:lang=\"en\">mentor teacher</deprecatedLabel></concept>",
            languages: .fixed(["en"]))
        #expect(rules("the mentor teacher", linter: english) == ["mentor teacher→workplace supervisor"])
        #expect(
            rules("<html lang=\"en\"><body><p>the mentor teacher</p></body></html>", format: .html) == [
                "mentor teacher→workplace supervisor"
            ])
    }

    /// An element's own `lang` decides for its text: an English paragraph in a Dutch page is
    /// matched with the English labels, and the page's other text with the Dutch ones.
    @Test func anElementsLanguageDecidesForItsText() {
        let english = fixtureLinter(
            "<concept id=\"w\"><prefLabel>werkplekbegeleider</prefLabel><deprecatedLabel>mentor</deprecatedLabel>"
                + "<prefLabel xml:lang=\"en\">workplace supervisor</prefLabel><deprecatedLabel xml:lang=\"en\">mentor teacher"
                + "</deprecatedLabel></concept>")
        let page =
            "<html lang=\"nl\"><body><p>De mentor komt.</p><blockquote lang=\"en\"><p>The <em>mentor</em> teacher "
            + "said</p></blockquote><p lang=\"\">De mentor.</p><p lang=\"EN-gb\">A mentor teacher</p>"
            + "<p lang=\"english\">De mentor.</p></body></html>"
        // An empty `lang` and one that names no language ("english") leave the page's language.
        #expect(
            rules(page, linter: english, format: .html) == [
                "mentor→werkplekbegeleider", "mentor teacher→-", "mentor→werkplekbegeleider",
                "mentor teacher→workplace supervisor", "mentor→werkplekbegeleider",
            ])
        // So does a page whose own `lang` names no language: the default language applies.
        #expect(
            rules("<html lang=\"dutch\"><body><p>De mentor.</p></body></html>", linter: english, format: .html) == [
                "mentor→werkplekbegeleider"
            ])
    }

    /// Labels of other languages are left out, whichever order their languages come in.
    @Test func aFixedLanguageLeavesTheLabelsOfOthersOut() {
        let concepts =
            "<concept id=\"w\"><deprecatedLabel>stagementor</deprecatedLabel><prefLabel>werkplekbegeleider</prefLabel>"
            + "<prefLabel xml:lang=\"en\">workplace supervisor</prefLabel><deprecatedLabel xml:lang=\"en\">mentor "
            + "teacher</deprecatedLabel><altLabel>begeleider</altLabel></concept>"
            + "<concept id=\"o\"><prefLabel xml:lang=\"en\">trainee</prefLabel><deprecatedLabel xml:lang=\"en\">"
            + "student teacher</deprecatedLabel><prefLabel>stagiair</prefLabel><deprecatedLabel>leerling-leraar"
            + "</deprecatedLabel></concept>"
        let text = "de stagementor en de leerling-leraar; the mentor teacher and the student teacher"
        #expect(
            rules(text, linter: fixtureLinter(concepts, languages: .fixed(["en"])))
                == ["mentor teacher→workplace supervisor", "student teacher→trainee"])
        #expect(
            rules(text, linter: fixtureLinter(concepts, languages: .fixed(["nl"])))
                == ["stagementor→werkplekbegeleider", "leerling-leraar→stagiair"])
    }

    /// One matcher serves every language: the same words as a label of two languages, a
    /// longer phrase of another language, and an exception phrase of another language's label
    /// each count only for their own language.
    @Test(
        arguments: [
            (["nl"], "de mentor komt", ["mentor→werkplekbegeleider"]), (["en"], "de mentor komt", []),
            (["nl"], "the mentor teacher", ["mentor→werkplekbegeleider"]),
            (["en"], "the mentor teacher", ["mentor teacher→workplace supervisor"]),
            (["nl"], "de coach van de klas", ["coach→werkplekbegeleider"]), (["en"], "the coach van de klas", []),
        ])
    func labelsCountForTheirOwnLanguageOnly(languages: [String], text: String, expected: [String]) {
        let concepts =
            "<concept id=\"w\"><prefLabel>werkplekbegeleider</prefLabel><deprecatedLabel>mentor</deprecatedLabel>"
            + "<deprecatedLabel>coach</deprecatedLabel><prefLabel xml:lang=\"en\">workplace supervisor</prefLabel>"
            + "<deprecatedLabel xml:lang=\"en\">mentor teacher</deprecatedLabel>"
            + "<deprecatedLabel xml:lang=\"en\" exceptions=\"coach van de klas\">coach</deprecatedLabel></concept>"
            + "<concept id=\"m\"><prefLabel xml:lang=\"en\">mentor</prefLabel><prefLabel>begeleider</prefLabel></concept>"
        #expect(rules(text, linter: fixtureLinter(concepts, languages: .fixed(Set(languages)))) == expected)
    }

    /// Regions as lookup takes them (RFC 4647): a language gives its regions' labels (a
    /// glossary from a translation tool tags them `nl-NL`), a region gives its language's,
    /// never a sibling region's.
    @Test(
        arguments: [
            (LintOptions.Languages.fixed(["nl"]), ["mentor→werkplekbegeleider", "meester→leraar", "juf→leraar"]),
            (.fixed(["nl-NL"]), ["mentor→werkplekbegeleider", "meester→leraar"]),
            (.fixed(["nl-BE"]), ["meester→leraar", "juf→leraar"]), (.fixed(["en"]), []),
            (.automatic(default: "nl-nl"), ["mentor→werkplekbegeleider", "meester→leraar"]),
        ])
    func aLanguageGivesItsRegionsAndARegionItsLanguage(languages: LintOptions.Languages, expected: [String]) {
        let concepts =
            "<concept id=\"w\"><prefLabel xml:lang=\"nl-NL\">werkplekbegeleider</prefLabel>"
            + "<deprecatedLabel xml:lang=\"nl-NL\">mentor</deprecatedLabel></concept>"
            + "<concept id=\"l\"><prefLabel xml:lang=\"nl\">leraar</prefLabel><deprecatedLabel xml:lang=\"nl\">meester"
            + "</deprecatedLabel><deprecatedLabel xml:lang=\"nl-BE\">juf</deprecatedLabel></concept>"
        let text = "de mentor, de meester en de juf"
        #expect(rules(text, linter: fixtureLinter(concepts, languages: languages)) == expected)
    }

    @Test func allowedWordsFromTheConfigurationAreNeverReported() {
        let linter = fixtureLinter(
            "<concept id=\"w\"><prefLabel>a</prefLabel><deprecatedLabel>mentor</deprecatedLabel></concept>",
            allowed: ["mentor Jansen"])
        #expect(rules("mentor Jansen en mentor", linter: linter) == ["mentor→a"])
    }

    /// Allowing a label allows it in every form it gives ("stagiair" allows "stagiairs" and
    /// "stagiaire"), and a label's exception phrase holds for its other forms too ("mentor van
    /// de klas", "mentoren van de klas"); a word that merely contains one is still found.
    @Test func anAllowedLabelOrAnExceptionHoldsInEveryForm() {
        let concepts =
            "<concept id=\"a\"><prefLabel>aankomend leraar</prefLabel>"
            + "<deprecatedLabel plural=\"stagiairs\" forms=\"stagiaire; stagiaires\">stagiair</deprecatedLabel></concept>"
            + "<concept id=\"w\"><prefLabel plural=\"werkplekbegeleiders\">werkplekbegeleider</prefLabel>"
            + "<deprecatedLabel plural=\"mentoren\" exceptions=\"mentor van de klas\">mentor</deprecatedLabel></concept>"
        let text = "De stagiairs en de stagiaire. De mentoren van de klas en de mentoren."
        #expect(rules(text, linter: fixtureLinter(concepts)) == ["stagiairs→-", "stagiaire→-", "mentoren→werkplekbegeleiders"])
        #expect(rules(text, linter: fixtureLinter(concepts, allowed: ["stagiair"])) == ["mentoren→werkplekbegeleiders"])
    }

    /// A phrase the configuration allows is never reported, not even as an abbreviation used
    /// before it is written out.
    @Test func anAllowedPhraseIsNotReportedAsAnAbbreviation() {
        let concepts =
            "<concept id=\"w\"><prefLabel>werkplekbegeleider</prefLabel><altLabel abbreviation=\"true\">wpb</altLabel></concept>"
        #expect(rules("De wpb komt.", linter: fixtureLinter(concepts)) == ["wpb→-"])
        #expect(rules("De wpb komt.", linter: fixtureLinter(concepts, allowed: ["WPB"])) == [])
    }

    /// The longer of an allowed phrase and a label wins; when they are as long, the phrase.
    @Test(arguments: [
        ("de oude mentor", ["oude mentor"], []), ("de mentor", ["Mentor"], []),
        ("de mentor van de opleiding", ["mentor van de"], ["mentor van de opleiding→b"]),
        ("de mentor van de klas", ["van de klas"], ["mentor→a"]), ("de mentor", ["de"], ["mentor→a"]),
        // The label's phrase ends inside a word: the phrase is longer than what is left of it.
        ("de mentor van de opleidingen", ["mentor van"], []),
        ("de mentor van de opleidingen", ["van de"], ["mentor→a"]),
        ("ÉÉN MENTOR", ["één mentor"], []), ("één mentor", ["één"], ["mentor→a"]),
    ])
    func theLongerOfAnAllowedPhraseAndALabelWins(text: String, allowed: [String], expected: [String]) {
        let linter = fixtureLinter(
            "<concept id=\"w\"><prefLabel>a</prefLabel><deprecatedLabel>mentor</deprecatedLabel></concept>"
                + "<concept id=\"o\"><prefLabel>b</prefLabel><deprecatedLabel>mentor van de opleiding</deprecatedLabel></concept>",
            allowed: allowed)
        #expect(rules(text, linter: linter) == expected)
    }

    @Test func urlsAndAddressesAreNotProse() {
        #expect(
            rules("zie https://example.org/mentor en www.mentor.nl of mentor@school.nl; mentor")
                == ["mentor→werkplekbegeleider"])
    }
}

@Suite struct PositionTests {
    @Test(arguments: [
        ("😀 mentor", 1, 3, 9), ("中文mentor", 1, 0, 0), ("中文 mentor", 1, 4, 10), ("e\u{301}e\u{301} mentor", 1, 6, 12),
        ("\tmentor", 1, 2, 8), ("a\r\nb\r\n mentor", 3, 2, 8), ("a\rb\r mentor", 3, 2, 8), ("\u{FEFF}mentor", 1, 1, 7),
    ])
    func columnsCountCodePointsInTheRawSource(text: String, line: Int, column: Int, endColumn: Int) {
        let findings = lint(text)
        if column == 0 {
            #expect(findings.isEmpty)
            return
        }
        let finding = findings.first
        #expect(
            finding?.line == line && finding?.column == column && finding?.endColumn == endColumn && finding?.endLine == line,
            "\(findings)")
        #expect(finding?.match == "mentor")
    }

    @Test func multiLineMatchesEndOnTheirOwnLine() {
        let linter = fixtureLinter(
            "<concept id=\"s\"><prefLabel>x</prefLabel><deprecatedLabel>oude term</deprecatedLabel></concept>")
        let finding = lint("een oude\nterm hier", linter: linter).first
        #expect([finding?.line, finding?.column, finding?.endLine, finding?.endColumn] == [1, 5, 2, 5])
    }
}

@Suite struct FixTests {
    func fixed(_ text: String, format: DocumentFormat = .text) -> String {
        let bytes = Array(text.utf8)
        let findings = dutchLinter.lint(bytes, path: "t", format: format).findings
        return String(decoding: (try? Linter.applyingFixes(findings, to: bytes, format: format).bytes) ?? bytes, as: UTF8.self)
    }

    @Test func fixesTouchOnlyTheMatchedBytes() {
        let text = "# Titel\r\n\r\nDe *Mentor* en de MENTOR,\tmet feedbackgeletterheid.\r\nIPABO en InHolland!\r\n"
        #expect(
            fixed(text)
                == "# Titel\r\n\r\nDe *Werkplekbegeleider* en de WERKPLEKBEGELEIDER,\tmet "
                + "feedbackgeletterdheid.\r\niPabo en Inholland!\r\n"
        )
    }

    /// The text of a Markdown link that is also its reference's label is reported, but not
    /// fixed: the link would lose its definition.
    @Test func referenceLabelsAreReportedButNotFixed() {
        let text =
            "Zie [mentor][], [de mentor] en [de mentor](https://c) bij de mentor.\n\n[mentor]: https://a\n[de mentor]: https://b\n"
        #expect(lint(text, format: .markdown).filter { $0.rule == "deprecated-term" }.count == 4)
        #expect(
            fixed(text, format: .markdown)
                == "Zie [mentor][], [de mentor] en [de werkplekbegeleider](https://c) bij de werkplekbegeleider.\n\n"
                + "[mentor]: https://a\n[de mentor]: https://b\n")
    }

    /// Every one of many fixes that change the length is made, each in its own place.
    @Test func manyFixesAreAllMade() {
        let lines = (0..<3000).map { "\($0): de mentor en de feedbackgeletterheid\n" }
        let expected = (0..<3000).map { "\($0): de werkplekbegeleider en de feedbackgeletterdheid\n" }
        #expect(fixed(lines.joined()) == expected.joined())
        #expect(fixed(lines.joined(), format: .html) == expected.joined())
    }

    @Test func aSecondFixFindsNothingToFix() {
        let once = fixed("De mentoren, stagementor en self efficacy.")
        #expect(once == "De werkplekbegeleiders, werkplekbegeleider en self-efficacy.")
        #expect(fixed(once) == once)
        #expect(lint(once).filter { Linter.rules.filter(\.canFix).map(\.id).contains($0.rule) }.isEmpty)
    }

    @Test func findingsWithoutASafeFixAreLeftAlone() {
        let text = "De aankomend leraar leert. De aankomend leraar oefent. De student reflecteert."
        #expect(fixed(text) == text)
    }
}
