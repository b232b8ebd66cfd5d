import Foundation
import Testing

@Suite struct LintCommandTests {
    @Test func findingsGiveExitOneAndCompilerStyleLines() throws {
        let folder = try Vaktaal.folder(with: ["docs/a.md": "# Over de mentor\n\n`mentor` in code\n"])
        let result = try Vaktaal.run(["lint", "docs"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardOutput.hasPrefix(
                "docs/a.md:1:11: error: 'mentor' is outdated since 2025-09-01: use 'werkplekbegeleider' [deprecated-term]\n"))
        #expect(result.standardOutput.hasSuffix("1 error, 0 warnings, 0 infos in 1 file\n"))
    }

    @Test func cleanDocumentsGiveExitZero() throws {
        let folder = try Vaktaal.folder(with: ["a.txt": "De werkplekbegeleider en de aankomend leraar.\n"])
        let result = try Vaktaal.run(["lint", "a.txt"], in: folder)
        #expect(result.status == 0)
    }

    @Test func minimumSeverityFiltersAndDecidesTheExitCode() throws {
        let folder = try Vaktaal.folder(with: ["a.txt": "VT en DT.\n"])
        #expect(try Vaktaal.run(["lint", "a.txt"], in: folder).status == 1)
        let errorsOnly = try Vaktaal.run(["lint", "a.txt", "--min-severity", "error"], in: folder)
        #expect(errorsOnly.status == 0)
        #expect(errorsOnly.standardOutput == "0 errors, 0 warnings, 0 infos in 1 file\n")
    }

    @Test func fixRewritesFilesAndASecondRunIsClean() throws {
        let original = "De Mentor, de MENTOREN\r\nen IPABO.\r\n"
        let folder = try Vaktaal.folder(with: ["a.txt": original])
        let first = try Vaktaal.run(["lint", "--fix", "a.txt"], in: folder)
        #expect(first.status == 0, "\(first.standardOutput)")
        let fixed = try String(contentsOfFile: folder + "/a.txt", encoding: .utf8)
        #expect(fixed == "De Werkplekbegeleider, de WERKPLEKBEGELEIDERS\r\nen iPabo.\r\n")
        #expect(try Vaktaal.run(["lint", "a.txt"], in: folder).status == 0)
    }

    @Test func standardInputIsLintedAndFixedToStandardOutput() throws {
        let report = try Vaktaal.run(["lint", "-", "--format", "json"], input: "de mentor\n")
        #expect(report.status == 1)
        #expect(report.standardOutput.contains("\"path\" : \"-\""))
        let fixed = try Vaktaal.run(["lint", "-", "--fix"], input: "de Mentor en feedup\n")
        #expect(fixed.status == 0)
        #expect(fixed.standardOutput == "de Werkplekbegeleider en feed up\n")
        // What no fix settles (markup splits the term) is said on standard error, and exit 1.
        let left = try Vaktaal.run(["lint", "-", "--fix", "--input-format", "markdown"], input: "Een *ment*or en feedup.\n")
        #expect(left.status == 1 && left.standardOutput == "Een *ment*or en feed up.\n")
        #expect(left.standardError.contains("-:1:6: error: [deprecated-term]"), "\(left.standardError)")
    }

    /// `-` among files is standard input, in its place; with `--fix` it must stand alone.
    @Test func standardInputAmongFiles() throws {
        let folder = try Vaktaal.folder(with: ["a.txt": "de mentor\n", "b.txt": "feedup\n"])
        let result = try Vaktaal.run(
            ["lint", "a.txt", "-", "b.txt", "-", "--format", "github"], in: folder, input: "De mentor.\n")
        #expect(result.status == 1)
        #expect(
            result.standardOutput.split(separator: "\n").map { $0.split(separator: ",")[0] } == [
                "::error file=a.txt", "::error file=-", "::error file=b.txt",
            ], "\(result.standardOutput)")
        // A file named on both sides of `-` is linted once.
        let twice = try Vaktaal.run(["lint", "a.txt", "-", "./a.txt", "--format", "github"], in: folder, input: "x\n")
        #expect(twice.standardOutput.split(separator: "\n").count == 1, "\(twice.standardOutput)")
        #expect(try Vaktaal.run(["lint", "a.txt", "-", "--fix"], in: folder, input: "x\n").status == 2)
        #expect(try Vaktaal.run(["lint", "-", "-", "--fix"], in: folder, input: "x\n").status == 2)
    }

