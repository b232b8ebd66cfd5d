import VaktaalText

/// A term naming a concept in one language, with its forms and, for outdated terms, when
/// and why it went out of use.
///
/// A value type whose fields live in one shared box, copied on write: labels are read far
/// more often than changed, and a copy costs one reference count instead of one per field.
public struct Label: Hashable, Sendable {
    /// The stored fields, in a ``CopyOnWriteBox``.
    @usableFromInline
    struct Fields: Hashable, Sendable {
        @usableFromInline var kind: LabelKind
        @usableFromInline var text: String
        @usableFromInline var declaredLanguage: String?
        @usableFromInline var language: String
        @usableFromInline var plurals: [String]
        @usableFromInline var forms: [String]
        @usableFromInline var isCaseSensitive: Bool
        @usableFromInline var isAbbreviation: Bool
        @usableFromInline var position: SourcePosition?
        /// What few labels have, out of line; `nil` when it is all empty.
        @usableFromInline var rare: CopyOnWriteBox<RareFields>?

        /// Changes the rare fields, keeping `rare` `nil` while they are empty.
        @inlinable
        mutating func changeRare(_ change: (inout RareFields) -> Void) {
            var box = rare ?? CopyOnWriteBox(RareFields())
            rare = nil
            change(&CopyOnWriteBox.unique(&box).fields)
            rare = box.fields.isEmpty ? nil : box
        }
    }

    /// The fields of outdated and extended labels: when and why a label went out of use,
    /// its severity and exceptions, and attributes from other namespaces.
    @usableFromInline
    struct RareFields: Hashable, Sendable {
        @usableFromInline var since: String?
        @usableFromInline var reason: String?
        @usableFromInline var severity: Severity?
        @usableFromInline var exceptions: [String] = []
        @usableFromInline var extensionAttributes: [ExtensionAttribute] = []

        @usableFromInline
        init(
            since: String? = nil, reason: String? = nil, severity: Severity? = nil, exceptions: [String] = [],
            extensionAttributes: [ExtensionAttribute] = []
        ) {
            self.since = since
            self.reason = reason
            self.severity = severity
            self.exceptions = exceptions
            self.extensionAttributes = extensionAttributes
        }

        /// Whether none of the fields is set: a label keeps no box for them then.
        @usableFromInline
        var isEmpty: Bool {
            since == nil && reason == nil && severity == nil && exceptions.isEmpty && extensionAttributes.isEmpty
        }
    }

    @usableFromInline var storage: CopyOnWriteBox<Fields>

