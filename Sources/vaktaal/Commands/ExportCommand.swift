import ArgumentParser
import Foundation
import Synchronization
import VaktaalCore
import VaktaalExchange

extension ExportFormat: ExpressibleByArgument {}

/// Whether any parallel export failed (each failure has printed its own message).
final class Failures: Sendable {
    private let count = Mutex(0)
    func record() { count.withLock { $0 += 1 } }
    var any: Bool { count.withLock { $0 > 0 } }
}

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
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            errors.forEach { printError($0.description) }
            printError("error: not exported: the vocabulary files have errors (see vaktaal check)")
            throw ExitCode(2)
        }
        let input = ExportInput(loaded.set)
        KeptUntilExit.keep(input)
        guard all, let folder = output else {
            try export(format!, input)
            return
        }
        // Every format at once, one per core: the set is immutable and each format writes its own
        // files. Formats that share work (the glossary, the substitutions) run apart, so that the
        // second one finds it made instead of waiting for it.
        try createFolder(folder)
        let formats = Exporters.parallelSchedule
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: formats.count) { index in
            let format = formats[index]
            let sink = FileExportSink { path in
                (folder as NSString).appendingPathComponent(format.fileCount > 1 ? "\(format.rawValue)/\(path)" : path)
            }
            Exporters.exporter(for: format).export(input, to: sink)
            if let failure = sink.failure {
                printError(failure)
                failures.record()
            }
        }
        if failures.any { throw ExitCode(2) }
    }

    /// One format: to standard output, to the file `-o FILE`, or into the folder `-o FOLDER`.
    private func export(_ format: ExportFormat, _ input: ExportInput) throws {
        let exporter = Exporters.exporter(for: format)
        guard let output else {
            guard format.fileCount == 1 else {
                printError("error: --format \(format.rawValue) writes \(format.fileCount) files: give -o FOLDER")
                throw ExitCode(2)
            }
            exporter.export(input, to: StandardOutputSink())
            return
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        let intoFolder = format.fileCount > 1 || (exists && isFolder.boolValue) || output.hasSuffix("/")
        let sink = FileExportSink { path in intoFolder ? (output as NSString).appendingPathComponent(path) : output }
        exporter.export(input, to: sink)
        if let failure = sink.failure {
            printError(failure)
            throw ExitCode(2)
        }
    }

    private func createFolder(_ path: String) throws {
        guard !path.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return }
            printError("\(path): error: cannot create the folder: \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
