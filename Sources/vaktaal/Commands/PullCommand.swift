import ArgumentParser
import Foundation
import VaktaalRemote
import VaktaalSync

/// `vaktaal pull`: brings a scheme from a vaktaal service into the local vocabulary, merging three-way.
struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Fetch a scheme from a vaktaal service and merge it into the local copy.",
        discussion: """
            URL is the service (with --scheme ID) or the scheme's URL (…/v1/schemes/ID). The first pull \
            writes ID.xml into the vocabulary folder (made when there is none); later pulls merge three-way, with the last pulled \
            version as base (kept in <folder>/.vaktaal/pulled/ with its ETag), the local file as ours and \
            the service's version as theirs, and report what came in. Conflicts keep the local value and \
            are listed with the service's; publish then waits until the file changed. When nothing changed on the service since the last pull \
            (304), nothing is written.
            Exit codes: 0 pulled or up to date, 1 conflicts (the file keeps ours), 2 bad input or the \
            service cannot be reached.

            Examples:
              vaktaal pull https://begrippen.example.org --scheme lerarenopleiding
              vaktaal pull http://127.0.0.1:8080/v1/schemes/lerarenopleiding --vocabulary Vocabulary
            """
    )

    @Argument(help: "The service's URL, or the scheme's URL (…/v1/schemes/ID).")
    var url: String

    @Option(help: "The scheme's id, when URL is the service's.")
    var scheme: String?

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func run() async throws {
        let pull = SchemePull(try ServiceAddress(url, scheme: scheme), into: try vocabularyOptions.folder())
        switch try await pull.run() {
        case .upToDate:
            print("\(pull.localFile): up to date: '\(pull.address.scheme)' did not change on the service since the last pull")
        case .conflictsStillOpen(let report):
            print("\(pull.localFile): nothing new on the service, but " + Self.openConflicts)
            print(Self.said(report), terminator: "")
            throw ExitCode(1)
        case .firstPull(let concepts):
            print("\(pull.localFile): pulled '\(pull.address.scheme)' (\(concepts) \(concepts == 1 ? "concept" : "concepts"))")
        case .merged(let result, let incoming, let earlierConflicts):
            let colour = standardOutputTakesColour
            if incoming.isEmpty {
                print("\(pull.localFile): nothing new came in from the service")
            } else {
                print("\(pull.localFile): came in from the service:")
                print(DiffRenderer.render(incoming, as: .text, colour: colour), terminator: "")
            }
            print(MergeReport(result).text(colour: colour), terminator: "")
            if let earlierConflicts {
                print("\(pull.localFile): " + Self.openConflicts)
                print(Self.said(earlierConflicts), terminator: "")
            }
            if result.hasUnresolvedConflicts || earlierConflicts != nil { throw ExitCode(1) }
        }
    }

    /// A kept report of conflicts, or what to do when an older vaktaal kept none.
    private static func said(_ report: String) -> String {
        report.isEmpty ? "  (their report was not kept: `vaktaal diff` with the service shows what differs)\n" : report
    }

    /// What a pull says of conflicts an earlier pull left and nobody has looked at.
    private static let openConflicts =
        "an earlier pull left conflicts that nobody has looked at (the file is as that pull wrote it, our side of each "
        + "kept); edit the file to settle them:"
}
