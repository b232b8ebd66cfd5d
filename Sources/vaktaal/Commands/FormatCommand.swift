import ArgumentParser
import Foundation
import VaktaalCore

/// `vaktaal format`: rewrites vocabulary files in the canonical layout.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "format",
        abstract: "Rewrite vocabulary files in the canonical layout, like a code formatter.",
        discussion: """
            Stable order of elements and attributes, two-space indentation, UTF-8, final newline; \
            files are replaced atomically. A file with read errors is left alone.
            Exit codes: 0 done (or, with --check, nothing to change); 1 with --check, files would change; \
            2 a file could not be read or has errors.

            Examples:
              vaktaal format                      # every file of the vocabulary folder
              vaktaal format --check Vocabulary/lerarenopleiding.xml
            """
    )

    @Argument(help: "Vocabulary files or folders (default: the vocabulary folder).")
    var files: [String] = []

    @Flag(help: "Only list the files that would change, and exit with 1 if there are any.")
    var check = false

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func run() throws {
        var failed = false
        var changed: [String] = []
        for file in try targetFiles() {
            let original = FileManager.default.contents(atPath: file).map { [UInt8]($0) }
            guard let original else {
                printError("\(file):1:1: error: the file cannot be read")
                failed = true
                continue
            }
            let (vocabulary, diagnostics) = VocabularyLoader.read(bytes: original, path: file)
            let errors = diagnostics.filter { $0.severity == .error }
            guard let vocabulary, errors.isEmpty else {
                errors.forEach { printError($0.description) }
                printError("\(file): error: not formatted: fix the errors above first")
                failed = true
                continue
            }
            let canonical = VocabularyWriter.bytes(for: vocabulary)
            guard canonical != original else { continue }
            changed.append(file)
            if check {
                print(file)
            } else {
                do {
                    try AtomicFile.write(canonical, to: file)
                    print("formatted \(file)")
                } catch {
                    printError(error.description)
                    failed = true
                }
            }
        }
        if failed { throw ExitCode(2) }
        if check, !changed.isEmpty { throw ExitCode(1) }
    }

    private func targetFiles() throws -> [String] {
        let roots: [String]
        if files.isEmpty {
            guard let path = try vocabularyOptions.resolvedPath() else {
                printError("error: no vocabulary found: name the files, or pass --vocabulary PATH")
                throw ExitCode(2)
            }
            roots = [path]
        } else {
            roots = files
        }
        var result: [String] = []
        for root in roots {
            do {
                result += try VocabularyLoader.vocabularyFiles(at: root)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
        }
        return result
    }
}