    /// `--fix` fixes what the report shows: with `--min-severity error`, warnings stay.
    @Test func fixesFollowTheMinimumSeverity() throws {
        let folder = try Vaktaal.folder(with: ["a.txt": "De stagiair en mentor.\n"])
        let result = try Vaktaal.run(["lint", "--fix", "--min-severity", "error", "a.txt"], in: folder)
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "De stagiair en werkplekbegeleider.\n")
        let piped = try Vaktaal.run(["lint", "-", "--fix", "--min-severity", "error"], input: "De stagiair en mentor.\n")
        #expect(piped.standardOutput == "De stagiair en werkplekbegeleider.\n")
    }

    @Test func unreadableFilesAreReportedAndTheOthersStillLinted() throws {
        let folder = try Vaktaal.folder(with: ["good.txt": "de mentor\n"])
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]).write(to: URL(fileURLWithPath: folder + "/logo.txt"))
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: folder + "/latin1.txt"))
        let result = try Vaktaal.run(["lint", "good.txt", "logo.txt", "latin1.txt", "missing.txt"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("good.txt:1:4: error:"))
        #expect(result.standardOutput.contains("logo.txt: skipped: binary file"))
        #expect(result.standardOutput.contains("latin1.txt: skipped: not UTF-8 text"))
        #expect(result.standardOutput.contains("missing.txt: skipped: no such file or folder"))
        // Standard error says it too, in every format, with the place of the first byte that is not UTF-8.
        for format in ["text", "json"] {
            let run = try Vaktaal.run(
                ["lint", "--format", format, "good.txt", "logo.txt", "latin1.txt", "missing.txt"], in: folder)
            #expect(run.standardError.contains("latin1.txt:1:4: error: not UTF-8 text (byte 3), skipped"), "\(run.standardError)")
            #expect(run.standardError.contains("logo.txt: skipped: binary file"))
            #expect(run.standardError.contains("missing.txt: skipped: no such file or folder"))
        }
        // Standard input too, with and without --fix.
        for fix in [[], ["--fix"]] {
            let piped = try Vaktaal.run(["lint", "-"] + fix, inputBytes: Array("de mentor\ncaf".utf8) + [0xE9, 0x0A])
            #expect(piped.status == 2 && piped.standardError.contains("-:2:4: error: not UTF-8 text (byte 13), skipped"))
        }
    }

    /// A directive that names a rule there is none of disables nothing: standard error says
    /// so, and the findings and exit status stay what they are.
    @Test func aDirectiveNamingAnUnknownRuleIsReported() throws {
        let text =
            "mentor\n<!-- vaktaal-disable-next-line deprecated-terms -->\nmentor\n"
            + "<!-- vaktaal-disable-next-line deprecated-term -- een citaat -->\nmentor\n"
        let folder = try Vaktaal.folder(with: ["a.md": text])
        let result = try Vaktaal.run(["lint", "--format", "json", "a.md"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("a.md:2: warning: unknown rule 'deprecated-terms' in a vaktaal directive"))
        #expect(!result.standardError.contains("a.md:4:"))
        #expect(result.standardOutput.components(separatedBy: "\"rule\" : \"deprecated-term\"").count - 1 == 2)
        // Also when standard input is fixed.
        let fixed = try Vaktaal.run(["lint", "-", "--fix", "--input-format", "markdown"], input: text)
        #expect(fixed.standardError.contains("-:2: warning: unknown rule 'deprecated-terms'"), "\(fixed.standardError)")
    }

    /// A language with a region applies its language's labels too (as an HTML `lang` does);
    /// a language choice that names no language is an error, not a lint of nothing.
    @Test func languageChoicesWithARegionApplyAndOthersAreRefused() throws {
        let folder = try Vaktaal.folder(with: [
            "a.txt": "De mentor komt.\n", "c/.vaktaal.toml": "language = \"Dutch\"\n", "c/b.txt": "mentor\n",
        ])
        // `all` in any case is every language, never the code of Allar, which a list refuses.
        for choice in ["nl-NL", "NL", "nl,en-GB", "nl,", " nl , en ", "ALL", " All "] {
            let result = try Vaktaal.run(["lint", "--lang", choice, "a.txt"], in: folder)
            #expect(result.status == 1 && result.standardOutput.contains("deprecated-term"), "\(choice)")
        }
        for choice in ["Dutch", "nl_NL", "xy", "", ",", "nl,all"] {
            #expect(try Vaktaal.run(["lint", "--lang", choice, "a.txt"], in: folder).status == 2, "\(choice)")
        }
        let configured = try Vaktaal.run(["lint", "c/b.txt"], in: folder)
        #expect(
            configured.status == 2 && configured.standardError.contains(".vaktaal.toml: error: 'language' must be a language tag")
        )
        // The file is broken whatever --lang says, as it is for an unknown rule.
        #expect(try Vaktaal.run(["lint", "--lang", "nl", "c/b.txt"], in: folder).status == 2)
    }

    @Test func foldersAreWalkedSkippingHiddenIgnoredAndOtherFiles() throws {
        let folder = try Vaktaal.folder(with: [
            "docs/b.md": "mentor", "docs/a.txt": "mentor", "docs/sub/c.html": "<p>mentor</p>", "docs/.hidden/d.md": "mentor",
            "docs/build/e.md": "mentor", "docs/.gitignore": "build/\n", "docs/image.svg": "mentor",
            "docs/node_modules/pkg/README.md": "mentor",
            ".vaktaal.toml": "ignore = [\"docs/sub/**\"]\n",
        ])
        let result = try Vaktaal.run(["lint", "docs", "--format", "github"], in: folder)
        let files = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",")[0] }
        #expect(files == ["::error file=docs/a.txt", "::error file=docs/b.md"])
        // Files named on the command line (git diff --name-only | xargs) follow the configuration's ignore too.
        let named = try Vaktaal.run(["lint", "docs/sub/c.html", "docs/a.txt", "--format", "github"], in: folder)
        #expect(named.standardOutput.split(separator: "\n").map { $0.split(separator: ",")[0] } == ["::error file=docs/a.txt"])
        #expect(named.standardError.contains("docs/sub/c.html: not linted: the configuration's ignore leaves it out"))
        // A file named twice is linted once, as ESLint and markdownlint-cli2 do.
        let twice = try Vaktaal.run(["lint", "docs/a.txt", "./docs/a.txt", "docs/../docs/a.txt", "--format", "json"], in: folder)
        #expect(twice.standardOutput.components(separatedBy: "\"path\"").count == 2, "\(twice.standardOutput)")
        // A named file that is not there is reported, ignored or not.
        let missing = try Vaktaal.run(["lint", "docs/sub/gone.md"], in: folder)
        #expect(missing.status == 2 && missing.standardError.contains("docs/sub/gone.md"))
    }

    @Test func configurationSetsLanguageSeveritiesAndAllowedWords() throws {
        let folder = try Vaktaal.folder(with: [
            ".vaktaal.toml": """
            allow = ["mentor Jansen"]
            [rules]
            deprecated-term = "warning"
            [[overrides]]
            files = ["en/**"]
            language = "en"
            """,
            "nl.txt": "mentor Jansen en de mentor", "en/a.txt": "the mentor",
        ])
        let result = try Vaktaal.run(["lint", "nl.txt", "en/a.txt"], in: folder)
        #expect(result.standardOutput.contains("nl.txt:1:21: warning: 'mentor' is outdated"))
        #expect(!result.standardOutput.contains("nl.txt:1:1:"))
        #expect(!result.standardOutput.contains("en/a.txt"))
    }

    @Test(arguments: [
        ("[rules]\ndeprecated-terms = \"off\"\n", "unknown key 'rules.deprecated-terms'"),
        ("ignore = \"x\"\n", "'ignore' must be an array of strings"),
        ("[rules]\nmisspelling = \"loud\"\n", "'rules.misspelling' must be one of error, warning, info, off"),
        ("[[overrides]]\nfiles = [\"*.md\"]\nlanguage = \"Engels\"\n", "'overrides[0].language' must be a language tag"),
    ])
    func wrongConfigurationKeysAreClearErrors(configuration: String, message: String) throws {
        let folder = try Vaktaal.folder(with: [".vaktaal.toml": configuration, "a.txt": "x"])
        let result = try Vaktaal.run(["lint", "a.txt"], in: folder)
        #expect(result.status == 2)
        #expect(
            result.standardError.contains(".vaktaal.toml") && result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func unknownFormatsAreUsageErrors() throws {
        let result = try Vaktaal.run(["lint", "x.txt", "--format", "xml"])
        #expect(result.status == 2)
        // The formats are an enum argument: argument-parser names the bad value and the valid ones.
        #expect(result.standardError.contains("'xml'") && result.standardError.contains("--format"))
        #expect(result.standardError.contains("'sarif'"))
    }
}

