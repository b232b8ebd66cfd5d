import ArgumentParser
import Foundation
import VaktaalCore

/// `vaktaal check`: validates the vocabulary folder.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the vocabulary: the rules of the format as errors, quality advice as warnings.",
        discussion: """
            Every problem in every file is listed, as file:line:column: severity: [rule] message.
            Exit codes: 0 valid (warnings allowed), 1 errors, 2 a file could not be read as XML.

            Example:
              vaktaal check --vocabulary Vocabulary --format json
            """
    )

    @OptionGroup var vocabularyOptions: VocabularyOptions

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    func run() throws {
        let loaded = try vocabularyOptions.load()
        let diagnostics = VocabularyChecker.check(loaded)
        let report = CheckReport(files: loaded.files, concepts: loaded.set.count, diagnostics: diagnostics)
        switch format {
        case .text:
            print(report.text, terminator: "")
            for diagnostic in diagnostics where diagnostic.rule == ReaderRule.malformedXML.rawValue {
                printError(diagnostic.description)
            }
        case .json:
            print(try report.json())
        }
        if loaded.hasUnreadableFiles { throw ExitCode(2) }
        if report.errors > 0 { throw ExitCode(1) }
    }
}

/// What `vaktaal check` prints.
struct CheckReport {
    let files: [String]
    let concepts: Int
    let diagnostics: [Diagnostic]

    var errors: Int { diagnostics.count { $0.severity == .error } }
    var warnings: Int { diagnostics.count { $0.severity == .warning } }
    var infos: Int { diagnostics.count { $0.severity == .info } }

    var text: String {
        var output = diagnostics.map { "\($0)\n" }.joined()
        let fileWord = files.count == 1 ? "file" : "files"
        output += "\(files.count) \(fileWord), \(concepts) concepts: \(plural(errors, "error")), \(plural(warnings, "warning"))"
        output += infos > 0 ? ", \(plural(infos, "info"))\n" : "\n"
        return output
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    func json() throws -> String {
        struct Entry: Encodable {
            let rule: String
            let severity: Severity
            let message: String
            let path: String?
            let line: Int?
            let column: Int?
            let concept: String?
        }
        struct Summary: Encodable {
            let files: Int
            let concepts: Int
            let errors: Int
            let warnings: Int
            let infos: Int
        }
        struct Document: Encodable {
            let version = 1
            let files: [String]
            let diagnostics: [Entry]
            let summary: Summary
        }
        let entries = diagnostics.map {
            Entry(
                rule: $0.rule, severity: $0.severity, message: $0.message, path: $0.location?.path,
                line: $0.location?.line, column: $0.location?.column, concept: $0.concept)
        }
        let document = Document(
            files: files, diagnostics: entries,
            summary: Summary(files: files.count, concepts: concepts, errors: errors, warnings: warnings, infos: infos))
        return try JSONOutput.encode(document)
    }
}
