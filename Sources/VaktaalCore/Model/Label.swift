/// A term naming a concept in one language, with its forms and, for outdated terms, when
/// and why it went out of use.
public struct Label: Hashable, Sendable {
    /// Preferred, alternative, deprecated or hidden.
    public var kind: LabelKind
    /// The term as written.
    public var text: String
    /// The `xml:lang` written on the label, or `nil` when it inherits the vocabulary's.
    public var declaredLanguage: String?
    /// The language that applies: the declared one, else the vocabulary default, else "".
    public var language: String
    /// Plural forms (`plural="a; b"`).
    public var plurals: [String]
    /// Other inflected forms (`forms="a; b"`).
    public var forms: [String]
    /// Whether the label matches only as written (proper names, abbreviations).
    public var isCaseSensitive: Bool
    /// Whether the label is an abbreviation (`abbreviation="true"`).
    public var isAbbreviation: Bool
    /// When a deprecated label went out of use (ISO date).
    public var since: String?
    /// Why a deprecated label went out of use.
    public var reason: String?
    /// The severity the linter gives this label; `nil` means the rule's default.
    public var severity: Severity?
    /// Phrases in which a deprecated label is fine (e.g. "mentor van de klas").
    public var exceptions: [String]
    /// Attributes from other namespaces.
    public var extensionAttributes: [ExtensionAttribute]
    /// Where the label's element starts in its file.
    public var position: SourcePosition?

    /// Creates a label; `language` defaults to the declared language.
    public init(
        kind: LabelKind, text: String, declaredLanguage: String? = nil, language: String? = nil,
        plurals: [String] = [], forms: [String] = [], isCaseSensitive: Bool = false,
        isAbbreviation: Bool = false, since: String? = nil, reason: String? = nil,
        severity: Severity? = nil, exceptions: [String] = [],
        extensionAttributes: [ExtensionAttribute] = [], position: SourcePosition? = nil
    ) {
        self.kind = kind
        self.text = text
        self.declaredLanguage = declaredLanguage
        self.language = language ?? declaredLanguage ?? ""
        self.plurals = plurals
        self.forms = forms
        self.isCaseSensitive = isCaseSensitive
        self.isAbbreviation = isAbbreviation
        self.since = since
        self.reason = reason
        self.severity = severity
        self.exceptions = exceptions
        self.extensionAttributes = extensionAttributes
        self.position = position
    }

    /// The label text followed by its plurals and other forms.
    public var allForms: [String] { [text] + plurals + forms }
}
