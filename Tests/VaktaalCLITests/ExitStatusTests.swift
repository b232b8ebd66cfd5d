import ArgumentParser
import Testing
import VaktaalConfig
import VaktaalCore
import VaktaalExchange
import VaktaalServer
import VaktaalSync

@testable import vaktaal

/// The one mapping from errors to what the command line prints and its exit code.
@Suite struct ExitStatusTests {
    static let cases: [(name: String, error: any Error & Sendable, code: Int32?, message: String?)] = [
        ("findings", ExitCode(1), 1, nil),
        ("unreadable input after its own report", ExitCode(2), 2, nil),
        ("missing vocabulary", VocabularyLoadError.notFound(path: "x"), 2, "x: error: no such file or folder"),
        (
            "broken configuration", ConfigurationError.invalidValue(path: ".vaktaal.toml", key: "language", expected: "a string"),
            2, ".vaktaal.toml: error: 'language' must be a string"
        ),
        (
            "export that cannot be written", ExportError.cannotCreateFolder(path: "out", reason: "denied"), 2,
            "out: error: cannot create the folder: denied"
        ),
        (
            "file that cannot be written", FileWriteError.failed(path: "a.xml", operation: "write", reason: "full"), 2,
            "a.xml: error: cannot write: full"
        ),
        ("vocabulary with errors", CommandError.vocabularyHasErrors, 2, CommandError.vocabularyHasErrors.description),
        ("usage error", ValidationError("give either --format FORMAT or --all"), 2, nil),
        (
            "diff input that cannot be read", VocabularyInputError.unsupportedURL("https://x.example/v1/schemes/s"), 2,
            VocabularyInputError.unsupportedURL("https://x.example/v1/schemes/s").description
        ),
        (
            "merge that wrote nothing", MergeError.resultNotReadable(problems: ["x"]), 2,
            MergeError.resultNotReadable(problems: ["x"]).description
        ),
        (
            "a token where its hash belongs", PublishTokens.InvalidEntry(number: 2, scheme: "s"), 2,
            PublishTokens.InvalidEntry(number: 2, scheme: "s").description
        ),
    ]

    @Test(arguments: cases.map(\.name))
    func mapsEachErrorToItsCodeAndMessage(_ name: String) throws {
        let example = try #require(Self.cases.first { $0.name == name })
        let status = ExitStatus(for: example.error)
        #expect(status.code == example.code)
        if let message = example.message { #expect(status.message == message) }
    }

    @Test func usageErrorsNameTheProblem() {
        let status = ExitStatus(for: ValidationError("give either --format FORMAT or --all"))
        #expect(status.message?.contains("give either --format FORMAT or --all") == true)
    }

    @Test func helpIsLeftToArgumentParser() {
        #expect(ExitStatus(for: CleanExit.helpRequest()).code == nil)
    }
}
