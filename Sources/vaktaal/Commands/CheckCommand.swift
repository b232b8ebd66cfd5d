import ArgumentParser
import VaktaalCore
import VaktaalLint

/// `vaktaal check`: validates the vocabulary folder.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the vocabulary: the rules of the format as errors, quality advice as warnings.",
        discussion: """
            Every problem in every file is listed, as file:line:column: severity: [rule] message \
            (or as JSON, SARIF, GitHub annotations or Checkstyle XML, like lint).
            Exit codes: 0 valid (warnings allowed), 1 errors, 2 a file could not be read as XML.

            Example:
              vaktaal check --vocabulary Vocabulary --format sarif
            """
    )

    @OptionGroup var vocabularyOptions: VocabularyOptions

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    func run() throws {
        let loaded = try vocabularyOptions.load()
        let report = CheckReport(loaded)
        switch format {
        case .text:
            print(report.text, terminator: "")
            for finding in report.findings where finding.rule == ReaderRule.malformedXML.id {
                printError(finding.description)
            }
        case .json:
            print(report.json)
        case .sarif, .github, .checkstyle:
            let folder = (try? vocabularyOptions.location()).flatMap { if case .path(let path) = $0 { path } else { nil } }
            let files = report.findingsByFile(folder: folder ?? "Vocabulary")
            let rendered = Reporters.reporter(for: format).render(
                FindingReport(files: files, rules: CheckReport.rules), colored: false)
            print(rendered, terminator: "")
        }
        if report.hasUnreadableFiles { throw ExitCode(2) }
        if report.errors > 0 { throw ExitCode(1) }
    }
}
