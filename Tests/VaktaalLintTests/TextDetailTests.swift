import Foundation
import Testing
import VaktaalCore

@testable import VaktaalLint

/// What users hit in every format: decomposed text, front matter, file names, headline case,
/// terms split by markup, and names with their own capitals.
@Suite struct TextDetailTests {
    static let linter = fixtureLinter(
        """
        <concept id="w"><prefLabel>werkplekbegeleider</prefLabel><deprecatedLabel plural="mentoren">mentor</deprecatedLabel>
          <deprecatedLabel>coördinerend mentor</deprecatedLabel></concept>
        <concept id="a"><prefLabel>aankomend leraar</prefLabel><deprecatedLabel>leraar in opleiding</deprecatedLabel></concept>
        <concept id="o"><prefLabel caseSensitive="true">iOS</prefLabel>
          <altLabel abbreviation="true" caseSensitive="true">dt</altLabel></concept>
        <concept id="p"><prefLabel caseSensitive="true">iPabo</prefLabel></concept>
        <concept id="j"><prefLabel>JavaScript</prefLabel></concept>
        <concept id="h"><prefLabel>Hogeschool van Amsterdam</prefLabel></concept>
        """)

    func found(_ text: String, format: DocumentFormat = .text, linter: Linter = linter) -> [String] {
        lint(text, format: format, linter: linter).map {
            "\($0.line):\($0.column)-\($0.endColumn) \($0.match ?? "")→\($0.replacement ?? "-")"
        }
    }

    func fixed(_ text: String, format: DocumentFormat = .text) throws -> String {
        let bytes = Array(text.utf8)
        let findings = Self.linter.lint(bytes, path: "t", format: format).findings
        return String(decoding: try Linter.applyingFixes(findings, to: bytes, format: format).bytes, as: UTF8.self)
    }

    // MARK: - Unicode forms

