import Foundation
import Testing
import VaktaalTestSupport

@Suite struct LookupCommandTests {
    @Test func answersFromTheBuiltInVocabularyInAnyFolder() throws {
        let empty = try Vaktaal.folder(with: [:])
        let result = try Vaktaal.run(["lookup", "mentor"], in: empty)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("werkplekbegeleider (nl) · workplace supervisor (en)\n"))
        #expect(result.standardOutput.contains("use 'werkplekbegeleider' instead of 'mentor' (outdated since 2025-09-01)"))
        #expect(result.standardOutput.contains("uri: https://begrippen.example.org/lerarenopleiding/werkplekbegeleider\n"))
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try Vaktaal.run(["lookup", "mentoren", "--format", "json", "--vocabulary", fixtureVocabularyFolder])
        #expect(result.status == 0)
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        let first = try #require(matches.first)
        #expect(first["concept"] as? String == "https://begrippen.example.org/lerarenopleiding/werkplekbegeleider")
        #expect(first["id"] as? String == "werkplekbegeleider")
        #expect(first["scheme"] as? String == "lerarenopleiding")
        #expect(first["matchedLabel"] as? String == "mentoren")
        #expect(first["matchKind"] as? String == "exact")
        #expect(first["labelStatus"] as? String == "deprecated")
        #expect((first["prefLabels"] as? [String: String])?["en"] == "workplace supervisor")
        #expect((first["deprecatedLabels"] as? [String: [String]])?["nl"] == ["mentor"])
        #expect((first["useInstead"] as? [String: String])?["nl"] == "werkplekbegeleiders")
        #expect((first["broader"] as? [String])?.first?.hasSuffix("/begeleider") == true)
        #expect((first["definition"] as? [String: String])?["nl"]?.isEmpty == false)
        #expect(first["mappings"] is [Any])
    }

    /// Every scope note of a language is shown, a paragraph each (the JSON keeps one text per
    /// language, as the contract gives it); in text, the second goes on indented.
    @Test func everyNoteOfALanguageIsShown() throws {
        let json = try Vaktaal.run(["lookup", "werkplekbegeleider", "--format", "json"])
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let scopeNote = try #require((matches.first?["scopeNote"] as? [String: String])?["nl"])
        #expect(
            scopeNote.hasPrefix(
                "Niet te verwarren met de mentor van een klas, die leerlingen begeleidt.\n\nEerder ook praktijkbegeleider"))
        let text = try Vaktaal.run(["lookup", "werkplekbegeleider", "--lang", "nl"])
        #expect(
            text.standardOutput.contains(
                "  scope note (nl): Niet te verwarren met de mentor van een klas, die leerlingen begeleidt.\n\n    Eerder ook"),
            "\(text.standardOutput)")
    }

    /// The text says what matched: a notation is no preferred term, and a name typed in
    /// another casing is found as itself, saying so.
    @Test(arguments: [
        ("WB-01", "matched 'WB-01': notation (exact match)\n"),
        ("wpb", "matched 'WPB': admitted synonym (case-insensitive match, nl)\n"),
        ("WPB", "matched 'WPB': admitted synonym (exact match, nl)\n"),
    ])
    func theTextSaysWhatMatched(query: String, line: String) throws {
        let result = try Vaktaal.run(["lookup", query, "--vocabulary", fixturesFolder + "/EveryFeature"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(line), "\(result.standardOutput)")
    }

    @Test func languageAndLimitOptions() throws {
        let english = try Vaktaal.run(["lookup", "feed", "--lang", "en", "--limit", "1", "--format", "json"])
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(english.standardOutput.utf8)) as? [[String: Any]])
        #expect(matches.count == 1)
        #expect((matches[0]["prefLabels"] as? [String: String])?.keys.sorted() == ["en"])
    }

    @Test func nothingFoundIsExitOneWithSuggestions() throws {
        let result = try Vaktaal.run(["lookup", "begeleidingsvorm"])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("no concept found for 'begeleidingsvorm'; did you mean 'begeleidingsstijl'"))
        // As JSON: an empty list, so that a script parsing the output does not fail on nothing.
        let json = try Vaktaal.run(["lookup", "begeleidingsvorm", "--format", "json"])
        #expect(json.status == 1 && json.standardOutput == "[]\n")
    }

    /// `--lang` takes what the service's `lang` takes: an empty one is every language, and a
    /// tag of no language is an error.
    @Test func languageSelections() throws {
        #expect(try Vaktaal.run(["lookup", "mentor", "--lang", ""]).status == 0)
        #expect(try Vaktaal.run(["lookup", "mentor", "--lang", "NL, en"]).status == 0)
        #expect(try Vaktaal.run(["lookup", "mentor", "--lang", "ALL"]).status == 0)
        #expect(try Vaktaal.run(["lookup", "mentor", "--lang", "nl,all"]).status == 2)
        let refused = try Vaktaal.run(["lookup", "mentor", "--lang", "Dutch"])
        #expect(refused.status == 2 && refused.standardError.contains("--lang takes language tags"), "\(refused.standardError)")
    }

    @Test(arguments: [[""], ["   "], ["mentor", "--limit", "0"]])
    func badInputIsExitTwo(arguments: [String]) throws {
        let result = try Vaktaal.run(["lookup"] + arguments)
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("Error:"))
    }

    /// A file of a newer format may mean something else read as format 1: lookup and lint
    /// stop with the reason (exit 2), and only check reads on.
    @Test(arguments: [["lookup", "mentor"], ["lint", "-"]])
    func aVocabularyOfANewerFormatIsNotUsed(_ command: [String]) throws {
        let folder = try Vaktaal.folder(with: [
            "v/t.xml": """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="2" id="t" uri="https://example.org/t/" xml:lang="nl">
              <concept id="a"><prefLabel>werkplekbegeleider</prefLabel><deprecatedLabel>mentor</deprecatedLabel></concept>
            </vocabulary>
            """
        ])
        let result = try Vaktaal.run(command + ["--vocabulary", "v"], in: folder, input: "de mentor\n")
        #expect(result.status == 2 && result.standardOutput.isEmpty, "\(result.standardOutput)")
        #expect(result.standardError.contains("v/t.xml:1:46: error: [unsupported-format] format '2' is not supported"))
    }

    @Test func aVeryLongTermIsHandled() throws {
        let result = try Vaktaal.run(["lookup", String(repeating: "a", count: 10_000)])
        #expect(result.status == 1)
    }

    @Test func invalidUTF8OnTheCommandLineIsExitTwo() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" lookup \"$(printf 'mentor\\377')\"", Vaktaal.executable.path]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("not valid UTF-8"))
    }
}
