import Foundation
import Testing
import VaktaalTestSupport

/// `vaktaal lint` on Word, PowerPoint and OpenDocument files, end to end.
@Suite struct LintOfficeCommandTests {
    static let vocabulary = ["--vocabulary", fixtureVocabularyFolder]

    func folderWithFixtures(_ names: [String: String]) throws -> String {
        let folder = try Vaktaal.folder(with: [:])
        for (fixture, name) in names {
            try FileManager.default.copyItem(atPath: fixturesFolder + "/Office/" + fixture, toPath: folder + "/" + name)
        }
        return folder
    }

    @Test func findingsNameTheSlideParagraphAndColumn() throws {
        let folder = try folderWithFixtures(["presentation.pptx": "slides.pptx"])
        let result = try Vaktaal.run(["lint", "slides.pptx"] + Self.vocabulary, in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardOutput.hasPrefix(
                "slides.pptx: slide 1, paragraph 1, column 14: error: 'Mentor' is outdated since 2025-09-01: use "
                    + "'Werkplekbegeleider' [deprecated-term]\n"))
        #expect(result.standardOutput.contains("slides.pptx: slide 2, paragraph 5, column 30: error: 'IPABO' is outdated"))
        #expect(result.standardOutput.hasSuffix("5 errors, 1 warning, 1 info in 1 file\n"))
    }

    @Test func fixRewritesTheRunsAndASecondRunFindsNothingToFix() throws {
        let folder = try folderWithFixtures(["presentation.pptx": "slides.pptx", "report.docx": "verslag.docx"])
        let fixed = try Vaktaal.run(["lint", "--fix", ".", "--format", "json"] + Self.vocabulary, in: folder)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(fixed.standardOutput.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        let remaining = files.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        #expect(remaining.allSatisfy { $0["replacement"] == nil })
        let original = try #require(fileBytes(fixturesFolder + "/Office/presentation.pptx"))
        let written = try #require(fileBytes(folder + "/slides.pptx"))
        #expect(original != written)
        // Nothing is left to fix: a second run writes nothing.
        let again = try Vaktaal.run(["lint", "--fix", "."] + Self.vocabulary, in: folder)
        #expect(again.status == 1)
        #expect(fileBytes(folder + "/slides.pptx") == written)
    }

    @Test func altTextIsLintedWhenAsked() throws {
        let folder = try folderWithFixtures(["presentation.pptx": "slides.pptx"])
        let without = try Vaktaal.run(["lint", "slides.pptx", "--format", "json"] + Self.vocabulary, in: folder)
        let with = try Vaktaal.run(["lint", "slides.pptx", "--alt-text", "--format", "json"] + Self.vocabulary, in: folder)
        #expect(!without.standardOutput.contains("image description"))
        #expect(with.standardOutput.contains("\"area\" : \"image description\""))
    }

    @Test func brokenPackagesAreSkippedWithTheirReasonAndTheRestIsLinted() throws {
        let folder = try folderWithFixtures(["bomb.docx": "bom.docx", "report.docx": "verslag.docx"])
        try Data("geen zip".utf8).write(to: URL(fileURLWithPath: folder + "/nep.pptx"))
        let result = try Vaktaal.run(["lint", "."] + Self.vocabulary, in: folder)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("./bom.docx: skipped: the part 'word/document.xml' is compressed 999:1"))
        #expect(result.standardOutput.contains("./nep.pptx: skipped: not a ZIP package"))
        #expect(result.standardOutput.contains("./verslag.docx: page 1, paragraph 2, column 4: error:"))
    }

    @Test func inputFormatReadsStandardInputAsAnOfficeDocument() throws {
        let bytes = try #require(FileManager.default.contents(atPath: fixturesFolder + "/Office/notes.odt"))
        let folder = try Vaktaal.folder(with: [:])
        try bytes.write(to: URL(fileURLWithPath: folder + "/notes.bin"))
        let result = try Vaktaal.run(["lint", "notes.bin", "--input-format", "odt"] + Self.vocabulary, in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("notes.bin: page 2, paragraph 1, column 17: error: 'IPABO' is outdated"))
    }
}

/// The bytes of a file, or `nil`.
private func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
