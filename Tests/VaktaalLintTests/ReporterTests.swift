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
