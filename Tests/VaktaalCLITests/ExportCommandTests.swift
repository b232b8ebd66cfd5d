import Foundation
import Testing

@Suite struct ExportCommandTests {
    @Test func aSingleFormatGoesToStandardOutput() throws {
        let result = try Vaktaal.run(["export", "--format", "turtle"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"))
    }

    @Test func outputGoesToAFileOrIntoAFolder() throws {
        let folder = try Vaktaal.folder(with: [:])
        let toFile = try Vaktaal.run(["export", "--format", "csv", "-o", "glossary.csv"], in: folder)
        #expect(toFile.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/glossary.csv"))
        let all = try Vaktaal.run(["export", "--all", "-o", "out"], in: folder)
        #expect(all.status == 0)
        for path in [
            "out/lerarenopleiding.rdf", "out/lerarenopleiding.tbx", "out/vale/Vaktaal/Terms.yml", "out/textlint/terms.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + path), "\(path)")
        }
    }

    /// A file named by one character is written (Foundation's path methods trap on such a
    /// name), and `-o -` is standard output, as for curl or sort.
    @Test func aOneCharacterFileAndStandardOutput() throws {
        let folder = try Vaktaal.folder(with: [:])
        let file = try Vaktaal.run(["export", "--format", "turtle", "-o", "z"], in: folder)
        #expect(file.status == 0, "\(file.standardError)")
        let written = try String(contentsOfFile: folder + "/z", encoding: .utf8)
        let standardOutput = try Vaktaal.run(["export", "--format", "turtle", "-o", "-"], in: folder)
        #expect(standardOutput.status == 0 && standardOutput.standardOutput == written)
        #expect(!FileManager.default.fileExists(atPath: folder + "/-"))
    }

    /// A new file honours the umask as `open` would (`umask 077` keeps an export private); it
    /// was always 0644.
    @Test func aNewFileHonoursTheUmask() throws {
        let folder = try Vaktaal.folder(with: [:])
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "umask 077 && exec \"$0\" export --format csv -o private.csv", Vaktaal.executable.path]
        shell.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["VAKTAAL_VOCABULARY"] = nil
        shell.environment = environment
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let permissions = try FileManager.default.attributesOfItem(atPath: folder + "/private.csv")[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test(arguments: [
        (["export", "--all", "-o", "-"], "give -o FOLDER"),
        (["export"], "give either --format FORMAT or --all"),
        (["export", "--all"], "give -o FOLDER"),
        (["export", "--format", "vale"], "writes 7 files: give -o FOLDER"),
        (["export", "--format", "pdf"], "pdf"),
    ])
    func usageErrorsAreExitTwo(arguments: [String], message: String) throws {
        let result = try Vaktaal.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func aLargeExportStreamsToStandardOutputAndToAFileAlike() throws {
        let definition = String(repeating: "een lange definitie om de export te vullen ", count: 40)
        let concepts = (0..<1_500).map {
            "<concept id=\"c\($0)\"><prefLabel>begrip \($0)</prefLabel><definition>\(definition)</definition></concept>"
        }
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": vocabularyFile(concepts.joined(separator: "\n"))])
        let toStandardOutput = try Vaktaal.run(["export", "--format", "turtle"], in: folder)
        let toFile = try Vaktaal.run(["export", "--format", "turtle", "-o", "t.ttl"], in: folder)
        #expect(toStandardOutput.status == 0)
        #expect(toFile.status == 0)
        let written = try String(contentsOfFile: folder + "/t.ttl", encoding: .utf8)
        #expect(written.utf8.count > 2 << 20, "large enough to go out in several pieces")
        #expect(toStandardOutput.standardOutput == written)
        #expect(
            written.hasSuffix(
                "skos:prefLabel \"begrip 1499\"@nl ;\n    skosxl:prefLabel <https://example.org/t/c1499/label/1> "
                    + ";\n    skos:definition \"\(definition)\"@nl .\n\n<https://example.org/t/c1499/label/1>\n    "
                    + "rdf:type skosxl:Label ;\n    skosxl:literalForm \"begrip 1499\"@nl ;\n    vt:status \"preferred\" .\n"
            ))
    }

    @Test func failedWritesAreReportedWithThePath() throws {
        let folder = try Vaktaal.folder(with: ["blocked": "a file, not a folder"])
        // No temporary file can be made in /proc, not even by root.
        let unwritable = try Vaktaal.run(["export", "--format", "csv", "-o", "/proc/vaktaal-test.csv"], in: folder)
        #expect(unwritable.status == 2)
        #expect(unwritable.standardError.contains("/proc/vaktaal-test.csv: error: cannot create a temporary file"))
        let notAFolder = try Vaktaal.run(["export", "--all", "-o", "blocked/exports"], in: folder)
        #expect(notAFolder.status == 2)
        #expect(notAFolder.standardError.contains("blocked/exports: error: cannot create the folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["blocked"])
    }

    /// Errors of `check` stop an export too: a duplicate id would become one concept with two
    /// preferred labels, a tag such as `nl_NL` a Turtle file no reader takes.
    @Test(arguments: [
        (
            "<concept id=\"a\"><prefLabel>a</prefLabel></concept><concept id=\"a\"><prefLabel>b</prefLabel></concept>",
            "[duplicate-id]"
        ),
        ("<concept id=\"a\"><prefLabel xml:lang=\"nl_NL\">a</prefLabel></concept>", "[invalid-language-tag]"),
        ("<concept id=\"a\"><prefLabel>a</prefLabel><broader ref=\"missing\"/></concept>", "[dangling-reference]"),
        ("<concept id=\"a\"><prefLabel>a</prefLabel><closeMatch uri=\"www.partner.nl/a\"/></concept>", "[invalid-mapping-uri]"),
    ])
    func aVocabularyWithCheckErrorsIsNotExported(concepts: String, rule: String) throws {
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": vocabularyFile(concepts)])
        let result = try Vaktaal.run(["export", "--format", "turtle"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("error: \(rule)"), "\(result.standardError)")
        #expect(result.standardError.contains("not exported"))
    }

    /// An error that does not change what an export says (a deprecated label without a
    /// replacement, common right after an import) does not keep the vocabulary from export.
    @Test func otherCheckErrorsDoNotKeepAVocabularyFromExport() throws {
        let concepts =
            "<concept id=\"a\"><prefLabel>a</prefLabel><deprecatedLabel xml:lang=\"de\">alt</deprecatedLabel></concept>"
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": vocabularyFile(concepts)])
        #expect(try Vaktaal.run(["check"], in: folder).standardOutput.contains("error: [deprecated-label-without-replacement]"))
        let result = try Vaktaal.run(["export", "--format", "turtle"], in: folder)
        #expect(result.status == 0 && result.standardOutput.contains("\"alt\"@de"), "\(result.standardError)")
    }

    /// No exchange format carries a partner's elements and attributes of its own namespace:
    /// the export says it leaves them out, and still exports; without them it says nothing.
    @Test func elementsOfOtherNamespacesAreSaidToBeLeftOut() throws {
        let concepts =
            #"<concept id="a" xmlns:p="urn:partner" p:code="42"><prefLabel>a</prefLabel><p:extra>x</p:extra></concept>"#
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": vocabularyFile(concepts)])
        let result = try Vaktaal.run(["export", "--format", "turtle"], in: folder)
        #expect(result.status == 0 && result.standardOutput.contains("\"a\"@nl"))
        #expect(
            result.standardError
                == "warning: 1 scheme, concept or label has elements or attributes of other namespaces (@p:code, p:extra): "
                + "exports do not carry them\n", "\(result.standardError)")
        // On a label too; the XML namespace's own attributes are no partner's data.
        let onALabel = try Vaktaal.folder(with: [
            "Vocabulary/t.xml": vocabularyFile(
                #"<concept id="a" xmlns:p="urn:partner"><prefLabel p:termId="T-1" xml:space="preserve">a</prefLabel></concept>"#)
        ])
        #expect(
            try Vaktaal.run(["export", "--format", "turtle"], in: onALabel).standardError
                == "warning: 1 scheme, concept or label has elements or attributes of other namespaces (@p:termId): "
                + "exports do not carry them\n")
        let plain = try Vaktaal.folder(with: ["Vocabulary/t.xml": vocabularyFile()])
        #expect(try Vaktaal.run(["export", "--format", "turtle"], in: plain).standardError.isEmpty)
    }

    @Test func anInvalidVocabularyIsNotExported() throws {
        let folder = try Vaktaal.folder(with: [
            "Vocabulary/t.xml": vocabularyFile("<concept id=\"a\"><prefLable>a</prefLable></concept>")
        ])
        let result = try Vaktaal.run(["export", "--format", "skos"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("[unknown-element]"))
    }
}
