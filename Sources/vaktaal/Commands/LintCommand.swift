import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import VaktaalConfig
import VaktaalCore
import VaktaalLint

extension DocumentFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `vaktaal lint`: checks documents for outdated, misspelled and inconsistent terms.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check texts for outdated, misspelled and inconsistent terms, and fix them.",
        discussion: """
            Reads plain text, Markdown and HTML (by extension; --input-format overrides); folders \
            are walked recursively, '-' reads standard input. Settings come from the nearest \
            .vaktaal.toml up from each file. Inline control: vaktaal-disable, vaktaal-enable and \
            vaktaal-disable-next-line [rules] in comments (or on a line of plain text).
            Exit codes: 0 nothing at or above --min-severity; 1 findings; 2 usage error or a file \
            that could not be read (the others are still linted).

            Examples:
              vaktaal lint docs/
              vaktaal lint --fix handleiding.md
              cat tekst.txt | vaktaal lint - --format json
            """
    )

    @Argument(help: "Files or folders to lint; '-' for standard input.")
    var paths: [String]

    @Option(help: "Output format: \(LintReporters.all.map(\.name).joined(separator: ", ")).")
    var format: String = "text"

    @Flag(help: "Replace outdated terms and misspellings in place (on standard input: print the fixed text).")
    var fix = false

    @Option(name: .customLong("min-severity"), help: "Report only findings at or above: error, warning or info.")
    var minSeverity: Severity = .info

    @Option(help: "The documents' language (e.g. nl or nl,en); 'all' applies every language.")
    var lang: String?

    @Option(name: .customLong("input-format"), help: "Read every input as: text, markdown or html.")
    var inputFormat: DocumentFormat?

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func validate() throws {
        if LintReporters.reporter(named: format) == nil {
            throw ValidationError("unknown --format '\(format)': use \(LintReporters.all.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        let loaded = try vocabularyOptions.load()
        if loaded.hasUnreadableFiles {
            loaded.diagnostics.filter { $0.severity == .error }.forEach { printError($0.description) }
            throw ExitCode(2)
        }
        let settings = LintSettings(set: loaded.set, language: lang)
        if paths == ["-"] {
            try lintStandardInput(settings)
            return
        }
        let files = DocumentWalker.files(for: paths) { path in settings.isIgnored(path) }
        let results = try lint(files, settings)
        report(results)
    }

    private func lint(_ files: [String], _ settings: LintSettings) throws -> [LintFileResult] {
        let slots = Mutex([LintFileResult?](repeating: nil, count: files.count))
        let progress = Progress(total: files.count)
        let failureLock = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let path = files[index]
            do {
                let result = try lintFile(path, settings)
                slots.withLock { $0[index] = result }
            } catch {
                failureLock.withLock { first in
                    if first == nil { first = error }
                }
            }
            progress.step()
        }
        progress.finish()
        if let failure = failureLock.withLock({ $0 }) { throw failure }
        return slots.withLock { $0.compactMap { $0 } }
    }

    private func lintFile(_ path: String, _ settings: LintSettings) throws -> LintFileResult {
        guard let bytes = FileBytes.read(path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return LintFileResult(path: path, findings: [], problem: exists ? "cannot be read" : "no such file or folder")
        }
        let linter = try settings.linter(for: path)
        let format = inputFormat ?? DocumentFormat(path: path)
        var result = linter.lint(bytes, path: path, format: format)
        if fix, result.problem == nil {
            let (fixed, applied) = Fixer.apply(result.findings, to: bytes, format: format)
            if applied > 0 {
                do {
                    try AtomicFile.write(fixed, to: path)
                } catch {
                    return LintFileResult(path: path, findings: result.findings, problem: error.description)
                }
                result = linter.lint(fixed, path: path, format: format)
            }
        }
        return filtered(result)
    }

    private func lintStandardInput(_ settings: LintSettings) throws {
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let linter = try settings.linter(for: FileManager.default.currentDirectoryPath + "/-")
        let format = inputFormat ?? .text
        let result = linter.lint(bytes, path: "-", format: format)
        if fix {
            let fixed = result.problem == nil ? Fixer.apply(result.findings, to: bytes, format: format).bytes : bytes
            FileHandle.standardOutput.write(Data(fixed))
            if result.problem != nil {
                printError("-: skipped: \(result.problem!)")
                throw ExitCode(2)
            }
            return
        }
        report([filtered(result)])
    }

    private func filtered(_ result: LintFileResult) -> LintFileResult {
        LintFileResult(
            path: result.path, findings: result.findings.filter { $0.severity >= minSeverity }, problem: result.problem,
            lineTexts: result.lineTexts)
    }

    private func report(_ results: [LintFileResult]) {
        let reporter = LintReporters.reporter(named: format)!
        print(reporter.render(results, colored: format == "text" && standardOutputIsTerminal), terminator: "")
        if results.contains(where: { $0.problem != nil }) {
            if format != "text" {
                for result in results where result.problem != nil { printError("\(result.path): skipped: \(result.problem!)") }
            }
            Foundation.exit(2)
        }
        if results.contains(where: { !$0.findings.isEmpty }) { Foundation.exit(1) }
    }
}

/// A progress line on standard error, for long runs on a terminal only.
final class Progress: Sendable {
    private let total: Int
    private let done = Mutex(0)
    private let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = total >= 200 && isatty(FileHandle.standardError.fileDescriptor) != 0
    }

    func step() {
        guard enabled else { return }
        let count = done.withLock { value -> Int in
            value += 1
            return value
        }
        if count % 50 == 0 { FileHandle.standardError.write(Data("\rlinting \(count)/\(total) files".utf8)) }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
