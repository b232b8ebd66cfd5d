import VaktaalCore

/// The JSON of the CLI contract: `version`, `files` with their findings, `summary`.
struct JSONReporter: FindingReporter {
    let format = ReportFormat.json

    private struct Entry: Encodable {
        let rule: RuleID
        let severity: Severity
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let match: String?
        let replacement: String?
        let concept: String?
        let message: String

        init(_ finding: Finding) {
            rule = finding.rule
            severity = finding.severity
            (line, column) = (finding.place.start.line, finding.place.start.column)
            (endLine, endColumn) = (finding.place.end.line, finding.place.end.column)
            match = finding.match
            replacement = finding.replacement
            concept = finding.concept
            message = finding.message
        }
    }

    private struct File: Encodable {
        let path: String
        let findings: [Entry]
        let skipped: String?
    }

    private struct Summary: Encodable {
        let files: Int
        let errors: Int
        let warnings: Int
        let infos: Int
    }

    private struct Document: Encodable {
        let version = 1
        let files: [File]
        let summary: Summary
        /// The fixed text, when a service was asked to fix a document.
        let fixed: String?
    }

    func render(_ report: FindingReport, colored: Bool) -> String { Self.render(report, fixed: nil) }

    /// The report, with the fixed document when there is one (the service's `?fix=true`).
    static func render(_ report: FindingReport, fixed: String?) -> String {
        let summary = FindingSummary(report.files)
        let document = Document(
            files: report.files.map {
                File(path: $0.path, findings: $0.findings.map(Entry.init), skipped: $0.problem?.description)
            },
            summary: Summary(files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos),
            fixed: fixed)
        return JSONOutput.encode(document) + "\n"
    }
}

/// The JSON of `vaktaal lint --format json`, for callers that add the fixed text.
public enum LintJSON {
    /// The report as the CLI contract's JSON, with `fixed` when given.
    public static func render(_ report: FindingReport, fixed: String? = nil) -> String {
        JSONReporter.render(report, fixed: fixed)
    }
}
