import Foundation
import Testing
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalLint

/// Reporters against golden files (`VAKTAAL_RECORD=1 swift test` writes them anew).
@Suite struct ReporterTests {
    static let sample =
        "De Mentor en de student.\nDe aankomend leraar leert 😀 met VT.\r\nIPABO & feedbackgeletterheid \"quoted\".\n"

    static var results: FindingReport {
        let first = dutchLinter.lint(Array(sample.utf8), path: "docs/intro.txt", format: .text)
        let skipped = FileFindings(path: "docs/logo.png", findings: [], problem: .binary)
        return FindingReport(files: [first, skipped], rules: Linter.ruleDescriptors)
    }

    @Test(arguments: ReportFormat.allCases)
    func matchesTheGoldenFile(_ format: ReportFormat) throws {
        let name = format.rawValue
        let reporter = Reporters.reporter(for: format)
        let output = reporter.render(Self.results, colored: false)
        let path = repositoryRoot + "/Tests/VaktaalLintTests/Golden/report.\(name)"
        if ProcessInfo.processInfo.environment["VAKTAAL_RECORD"] != nil {
            try output.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(output == golden)
    }

    /// Reports whose SARIF is compared with what `JSONSerialization` writes of it: findings in
    /// text and office documents, skipped files with quotes, backslashes, control characters
    /// and letters beyond ASCII in their names, and nothing at all.
    static var sarifReports: [FindingReport] {
        get throws {
            let office = dutchLinter.lint(try officeFixture("presentation.pptx"), path: "slides.pptx", format: .pptx)
            let skipped = FileFindings(path: "map/\"ö\"\\x\u{01}\t😀.txt", findings: [], problem: .notUTF8(offset: 3))
            return [
                results, FindingReport(files: [office, skipped], rules: Linter.ruleDescriptors),
                FindingReport(files: [skipped], rules: Linter.ruleDescriptors), FindingReport(files: [], rules: []),
            ]
        }
    }

    /// The SARIF reporter writes JSON itself: the layout, key order and escapes are exactly
    /// those of `JSONSerialization` pretty-printing the same tree with sorted keys.
    @Test func sarifIsWhatJSONSerializationWritesOfIt() throws {
        for report in try Self.sarifReports {
            let output = Reporters.reporter(for: .sarif).render(report, colored: false)
            let tree = try JSONSerialization.jsonObject(with: Data(output.utf8))
            let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let again = try JSONSerialization.data(withJSONObject: tree, options: options)
            #expect(String(decoding: again, as: UTF8.self) + "\n" == output)
        }
    }

    /// Written in pieces, the SARIF is the rendered text.
    @Test func sarifWrittenInPiecesIsTheRenderedText() throws {
        let reporter = SARIFReporter(pieceSize: 64)
        for report in try Self.sarifReports {
            var pieces = 0
            var written: [UInt8] = []
            reporter.write(report, colored: false) {
                written += $0
                pieces += 1
            }
            #expect(String(decoding: written, as: UTF8.self) == reporter.render(report, colored: false))
            #expect(pieces > 1 || report.files.allSatisfy(\.findings.isEmpty))
        }
    }

    /// A long line (minified HTML, a paragraph per line, a repeated sentence) is shown as a
    /// window around each match: the output grows with the findings, not with the line.
    @Test(arguments: [0, 3, 500, 5_000])
    func aLongLineIsShownAsAWindowAroundTheMatch(repeats: Int) throws {
        let filler = String(repeating: "Het gaat goed met de student, 😀 echt\t waar. ", count: repeats)
        let line = filler + "De mentor helpt. " + filler
        let result = dutchLinter.lint(Array((line + "\n").utf8), path: "long.txt", format: .text)
        let report = FindingReport(files: [result], rules: Linter.ruleDescriptors)
        let output = Reporters.reporter(for: .text).render(report, colored: false)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shown = try #require(lines.firstIndex { $0.contains("mentor helpt") })
        let caret = lines[shown + 1]
        #expect(lines.allSatisfy { $0.unicodeScalars.count < 300 || repeats < 5 }, "\(output.prefix(500))")
        // The caret stands under the match as a terminal shows the line: the emoji take two columns.
        let blanks = try #require(caret.firstIndex(of: "^")).utf16Offset(in: caret)
        let before = try #require(lines[shown].range(of: "mentor helpt")).lowerBound
        let emoji = lines[shown][..<before].count { $0 == "😀" }
        #expect(blanks == lines[shown][..<before].unicodeScalars.count + emoji)
        #expect(caret.hasSuffix("^~~~~~"))
        #expect(lines[shown].hasPrefix("    …") == (repeats >= 3))
    }

    /// A long first line that starts with a byte order mark: the mark is not shown, and the
    /// caret still stands under the match, coloured on a terminal.
    @Test(arguments: [false, true])
    func aLongLineAfterAByteOrderMarkKeepsItsCaret(colored: Bool) throws {
        let line = "\u{FEFF}De mentor\tkomt. " + String(repeating: "Het gaat goed met de student. ", count: 20)
        let result = dutchLinter.lint(Array((line + "\n").utf8), path: "bom.txt", format: .text)
        let output = Reporters.reporter(for: .text).render(
            FindingReport(files: [result], rules: Linter.ruleDescriptors), colored: colored)
        let lines = output.split(separator: "\n").map(String.init)
        let shown = try #require(lines.firstIndex { $0.contains("mentor    komt") })
        #expect(!lines[shown].unicodeScalars.contains("\u{FEFF}"))
        let caret = lines[shown + 1].replacingOccurrences(of: "\u{1B}[31m", with: "")
        let offset = try #require(Array(caret.unicodeScalars).firstIndex(of: "^"))
        #expect(String(String.UnicodeScalarView(Array(lines[shown].unicodeScalars)[offset...])).hasPrefix("mentor"))
        #expect(caret.hasSuffix("^~~~~~") || caret.hasSuffix("^~~~~~\u{1B}[0m"))
        #expect(lines[shown + 1].contains("\u{1B}[") == colored)
    }

    /// A long ASCII line and the same line with a character of two bytes before and after the
    /// match show the same window, counted in characters.
    @Test func aLongLinesWindowCountsCharactersNotBytes() throws {
        func window(_ line: String) throws -> [String] {
            let result = dutchLinter.lint(Array((line + "\n").utf8), path: "long.txt", format: .text)
            let output = Reporters.reporter(for: .text).render(
                FindingReport(files: [result], rules: Linter.ruleDescriptors), colored: false)
            let lines = output.split(separator: "\n").map(String.init)
            let shown = try #require(lines.firstIndex { $0.contains("mentor kom") })
            return [lines[shown], lines[shown + 1]]
        }
        let filler = String(repeating: "abc ", count: 40)
        let ascii = try window(filler + "De mentor komt. " + filler)
        let accented = try window(filler + "Dé mentor komé. " + filler)
        #expect(ascii[0].count == accented[0].count && ascii[1] == accented[1])
        #expect(ascii[0].hasPrefix("    …") && ascii[0].hasSuffix("…") && ascii[1].hasSuffix("^~~~~~"))
    }

    /// The caret stands under the match as a terminal shows the line: a wide (CJK) character
    /// or an emoji before it takes two columns, a combining accent none, a tab four; and a wide
    /// match is underlined over its columns.
    @Test(arguments: [
        ("学生 de mentor komt.", 8, 6), ("😀 de mentor komt.", 6, 6), ("Ge\u{301}e\u{301}n mentor.", 5, 6),
        ("\tde mentor komt.", 7, 6), ("Het 学生 en de mentor.", 15, 6), ("de mentor", 3, 6),
    ])
    func theCaretStandsUnderTheMatchAsATerminalShowsIt(line: String, blanks: Int, width: Int) throws {
        let result = dutchLinter.lint(Array((line + "\n").utf8), path: "wide.txt", format: .text)
        let output = Reporters.reporter(for: .text).render(
            FindingReport(files: [result], rules: Linter.ruleDescriptors), colored: false)
        let lines = output.split(separator: "\n").map(String.init)
        let shown = try #require(lines.firstIndex { $0.hasPrefix("    ") && $0.contains("mentor") })
        let caret = lines[shown + 1]
        #expect(caret == String(repeating: " ", count: 4 + blanks) + "^" + String(repeating: "~", count: width - 1), "\(output)")
    }

    /// Written out in pieces, a report is the same as rendered whole.
    @Test(arguments: ReportFormat.allCases)
    func aReportWrittenInPiecesIsTheWholeReport(_ format: ReportFormat) {
        let text = String(repeating: "de mentor en de feedbackgeletterheid\n", count: 100)
        let result = dutchLinter.lint(Array(text.utf8), path: "many.txt", format: .text)
        let report = FindingReport(files: [result], rules: Linter.ruleDescriptors)
        let reporter: any FindingReporter =
            switch format {
            case .json: JSONReporter(pieceSize: 4096)
            case .text: TextReporter(pieceSize: 4096)
            default: Reporters.reporter(for: format)
            }
        var pieces: [[UInt8]] = []
        reporter.write(report, colored: false) { pieces.append(Array($0)) }
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == reporter.render(report, colored: false))
        if format == .json || format == .text { #expect(pieces.count > 4) }
    }

    @Test func everyReporterIsRegisteredOnce() {
        let names = Reporters.all.map(\.format.rawValue)
        #expect(names == ["text", "json", "sarif", "github", "checkstyle"])
    }

    @Test func jsonFollowsTheCLIContract() throws {
        let output = Reporters.reporter(for: .json).render(Self.results, colored: false)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let files = try #require(document["files"] as? [[String: Any]])
        let finding = try #require((files[0]["findings"] as? [[String: Any]])?.first)
        #expect(
            Set(finding.keys) == [
                "rule", "severity", "line", "column", "endLine", "endColumn", "match", "replacement", "concept", "message",
            ])
        #expect(finding["rule"] as? String == "deprecated-term" && finding["line"] as? Int == 1 && finding["column"] as? Int == 4)
        #expect(finding["endColumn"] as? Int == 10 && finding["replacement"] as? String == "Werkplekbegeleider")
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["files": 2, "errors": 3, "warnings": 1, "infos": 1])
    }

    @Test func outputIsDeterministic() {
        for reporter in Reporters.all {
            #expect(reporter.render(Self.results, colored: false) == reporter.render(Self.results, colored: false))
        }
    }

    @Test func colourOnlyWhenAsked() {
        let text = Reporters.reporter(for: .text)
        #expect(!text.render(Self.results, colored: false).contains("\u{1B}["))
        #expect(text.render(Self.results, colored: true).contains("\u{1B}[31merror\u{1B}[0m"))
    }
}

/// GitHub workflow commands reserve `%`, line breaks, and in properties `:` and `,`.
@Suite struct GitHubEscapingTests {
    @Test(arguments: [
        ("plain text", "plain text", "plain text"),
        ("50% af", "50%25 af", "50%25 af"),
        ("a\r\nb\nc", "a%0D%0Ab%0Ac", "a%0D%0Ab%0Ac"),
        ("docs/a:b,c.txt", "docs/a:b,c.txt", "docs/a%3Ab%2Cc.txt"),
        ("é%:😀,\n", "é%25:😀,%0A", "é%25%3A😀%2C%0A"),
        ("", "", ""),
    ])
    func reservedCharactersAreEscaped(_ text: String, _ message: String, _ property: String) {
        #expect(GitHubReporter.data(text) == message)
        #expect(GitHubReporter.property(text) == property)
    }
}
