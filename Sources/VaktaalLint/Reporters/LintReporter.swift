import VaktaalCore

/// Renders lint results in one output format. Output is deterministic: files in path
/// order, findings in line and column order.
public protocol LintReporter: Sendable {
    /// The `--format` name.
    var name: String { get }
    /// The whole report.
    func render(_ results: [LintFileResult], colored: Bool) -> String
}

/// Every reporter; a test keeps the list complete.
public enum LintReporters {
    public static let all: [any LintReporter] = [
        TextReporter(), JSONReporter(), SARIFReporter(), GitHubReporter(), CheckstyleReporter(),
    ]

    public static func reporter(named name: String) -> (any LintReporter)? { all.first { $0.name == name } }
}

/// Totals of a run.
struct LintSummary {
    let files: Int
    let errors: Int
    let warnings: Int
    let infos: Int

    init(_ results: [LintFileResult]) {
        files = results.count
        let findings = results.flatMap(\.findings)
        errors = findings.count { $0.severity == .error }
        warnings = findings.count { $0.severity == .warning }
        infos = findings.count { $0.severity == .info }
    }
}