    @Test func decomposedTextMatchesTheComposedLabelWithPositionsInTheOriginalScalars() throws {
        let decomposed = "De coo\u{0308}rdinerend mentor en de mento\u{0301}r."
        let findings = lint(decomposed, linter: Self.linter)
        #expect(findings.map { "\($0.line):\($0.column)-\($0.endColumn)" } == ["1:4-24"])
        // The match is the text as written: o and a combining diaeresis, not a composed ö.
        #expect(
            findings.first.map { Array($0.match?.unicodeScalars ?? "".unicodeScalars) }
                == Array("coo\u{0308}rdinerend mentor".unicodeScalars))
        #expect(
            Array(try fixed(decomposed).unicodeScalars) == Array("De werkplekbegeleider en de mento\u{0301}r.".unicodeScalars))
        let html = lint(
            "<p>co&ouml;rdinerend me\u{0301}ntor of coo\u{0308}rdinerend mentor</p>", format: .html, linter: Self.linter)
        #expect(html.map { "\($0.line):\($0.column)-\($0.endColumn)" } == ["1:33-53"])
    }

    /// Tamil கோ is க with the vowel signs ே and ா, which have no combining class yet join.
    @Test func decomposedVowelSignsMatchTheComposedLabel() {
        let linter = fixtureLinter(
            """
            <concept id="k"><prefLabel xml:lang="ta">\u{0B95}\u{0BCA}\u{0B9F}\u{0BC1}</prefLabel>
              <deprecatedLabel xml:lang="ta">\u{0B95}\u{0BCB}</deprecatedLabel></concept>
            """, languages: .all)
        let decomposed = "x \u{0B95}\u{0BC7}\u{0BBE} y"
        #expect(lint(decomposed, linter: linter).map { "\($0.column)-\($0.endColumn)" } == ["3-6"])
    }

    @Test func composedTextIsLeftAsItIs() {
        #expect(found("De coördinerend mentor.") == ["1:4-23 coördinerend mentor→werkplekbegeleider"])
        #expect(CanonicalComposition.composed(Array("café ëen".utf8).withUnsafeBufferPointer { $0 }, range: 0..<9) == nil)
    }

    // MARK: - Front matter

    @Test func frontMatterIsSkippedUnlessItsKeysAreAskedFor() {
        let yaml = "---\ntitle: \"De mentor\"\ndescription: Over de mentor\ntags: [mentor]\n---\n# Mentor\n"
        #expect(found(yaml, format: .markdown) == ["6:3-9 Mentor→Werkplekbegeleider"])
        let toml = "+++\ntitle = 'De mentor'\nslug = \"mentor\"\n+++\nDe mentor.\n"
        #expect(found(toml, format: .markdown) == ["5:4-10 mentor→werkplekbegeleider"])
        let asked = fixtureLinterReading(ReadingOptions(frontMatterKeys: ["title", "description"]))
        #expect(
            found(yaml, format: .markdown, linter: asked) == [
                "2:12-18 mentor→werkplekbegeleider", "3:22-28 mentor→werkplekbegeleider", "6:3-9 Mentor→Werkplekbegeleider",
            ])
        #expect(found(toml, format: .markdown, linter: asked).first == "2:13-19 mentor→werkplekbegeleider")
        let block = "---\ndescription: >\n  Over de mentor\n  en meer\ntitle: x\n---\n"
        #expect(found(block, format: .markdown, linter: asked) == ["3:11-17 mentor→werkplekbegeleider"])
    }

    /// YAML closed by `...`, with trailing blanks, CR LF line ends and a byte order mark.
    @Test(arguments: ["", "\u{FEFF}"])
    func frontMatterClosedByDotsIsSkipped(_ byteOrderMark: String) {
        let page = byteOrderMark + "---  \r\ntitle: de mentor\r\n...\t\r\nDe mentor.\r\n"
        #expect(found(page, format: .markdown) == ["4:4-10 mentor→werkplekbegeleider"])
    }

    /// Front matter is short: a closing line after the first 2,001 lines closes none.
    @Test(arguments: [(1_999, 0), (2_000, 2_000)])
    func frontMatterEndsWithinItsFirstLines(bodyLines: Int, findings: Int) {
        let page = "---\n" + String(repeating: "x: mentor\n", count: bodyLines) + "---\nTekst.\n"
        #expect(found(page, format: .markdown).count == findings)
    }

    @Test func aThematicBreakWithoutAClosingLineIsNoFrontMatter() {
        #expect(found("---\nDe mentor.\n", format: .markdown) == ["2:4-10 mentor→werkplekbegeleider"])
        #expect(found("Tekst\n---\nmentor\n---\n", format: .markdown).count == 1)
    }

    // MARK: - File names and paths

    @Test(arguments: [
        ("Zie mentor.md en docs/mentor/ en ./mentor en C:\\mentor\\plan.docx.", 0),
        ("Zie docs/mentor/index.md, of ~/mentor.", 0),
        ("Wie is de mentor.", 1), ("De mentor. Daarna", 1), ("HvA/mentor/iPabo", 1), ("de mentor/begeleider", 1),
        ("De mentor.De volgende", 1), ("(mentor.md)", 0), ("\"mentor.txt\".", 0),
        // A backslash before a name separates it (Windows); before a sign it escapes it (Markdown).
        ("docs\\mentor", 0), ("map\\mentor\\", 0), ("\\`mentor\\`", 1), ("\\*mentor\\*", 1),
        // A web address without its scheme; not a sentence that ends and goes on after a slash.
        ("Zie example.org/mentor of hva.nl/mentor/plan.", 0), ("De zin.mentor/begeleider", 1), ("klas 3.b/mentor", 1),
        ("Helpdeskwater.nl/mentor", 0), ("Wij zoeken.Nu/mentor", 1),
        // Relative to the folder above or the home folder; a sentence that ends in a question or a list.
        ("Zie ../mentor en ~/mentor/plan", 0), ("Wie is de mentor?", 1), ("Eerst de mentor; dan de mentor.", 2),
        // The last word of a sentence, wherever the sentence and its stretch end; after a slash it may be a path.
        ("mentor.", 1), ("\"mentor.\"", 1), ("(de mentor.)", 1), ("De mentor.\nDe mentor.\n", 2), ("docs/mentor.", 1),
        ("de mentor.md.", 0), ("de mentor..", 1),
    ])
    func termsInFileNamesAndPathsAreNoFindings(text: String, count: Int) {
        #expect(found(text).count == count, "\(found(text))")
    }

    // MARK: - Headline case

    @Test(arguments: [
        ("Leraar In Opleiding", "Aankomend Leraar"), ("leraar in opleiding", "aankomend leraar"),
        ("Leraar in opleiding", "Aankomend leraar"), ("LERAAR IN OPLEIDING", "AANKOMEND LERAAR"),
        ("Mentor", "Werkplekbegeleider"),
    ])
    func headlineCaseIsMirroredWordByWord(text: String, replacement: String) {
        #expect(lint(text, linter: Self.linter).first?.replacement == replacement)
    }

    // MARK: - Terms split by inline markup

    @Test func termsSplitByInlineMarkupAreFoundButNotFixed() throws {
        #expect(found("De **leraar** in opleiding.", format: .markdown) == ["1:6-27 leraar in opleiding→-"])
        #expect(found("<p>De <em>ment</em>or.</p>", format: .html) == ["1:11-22 mentor→-"])
        #expect(found("De <b>ment</b>or.", format: .markdown) == ["1:7-17 mentor→-"])
        let markdown = "De **leraar** in opleiding en de *mentor*."
        #expect(try fixed(markdown, format: .markdown) == "De **leraar** in opleiding en de *werkplekbegeleider*.")
        let html = "<p>De <em>ment</em>or en <b>mentor</b>.</p>"
        #expect(try fixed(html, format: .html) == "<p>De <em>ment</em>or en <b>werkplekbegeleider</b>.</p>")
    }

    @Test func markupThatBreaksTextStillSeparatesTerms() {
        #expect(found("<p>leraar</p><p>in opleiding</p>", format: .html).isEmpty)
        #expect(found("<p>ment<br>or</p>", format: .html).isEmpty)
        #expect(found("Tekst<br>mentor en <div>ment</div>or", format: .markdown) == ["1:10-16 mentor→werkplekbegeleider"])
        #expect(found("De `ment`or.", format: .markdown).isEmpty)
        #expect(found("5 * 3 mentor", format: .markdown) == ["1:7-13 mentor→werkplekbegeleider"])
    }

    // MARK: - Names with their own capitals

    @Test(arguments: [
        ("Zij werkt met ios en IOS.", ["ios→iOS", "IOS→iOS"]),
        ("Studenten van ipabo en de IPABO.", ["ipabo→iPabo", "IPABO→iPabo"]),
        (
            "Wij schrijven javascript en Hogeschool Van Amsterdam.",
            ["javascript→JavaScript", "Hogeschool Van Amsterdam→Hogeschool van Amsterdam"]
        ),
        // At the start of a sentence only the first letter may change; in all capitals only in an all-capitals heading.
        ("IOS is een systeem. IPabo ook.", []), ("Ios is een systeem.", ["Ios→iOS"]),
        ("HOGESCHOOL VAN AMSTERDAM EN IPABO\nDe tekst.", []), ("Over IPABO\n", ["IPABO→iPabo"]),
        // Abbreviations are left out: a lower-case "dt" is usually another word.
        ("Hij wordt DT of dt.", []), ("iOS en JavaScript en iPabo.", []),
        // A link or an address left out of the prose is words of the sentence: after it no
        // sentence starts, and its line is no all-capitals heading.
        ("Wij gaan naar https://example.org IPabo vandaag.", ["IPabo→iPabo"]),
        ("Mail info@example.org, IPabo vandaag.", ["IPabo→iPabo"]),
        ("Zie https://example.org. IPabo ook.", []), ("Zie https://example.org\nIPabo ook.", []),
        ("Naar https://example.org HOGESCHOOL VAN AMSTERDAM", ["HOGESCHOOL VAN AMSTERDAM→Hogeschool van Amsterdam"]),
        ("https://example.org IPabo", ["IPabo→iPabo"]),
    ])
    func namesInAnotherCasingAreMisspellings(text: String, expected: [String]) {
        let findings = lint(text, linter: Self.linter).filter { $0.rule == RuleID("misspelling") }
        #expect(findings.map { "\($0.match ?? "")→\($0.replacement ?? "-")" } == expected)
    }

    @Test func namesAreFixedAsWritten() throws {
        #expect(try fixed("ios en Hogeschool Van Amsterdam") == "iOS en Hogeschool van Amsterdam")
    }

    func fixtureLinterReading(_ reading: ReadingOptions) -> Linter {
        Linter(set: Self.linter.set, options: LintOptions(languages: .automatic(default: "nl"), reading: reading))
    }
}
