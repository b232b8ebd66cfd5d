import Foundation
import Testing
import VaktaalConfig
import VaktaalTestSupport

@testable import VaktaalCore
@testable import VaktaalLint

@Suite struct DocumentReaderRegistryTests {
    @Test func everyFormatHasExactlyOneReader() {
        #expect(DocumentReaders.all.map(\.format) == DocumentFormat.allCases)
    }

    @Test(arguments: [
        ("notes.txt", DocumentFormat.text), ("README.md", .markdown), ("a/b/page.HTML", .html), ("x.xhtml", .html),
        ("doc.markdown", .markdown),
    ])
    func extensionsChooseTheReader(_ path: String, _ format: DocumentFormat) {
        #expect(DocumentReaders.format(forPath: path) == format)
        #expect(DocumentReaders.reader(forPath: path).format == format)
    }

    @Test func officeDocumentsAreChosenByExtensionAndMediaTypeAndArePackagesNotText() {
        for (path, format) in [
            ("a/Verslag.DOCX", DocumentFormat.docx), ("slides.pptx", .pptx), ("notes.odt", .odt), ("deck.odp", .odp),
        ] {
            #expect(DocumentReaders.format(forPath: path) == format && DocumentReaders.reader(forPath: path).format == format)
            #expect(!format.isText)
        }
        #expect(
            DocumentReaders.format(
                forMediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation") == .pptx)
        #expect(DocumentReaders.format(forMediaType: "application/vnd.oasis.opendocument.text") == .odt)
        #expect(DocumentReaders.isDocument("report.docx") && !DocumentReaders.isDocument("sheet.xlsx"))
        for reader in DocumentReaders.all where !reader.format.isText {
            #expect(throws: DocumentProblem.package(.notAZIP)) { try reader.read([0x61, 0x00, 0x62]) }
        }
    }

    /// The extension is that of the path's last component, whatever its folders are named
    /// and however many slashes end it.
    @Test(arguments: [
        ("/tmp/notes.md/", DocumentFormat?.some(.markdown)), ("docs.md/readme", nil), (".md", .markdown),
        ("archive.tar.txt", .text), ("a.", nil), ("", nil), ("/", nil), ("//", nil), ("map.v2/noextension", nil),
        ("/srv/teksten/Verslag.Md", .markdown), ("é/ü.htm", .html),
    ])
    func theExtensionIsThatOfTheLastComponent(_ path: String, _ format: DocumentFormat?) {
        #expect(DocumentReaders.format(forPath: path) == format)
    }

    @Test func unknownFilesAreNoDocumentsButReadAsText() {
        #expect(DocumentReaders.format(forPath: "logo.png") == nil)
        #expect(!DocumentReaders.isDocument("Makefile"))
        #expect(DocumentReaders.reader(forPath: "Makefile").format == .text)
    }

    @Test func mediaTypesChooseTheReader() {
        #expect(DocumentReaders.format(forMediaType: "text/markdown; charset=utf-8") == .markdown)
        #expect(DocumentReaders.format(forMediaType: "TEXT/HTML") == .html)
        #expect(DocumentReaders.format(forMediaType: "text/plain") == .text)
        #expect(DocumentReaders.format(forMediaType: "application/pdf") == nil)
    }

    @Test func textReadersRefuseBinaryAndInvalidUTF8() {
        for reader in DocumentReaders.all where reader.format.isText {
            #expect(throws: DocumentProblem.binary) { try reader.read([0x61, 0x00, 0x62]) }
            #expect(throws: DocumentProblem.notUTF8(offset: 1)) { try reader.read([0x61, 0xFF]) }
            // Notepad's "Unicode": UTF-16 with its byte order mark, named as such.
            let utf16: [UInt8] =
                [0xFF, 0xFE] + "De mentor komt.\n".utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            #expect(throws: DocumentProblem.utf16) { try reader.read(utf16) }
        }
    }
}

@Suite struct LintRunTests {
    func folder(_ files: [String: String]) throws -> String {
        let root = try scratchFolder("run")
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func walksFoldersInPathOrderAndReportsEachFile() throws {
        let root = try folder([
            "b.md": "De mentor.", "a.txt": "Niets.", ".hidden.txt": "mentor", "sub/c.html": "<p>mentoren</p>",
            "logo.png": "x",
        ])
        let results = try LintRun(set: shippedSet, options: .init()).lint([root])
        #expect(results.map { ($0.path as NSString).lastPathComponent } == ["a.txt", "b.md", "c.html"])
        #expect(results.map(\.findings.count) == [0, 1, 1])
    }

    @Test func missingAndBinaryFilesAreProblemsNotErrors() throws {
        let root = try folder(["ok.txt": "mentor"])
        try Data([0x61, 0x00]).write(to: URL(fileURLWithPath: root + "/binary.txt"))
        let results = try LintRun(set: shippedSet, options: .init()).lint([
            root + "/missing.txt", root + "/binary.txt", root + "/ok.txt",
        ])
        #expect(results.map(\.problem) == [.notFound, .binary, nil])
        #expect(results[2].findings.count == 1)
    }

    /// A pipe in a folder would block the walk (nobody writes to it) and a device never ends:
    /// a walk passes them over, a device named is a problem, a pipe named is read.
    @Test func pipesAndDevicesAreNoDocumentsToWalk() throws {
        let root = try folder(["ok.md": "mentor"])
        #expect(mkfifo(root + "/pipe.md", 0o644) == 0)
        let run = LintRun(set: shippedSet, options: .init())
        // The walk is asked alone: a run that took the pipe would wait for a writer for ever.
        #expect(
            DocumentWalker.files(for: [root], ignoring: { _ in false }).map { ($0 as NSString).lastPathComponent } == ["ok.md"])
        #expect(try run.lint(["/dev/zero"]).map(\.problem) == [.notAFile])
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: root + "/pipe.md")
            handle?.write(Data("De mentor komt.\n".utf8))
            try? handle?.close()
        }
        writer.start()
        let piped = try run.lint([root + "/pipe.md"])
        #expect(piped.map(\.problem) == [nil] && piped.first?.findings.map(\.rule) == ["deprecated-term"])
    }

    @Test func fixRewritesTheFileAndReportsWhatIsLeft() throws {
        let root = try folder(["t.md": "# Mentor\n\nDe student en de aankomend leraar.\n"])
        let results = try LintRun(set: shippedSet, options: .init(fix: true)).lint([root + "/t.md"])
        let fixed = try String(contentsOfFile: root + "/t.md", encoding: .utf8)
        #expect(fixed == "# Werkplekbegeleider\n\nDe student en de aankomend leraar.\n")
        #expect(results[0].findings.map(\.rule) == ["inconsistent-term"])
    }

    @Test func theMinimumSeverityFiltersFindings() throws {
        let root = try folder(["t.txt": "De student en de aankomend leraar met de mentor.\n"])
        let results = try LintRun(set: shippedSet, options: .init(minimumSeverity: .error)).lint([root])
        #expect(results[0].findings.map(\.rule) == ["deprecated-term"])
    }

    @Test func aBrokenConfigurationStopsTheRunWithItsError() throws {
        let root = try folder([".vaktaal.toml": "language = 3\n", "t.txt": "mentor"])
        #expect(throws: ConfigurationError.self) { try LintRun(set: shippedSet, options: .init()).lint([root]) }
    }

    @Test func configurationRulesCanSwitchARuleOffOrChangeItsSeverity() throws {
        let root = try folder([
            ".vaktaal.toml": "[rules]\ndeprecated-term = \"off\"\nmisspelling = \"info\"\n",
            "t.txt": "De mentor en feedbackgeletterheid.",
        ])
        let results = try LintRun(set: shippedSet, options: .init()).lint([root])
        #expect(results[0].findings.map { "\($0.rule) \($0.severity)" } == ["misspelling info"])
    }

    /// Large text files (a megabyte or more) are linted where they lie in the system's cache
    /// of them (mapped, not copied): every format gives what linting the bytes in memory gives.
    @Test(arguments: ["t.txt", "t.md", "t.html"])
    func aLargeFileIsLintedAsItsBytesAre(_ name: String) throws {
        let paragraph = "De mentor en de feedbackgeletterheid van de aankomend leraar.\n\n"
        let text = String(repeating: paragraph, count: (1 << 20) / paragraph.utf8.count + 10)
        let root = try folder([name: text])
        #expect(FileBytes.contents(root + "/" + name)?.isMapped == true, "a file this large is mapped")
        let results = try LintRun(set: shippedSet, options: .init()).lint([root + "/" + name])
        let linter = Linter(set: shippedSet, options: LintOptions(languages: .automatic(default: "nl")))
        let inMemory = linter.lint(Array(text.utf8), path: root + "/" + name, reader: DocumentReaders.reader(forPath: name))
        #expect(results[0].findings.count >= 2 * 16_000)
        #expect(results[0].findings == inMemory.findings)
        #expect(results[0].lineTexts == inMemory.lineTexts)
    }

    /// The texts of lines with findings are for the text report: a run for another report
    /// leaves them out and finds the same.
    @Test func linesAreQuotedOnlyWhenAsked() throws {
        let root = try folder(["t.txt": "Eerst niets.\nDe mentor komt.\n", "s.pptx": ""])
        try Data(try officeFixture("presentation.pptx")).write(to: URL(fileURLWithPath: root + "/s.pptx"))
        let quoted = try LintRun(set: shippedSet, options: .init()).lint([root])
        let bare = try LintRun(set: shippedSet, options: .init(quotesText: false)).lint([root])
        #expect(quoted.map(\.findings) == bare.map(\.findings))
        #expect(quoted.map(\.lineTexts) == [[:], [2: "De mentor komt."]])
        #expect(!quoted[0].placeTexts.isEmpty)
        #expect(bare.allSatisfy { $0.lineTexts.isEmpty && $0.lineStarts.isEmpty && $0.placeTexts.isEmpty })
    }

    @Test func aLargeFileIsFixed() throws {
        let line = "De mentor helpt.\n"
        let count = (1 << 20) / line.utf8.count + 10
        let root = try folder(["t.txt": String(repeating: line, count: count)])
        let results = try LintRun(set: shippedSet, options: .init(fix: true)).lint([root + "/t.txt"])
        let fixed = try String(contentsOfFile: root + "/t.txt", encoding: .utf8)
        #expect(fixed == String(repeating: "De werkplekbegeleider helpt.\n", count: count))
        #expect(results[0].problem == nil)
        #expect(results[0].findings.filter { $0.rule == "deprecated-term" }.isEmpty)
    }

    @Test func largeBinaryAndInvalidFilesAreProblems() throws {
        let root = try folder([:])
        var binary = [UInt8](repeating: 0x61, count: 1 << 21)
        binary[100] = 0
        var invalid = [UInt8](repeating: 0x61, count: 1 << 21)
        invalid[(1 << 21) - 5] = 0xFF
        try Data(binary).write(to: URL(fileURLWithPath: root + "/binary.txt"))
        try Data(invalid).write(to: URL(fileURLWithPath: root + "/invalid.txt"))
        let results = try LintRun(set: shippedSet, options: .init()).lint([root + "/binary.txt", root + "/invalid.txt"])
        #expect(results.map(\.problem) == [.binary, .notUTF8(offset: (1 << 21) - 5)])
    }

    @Test func aDocumentThatIsNoFileIsLintedAndFixed() throws {
        let run = LintRun(set: shippedSet, options: .init(fix: true, inputFormat: .markdown))
        let (result, fixed) = try run.lint(
            document: Array("De `mentor` en de Mentor.".utf8), named: "-", configurationFolder: NSTemporaryDirectory())
        // The findings are those left in the fixed text: none.
        #expect(result.findings.isEmpty)
        #expect(fixed.map { String(decoding: $0, as: UTF8.self) } == "De `mentor` en de Werkplekbegeleider.")
    }
}

