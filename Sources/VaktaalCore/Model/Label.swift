/// A term naming a concept in one language, with its forms and, for outdated terms, when
/// and why it went out of use.
///
/// A value type whose fields live in one shared box, copied on write: labels are read far
/// more often than changed, and a copy costs one reference count instead of one per field.
public struct Label: Hashable, Sendable {
    /// The stored fields; one shared box per value, copied on write.
    struct Fields: Hashable, Sendable {
        var kind: LabelKind
        var text: String
        var declaredLanguage: String?
        var language: String
        var plurals: [String]
        var forms: [String]
        var isCaseSensitive: Bool
        var isAbbreviation: Bool
        var since: String?
        var reason: String?
        var severity: Severity?
        var exceptions: [String]
        var extensionAttributes: [ExtensionAttribute]
        var position: SourcePosition?
    }

    /// The box holding a label's fields.
    final class Storage: @unchecked Sendable {
        // Mutated only through `uniqueFields()`, after a uniqueness check, so value semantics
        // hold; the static exclusivity checks on the owning value make dynamic ones redundant.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func uniqueFields() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// Preferred, alternative, deprecated or hidden.
    public var kind: LabelKind {
        get { storage.fields.kind }
        _modify { yield &uniqueFields().fields.kind }
    }
    /// The term as written.
    public var text: String {
        get { storage.fields.text }
        _modify { yield &uniqueFields().fields.text }
    }
    /// The `xml:lang` written on the label, or `nil` when it inherits the vocabulary's.
    public var declaredLanguage: String? {
        get { storage.fields.declaredLanguage }
        _modify { yield &uniqueFields().fields.declaredLanguage }
    }
    /// The language that applies: the declared one, else the vocabulary default, else "".
    public var language: String {
        get { storage.fields.language }
        _modify { yield &uniqueFields().fields.language }
    }
    /// Plural forms (`plural="a; b"`).
    public var plurals: [String] {
        get { storage.fields.plurals }
        _modify { yield &uniqueFields().fields.plurals }
    }
    /// Other inflected forms (`forms="a; b"`).
    public var forms: [String] {
        get { storage.fields.forms }
        _modify { yield &uniqueFields().fields.forms }
    }
    /// Whether the label matches only as written (proper names, abbreviations).
    public var isCaseSensitive: Bool {
        get { storage.fields.isCaseSensitive }
        _modify { yield &uniqueFields().fields.isCaseSensitive }
    }
    /// Whether the label is an abbreviation (`abbreviation="true"`).
    public var isAbbreviation: Bool {
        get { storage.fields.isAbbreviation }
        _modify { yield &uniqueFields().fields.isAbbreviation }
    }
    /// When a deprecated label went out of use (ISO date).
    public var since: String? {
        get { storage.fields.since }
        _modify { yield &uniqueFields().fields.since }
    }
    /// Why a deprecated label went out of use.
    public var reason: String? {
        get { storage.fields.reason }
        _modify { yield &uniqueFields().fields.reason }
    }
    /// The severity the linter gives this label; `nil` means the rule's default.
    public var severity: Severity? {
        get { storage.fields.severity }
        _modify { yield &uniqueFields().fields.severity }
    }
    /// Phrases in which a deprecated label is fine (e.g. "mentor van de klas").
    public var exceptions: [String] {
        get { storage.fields.exceptions }
        _modify { yield &uniqueFields().fields.exceptions }
    }
    /// Attributes from other namespaces.
    public var extensionAttributes: [ExtensionAttribute] {
        get { storage.fields.extensionAttributes }
        _modify { yield &uniqueFields().fields.extensionAttributes }
    }
    /// Where the label's element starts in its file.
    public var position: SourcePosition? {
        get { storage.fields.position }
        _modify { yield &uniqueFields().fields.position }
    }

    /// Creates a label; `language` defaults to the declared language.
    public init(
        kind: LabelKind, text: String, declaredLanguage: String? = nil, language: String? = nil,
        plurals: [String] = [], forms: [String] = [], isCaseSensitive: Bool = false,
        isAbbreviation: Bool = false, since: String? = nil, reason: String? = nil,
        severity: Severity? = nil, exceptions: [String] = [],
        extensionAttributes: [ExtensionAttribute] = [], position: SourcePosition? = nil
    ) {
        storage = Storage(
            Fields(
                kind: kind, text: text, declaredLanguage: declaredLanguage, language: language ?? declaredLanguage ?? "",
                plurals: plurals, forms: forms, isCaseSensitive: isCaseSensitive, isAbbreviation: isAbbreviation,
                since: since, reason: reason, severity: severity, exceptions: exceptions,
                extensionAttributes: extensionAttributes, position: position))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    /// The label text followed by its plurals and other forms.
    public var allForms: [String] { [text] + plurals + forms }
}
