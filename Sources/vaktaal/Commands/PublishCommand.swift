import ArgumentParser
import Foundation
import VaktaalRemote

/// `vaktaal publish`: checks the local scheme and publishes it to a vaktaal service.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Check the local scheme, then publish it to a vaktaal service.",
        discussion: """
            Runs vaktaal check on the vocabulary folder first and sends nothing when it finds errors. \
            Then PUTs ID.xml with the token from $VAKTAAL_TOKEN and If-Match on the ETag of the last \
            pull, so that a version someone else published in between is never overwritten (pull \
            first, then publish again). A scheme that was never pulled is published only when the \
            service does not have it yet. After a pull that left conflicts, the file is published only \
            once it changed (someone looked at them).
            Exit codes: 0 published, 1 refused (errors found by check or by the service, a wrong or \
            missing token, someone published in between, conflicts of the last pull not looked at), 2 \
            bad input or the service cannot be reached.

            Example:
              VAKTAAL_TOKEN=… vaktaal publish https://begrippen.example.org --scheme lerarenopleiding
            """
    )

    @Argument(help: "The service's URL, or the scheme's URL (…/v1/schemes/ID).")
    var url: String

    @Option(help: "The scheme's id, when URL is the service's.")
    var scheme: String?

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func run() async throws {
        let publish = SchemePublish(try ServiceAddress(url, scheme: scheme), from: try vocabularyOptions.folder())
        let token = ProcessInfo.processInfo.environment["VAKTAAL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        switch try await publish.run(token: token) {
        case .refusedByCheck(let report):
            print(report.text, terminator: "")
            printError("\(publish.localFile): error: not published: vaktaal check found errors in the vocabulary")
            throw ExitCode(report.hasUnreadableFiles ? 2 : 1)
        case .published(let etag):
            print(
                "\(publish.localFile): published '\(publish.address.scheme)' to \(publish.address)"
                    + (etag.map { " (\($0))" } ?? ""))
        }
    }
}
