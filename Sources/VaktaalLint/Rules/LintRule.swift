import VaktaalCore
import VaktaalText

/// A term found in a document, with everything rules need to judge it.
public struct FoundTerm: Sendable {
    /// The term's place among the document's terms (``DocumentTerms/terms``).
    public let index: Int
    /// Where the match starts and ends (exclusive), with its bytes in the document's text.
    public let place: SourceRange
    /// The byte range in the document's text (kept in ``place`` only: the passes over a
    /// document's terms read them all, 72 bytes a term rather than 88).
    public var range: Range<Int> { place.bytes! }
    /// The source text.
    public var text: String { shared.text }
    /// The source text as a message quotes it, on one line: a term written across a line
    /// break is quoted with one space for the break and the spaces around it (a report line
    /// of `file:line:column: message` must stay one line).
    public var quotedText: String {
        // Most terms have no byte of a line break (LF, VT, FF, CR) nor any beyond ASCII: looked
        // at as bytes first, since walking characters costs a message of a large text 2%.
        guard text.withUTF8Bytes({ $0.contains { $0 &- 0x0A < 4 || $0 >= 0x80 } }), text.contains(where: \.isNewline) else {
            return text
        }
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { String($0.drop(while: isSpace).reversed().drop(while: isSpace).reversed()) }
            .joined(separator: " ")
    }
    /// Which of the document's distinct terms this is: terms of one variant are one label
    /// form written one way, byte for byte (numbered from 0 below ``DocumentTerms/variantCount``).
    public var variant: Int { shared.variant }
    /// The label form that matched.
    public var entry: IndexEntry { shared.entry }
    /// ``variant``, ``text`` and ``entry``, which the terms of one variant share.
    let shared: Shared
    /// In an office document: the part, slide or page and paragraph.
    public var documentPlace: DocumentPlace? { documentPlaceBox?.fields }
    /// ``documentPlace`` out of line: most terms have none, and a document may have a million.
    private let documentPlaceBox: CopyOnWriteBox<DocumentPlace>?
    /// Whether a replacement may be written back: not when inline markup splits the term
    /// (`<em>ment</em>or`), nor in image descriptions.
    public let canFix: Bool
    /// Where the term stands in its sentence, for a use of an allowed name whose text is not
    /// the label form as written (``NameCasing`` judges its casing by it).
    public let context: TermContext?

    /// What the terms of one variant have in common, held once: a document may name one
    /// term a million times, and a term is then its place and a reference to this.
    final class Shared: Sendable {
        let variant: Int
        let text: String
        let entry: IndexEntry

        init(variant: Int, text: String, entry: IndexEntry) {
            self.variant = variant
            self.text = text
            self.entry = entry
        }
    }

    init(
        index: Int, place: SourceRange, range: Range<Int>, shared: Shared, documentPlace: DocumentPlace?, canFix: Bool,
        context: TermContext?
    ) {
        assert(place.bytes == nil || place.bytes == range, "a term's place holds its byte range")
        self.index = index
        var place = place
        place.bytes = range
        self.place = place
        self.shared = shared
        documentPlaceBox = documentPlace.map(CopyOnWriteBox.init)
        self.canFix = canFix
        self.context = context
    }

    /// `term` at `index`, sharing `shared` (its variant's text, with its form renamed into an excerpt).
    init(_ term: borrowing FoundTerm, index: Int, shared: Shared) {
        self.index = index
        place = term.place
        self.shared = shared
        documentPlaceBox = term.documentPlaceBox
        canFix = term.canFix
        context = term.context
    }

    /// The 1-based line of the match (for inline directives).
    public var line: Int { place.start.line }
}

/// A label of a concept, for counting how often a document uses it.
public struct LabelUse: Hashable, Sendable {
    /// The concept.
    public let concept: ConceptKey
    /// The label's index in the concept's labels; −1 for a notation.
    public let label: Int

    /// The label that `entry` is a form of.
    public init(_ entry: IndexEntry) {
        self.init(concept: entry.concept, label: entry.labelIndex ?? -1)
    }

    /// The label that the matched `form` is a form of.
    init(_ form: MatchedForm) {
        self.init(concept: form.concept, label: form.labelIndex ?? -1)
    }

    /// Label `label` of `concept` (−1 for a notation).
    public init(concept: ConceptKey, label: Int) {
        self.concept = concept
        self.label = label
    }
}

/// The terms of one document as rules judge them. A document uses the labels of its
/// vocabulary far more often than it misuses one: every use of an outdated or misspelled
/// label or of a deprecated concept is a term here, but an allowed label only on its first
/// use (and wherever a name is written in another casing), and that only when a rule may
/// judge it: when it is an abbreviation or the document uses another label of its concept
/// too; its uses are counted. So the work after matching grows with what can be reported,
/// not with the text.
public struct DocumentTerms: Sendable {
    /// The terms, in document order.
    public let terms: [FoundTerm]
    /// How many times the document uses each label of an allowed kind.
    public let uses: [LabelUse: Int]
    /// How many distinct terms (``FoundTerm/variant``) there are.
    public let variantCount: Int
}

