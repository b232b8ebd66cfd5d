import ArgumentParser
import Foundation

/// The `vaktaal` command line: look terms up, lint documents, check and format the
/// vocabulary, export it.
@main
struct Vaktaal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaktaal",
        abstract: "Keep a shared professional vocabulary and help people use it.",
        discussion: """
            Exit codes: 0 success; 1 findings, an invalid vocabulary, nothing found, changes (diff) \
            or conflicts (merge); 2 usage error or unreadable input.
            """,
        version: "0.1.0",
        subcommands: [
            LintCommand.self, LookupCommand.self, CheckCommand.self, FormatCommand.self, ExportCommand.self,
            ServeCommand.self, DiffCommand.self, MergeCommand.self, ImportCommand.self, PullCommand.self,
            PublishCommand.self,
        ]
    )

    /// Runs the command line: every error a command throws is shown and mapped to its exit
    /// code here, and nowhere else.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if AllocatorTuning.isWanted(for: command) { AllocatorTuning.keepFreedMemory() }
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let outcome = ExitStatus(for: error)
            if let message = outcome.message { printError(message) }
            guard let code = outcome.code else { exit(withError: error) }
            Foundation.exit(code)
        }
    }
}
