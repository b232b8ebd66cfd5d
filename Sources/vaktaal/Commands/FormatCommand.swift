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
            files are replaced atomically. A file with read errors is left alone, as is one with a \
            processing instruction inside its root element, which the layout has no place for.
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
        var changed = false
        for (file, outcome) in VocabularyFormatter.format(try targetFiles(), checkOnly: check) {
            switch outcome {
            case .unchanged:
                break
            case .changed:
                changed = true
                print(check ? file : "formatted \(file)")
            case .notReadable(let errors):
                for error in errors { printError(error.description) }
                printError("\(file): error: not formatted: mend what is named above first")
                failed = true
            case .notWritten(let error):
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
        if check, changed { throw ExitCode(1) }
    }

    private func targetFiles() throws -> [String] {
        var roots = files
        if roots.isEmpty {
            guard case .path(let path) = try vocabularyOptions.location() else { throw CommandError.noVocabularyToFormat }
            roots = [path]
        }
        let found = try roots.flatMap { root throws(VocabularyLoadError) in try VocabularyLoader.vocabularyFiles(at: root) }
        // A file named twice (or also in a folder named) is formatted, and listed, once.
        var seen: Set<String> = []
        return found.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }
}
