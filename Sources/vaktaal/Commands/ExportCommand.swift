import ArgumentParser
import Foundation
import VaktaalCore
import VaktaalExchange

extension ExportFormat: ExpressibleByArgument {}

/// `vaktaal export`: writes the vocabulary in an exchange format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the vocabulary as SKOS, Turtle, JSON-LD, TBX, CSV, HTML, Markdown, Vale or textlint files.",
        discussion: """
            Single-file formats go to standard output, or to -o FILE (or into -o FOLDER); vale and \
            textlint write several files and need -o FOLDER. --all -o FOLDER writes every format. \
            Files are written atomically; the same vocabulary always gives the same bytes.

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
        if all, output == nil { throw ValidationError("--all writes many files: give -o FOLDER") }
    }

    func run() throws {
        let loaded = try vocabularyOptions.load()
        let errors = VocabularyChecker.check(loaded).filter { $0.severity == .error }
        guard errors.isEmpty else {
            errors.forEach { printError($0.description) }
            printError("error: not exported: the vocabulary has errors (see vaktaal check)")
            throw ExitCode(2)
        }
        let baseName = Exporters.baseName(for: loaded.set)
        let formats = all ? ExportFormat.allCases : [format!]
        var files: [ExportFile] = []
        for format in formats {
            let exported = Exporters.exporter(for: format).export(loaded.set, baseName: baseName)
            files += all && exported.count > 1 ? exported.map { ExportFile(path: "\(format.rawValue)/\($0.path)", contents: $0.contents) } : exported
        }
        try write(files)
    }

    private func write(_ files: [ExportFile]) throws {
        guard let output else {
            guard files.count == 1 else {
                printError("error: --format \(format!.rawValue) writes \(files.count) files: give -o FOLDER")
                throw ExitCode(2)
            }
            FileHandle.standardOutput.write(Data(files[0].contents))
            return
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        let intoFolder = files.count > 1 || (exists && isFolder.boolValue) || output.hasSuffix("/")
        for file in files {
            let path = intoFolder ? (output as NSString).appendingPathComponent(file.path) : output
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try AtomicFile.write(file.contents, to: path)
            } catch let error as FileWriteError {
                printError(error.description)
                throw ExitCode(2)
            } catch {
                printError("\(path): error: \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
    }
}
