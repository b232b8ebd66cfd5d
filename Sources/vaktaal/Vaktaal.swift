import ArgumentParser

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
        subcommands: [CheckCommand.self, FormatCommand.self]
    )
}
