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

    /// Where the vocabulary is, in the documented order.
    func location() throws(ConfigurationError) -> VocabularyLocation {
        try VocabularyLocator.locate(named: vocabulary)
    }

    /// Loads the vocabulary; the one built into vaktaal when none is given or found.
    func load() throws -> LoadedVocabulary {
        switch try location() {
        case .builtIn:
            return VocabularyLoader.load(sources: EmbeddedVocabulary.sources)
        case .path(let path):
            let loaded = try VocabularyLoader.load(path: path)
            KeptUntilExit.keep(loaded)
            return loaded
        }
    }

    /// Loads the vocabulary and stops with its read errors when a file cannot be read.
    func loadReadable() throws -> LoadedVocabulary {
        let loaded = try load()
        if loaded.hasUnreadableFiles {
            for finding in loaded.diagnostics where finding.severity == .error { printError(finding.description) }
            throw ExitCode(2)
        }
        return loaded
    }
}