    /// Preferred, alternative, deprecated or hidden.
    public var kind: LabelKind {
        @inlinable get { storage.fields.kind }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.kind }
    }
    /// The term as written.
    public var text: String {
        @inlinable get { storage.fields.text }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.text }
    }
    /// The `xml:lang` written on the label, or `nil` when it inherits the vocabulary's.
    public var declaredLanguage: String? {
        @inlinable get { storage.fields.declaredLanguage }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.declaredLanguage }
    }
    /// The language that applies: the declared one, else the vocabulary default, else "".
    public var language: String {
        @inlinable get { storage.fields.language }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.language }
    }
    /// Plural forms (`plural="a; b"`).
    public var plurals: [String] {
        @inlinable get { storage.fields.plurals }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.plurals }
    }
    /// Other inflected forms (`forms="a; b"`).
    public var forms: [String] {
        @inlinable get { storage.fields.forms }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.forms }
    }
    /// Whether the label matches only as written (proper names, abbreviations).
    public var isCaseSensitive: Bool {
        @inlinable get { storage.fields.isCaseSensitive }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.isCaseSensitive }
    }
    /// Whether the label is an abbreviation (`abbreviation="true"`).
    public var isAbbreviation: Bool {
        @inlinable get { storage.fields.isAbbreviation }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.isAbbreviation }
    }
    /// When a deprecated label went out of use (ISO date).
    public var since: String? {
        @inlinable get { storage.fields.rare?.fields.since ?? nil }
        @inlinable set { CopyOnWriteBox.unique(&storage).fields.changeRare { $0.since = newValue } }
    }
    /// Why a deprecated label went out of use.
    public var reason: String? {
        @inlinable get { storage.fields.rare?.fields.reason ?? nil }
        @inlinable set { CopyOnWriteBox.unique(&storage).fields.changeRare { $0.reason = newValue } }
    }
    /// The severity the linter gives this label; `nil` means the rule's default.
    public var severity: Severity? {
        @inlinable get { storage.fields.rare?.fields.severity ?? nil }
        @inlinable set { CopyOnWriteBox.unique(&storage).fields.changeRare { $0.severity = newValue } }
    }
    /// Phrases in which a deprecated label is fine (e.g. "mentor van de klas").
    public var exceptions: [String] {
        @inlinable get { storage.fields.rare?.fields.exceptions ?? [] }
        @inlinable set { CopyOnWriteBox.unique(&storage).fields.changeRare { $0.exceptions = newValue } }
    }
    /// Attributes from other namespaces.
    public var extensionAttributes: [ExtensionAttribute] {
        @inlinable get { storage.fields.rare?.fields.extensionAttributes ?? [] }
        @inlinable set { CopyOnWriteBox.unique(&storage).fields.changeRare { $0.extensionAttributes = newValue } }
    }
    /// Where the label's element starts in its file.
    public var position: SourcePosition? {
        @inlinable get { storage.fields.position }
        @inlinable _modify { yield &CopyOnWriteBox.unique(&storage).fields.position }
    }

    /// Creates a label; `language` defaults to the declared language.
    public init(
        kind: LabelKind, text: String, declaredLanguage: String? = nil, language: String? = nil,
        plurals: [String] = [], forms: [String] = [], isCaseSensitive: Bool = false,
        isAbbreviation: Bool = false, since: String? = nil, reason: String? = nil,
        severity: Severity? = nil, exceptions: [String] = [],
        extensionAttributes: [ExtensionAttribute] = [], position: SourcePosition? = nil
    ) {
        storage = CopyOnWriteBox(
            Fields(
                kind: kind, text: text, declaredLanguage: declaredLanguage, language: language ?? declaredLanguage ?? "",
                plurals: plurals, forms: forms, isCaseSensitive: isCaseSensitive, isAbbreviation: isAbbreviation,
                position: position, rare: nil))
        let rare = RareFields(
            since: since, reason: reason, severity: severity, exceptions: exceptions, extensionAttributes: extensionAttributes)
        if !rare.isEmpty { storage.fields.rare = CopyOnWriteBox(rare) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage == rhs.storage }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }

    /// The label text followed by its plurals and other forms.
    public var allForms: [String] { [text] + plurals + forms }

    /// The form at `index` of ``allForms``, without making the list.
    func form(at index: Int) -> String? {
        if index == 0 { return text }
        if plurals.indices.contains(index - 1) { return plurals[index - 1] }
        return forms.indices.contains(index - 1 - plurals.count) ? forms[index - 1 - plurals.count] : nil
    }

    /// Calls `body` with the label text, then each plural and other form, without building an array.
    public func forEachForm(_ body: (String) -> Void) {
        body(text)
        plurals.forEach(body)
        forms.forEach(body)
    }

    /// The label's exception phrases, each also with the label's words in it written in each
    /// of its other forms: "mentor van de klas" holds for "mentoren van de klas" too.
    public var exceptionsInEveryForm: [String] {
        let labelWords = text.split(separator: " ").map { $0.lowercased() }
        let otherForms = (plurals + forms).filter { !$0.isEmpty }
        guard !labelWords.isEmpty, !otherForms.isEmpty else { return exceptions }
        var result: [String] = []
        for exception in exceptions {
            result.append(exception)
            let words = exception.split(separator: " ")
            guard words.count >= labelWords.count,
                let start = (0...(words.count - labelWords.count)).first(where: { start in
                    words[start..<start + labelWords.count].map { $0.lowercased() } == labelWords
                })
            else { continue }
            for form in otherForms {
                let written = words[..<start].map(String.init) + [form] + words[(start + labelWords.count)...].map(String.init)
                result.append(written.joined(separator: " "))
            }
        }
        return result
    }
}
