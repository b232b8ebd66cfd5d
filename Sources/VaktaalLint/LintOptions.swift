import VaktaalCore

/// How documents are linted: which languages' labels apply, rule severities, allowed words.
public struct LintOptions: Sendable {
    /// Which languages' labels apply.
    public enum Languages: Sendable, Equatable {
        /// The document's own (HTML `lang`), else this default.
        case automatic(default: String)
        /// These languages, whatever the document says.
        case fixed(Set<String>)
        /// Every language.
        case all
    }

    public var languages: Languages
    /// Severity per rule id; a rule mapped to `nil` is switched off.
    public var severities: [String: Severity?]
    /// Phrases that are always fine (they are never reported, nor anything inside them).
    public var allowed: [String]

    public init(languages: Languages, severities: [String: Severity?] = [:], allowed: [String] = []) {
        self.languages = languages
        self.severities = severities
        self.allowed = allowed
    }
}
