import Foundation
import Testing
import VaktaalCore
import VaktaalText

@testable import VaktaalLint

/// Reports of office documents name the slide or page and paragraph; JSON and SARIF add the
/// part, slide or page and paragraph next to the line and column they always had.
@Suite struct OfficeReporterTests {
    static var report: FindingReport {
        get throws {
            let result = dutchLinter.lint(try officeFixture("presentation.pptx"), path: "slides.pptx", format: .pptx)
            return FindingReport(files: [result], rules: Linter.ruleDescriptors)
        }
    }

    @Test func textNamesTheSlideParagraphAndColumnAndShowsTheParagraph() throws {
        let output = Reporters.reporter(for: .text).render(try Self.report, colored: false)
        #expect(
            output.hasPrefix(
                "slides.pptx: slide 1, paragraph 1, column 14: error: 'Mentor' is outdated since 2025-09-01: use "
                    + "'Werkplekbegeleider' [deprecated-term]\n    Nieuwe term: Mentor\n                 ^~~~~~\n"))
        #expect(output.contains("slides.pptx: slide 4 notes, paragraph 1, column 15: error:"))
    }

    @Test func jsonAddsPartSlideAndParagraphToTheContract() throws {
        let output = Reporters.reporter(for: .json).render(try Self.report, colored: false)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        let findings = try #require(files[0]["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(
            Set(first.keys) == [
                "rule", "severity", "line", "column", "endLine", "endColumn", "match", "replacement", "concept", "message",
                "part", "slide", "paragraph",
            ])
        #expect(first["part"] as? String == "ppt/slides/slide1.xml" && first["slide"] as? Int == 1)
        #expect(first["line"] as? Int == 1 && first["column"] as? Int == 14 && first["paragraph"] as? Int == 1)
        let notes = try #require(findings.last)
        #expect(notes["area"] as? String == "notes" && notes["part"] as? String == "ppt/notesSlides/notesSlide1.xml")
    }

    /// The place's keys, written in their sorted places, as `JSONEncoder` writes them.
    @Test(arguments: [
        DocumentPlace(part: "ppt/slides/slide3.xml", slide: 3, paragraph: 2, line: 2),
        DocumentPlace(part: "ppt/notesSlides/notesSlide1.xml", area: "notes", slide: 1, paragraph: 1, line: 4),
        DocumentPlace(part: "word/document.xml", page: 12, paragraph: 5, line: 300),
        DocumentPlace(part: "word/comments.xml", area: "comments \"x\"", paragraph: 1, line: 1),
    ])
    func officeKeysAreWhatJSONEncoderWrites(place: DocumentPlace) throws {
        struct Entry: Encodable {
            let rule: String, severity: String, line: Int, column: Int, endLine: Int, endColumn: Int
            let match: String?, replacement: String?, concept: String?, message: String
            let part: String, area: String?, slide: Int?, page: Int?, paragraph: Int
        }
        let location = SourceLocation(
            path: "a.pptx", range: SourceRange(start: .init(line: 2, column: 3), end: .init(line: 2, column: 9), bytes: 0..<1))
        let finding = Finding(
            rule: "deprecated-term", severity: .error, message: "m", location: location, match: "Mentor",
            fix: Fix(replacement: "Werkplekbegeleider", range: location.range), documentPlace: place)
        let written = JSONReporter.render(
            FindingReport(files: [FileFindings(path: "a.pptx", findings: [finding])], rules: []), fixed: nil)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        let entry = try #require(((document["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first)
        let expected = Entry(
            rule: "deprecated-term", severity: "error", line: 2, column: 3, endLine: 2, endColumn: 9, match: "Mentor",
            replacement: "Werkplekbegeleider", concept: nil, message: "m", part: place.part, area: place.area, slide: place.slide,
            page: place.page, paragraph: place.paragraph)
        let encoded = JSONOutput.encode(expected).replacingOccurrences(of: "\n", with: "\n        ")
        #expect(written.contains(encoded), "\(written)\n\(encoded)")
        #expect(entry["part"] as? String == place.part)
    }

    @Test func sarifCarriesThePlaceAsPropertiesAndNoTextEdits() throws {
        let output = Reporters.reporter(for: .sarif).render(try Self.report, colored: false)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let properties = try #require(results.first?["properties"] as? [String: Any])
        #expect(properties["part"] as? String == "ppt/slides/slide1.xml" && properties["slide"] as? Int == 1)
        #expect(properties["paragraph"] as? Int == 1 && properties["replacement"] as? String == "Werkplekbegeleider")
        #expect(results.allSatisfy { $0["fixes"] == nil })
    }

    @Test func githubAndCheckstyleMessagesNameThePlace() throws {
        let github = Reporters.reporter(for: .github).render(try Self.report, colored: false)
        #expect(github.contains("::slide 1, paragraph 1, column 14: 'Mentor' is outdated"))
        let checkstyle = Reporters.reporter(for: .checkstyle).render(try Self.report, colored: false)
        #expect(checkstyle.contains("message=\"slide 1, paragraph 1: 'Mentor' is outdated"))
    }

    @Test func longParagraphsAreShownAroundTheMatch() {
        let long = String(repeating: "woord ", count: 40) + "mentor" + String(repeating: " woord", count: 40)
        let package = TestPackage.word("<w:p><w:r><w:t>\(long)</w:t></w:r></w:p>")
        let result = dutchLinter.lint(package.bytes, path: "t.docx", format: .docx)
        let output = Reporters.reporter(for: .text).render(FindingReport(files: [result], rules: []), colored: false)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("    …") && lines[1].hasSuffix("…") && lines[1].count < 120)
        let caret = try? #require(lines[2].firstIndex(of: "^"))
        let match = lines[1].range(of: "mentor")
        #expect(
            caret.map { lines[2].distance(from: lines[2].startIndex, to: $0) }
                == match.map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) })
    }
}
