import ArgumentParser
import VaktaalCore
import VaktaalRemote
import VaktaalSync

extension DiffFormat: ExpressibleByArgument {}

/// `vaktaal diff`: what changed between two versions of a vocabulary, concept by concept.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a vocabulary, concept by concept.",
        discussion: """
            Concepts added and removed, and for each changed concept its labels (added, removed, \
            changed in kind or attributes), definitions and notes, relations, mappings, deprecation \
            and replacement. Reordering, reformatting and comments are no change. Concepts are paired \
            by URI; --match-labels also pairs concepts of other ids whose preferred labels in the \
            vocabulary language are equal.
            OLD and NEW are vocabulary files, folders, REV:path in git (read with git show; the path \
            is relative to the top of the repository, or to the working folder with ./), or the URL of \
            a scheme on a running vaktaal service (…/v1/schemes/ID, fetched as application/xml).
            Exit codes: 0 no changes, 1 changes, 2 an input could not be read.

            Examples:
              vaktaal diff HEAD~3:Vocabulary/lerarenopleiding.xml Vocabulary/lerarenopleiding.xml
              vaktaal diff partner/ Vocabulary/ --match-labels --format markdown
              vaktaal diff https://begrippen.example.org/v1/schemes/lerarenopleiding Vocabulary/lerarenopleiding.xml
            """
    )

    @Argument(help: "The earlier version: a file, a folder, REV:path or a scheme URL.")
    var old: String

    @Argument(help: "The later version: a file, a folder, REV:path or a scheme URL.")
    var new: String

    @Option(help: "Output format: \(DiffFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: DiffFormat = .text

    @Flag(help: "Also pair concepts of other ids whose preferred labels in the vocabulary language are equal.")
    var matchLabels = false

    func run() async throws {
        // A diff reports no positions: concepts both versions write alike are read once and shared.
        let loaded = try await RemoteInput.load(
            [VocabularyInput(old), VocabularyInput(new)], strict: false, positions: .ofFirstReading)
        let diff = VocabularyDiff(from: loaded[0].set, to: loaded[1].set, matchingLabels: matchLabels)
        KeptUntilExit.keep(loaded)
        print(DiffRenderer.render(diff, as: format, colour: format == .text && standardOutputTakesColour), terminator: "")
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
