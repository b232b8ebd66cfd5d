import Foundation
import VaktaalCore

/// How documents are linted: which languages' labels apply, rule severities, allowed words.
public struct LintOptions: Sendable, Hashable {
    /// Which languages' labels apply.
    public enum Languages: Sendable, Hashable {
        /// The document's own (HTML `lang`), else this default.
        case automatic(default: String)
        /// These languages, whatever the document says.
        case fixed(Set<String>)
        /// Every language.
        case all
    }

    public var languages: Languages
    /// The configured rules: off, or on at a severity. A rule not named here runs at its
    /// label's or its own default severity.
    public var rules: [RuleID: RuleSetting]
    /// Phrases that are always fine (they are never reported, nor anything inside them).
    public var allowed: [String]
    /// What readers read beyond prose: image descriptions, front matter values.
    public var reading: ReadingOptions

    public init(
        languages: Languages, rules: [RuleID: RuleSetting] = [:], allowed: [String] = [], reading: ReadingOptions = .standard
    ) {
        self.languages = languages
        self.rules = rules
        self.allowed = allowed
        self.reading = reading
    }
}

extension LintOptions.Languages {
    /// A language choice as `--lang` and `.vaktaal.toml` write it: `nil` for the document's
    /// own (else `defaultLanguage`, else Dutch), `all`, or a comma-separated list.
    public init(choice: String?, default defaultLanguage: String?) {
        guard let choice else {
            self = .automatic(default: defaultLanguage ?? "nl")
            return
        }
        if LanguageTag.isAll(choice) {
            self = .all
            return
        }
        let tags = choice.split(separator: ",").map { LanguageTag.canonicalCase($0.trimmingCharacters(in: .whitespaces)) }
        self = .fixed(Set(tags))
    }

    /// What is wrong with `choice`, to follow the option's name ("--lang takes …"); `nil`
    /// when it is a language choice (``isValidChoice(_:)``).
    public static func choiceProblem(_ choice: String) -> String? {
        isValidChoice(choice) ? nil : LanguageTag.InvalidSelection(tag: choice).description
    }

    /// Whether `choice` is a language choice: `all`, or language tags separated by commas,
    /// each of a language there is (`nl`, `en-GB`; not `Dutch`, a well-formed tag of none).
    public static func isValidChoice(_ choice: String) -> Bool {
        LanguageTag.isAll(choice)
            || (choice.contains { $0 != "," && $0 != " " }
                && choice.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    .allSatisfy { LanguageTag.isValid($0) && !LanguageTag.isAll($0) })
    }
}

extension LintOptions.Languages {
    /// The language tags whose labels apply in `document` (each with its narrower and broader
    /// tags, see ``TermMatcher/languages(_:)``): `nil` for all.
    func chosen(for document: ReadDocument) -> Set<String>? {
        switch self {
        case .all: return nil
        case .fixed(let languages): return languages
        case .automatic(let fallback):
            // An empty language says "unknown"; one that names no language (`english`) is taken so too.
            guard let written = document.declaredLanguage, LanguageTag.isValid(written) else { return [fallback] }
            return [LanguageTag.canonicalCase(written)]
        }
    }

    /// The languages whose labels apply to text of an element that declares `language`
    /// (``ProseSegment/language``): its own when the document's language is chosen
    /// automatically, else those of the choice.
    func chosen(for document: ReadDocument, elementLanguage language: String) -> Set<String>? {
        guard case .automatic = self else { return chosen(for: document) }
        return [LanguageTag.canonicalCase(language)]
    }
}
