import VaktaalText

/// One problem found by `vaktaal check` in a vocabulary or by `vaktaal lint` in a
/// document: which rule, how serious, what is wrong, where, and how to fix it.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    /// The rule that found it.
    public var rule: RuleID
    /// Error, warning or info.
    public var severity: Severity
    /// What is wrong, in one sentence, lowercase, terms in quotes.
    public var message: String
    /// Where; `nil` only for problems of a folder as a whole.
    public var location: SourceLocation?
    /// The URI of the concept concerned, if any.
    public var concept: String?
    /// The text found in a document, exactly as written (lint findings).
    public var match: String?
    /// The safe fix, if there is one.
    public var fix: Fix?
    /// In an office document: the part, slide or page and paragraph of `location`.
    public var documentPlace: DocumentPlace? {
        get { documentPlaceBox?.fields }
        set { documentPlaceBox = newValue.map(CopyOnWriteBox.init) }
    }
    /// ``documentPlace`` out of line: most findings have none, and a document may have a million.
    private var documentPlaceBox: CopyOnWriteBox<DocumentPlace>?

    /// Creates a finding.
    public init(
        rule: RuleID, severity: Severity, message: String, location: SourceLocation?, concept: String? = nil,
        match: String? = nil, fix: Fix? = nil, documentPlace: DocumentPlace? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.concept = concept
        self.match = match
        self.fix = fix
        self.documentPlaceBox = documentPlace.map(CopyOnWriteBox.init)
    }

    /// The replacement text of the fix, if there is one.
    public var replacement: String? { fix?.replacement }

    /// `path:line:column: severity: [rule] message`, like a compiler.
    public var description: String {
        var place = location.map { "\($0): " } ?? ""
        if let documentPlace, let location {
            place = "\(location.path): \(documentPlace), column \(location.column): "
        }
        return "\(place)\(severity.rawValue): [\(rule)] \(message)"
    }
}

extension Finding: Comparable {
    /// Orders by file, line, column, then rule id and message, so output is deterministic.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        let left = lhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        if (left.path, left.range.start) != (right.path, right.range.start) {
            return (left.path, left.range.start) < (right.path, right.range.start)
        }
        return (lhs.rule, lhs.message) < (rhs.rule, rhs.message)
    }
}

/// A safe fix as data: replace the text of `range` with `replacement`. The document's
/// format applies it (escaping for HTML, runs for office documents).
public struct Fix: Hashable, Sendable {
    /// The text to write instead.
    public var replacement: String
    /// What it replaces.
    public var range: SourceRange

    /// Creates a fix.
    public init(replacement: String, range: SourceRange) {
        self.replacement = replacement
        self.range = range
    }
}
