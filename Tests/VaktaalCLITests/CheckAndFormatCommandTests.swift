import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func theShippedVocabularyIsValid() throws {
        let result = try Vaktaal.run(["check"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(
            result.standardOutput.hasPrefix("1 file, ") && result.standardOutput.hasSuffix(" concepts: 0 errors, 0 warnings\n"))
    }

    @Test func errorsGiveExitOneAndCompilerStyleLines() throws {
        let folder = try Vaktaal.folder(with: [
            "Vocabulary/t.xml": vocabularyFile("<concept id=\"a\"><prefLabel>a</prefLabel>\n<broader ref=\"missing\"/></concept>")
        ])
        let result = try Vaktaal.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardOutput.contains(
                "Vocabulary/t.xml:4:1: error: [dangling-reference] broader 'missing' names no concept of the folder\n"))
        #expect(result.standardOutput.contains("1 file, 1 concept: 1 error, 3 warnings\n"))
    }

    @Test func lintsReportersServeCheckWithTheSamePositionsAsText() throws {
        let folder = try Vaktaal.folder(with: [
            "Vocabulary/t.xml": vocabularyFile("<concept id=\"a\"><prefLabel>a</prefLabel>\n<broader ref=\"missing\"/></concept>")
        ])
        let sarif = try Vaktaal.run(["check", "--format", "sarif"], in: folder)
        #expect(sarif.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sarif.standardOutput.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let dangling = try #require(results.first { $0["ruleId"] as? String == "dangling-reference" })
        let location = try #require((dangling["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Vocabulary/t.xml")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 4 && region["startColumn"] as? Int == 1)
        let rules = try #require(
            (run["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] })
        #expect(rules.contains { $0["id"] as? String == "dangling-reference" })
        #expect(rules.contains { $0["id"] as? String == "malformed-xml" })

        let github = try Vaktaal.run(["check", "--format", "github"], in: folder)
        #expect(github.status == 1)
        #expect(github.standardOutput.contains("::error file=Vocabulary/t.xml,line=4,col=1,"))
        #expect(github.standardOutput.contains("title=dangling-reference::broader 'missing' names no concept of the folder"))

        let checkstyle = try Vaktaal.run(["check", "--format", "checkstyle"], in: folder)
        #expect(checkstyle.status == 1)
        #expect(checkstyle.standardOutput.contains("<file name=\"Vocabulary/t.xml\">"))
        #expect(checkstyle.standardOutput.contains("line=\"4\" column=\"1\" severity=\"error\""))
    }

    @Test func malformedFilesGiveExitTwoAndStillReportTheOthers() throws {
        let folder = try Vaktaal.folder(with: [
            "v/a.xml": "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\">\n<concept>\n</vocabulary>",
            "v/b.xml": vocabularyFile("<concept id=\"b\"><broader ref=\"x\"/></concept>"),
        ])
        let result = try Vaktaal.run(["check", "--vocabulary", "v"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("v/a.xml:3:14: error: [malformed-xml]"))
        #expect(result.standardOutput.contains("v/b.xml:3:17: error: [dangling-reference]"))
    }

    @Test func jsonOutputIsParseable() throws {
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": vocabularyFile()])
        let result = try Vaktaal.run(["check", "--format", "json"], in: folder)
        #expect(result.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let summary = document?["summary"] as? [String: Int]
        #expect(summary?["errors"] == 0 && summary?["warnings"] == 2 && summary?["concepts"] == 1)
        let diagnostics = document?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.map { $0["rule"] as? String } == ["missing-top-concepts", "orphan-concept"])
        #expect(diagnostics.last?["line"] as? Int == 3)
    }

    @Test func aMissingVocabularyIsAUsageError() throws {
        let result = try Vaktaal.run(["check", "--vocabulary", "/nonexistent/vocab"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/nonexistent/vocab: error: no such file or folder"))
    }

    @Test func theVocabularyIsFoundThroughTheEnvironmentAndTheConfiguration() throws {
        let folder = try Vaktaal.folder(with: [
            "terms/t.xml": vocabularyFile("<concept id=\"a\"><broader ref=\"x\"/></concept>"),
            ".vaktaal.toml": "vocabulary = \"terms\"\n",
            "docs/sub/.keep": "",
        ])
        let viaConfiguration = try Vaktaal.run(["check"], in: folder + "/docs/sub")
        #expect(viaConfiguration.status == 1)
        #expect(viaConfiguration.standardOutput.contains("terms/t.xml:3:17: error: [dangling-reference]"))
        let viaEnvironment = try Vaktaal.run(["check"], in: "/", environment: ["VAKTAAL_VOCABULARY": folder + "/terms"])
        #expect(viaEnvironment.status == 1)
        let wrongKey = try Vaktaal.folder(with: [".vaktaal.toml": "vocabulary = \"x\"\nvocabluary = \"y\"\n"])
        let rejected = try Vaktaal.run(["check"], in: wrongKey)
        #expect(rejected.status == 2)
        #expect(rejected.standardError.contains(".vaktaal.toml: error: unknown key 'vocabluary'"))
    }
}

@Suite struct FormatCommandTests {
    @Test func checkListsFilesThatWouldChangeAndFormatRewritesThem() throws {
        let messy = """
            <vocabulary id="t" format="1" uri="https://example.org/t/" xmlns="urn:vaktaal:vocabulary:1">
            <concept id="a"><definition>d</definition>   <prefLabel>a</prefLabel></concept></vocabulary>
            """
        let canonical = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="ok" uri="https://example.org/ok/">
            </vocabulary>

            """
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": messy, "Vocabulary/ok.xml": canonical])
        let ok = try Vaktaal.run(["format", "Vocabulary/ok.xml"], in: folder)
        #expect(ok.status == 0 && ok.standardOutput.isEmpty)
        let check = try Vaktaal.run(["format", "--check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardOutput == "Vocabulary/t.xml\n")
        // Named twice, or also in a folder named, a file is listed once.
        let twice = try Vaktaal.run(["format", "--check", "Vocabulary/t.xml", "Vocabulary/t.xml", "Vocabulary"], in: folder)
        #expect(twice.standardOutput == "Vocabulary/t.xml\n", "\(twice.standardOutput)")
        let untouched = try String(contentsOfFile: folder + "/Vocabulary/t.xml", encoding: .utf8)
        #expect(untouched == messy)
        let format = try Vaktaal.run(["format"], in: folder)
        #expect(format.status == 0)
        let formatted = try String(contentsOfFile: folder + "/Vocabulary/t.xml", encoding: .utf8)
        #expect(
            formatted.contains(
                "  <concept id=\"a\">\n    <prefLabel>a</prefLabel>\n    <definition>d</definition>\n  </concept>\n"))
        let again = try Vaktaal.run(["format", "--check"], in: folder)
        #expect(again.status == 0 && again.standardOutput.isEmpty)
    }

    /// A file kept with CR LF (or a lone CR) line ends keeps them: formatting changes the
    /// layout, not every line of the file; and a canonical file with CR LF is left alone.
    @Test(arguments: ["\r\n", "\r"])
    func aFileKeepsItsLineEnds(lineEnd: String) throws {
        let messy = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/">
            <concept id="a"><definition>d</definition>   <prefLabel>a</prefLabel></concept></vocabulary>
            """.replacingOccurrences(of: "\n", with: lineEnd)
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": messy])
        #expect(try Vaktaal.run(["format"], in: folder).status == 0)
        let formatted = try String(contentsOfFile: folder + "/Vocabulary/t.xml", encoding: .utf8)
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/">

              <concept id="a">
                <prefLabel>a</prefLabel>
                <definition>d</definition>
              </concept>
            </vocabulary>

            """
        #expect(formatted == expected.replacingOccurrences(of: "\n", with: lineEnd))
        let again = try Vaktaal.run(["format", "--check"], in: folder)
        #expect(again.status == 0 && again.standardOutput.isEmpty, "\(again.standardOutput)")
    }

    @Test func filesWithErrorsAreNeverRewritten() throws {
        let broken = vocabularyFile("<concept id=\"a\"><prefLable>a</prefLable></concept>")
        let folder = try Vaktaal.folder(with: ["v.xml": broken])
        let result = try Vaktaal.run(["format", "v.xml"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("v.xml:3:17: error: [unknown-element]"))
        // Several errors are listed in file order, as check lists them.
        let two = try Vaktaal.folder(with: ["v.xml": vocabularyFile("<concept id=\"a\" top=\"yes\" bogus=\"1\"/>")])
        let lines = try Vaktaal.run(["format", "v.xml"], in: two).standardError.split(separator: "\n").filter { $0.contains("[") }
        let columns = lines.compactMap { Int($0.split(separator: ":")[2]) }
        #expect(columns.count == 2 && columns == columns.sorted(), "\(lines)")
        #expect(try String(contentsOfFile: folder + "/v.xml", encoding: .utf8) == broken)
    }

    /// A file with a processing instruction the canonical layout has no place for is left
    /// alone: formatting it would lose the instruction.
    @Test func aFileThatWouldLoseAProcessingInstructionIsNotRewritten() throws {
        let file = vocabularyFile("<concept id=\"a\">  <prefLabel>a</prefLabel><?review done?></concept>")
        let folder = try Vaktaal.folder(with: ["v.xml": file])
        let result = try Vaktaal.run(["format", "v.xml"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("v.xml:3:43: warning: [unkept-processing-instruction]"), "\(result.standardError)")
        #expect(try String(contentsOfFile: folder + "/v.xml", encoding: .utf8) == file)
        // Check passes it, with the warning.
        let check = try Vaktaal.run(["check", "--vocabulary", "v.xml"], in: folder)
        #expect(check.standardOutput.contains("[unkept-processing-instruction]"), "\(check.standardOutput)")
    }

    /// A symbolic link to nothing, or links in a circle, are named as such.
    @Test func brokenLinksAreNamedAsSuch() throws {
        let folder = try Vaktaal.folder(with: [:])
        try FileManager.default.createSymbolicLink(atPath: folder + "/a.xml", withDestinationPath: "b.xml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b.xml", withDestinationPath: "a.xml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/gone.xml", withDestinationPath: "nothing.xml")
        let circle = try Vaktaal.run(["format", "a.xml"], in: folder)
        #expect(circle.status == 2 && circle.standardError.contains("a.xml: error: the symbolic links lead round in a circle"))
        let dangling = try Vaktaal.run(["check", "--vocabulary", "gone.xml"], in: folder)
        #expect(dangling.status == 2 && dangling.standardError.contains("gone.xml: error: the symbolic link leads to nothing"))
    }

    @Test func theShippedVocabularyIsFormatted() throws {
        let result = try Vaktaal.run(["format", "--check"])
        #expect(result.status == 0 && result.standardOutput.isEmpty)
    }
}
