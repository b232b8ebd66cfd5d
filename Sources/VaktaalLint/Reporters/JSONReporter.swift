import VaktaalCore

/// The JSON of the CLI contract: `version`, `files` with their findings, `summary`.
struct JSONReporter: LintReporter {
    let name = "json"

    private struct File: Encodable {
        let path: String
        let findings: [LintFinding]
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
    }

    func render(_ results: [LintFileResult], colored: Bool) -> String {
        let summary = LintSummary(results)
        let document = Document(
            files: results.map { File(path: $0.path, findings: $0.findings, skipped: $0.problem) },
            summary: Summary(files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos))
        return try! JSONOutput.encode(document) + "\n"
    }
}
