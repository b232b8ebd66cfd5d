import ArgumentParser
import Foundation
import VaktaalConfig
import VaktaalCore
import VaktaalEmbeddedVocabulary

/// `--vocabulary` and the order in which a vocabulary is looked for.
struct VocabularyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A vocabulary folder of *.xml files, or one file.",
            discussion: """
                Without it: $VAKTAAL_VOCABULARY, else 'vocabulary' in the nearest .vaktaal.toml \
                up from the working folder, else ./Vocabulary, else the vocabulary built into vaktaal.
                """,
            valueName: "path"))
    var vocabulary: String?

    /// Where the vocabulary is, in the documented order, or `nil` when none is found.
    func resolvedPath() throws -> String? {
        if let vocabulary { return vocabulary }
        if let variable = ProcessInfo.processInfo.environment["VAKTAAL_VOCABULARY"], !variable.isEmpty {
            return variable
        }
        let workingFolder = FileManager.default.currentDirectoryPath
        if let configPath = ProjectConfiguration.find(from: workingFolder) {
            do {
                if let path = try ProjectConfiguration.load(path: configPath).vocabulary { return path }
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
        }
        if FileManager.default.fileExists(atPath: "Vocabulary") { return "Vocabulary" }
        return nil
    }

    /// Loads the vocabulary; the one built into vaktaal when none is given or found.
    /// Prints an error and exits with 2 when a named vocabulary does not exist.
    func load() throws -> LoadedVocabulary {
        guard let path = try resolvedPath() else {
            return VocabularyLoader.load(sources: EmbeddedVocabulary.sources)
        }
        do {
            let loaded = try VocabularyLoader.load(path: path)
            KeptUntilExit.keep(loaded)
            return loaded
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

/// Output formats of commands that print a report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