/// What a rule reports: a found term and its verdict. The term is named by its place among
/// the document's terms, not copied, and a verdict may be shared: a rule may report a million.
public struct RuleFinding: Sendable {
    /// The term's ``FoundTerm/index``.
    public let termIndex: Int
    /// What the rule says of the term; the findings a rule gives for one term written one
    /// way share it (``TermVerdicts``).
    let verdict: RuleVerdict

    /// What is wrong.
    public var message: String { verdict.message }
    /// The safe fix's text, if there is one.
    public var replacement: String? { verdict.replacement }
    /// The severity the vocabulary gives this label, if it gives one.
    public var labelSeverity: Severity? { verdict.labelSeverity }

    /// A finding about `term`.
    public init(term: FoundTerm, message: String, replacement: String?, labelSeverity: Severity?) {
        self.init(
            termIndex: term.index,
            verdict: RuleVerdict(message: message, replacement: replacement, labelSeverity: labelSeverity))
    }

    /// A finding about the term at `termIndex` that says what `verdict` says.
    init(termIndex: Int, verdict: RuleVerdict) {
        self.termIndex = termIndex
        self.verdict = verdict
    }
}

/// A rule's message, replacement and label severity for a term. One object, so that the
/// findings that say the same share it and are recognized as saying the same.
final class RuleVerdict: Sendable {
    let message: String
    let replacement: String?
    let labelSeverity: Severity?

    init(message: String, replacement: String?, labelSeverity: Severity?) {
        self.message = message
        self.replacement = replacement
        self.labelSeverity = labelSeverity
    }
}

/// Examples of a rule, run by the tests against the shipped vocabulary: in `triggering`,
/// `↓` marks where each finding starts.
public struct RuleExamples: Sendable {
    public let triggering: [String]
    public let nonTriggering: [String]
}

/// One rule of `vaktaal lint`.
public protocol LintRule: Sendable {
    /// The stable rule id.
    var id: RuleID { get }
    /// Its severity unless the label or the configuration says otherwise.
    var defaultSeverity: Severity { get }
    /// Whether its replacements are safe fixes that `--fix` applies.
    var canFix: Bool { get }
    /// One line saying what the rule wants.
    var summary: String { get }
    /// Triggering and non-triggering examples.
    var examples: RuleExamples { get }
    /// The findings in one document's terms.
    func findings(in document: DocumentTerms, set: VocabularySet) -> [RuleFinding]
}

extension LintRule {
    /// The rule for reports.
    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, summary: summary, defaultSeverity: defaultSeverity, canFix: canFix)
    }

    /// The finding for an outdated term: the replacement in the matching form with the
    /// text's case pattern, the label's own severity, and the message "'term' `says`", with
    /// the date the label went out of use when `dated` (" since 2025-09-01") and the
    /// replacement after `verb` (": use 'werkplekbegeleider'"). A preferred label without the
    /// term's grammatical form (no plural for a plural) is named in the message but is no
    /// fix: written in its place it would be another form.
    func outdatedTermFinding(
        _ term: FoundTerm, set: VocabularySet, says: String, dated: Bool = false, suggesting verb: String
    ) -> RuleFinding? {
        guard let index = term.entry.labelIndex else { return nil }
        let label = set[term.entry.concept].labels[index]
        let replacement = set.replacementForm(for: term.entry)
        let suggested = replacement.map {
            ApostropheMirror.apply(
                CaseMirror.apply(
                    $0.text, like: term.text, writtenAsIs: label.isCaseSensitive || $0.isCaseSensitive,
                    capitalIsTheVocabularys: CaseMirror.startsWithCapital(label.text)),
                like: term.text)
        }
        let since = dated ? label.since : nil
        func ifSuggested(_ part: String) -> String { suggested == nil ? "" : part }
        // Written at once: a text of a large vocabulary has thousands of outdated terms.
        let message = String(
            concatenating: "'", term.quotedText, "' ", says, since == nil ? "" : " since ", since ?? "", ifSuggested(": "),
            ifSuggested(verb), ifSuggested(" '"), suggested ?? "", ifSuggested("'"))
        return RuleFinding(
            term: term, message: message, replacement: replacement?.isSameForm == true ? suggested : nil,
            labelSeverity: label.severity)
    }
}

/// The replacement keeps the text's typographic apostrophe: where the writer (or Word's
/// autocorrect) wrote ’ and not ', the replacement's ' is written ’ too ("portofolio’s" →
/// "portfolio’s"), also where HTML writes it as a reference (`&rsquo;`, `&#8217;`, `&#x2019;`).
enum ApostropheMirror {
    static func apply(_ replacement: String, like source: String) -> String {
        // Looked for in the bytes: a rule asks for every variant it judges.
        let apostrophe = UInt8(ascii: "'")
        guard replacement.withUTF8Bytes({ $0.contains(apostrophe) }), !source.withUTF8Bytes({ $0.contains(apostrophe) }),
            hasTypographicApostrophe(source)
        else { return replacement }
        return replacement.replacingOccurrences(of: "'", with: "\u{2019}")
    }

    private static func hasTypographicApostrophe(_ source: String) -> Bool {
        if source.unicodeScalars.contains("\u{2019}") { return true }
        guard source.withUTF8Bytes({ $0.contains(UInt8(ascii: "&")) }) else { return false }
        let lowered = source.lowercased()
        return ["&rsquo;", "&#8217;", "&#x2019;"].contains { lowered.contains($0) }
    }
}
