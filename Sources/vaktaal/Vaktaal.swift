import ArgumentParser
import Foundation

/// The `vaktaal` command line: look terms up, lint documents, check and format the
/// vocabulary, export it.
@main
struct Vaktaal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaktaal",
        abstract: "Keep a shared professional vocabulary and help people use it.",
        discussion: """
            Exit codes: 0 success; 1 findings, an invalid vocabulary or nothing found; \
            2 usage error or unreadable input.
            """,
        version: "0.1.0",
        subcommands: [LintCommand.self, LookupCommand.self, CheckCommand.self, FormatCommand.self, ExportCommand.self]
    )

    /// Runs the command line. Usage errors exit with 2, as the CLI contract says, instead
    /// of argument-parser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
