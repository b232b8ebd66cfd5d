import ArgumentParser
import VaktaalCore
import VaktaalExchange

extension ExportFormat: ExpressibleByArgument {}

/// `vaktaal export`: writes the vocabulary in an exchange format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the vocabulary as SKOS, Turtle, JSON-LD, TBX, CSV, HTML, Markdown, Vale or textlint files.",
        discussion: """
            Single-file formats go to standard output (also with -o -), or to -o FILE (or into -o FOLDER); vale and \
            textlint write several files and need -o FOLDER. --all -o FOLDER writes every format. \
            Files are written atomically; the same vocabulary always gives the same bytes. A vocabulary \
            with read errors, or with check errors that would come out as other data (a duplicate id, a \
            broken reference, a language tag or mapping uri RDF cannot carry), is not exported. Elements and \
            attributes of other namespaces are not exported: a warning says so.

            Examples:
              vaktaal export --format turtle -o lerarenopleiding.ttl
              vaktaal export --all -o Exports
            """
    )

    @Option(help: "The format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat?

    @Flag(help: "Write every format (needs -o FOLDER).")
    var all = false

    @Option(name: [.short, .customLong("output")], help: "Output file or folder.")
    var output: String?

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func validate() throws {
        if all == (format != nil) { throw ValidationError("give either --format FORMAT or --all") }
        if all, output == nil || output == "-" { throw ValidationError("--all writes many files: give -o FOLDER") }
    }

    func run() throws {
        let loaded = try vocabularyOptions.load()
        let errors = ExportChecks.errors(in: loaded)
        guard errors.isEmpty else {
            for error in errors { printError(error.description) }
            throw CommandError.vocabularyHasErrors
        }
        if let uncarried = ExportChecks.uncarriedData(in: loaded.set) {
            let shown = uncarried.names.prefix(5).joined(separator: ", ") + (uncarried.names.count > 5 ? ", …" : "")
            let holders =
                uncarried.holders == 1
                ? "1 scheme, concept or label has" : "\(uncarried.holders) schemes, concepts or labels have"
            printError("warning: \(holders) elements or attributes of other namespaces (\(shown)): exports do not carry them")
        }
        let input = ExportInput(loaded.set)
        KeptUntilExit.keep(input)
        switch (format, output) {
        case (nil, let output?): try ExportRun.writeAll(input, to: output)
        case (let format?, "-"?), (let format?, nil): try ExportRun.writeToStandardOutput(format, input)
        case (let format?, let output?): try ExportRun.write(format, input, to: output)
        case (nil, nil): break
        }
    }
}
