import VaktaalCore
import VaktaalText

/// The output formats of `vaktaal lint` and `vaktaal check`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// For people: `file:line:column: severity: message`.
    case text
    /// The JSON of the CLI contract.
    case json
    /// SARIF 2.1.0, for code scanning and editors.
    case sarif
    /// GitHub Actions workflow annotations.
    case github
    /// Checkstyle XML, for CI servers.
    case checkstyle
}

/// What a reporter renders: each file's findings, and the rules that could have found them.
public struct FindingReport: Sendable {
    /// The files in path order, each with its findings in line and column order.
    public let files: [FileFindings]
    /// The rules of the run (SARIF lists them in its driver).
    public let rules: [RuleDescriptor]

    /// A report of `files` found by `rules`.
    public init(files: [FileFindings], rules: [RuleDescriptor]) {
        self.files = files
        self.rules = rules
    }

    /// Whether a rule's findings are safe fixes.
    func canFix(_ rule: RuleID) -> Bool { rules.contains { $0.id == rule && $0.canFix } }
}

/// Renders findings in one output format. Output is deterministic: files in the order
/// given, findings in line and column order.
public protocol FindingReporter: Sendable {
    /// The format it writes.
    var format: ReportFormat { get }
    /// The whole report.
    func render(_ report: FindingReport, colored: Bool) -> String
    /// The whole report as UTF-8, handed to `output` in pieces as it is made (a report of a
    /// million findings is never one string).
    func write(_ report: FindingReport, colored: Bool, to output: (UnsafeRawBufferPointer) -> Void)
}

extension FindingReporter {
    public func write(_ report: FindingReport, colored: Bool, to output: (UnsafeRawBufferPointer) -> Void) {
        var text = render(report, colored: colored)
        text.withUTF8 { output(UnsafeRawBufferPointer($0)) }
    }
}

/// Every reporter; a test keeps the list complete.
public enum Reporters {
    /// One reporter per format.
    public static let all: [any FindingReporter] = [
        TextReporter(), JSONReporter(), SARIFReporter(), GitHubReporter(), CheckstyleReporter(),
    ]

    /// The reporter of a format.
    public static func reporter(for format: ReportFormat) -> any FindingReporter {
        all.first { $0.format == format } ?? TextReporter()
    }
}

/// Totals of a run.
public struct FindingSummary: Sendable, Equatable {
    public let files: Int
    public let errors: Int
    public let warnings: Int
    public let infos: Int

    /// Counts the findings of `files`.
    public init(_ files: [FileFindings]) {
        self.files = files.count
        var (errors, warnings, infos) = (0, 0, 0)
        for file in files {
            // By index: a finding passed from its array is looked at where it lies, not copied.
            for index in file.findings.indices {
                switch file.findings[index].severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
            }
        }
        (self.errors, self.warnings, self.infos) = (errors, warnings, infos)
    }
}

extension SourceLocation {
    /// Where the range ends: line and (exclusive) column.
    var endLine: Int { range.end.line }
    var endColumn: Int { range.end.column }
}