@Suite struct LintNastyInputTests {
    @Test func emptyFilesByteOrderMarksAndSymbolicLinkLoopsAreHandled() throws {
        let folder = try Vaktaal.folder(with: ["docs/empty.txt": "", "docs/bom.txt": "\u{FEFF}", "docs/a.md": "mentor"])
        try FileManager.default.createSymbolicLink(atPath: folder + "/docs/loop", withDestinationPath: folder + "/docs")
        let result = try Vaktaal.run(["lint", "docs", "--format", "json"], in: folder)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let paths = (document["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        #expect(paths == ["docs/a.md", "docs/bom.txt", "docs/empty.txt"])
    }

    @Test func aHugeSingleLineIsLinted() throws {
        let line = String(repeating: "de werkplekbegeleider en de aankomend leraar ", count: 100_000) + "mentor"
        let folder = try Vaktaal.folder(with: ["big.txt": line])
        let result = try Vaktaal.run(["lint", "big.txt", "--format", "github"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("line=1,col=4500001"))
    }
}

@Suite struct LintOptionTests {
    @Test func inputFormatOverridesTheExtension() throws {
        let folder = try Vaktaal.folder(with: ["page.txt": "<p title=\"mentor\">ok</p> `x`"])
        let asText = try Vaktaal.run(["lint", "page.txt"], in: folder)
        #expect(asText.status == 1)
        let asHTML = try Vaktaal.run(["lint", "page.txt", "--input-format", "html"], in: folder)
        #expect(asHTML.status == 0, "\(asHTML.standardOutput)")
    }

    @Test func languageOptionChoosesTheLabels() throws {
        let folder = try Vaktaal.folder(with: ["a.txt": "the trainee teacher and the mentor\n"])
        let english = try Vaktaal.run(["lint", "a.txt", "--lang", "en", "--format", "json"], in: folder)
        #expect(english.status == 0)
        let all = try Vaktaal.run(["lint", "a.txt", "--lang", "all", "--format", "github"], in: folder)
        #expect(all.status == 1)
        #expect(all.standardOutput.contains("col=29") && all.standardOutput.contains("deprecated-term"))
    }
}
