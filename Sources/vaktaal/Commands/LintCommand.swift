import ArgumentParser
import Foundation
import VaktaalCore
import VaktaalLint
import VaktaalText

extension DocumentFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `vaktaal lint`: checks documents for outdated, misspelled and inconsistent terms.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check texts for outdated, misspelled and inconsistent terms, and fix them.",
        discussion: """
            Reads plain text, Markdown, HTML, Word (.docx), PowerPoint (.pptx) and OpenDocument \
            (.odt, .odp) files (by extension; --input-format overrides); folders are walked \
            recursively, '-' reads standard input. In office documents findings name the slide \
            or page and the paragraph, and --fix rewrites only the runs a term is in. Settings \
            come from the nearest .vaktaal.toml up from each file. Inline control: \
            vaktaal-disable, vaktaal-enable and vaktaal-disable-next-line [rules] in comments \
            (or on a line of plain text).
            Exit codes: 0 nothing at or above --min-severity; 1 findings; 2 usage error or a file \
            that could not be read (the others are still linted).

            Examples:
              vaktaal lint docs/
              vaktaal lint --fix handleiding.md
              vaktaal lint --fix presentatie.pptx verslag.docx
              cat tekst.txt | vaktaal lint - --format json
            """
    )

    @Argument(help: "Files or folders to lint; '-' for standard input.")
    var paths: [String]

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Flag(help: "Replace outdated terms and misspellings in place (on standard input: print the fixed text).")
    var fix = false

    @Option(name: .customLong("min-severity"), help: "Report only findings at or above: error, warning or info.")
    var minSeverity: Severity = .info

    @Option(help: "The documents' language (e.g. nl or nl,en); 'all' applies every language.")
    var lang: String?

    @Option(
        name: .customLong("input-format"),
        help: "Read every input as: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var inputFormat: DocumentFormat?

    @Flag(name: .customLong("alt-text"), help: "In office documents, lint the descriptions of images too.")
    var altText = false

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func validate() throws {
        if let lang, let problem = LintOptions.Languages.choiceProblem(lang) { throw ValidationError("--lang \(problem)") }
        if fix, paths.contains("-"), paths != ["-"] {
            throw ValidationError("--fix writes the fixed standard input to standard output: give - alone")
        }
    }

    func run() throws {
        let run = try vocabularyOptions.lintRun(
            LintRun.Options(
                fix: fix, language: lang, inputFormat: inputFormat, minimumSeverity: minSeverity, includesAltText: altText,
                quotesText: format == .text, leavesMemoryToExit: true))
        if paths == ["-"] {
            try lintStandardInput(run)
            return
        }
        for ignored in run.ignoredFiles(among: paths) {
            printError("\(ignored): not linted: the configuration's ignore leaves it out")
        }
        // `-` among files is standard input, in its place (once).
        guard let dash = paths.firstIndex(of: "-") else { return try report(run.lint(paths, progress: ProgressLine.callback())) }
        let before = try run.lint(Array(paths[..<dash]))
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let piped = try run.lint(document: bytes, named: "-", configurationFolder: FileManager.default.currentDirectoryPath)
        // A file named on both sides of `-` (`a.txt - ./a.txt`) is linted once, as among files.
        func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        let lintedBefore = Set(before.map { standardized($0.path) })
        let after = try run.lint(paths[(dash + 1)...].filter { $0 != "-" && !lintedBefore.contains(standardized($0)) })
        try report(before + [piped.findings] + after, standardInput: bytes)
    }

    /// The line of standard error for a file skipped for `problem`: for text that is not
    /// UTF-8, with the line and column of the first byte that is not.
    ///
    /// - Parameter standardInput: The bytes read from standard input, for the path `-`.
    static func skipped(_ path: String, _ problem: DocumentProblem, standardInput: [UInt8]? = nil) -> String {
        guard case .notUTF8(let offset) = problem,
            let head = path == "-" ? standardInput.map({ Array($0.prefix(offset)) }) : Self.start(of: path, count: offset),
            head.count == offset
        else { return "\(path): skipped: \(problem)" }
        let position = head.withUnsafeBufferPointer { bytes in
            var lines = LineIndex(bytes: bytes)
            return lines.position(at: offset)
        }
        return "\(path):\(position.line):\(position.column): error: \(problem) (byte \(offset)), skipped"
    }

    /// The first `count` bytes of the file at `path`, or fewer.
    private static func start(of path: String, count: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)).map { [UInt8]($0) }
    }

    private func lintStandardInput(_ run: LintRun) throws {
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let (result, fixed) = try run.lint(
            document: bytes, named: "-", configurationFolder: FileManager.default.currentDirectoryPath)
        guard let fixed else {
            try report([result], standardInput: bytes)
            return
        }
        FileHandle.standardOutput.write(Data(fixed))
        for notice in result.notices { printError(notice) }
        if let problem = result.problem {
            printError(Self.skipped("-", problem, standardInput: bytes))
            throw ExitCode(2)
        }
        // Standard output holds the text: what no fix could settle is said on standard error.
        for finding in result.findings { printError(finding.description) }
        if !result.findings.isEmpty { throw ExitCode(1) }
    }

    private func report(_ results: [FileFindings], standardInput: [UInt8]? = nil) throws {
        let report = FindingReport(files: results, rules: Linter.ruleDescriptors)
        // The command exits once it has reported: the findings are left to the end of the
        // process, not freed one by one (at 100k concepts, 75k findings: 35 M instructions).
        defer { BackgroundRelease.keepUntilExit(report) }
        let colored = format == .text && standardOutputTakesColour
        Reporters.reporter(for: format).write(report, colored: colored, to: writeToStandardOutput)
        for result in results { for notice in result.notices { printError(notice) } }
        if results.contains(where: { $0.problem != nil }) {
            // Whatever the report's format, each skipped file is said on standard error too.
            for result in results {
                if let problem = result.problem { printError(Self.skipped(result.path, problem, standardInput: standardInput)) }
            }
            throw ExitCode(2)
        }
        if results.contains(where: { !$0.findings.isEmpty }) { throw ExitCode(1) }
    }
}
