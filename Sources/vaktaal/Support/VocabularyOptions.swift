import ArgumentParser
import Foundation
import VaktaalConfig
import VaktaalCore
import VaktaalEmbeddedVocabulary
import VaktaalLint

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

    @Flag(
        name: .customLong("no-cache"),
        help: ArgumentHelp(
            "Read the vocabulary files without using or writing a compiled index.",
            discussion: """
                Without it, lookup and lint keep a compiled index of the vocabulary in \
                $XDG_CACHE_HOME/vaktaal (else ~/.cache/vaktaal) and start from it while the files are unchanged.
                """))
    var noCache = false

    /// The cache of compiled vocabularies, off with `--no-cache`.
    private var cache: CompiledIndexCache {
        CompiledIndexCache(folder: noCache ? nil : CompiledIndexCache.standardFolder(), program: BuildIdentity.current)
    }

    /// Where the vocabulary is, in the documented order.
    func location() throws(ConfigurationError) -> VocabularyLocation {
        try VocabularyLocator.locate(named: vocabulary)
    }

    /// Loads the vocabulary; the one built into vaktaal when none is given or found. A
    /// compiled index kept for the same files is used, none is made.
    func load() throws -> LoadedVocabulary {
        switch try location() {
        case .builtIn:
            return VocabularyLoader.load(sources: EmbeddedVocabulary.sources)
        case .path(let path):
            let loaded = try cache.loadVocabulary(path: path)
            KeptUntilExit.keep(loaded)
            return loaded
        }
    }

    /// What a lookup needs, from the compiled index in the cache (made when there is none
    /// yet): only the concepts shown are read from it. Without `usingCache`, from the files.
    func compiledLookup(usingCache: Bool = true) throws -> CompiledLookup {
        let lookup: CompiledLookup
        switch try location() {
        case .builtIn: lookup = CompiledLookup(CompiledVocabulary(VocabularyLoader.load(sources: EmbeddedVocabulary.sources)))
        case .path(let path):
            let cache = usingCache ? cache : CompiledIndexCache(folder: nil, program: BuildIdentity.current)
            lookup = try cache.loadLookup(path: path).lookup
        }
        KeptUntilExit.keep(lookup)
        try Self.stopOnUnreadableFiles(lookup.hasUnreadableFiles, lookup.diagnostics)
        return lookup
    }

    /// A lint run: from the compiled index when the cache is on (its matcher kept there, and
    /// only the concepts the documents name decoded when they are few), else from the files,
    /// without building an index that lint does not use.
    func lintRun(_ options: LintRun.Options) throws -> LintRun {
        let run: LintRun
        if cache.folder != nil, case .path(let path) = try location() {
            let terms = try cache.loadTerms(path: path).terms
            try Self.stopOnUnreadableFiles(terms.hasUnreadableFiles, terms.diagnostics)
            run = LintRun(terms, options: options)
        } else {
            let loaded = try load()
            try Self.stopOnUnreadableFiles(loaded.hasUnreadableFiles, loaded.diagnostics)
            run = LintRun(set: loaded.set, options: options)
        }
        // Its matchers are large: the process ends without taking them apart.
        KeptUntilExit.keep(run)
        return run
    }

    /// Stops with the read errors of a vocabulary when a file cannot be read.
    private static func stopOnUnreadableFiles(_ unreadable: Bool, _ diagnostics: [Finding]) throws {
        guard unreadable else { return }
        for finding in diagnostics where finding.severity == .error { printError(finding.description) }
        throw ExitCode(2)
    }
}
