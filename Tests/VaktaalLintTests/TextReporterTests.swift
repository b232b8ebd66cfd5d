import Testing
import VaktaalCore
import VaktaalText

@testable import VaktaalLint

/// The text report shows the line of each finding with its tabs as four spaces and a caret
/// under the match: one blank for each character before it, four for a tab; a match that
/// runs onto the next line is underlined to the end of its first line.
@Suite struct TextReporterTests {
    static func finding(_ message: String, from start: (Int, Int), to end: (Int, Int)) -> Finding {
        let range = SourceRange(
            start: SourcePosition(line: start.0, column: start.1), end: SourcePosition(line: end.0, column: end.1))
        return Finding(
            rule: "deprecated-term", severity: .error, message: message, location: SourceLocation(path: "a.txt", range: range))
    }

    static let report = FindingReport(
        files: [
            FileFindings(
                path: "a.txt",
                findings: [finding("tab", from: (1, 4), to: (1, 10)), finding("two lines", from: (2, 5), to: (3, 3))],
                lineTexts: [1: "De\tmentor en\tde feedback", 2: "één\tmentor"])
        ], rules: Linter.ruleDescriptors)

    @Test func tabsAndCharactersBeforeTheMatchAndAMatchOverTwoLines() {
        let expected = """
            a.txt:1:4: error: tab [deprecated-term]
                De    mentor en    de feedback
                      ^~~~~~
            a.txt:2:5: error: two lines [deprecated-term]
                één    mentor
                       ^~~~~~

            """
        #expect(TextReporter().render(Self.report, colored: false).hasPrefix(expected))
    }

    /// A file with more findings than two blocks is written block by block on all cores, each
    /// block finding its lines on its own: as each finding is written alone, in order.
    @Test func aFileOfManyFindingsIsWrittenInBlocksAsOneByOne() {
        let count = 2 * FindingBlocks.size + 77
        let lineTexts = Dictionary(uniqueKeysWithValues: (1...count / 3 + 1).map { ($0, "Regel \($0):\tde mentor") })
        let findings = (0..<count).map { index in
            Self.finding("finding \(index)", from: (index / 3 + 1, 10 + index % 3), to: (index / 3 + 1, 16))
        }
        func report(_ findings: [Finding], lines: [Int: String]) -> FindingReport {
            FindingReport(files: [FileFindings(path: "a.txt", findings: findings, lineTexts: lines)], rules: [])
        }
        let summary = "\(count) errors, 0 warnings, 0 infos in 1 file\n"
        let oneByOne = findings.map { finding in
            let line = finding.place.start.line
            return TextReporter().render(report([finding], lines: [line: lineTexts[line]!]), colored: false)
                .dropLast("1 error, 0 warnings, 0 infos in 1 file\n".count)
        }.joined()
        var pieces: [UInt8] = []
        TextReporter().write(report(findings, lines: lineTexts), colored: false) { pieces.append(contentsOf: $0) }
        #expect(String(decoding: pieces, as: UTF8.self) == oneByOne + summary)
        #expect(TextReporter().render(report(findings, lines: lineTexts), colored: false) == oneByOne + summary)
    }

    @Test func colourMarksTheSeverityAndTheUnderline() {
        let expected = """
            a.txt:1:4: \u{1B}[31merror\u{1B}[0m: tab [deprecated-term]
                De    mentor en    de feedback
                      \u{1B}[31m^~~~~~\u{1B}[0m

            """
        #expect(TextReporter().render(Self.report, colored: true).hasPrefix(expected))
    }
}
