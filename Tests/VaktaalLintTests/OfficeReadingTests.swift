import Foundation
import Testing
import VaktaalCore

@testable import VaktaalLint

/// What is prose in Word, PowerPoint and OpenDocument files, and where findings are.
@Suite struct OfficeReadingTests {
    @Test func aPresentationLikeTheSeedIsReadSlideBySlideWithNotesAndFooter() throws {
        let findings = officeFindings(try officeFixture("presentation.pptx"), format: .pptx)
        #expect(
            findings == [
                "slide 1, paragraph 1, column 14 Mentor deprecated-term",
                "slide 2, paragraph 3, column 28 HvA abbreviation-first-use",
                "slide 2, paragraph 5, column 30 IPABO deprecated-term",
                "slide 3, paragraph 1, column 1 Feedback Literacy inconsistent-term",
                "slide 3, paragraph 2, column 36 feedbackgeletterheid misspelling",
                "slide 4, paragraph 1, column 1 Self efficacy misspelling",
                "slide 4 notes, paragraph 1, column 15 mentor deprecated-term",
            ])
    }

    @Test func findingsKeepLineAndColumnAndNameThePart() throws {
        let result = dutchLinter.lint(try officeFixture("presentation.pptx"), path: "slides.pptx", format: .pptx)
        let split = try #require(result.findings.first { $0.rule == RuleID("misspelling") })
        let positions: [Int] = [split.line, split.column, split.endLine, split.endColumn]
        #expect(positions == [2, 36, 2, 56])
        #expect(split.documentPlace?.part == "ppt/slides/slide3.xml")
        #expect(split.documentPlace?.slide == 3)
        #expect(split.replacement == "feedbackgeletterdheid")
        let place = try #require(split.documentPlace)
        #expect(result.placeTexts[place] == "De werkplekbegeleider versterkt de feedbackgeletterheid van de aankomend leraar.")
        let notes = try #require(result.findings.last)
        #expect(notes.documentPlace?.part == "ppt/notesSlides/notesSlide1.xml" && notes.documentPlace?.area == "notes")
    }

    @Test func imageDescriptionsAreProseOnlyWhenAsked() throws {
        let bytes = try officeFixture("presentation.pptx")
        let withDescriptions = Linter(
            set: shippedSet,
            options: LintOptions(languages: .automatic(default: "nl"), reading: ReadingOptions(includesAltText: true)))
        let findings = officeFindings(bytes, format: .pptx, linter: withDescriptions)
        #expect(findings.contains("slide 4 image description, paragraph 1, column 14 mentor deprecated-term"))
        #expect(!officeFindings(bytes, format: .pptx).contains { $0.contains("image description") })
        let result = withDescriptions.lint(bytes, path: "t", format: .pptx)
        let description = result.findings.first { $0.documentPlace?.area == "image description" }
        #expect(description != nil && description?.fix == nil)
    }

    @Test func aWordDocumentSkipsDeletionsHiddenTextFieldsAndLinkTargets() throws {
        let findings = officeFindings(try officeFixture("report.docx"), format: .docx)
        #expect(
            findings == [
                "page 1, paragraph 1, column 9 Mentor deprecated-term",
                "page 1, paragraph 2, column 4 mentor deprecated-term",
                "page 1, paragraph 3, column 13 feedbackgeletterheid misspelling",
                "page 1, paragraph 4, column 4 mentoren deprecated-term",
                "page 1, paragraph 7, column 6 self efficacy misspelling",
                "page 2, paragraph 2, column 20 Mentoren deprecated-term",
                "page 2, paragraph 2, column 32 IPABO deprecated-term",
                "header 1, paragraph 1, column 21 mentor deprecated-term",
                "footer 1, paragraph 1, column 15 feedup misspelling",
                "comments, paragraph 1, column 4 mentor deprecated-term",
            ])
    }

    /// The results of fields Word makes (a table of contents, a document property) are no
    /// prose of the document: they repeat it, and an update would undo a fix. A link's text
    /// and a form's text field are written by the author.
    @Test func theResultsOfGeneratedFieldsAreNoProse() {
        func field(_ instruction: String, _ result: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">\(instruction)</w:instrText>"
                + "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\(result)<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let run = { (text: String) in "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }
        let paragraph = { (runs: String) in "<w:p>\(runs)</w:p>" }
        let body =
            paragraph(field(" TOC \\o \"1-3\" \\h ", run("De mentor ") + field(" HYPERLINK \\l \"_Toc1\" ", run("mentoren"))))
            + paragraph(field(" HYPERLINK \"https://example.org\" ", run("de mentor")))
            + paragraph("<w:fldSimple w:instr=\" DOCPROPERTY Title \">\(run("mentor"))</w:fldSimple>\(run(" en mentor"))")
            + paragraph(field(" FORMTEXT ", run("mijn mentor")) + field(" PAGE ", run(" mentor")))
        #expect(
            officeFindings(TestPackage.word(body).bytes, format: .docx) == [
                "paragraph 2, column 4 mentor deprecated-term", "paragraph 3, column 5 mentor deprecated-term",
                "paragraph 4, column 6 mentor deprecated-term",
            ])
    }

    /// Word's separator notes are no notes: the first real footnote is paragraph 1.
    @Test func separatorNotesAreNotCounted() {
        var package = TestPackage.word("<w:p><w:r><w:t>tekst</w:t></w:r></w:p>")
        let notes =
            "<w:footnotes \(TestPackage.wordNamespaces)><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
            + "</w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r>"
            + "</w:p></w:footnote><w:footnote w:id=\"1\"><w:p><w:r><w:t>De mentor.</w:t></w:r></w:p></w:footnote></w:footnotes>"
        package.entries.append(.init(name: "word/footnotes.xml", bytes: Array(notes.utf8)))
        let relationships = package.entries.firstIndex { $0.name == "word/_rels/document.xml.rels" }!
        package.entries[relationships].bytes = Array(
            String(decoding: package.entries[relationships].bytes, as: UTF8.self).replacingOccurrences(
                of: "</Relationships>",
                with: "<Relationship Id=\"rIdF\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "footnotes\" Target=\"footnotes.xml\"/></Relationships>"
            ).utf8)
        #expect(officeFindings(package.bytes, format: .docx) == ["footnotes, paragraph 1, column 4 mentor deprecated-term"])
    }

    @Test func anOpenDocumentTextSkipsTrackedDeletionsAndCountsPages() throws {
        let findings = officeFindings(try officeFixture("notes.odt"), format: .odt)
        #expect(
            findings == [
                "page 1, paragraph 1, column 9 mentor deprecated-term",
                "page 1, paragraph 2, column 13 feedbackgeletterheid misspelling",
                "page 1, paragraph 4, column 23 mentor deprecated-term",
                "page 2, paragraph 1, column 17 IPABO deprecated-term",
                "page 2, paragraph 1, column 26 self efficacy misspelling",
            ])
    }

    @Test func anOpenDocumentPresentationHasPagesNotesAndFooters() throws {
        let findings = officeFindings(try officeFixture("slides.odp"), format: .odp)
        #expect(
            findings == [
                "footer, paragraph 1, column 30 IPABO deprecated-term",
                "slide 1, paragraph 1, column 14 Mentor deprecated-term",
                "slide 1 notes, paragraph 1, column 15 mentor deprecated-term",
                "slide 2, paragraph 2, column 36 feedbackgeletterheid misspelling",
            ])
    }

    @Test func slidesComeInPresentationOrderNotPartOrder() {
        let one = TestPackage.shape("<a:p><a:r><a:t>eerste mentor</a:t></a:r></a:p>")
        let two = TestPackage.shape("<a:p><a:r><a:t>tweede mentor</a:t></a:r></a:p>")
        let package = TestPackage.presentation([one, two], order: [1, 0])
        #expect(
            officeFindings(package.bytes, format: .pptx) == [
                "slide 1, paragraph 1, column 8 mentor deprecated-term", "slide 2, paragraph 1, column 8 mentor deprecated-term",
            ])
        let parts = dutchLinter.lint(package.bytes, path: "t", format: .pptx).findings.compactMap(\.documentPlace?.part)
        #expect(parts == ["ppt/slides/slide2.xml", "ppt/slides/slide1.xml"])
    }

    @Test func breaksCountAsSpacesAndFieldsAreNoProse() {
        let slide = TestPackage.shape(
            "<a:p><a:r><a:t>self</a:t></a:r><a:br/><a:r><a:t>efficacy</a:t></a:r></a:p>"
                + "<a:p><a:fld id=\"{1}\" type=\"slidenum\"><a:t>mentor</a:t></a:fld><a:r><a:t>x</a:t></a:r></a:p>")
        #expect(
            officeFindings(TestPackage.presentation([slide]).bytes, format: .pptx) == [
                "slide 1, paragraph 1, column 1 self efficacy misspelling"
            ])
    }

    @Test(arguments: [
        // A term split over runs, with a soft hyphen, a tab and a line break inside.
        ("<w:p><w:r><w:t>feedback</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>geletterheid</w:t></w:r></w:p>", ["1:1"]),
        ("<w:p><w:r><w:t>feedback</w:t><w:softHyphen/><w:t>geletterheid</w:t></w:r></w:p>", ["1:1"]),
        ("<w:p><w:r><w:t>self</w:t><w:br/><w:t>efficacy</w:t></w:r></w:p>", ["1:1"]),
        // Deleted and moved-away text, field instructions and hidden runs are no prose.
        ("<w:p><w:del w:id=\"1\"><w:r><w:delText>mentor</w:delText></w:r></w:del></w:p>", []),
        ("<w:p><w:moveFrom w:id=\"1\"><w:r><w:t>mentor</w:t></w:r></w:moveFrom></w:p>", []),
        ("<w:p><w:ins w:id=\"1\"><w:r><w:t>mentor</w:t></w:r></w:ins></w:p>", ["1:1"]),
        // A field's instruction is no prose; a link's text is (a cross-reference's is Word's copy of the text it names).
        (
            "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK mentor</w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>de mentor</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>", ["1:4"]
        ),
        (
            "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>REF mentor</w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>de mentor</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>", []
        ),
        (
            "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>mentor</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr>"
                + "<w:t>mentor</w:t></w:r></w:p>", ["1:1"]
        ),
        // A text box is read once, not again from its fallback copy; its paragraphs are its own.
        (
            "<w:p><w:r><w:t>Over de </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>"
                + "<w:txbxContent><w:p><w:r><w:t>mentor</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>mentor</w:t></w:r></w:p></w:txbxContent></w:pict>"
                + "</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Mentor</w:t></w:r></w:p>", ["1:9", "2:1"]
        ),
        // Tab stops in paragraph properties are no tabs in the text.
        ("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>mentor</w:t></w:r></w:p>", ["1:1"]),
    ])
    func wordProse(body: String, expected: [String]) {
        let result = dutchLinter.lint(TestPackage.word(body).bytes, path: "t", format: .docx)
        #expect(result.problem == nil)
        #expect(result.findings.map { "\($0.line):\($0.column)" } == expected, "\(result.findings)")
    }

    @Test func pagesComeFromBreaksOrFromWordsOwnLayout() {
        let explicit = TestPackage.word(
            "<w:p><w:r><w:t>een</w:t></w:r></w:p><w:p><w:r><w:br w:type=\"page\"/></w:r><w:r><w:t>mentor</w:t></w:r></w:p>"
                + "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>mentor</w:t></w:r></w:p>")
        #expect(
            officeFindings(explicit.bytes, format: .docx) == [
                "page 2, paragraph 1, column 1 mentor deprecated-term", "page 3, paragraph 1, column 1 mentor deprecated-term",
            ])
        let rendered = TestPackage.word(
            "<w:p><w:r><w:t>een</w:t></w:r></w:p><w:p><w:r><w:lastRenderedPageBreak/><w:t>mentor</w:t></w:r></w:p>")
        #expect(officeFindings(rendered.bytes, format: .docx) == ["page 2, paragraph 1, column 1 mentor deprecated-term"])
        let none = TestPackage.word("<w:p><w:r><w:t>een mentor</w:t></w:r></w:p>")
        #expect(officeFindings(none.bytes, format: .docx) == ["paragraph 1, column 5 mentor deprecated-term"])
    }

    @Test func theDocumentsLanguageSelectsTheLabelsAndLangOverrides() {
        let english = TestPackage.word("<w:p><w:r><w:t>The mentor teacher and the mentor.</w:t></w:r></w:p>", language: "en-US")
        let linter = fixtureLinter(
            "<concept id=\"w\"><prefLabel>werkplekbegeleider</prefLabel><deprecatedLabel>mentor</deprecatedLabel>"
                + "<prefLabel xml:lang=\"en\">workplace supervisor</prefLabel>"
                + "<deprecatedLabel xml:lang=\"en\">mentor teacher</deprecatedLabel></concept>")
        // English labels only: "mentor teacher" is outdated, the Dutch "mentor" is another language's word.
        #expect(
            officeFindings(english.bytes, format: .docx, linter: linter) == [
                "paragraph 1, column 5 mentor teacher deprecated-term"
            ])
        let runs = TestPackage.word(
            "<w:p><w:r><w:rPr><w:lang w:val=\"nl-NL\"/></w:rPr><w:t>De mentor en de mentor teacher in een lange zin.</w:t>"
                + "</w:r></w:p>", language: "en-US")
        let read = try? OfficeReader(.docx).read(runs.bytes)
        #expect(read?.declaredLanguage == "nl-NL")
        let fixed = fixtureLinter(
            "<concept id=\"w\"><prefLabel>werkplekbegeleider</prefLabel><deprecatedLabel>mentor</deprecatedLabel></concept>",
            languages: .fixed(["nl"]))
        #expect(officeFindings(english.bytes, format: .docx, linter: fixed).count == 2)
    }

    /// A comment in an ODT paragraph is no text of it (its own text is read apart, as Word's
    /// comments are, but not its author and date); generated indexes and property fields are no prose.
    @Test func openDocumentCommentsIndexesAndPropertyFieldsAreNoProse() {
        let comment =
            "<office:annotation><dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Mentor Jansen</dc:creator>"
            + "<dc:date xmlns:dc=\"http://purl.org/dc/elements/1.1/\">2026-12-05T10:00:00</dc:date>"
            + "<text:p>Opmerking van de mentor</text:p></office:annotation>"
        let body =
            "<text:p>Eerste: de men\(comment)tor komt, de mentor ook.</text:p>"
            + "<text:table-of-content><text:index-body><text:p>De mentor 3</text:p></text:index-body></text:table-of-content>"
            + "<text:p><text:title>mentor</text:title> en mentor</text:p>"
        #expect(
            officeFindings(TestPackage.openDocumentText(body).bytes, format: .odt) == [
                "paragraph 1, column 12 mentor deprecated-term", "paragraph 1, column 28 mentor deprecated-term",
                "comments, paragraph 1, column 18 mentor deprecated-term", "paragraph 2, column 5 mentor deprecated-term",
            ])
    }

    @Test func openDocumentHiddenStylesHideTheirText() {
        let document = TestPackage([
            (
                "content.xml",
                "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:automatic-styles>"
                    + "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties text:display=\"none\"/>"
                    + "</style:style><style:style style:name=\"T2\" style:family=\"text\"><style:text-properties/>"
                    + "</style:style></office:automatic-styles><office:body><office:text><text:p>"
                    + "<text:span text:style-name=\"T1\">mentor </text:span><text:span text:style-name=\"T2\">mentor</text:span>"
                    + "</text:p><text:p text:style-name=\"T1\">mentor</text:p></office:text></office:body>"
                    + "</office:document-content>"
            )
        ])
        #expect(officeFindings(document.bytes, format: .odt) == ["paragraph 1, column 1 mentor deprecated-term"])
    }

    @Test func openDocumentSpacesAndSpansAreText() {
        let document = TestPackage.openDocumentText(
            "<text:p>Hogeschool<text:s text:c=\"3\"/>Amsterdam en <text:span>feed</text:span><text:span>back</text:span>"
                + "<text:span>geletterheid</text:span></text:p>"
                + "<text:p>De <text:a xlink:href=\"https://x.nl/mentor\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">site</text:a>"
                + "<text:page-number>mentor</text:page-number>.</text:p>")
        #expect(officeFindings(document.bytes, format: .odt) == ["paragraph 1, column 27 feedbackgeletterheid misspelling"])
    }
}
