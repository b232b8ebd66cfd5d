import ArgumentParser
import Foundation
import VaktaalCore

/// `vaktaal lookup`: finds concepts by any label, form, hidden label or notation.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look a term up: what it means, and what to say instead of an outdated term.",
        discussion: """
            Matches exactly (ignoring case, spacing and hyphens; case-sensitive names only as written), \
            then without accents, then by prefix (3 characters or more), then by typing mistakes.
            Exit codes: 0 found; 1 nothing found (suggestions on stderr); 2 bad input.

            Examples:
              vaktaal lookup mentor
              vaktaal lookup "feed forward" --lang en --format json
            """
    )

    @Argument(help: "The term to look up.")
    var term: String

    @Option(help: "Only these languages, comma-separated (e.g. nl or nl,en); 'all' for every language.")
    var lang: String?

    @Option(help: "Output format: text or json.")
    var format: LookupFormat = .text

    @Option(help: "The most concepts to show.")
    var limit: Int = 10

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func validate() throws {
        if term.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("the term is empty: give a word or phrase to look up")
        }
        if term.unicodeScalars.contains("\u{FFFD}") {
            throw ValidationError("the term is not valid UTF-8")
        }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        do {
            _ = try LanguageTag.selection(lang)
        } catch {
            throw ValidationError("--lang \(error)")
        }
    }

    func run() throws {
        do {
            try answer(from: try vocabularyOptions.compiledLookup())
        } catch let damaged as SnapshotError {
            // A concept kept in the compiled index could not be read (the index is removed):
            // answer from the files.
            printError("note: \(damaged); reading the vocabulary files instead")
            try answer(from: try vocabularyOptions.compiledLookup(usingCache: false))
        }
    }

    /// Looks the term up in `lookup` and prints what is found.
    private func answer(from lookup: CompiledLookup) throws {
        let languages = try LanguageTag.selection(lang)
        let index = lookup.lookupIndex
        let matches = index.search(term, languages: languages, limit: limit)
        guard !matches.isEmpty else {
            let suggestions = index.suggestions(for: term, languages: languages).map { "'\($0.form)'" }
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
            printError("no concept found for '\(term)'\(hint)")
            // A script reading JSON gets JSON: an empty list.
            if format == .json { print("[]") }
            throw ExitCode(1)
        }
        let (set, shown) = try lookup.excerpt(for: matches)
        let descriptions = shown.map { ConceptDescription($0, in: set, languages: languages) }
        switch format {
        case .json: print(ConceptDescription.json(descriptions))
        case .text: print(LookupText(set: set, languages: languages).render(descriptions), terminator: "")
        }
    }
}

/// The output formats of `vaktaal lookup`.
enum LookupFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
