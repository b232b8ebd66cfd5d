import Testing
import VaktaalCore
import VaktaalText

/// A file's findings kept by severity (`--min-severity`) or by any test: the findings at or
/// above it in their order, with everything else of the file; all of them kept, the file as
/// it was.
@Suite struct FileFindingsTests {
    static func finding(_ severity: Severity, line: Int) -> Finding {
        Finding(
            rule: "deprecated-term", severity: severity, message: "\(severity) on \(line)",
            location: SourceLocation(path: "a.txt", line: line, column: 1))
    }

    static let file = FileFindings(
        path: "a.txt", findings: [finding(.info, line: 1), finding(.error, line: 2), finding(.warning, line: 3)],
        lineTexts: [1: "een", 2: "twee", 3: "drie"], notices: ["a.txt:1: note"])

    @Test(arguments: [
        (Severity.info, ["info on 1", "error on 2", "warning on 3"]), (.warning, ["error on 2", "warning on 3"]),
        (.error, ["error on 2"]),
    ])
    func keepingASeverityKeepsThoseAtOrAboveIt(minimum: Severity, messages: [String]) {
        let kept = Self.file.keeping(severity: minimum)
        #expect(kept.findings.map(\.message) == messages)
        #expect(kept.findings == Self.file.filter { $0.severity >= minimum }.findings)
        #expect(kept.path == "a.txt" && kept.lineTexts == Self.file.lineTexts && kept.notices == ["a.txt:1: note"])
    }

    @Test func aTestThatKeepsNothingLeavesTheFileWithoutFindings() {
        let none = Self.file.filter { _ in false }
        #expect(none.findings.isEmpty && none.path == "a.txt" && none.lineTexts == Self.file.lineTexts)
    }
}
