import Foundation
import Testing
import VaktaalCore
import VaktaalText

@testable import VaktaalLint

/// The JSON reporter writes its text directly; it must stay byte for byte what `JSONEncoder`
/// would write for the same report, for every kind of string.
@Suite struct JSONReporterTests {
    private struct Entry: Encodable {
        let rule: String, severity: String, line: Int, column: Int, endLine: Int, endColumn: Int
        let match: String?, replacement: String?, concept: String?, message: String
    }
    private struct File: Encodable {
        let path: String
        let findings: [Entry]
        let skipped: String?
    }
    private struct Summary: Encodable { let files: Int, errors: Int, warnings: Int, infos: Int }
    private struct Document: Encodable {
        let version = 1
        let files: [File]
        let summary: Summary
        let fixed: String?
    }

    static let strings = [
        "plain", "quote \" and backslash \\", "slash / and url https://x.nl/a", "line\nbreak\r\ttab", "\u{1}\u{1F}\u{7F}",
        "é ü 😀 \u{2028} \u{FEFF}", "", "\u{8}\u{C}",
    ]

    @Test(arguments: strings)
    func writesWhatJSONEncoderWrites(_ text: String) throws {
        let location = SourceLocation(
            path: text, range: SourceRange(start: .init(line: 2, column: 3), end: .init(line: 2, column: 9), bytes: 0..<1))
        let finding = Finding(
            rule: "deprecated-term", severity: .warning, message: text, location: location, concept: text, match: text,
            fix: Fix(replacement: text, range: location.range))
        let bare = Finding(rule: "inconsistent-term", severity: .info, message: "m", location: location)
        let files = [
            // Each met twice: written as it stands, then from what was kept of its record.
            FileFindings(path: text, findings: [finding, bare, finding, bare]),
            FileFindings(path: "empty", findings: [], problem: .binary),
        ]
        let written = JSONReporter.render(FindingReport(files: files, rules: []), fixed: text)
        let entries = [
            Entry(
                rule: "deprecated-term", severity: "warning", line: 2, column: 3, endLine: 2, endColumn: 9, match: text,
                replacement: text, concept: text, message: text),
            Entry(
                rule: "inconsistent-term", severity: "info", line: 2, column: 3, endLine: 2, endColumn: 9, match: nil,
                replacement: nil, concept: nil, message: "m"),
        ]
        let document = Document(
            files: [
                File(path: text, findings: entries + entries, skipped: nil),
                File(path: "empty", findings: [], skipped: DocumentProblem.binary.description),
            ],
            summary: Summary(files: 2, errors: 0, warnings: 2, infos: 2), fixed: text)
        #expect(written == JSONOutput.encode(document) + "\n")
    }

    @Test func aReportWithoutFilesIsStillTheContractsShape() {
        let written = JSONReporter.render(FindingReport(files: [], rules: []), fixed: nil)
        let document = Document(files: [], summary: Summary(files: 0, errors: 0, warnings: 0, infos: 0), fixed: nil)
        #expect(written == JSONOutput.encode(document) + "\n")
    }

    /// Findings that share what they say are written as findings that do not: the same JSON
    /// as their copies made one by one, and a shared finding changed afterwards says its own.
    @Test func sharedFindingsAreWrittenAsTheirCopies() throws {
        let text = String(repeating: "De mentor en de feedbackgeletterheid.\n", count: 5) + "De Mentor.\n"
        let linted = dutchLinter.lint(Array(text.utf8), path: "many.txt", format: .text)
        #expect(linted.findings.count == 11 && Set(linted.findings.map(\.saidIdentity)).count == 3)
        var copies = linted.findings.map { finding in
            Finding(
                rule: finding.rule, severity: finding.severity, message: finding.message, location: finding.location,
                concept: finding.concept, match: finding.match, fix: finding.fix, documentPlace: finding.documentPlace)
        }
        func json(_ findings: [Finding]) -> String {
            LintJSON.render(FindingReport(files: [FileFindings(path: "many.txt", findings: findings)], rules: []))
        }
        #expect(json(copies) == json(linted.findings))
        var changed = linted.findings
        changed[4].message = "changed"
        copies[4].message = "changed"
        #expect(json(changed) == json(copies) && json(changed).contains("changed"))
        #expect(changed[2].message == linted.findings[2].message)
    }

    /// A file with more findings than two blocks is written block by block on all cores: as
    /// `JSONEncoder` writes it, handed out in pieces or made whole, findings that share what
    /// they say across blocks included.
    @Test func aFileOfManyFindingsIsWrittenInBlocksAsOneByOne() throws {
        // More blocks than one window, on any number of cores.
        let count = (Parallel.coreCount + 1) * FindingBlocks.size + 123
        let said = (0..<3).map { index in
            CopyOnWriteBox(
                Finding.Said(
                    rule: "deprecated-term", severity: .error, message: "'mentor \(index)' is \"outdated\"", path: "a.txt",
                    concept: "https://example.org/c\(index)", match: "mentor \(index)", replacement: "wpb/\(index)"))
        }
        let findings = (0..<count).map { index in
            Finding(
                sharing: said[index % 3],
                range: SourceRange(start: .init(line: index + 1, column: 2), end: .init(line: index + 1, column: 8)),
                documentPlace: nil)
        }
        let report = FindingReport(files: [FileFindings(path: "a.txt", findings: findings)], rules: [])
        let entries = findings.map { finding in
            Entry(
                rule: "deprecated-term", severity: "error", line: finding.place.start.line, column: 2,
                endLine: finding.place.start.line, endColumn: 8, match: finding.match, replacement: finding.replacement,
                concept: finding.concept, message: finding.message)
        }
        let expected =
            JSONOutput.encode(
                Document(
                    files: [File(path: "a.txt", findings: entries, skipped: nil)],
                    summary: Summary(files: 1, errors: count, warnings: 0, infos: 0), fixed: nil)) + "\n"
        #expect(JSONReporter.render(report, fixed: nil) == expected)
        var pieces: [UInt8] = []
        var reporter = JSONReporter()
        reporter.pieceSize = 4096
        reporter.write(report, colored: false) { pieces.append(contentsOf: $0) }
        #expect(String(decoding: pieces, as: UTF8.self) == expected)
    }

    /// The same word split by markup and written whole are one variant, but only the whole one
    /// can be fixed: they do not share what they say.
    @Test func aTermSplitByMarkupSharesNothingWithTheSameTermWhole() {
        let html = "<p>De <em>ment</em>or en de mentor en de mentor.</p>"
        let findings = dutchLinter.lint(Array(html.utf8), path: "t.html", format: .html).findings
        #expect(findings.map(\.match) == ["mentor", "mentor", "mentor"])
        #expect(findings.map(\.replacement) == [nil, "werkplekbegeleider", "werkplekbegeleider"])
        #expect(findings[0].saidIdentity != findings[1].saidIdentity && findings[1].saidIdentity == findings[2].saidIdentity)
        #expect(findings[0].message == findings[1].message)
    }
}