/// A path is made standard as Foundation makes it, byte for byte; one that is standard
/// already (as a walk of an absolute folder gives them) is taken as it is.
@Suite struct StandardPathsTests {
    @Test(arguments: [
        ("/srv/teksten/verslag.md", true), ("/a/.hidden/b.md", true), ("/a/..b/c", true), ("/a/.../c", true),
        ("/tmp/é ü/x.md", true), ("/a/%2F%41 b", true), ("/a/b?c#d;e", true), ("/a/~/b", true), ("/tmp", true),
        ("/" + Array(repeating: "map", count: 300).joined(separator: "/"), true),
        // Foundation cuts off `/private` where the shorter path exists (macOS: /tmp is /private/tmp).
        ("/private/tmp", false), ("/var/automount/x", false),
        ("/a/./b.md", false), ("/a/../b.md", false), ("/a//b.md", false), ("/a/b/", false), ("/a/b/.", false),
        ("/a/b/..", false), ("/", false), ("//x", false), ("relative/x.md", false), ("x.md", false), ("./x.md", false),
    ])
    func pathsAreMadeStandardAsFoundationMakesThem(_ path: String, isStandard: Bool) {
        #expect(StandardPaths.isStandard(path) == isStandard)
        #expect(Array(StandardPaths.standardized(path).utf8) == Array(URL(fileURLWithPath: path).standardizedFileURL.path.utf8))
    }
}
