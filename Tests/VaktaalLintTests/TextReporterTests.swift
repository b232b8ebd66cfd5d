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

    @Test func colourMarksTheSeverityAndTheUnderline() {
        let expected = """
            a.txt:1:4: \u{1B}[31merror\u{1B}[0m: tab [deprecated-term]
                De    mentor en    de feedback
                      \u{1B}[31m^~~~~~\u{1B}[0m

            """
        #expect(TextReporter().render(Self.report, colored: true).hasPrefix(expected))
    }
}
