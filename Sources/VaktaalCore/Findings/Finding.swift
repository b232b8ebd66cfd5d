import VaktaalText

/// One problem found by `vaktaal check` in a vocabulary or by `vaktaal lint` in a
/// document: which rule, how serious, what is wrong, where, and how to fix it.
///
/// What a finding says (rule, severity, message, file, concept, match and replacement) is
/// kept in one shared record; the finding itself holds that record and its place. Findings
/// that say the same (one term written the same way a million times in a document) share the
/// record: a finding is then a small value, and copying it retains one object.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    // The stored parts are seen by the inlinable accessors that reports read a finding with
    // where it lies (an opaque call would take a copy of it, retaining its record). They are
    // changed only through the accessors: the record is shared, and changed in place only
    // through `CopyOnWriteBox.unique`.
    /// What the finding says, shared with the findings that say the same; changed only
    /// through `CopyOnWriteBox.unique`.
    @usableFromInline var said: CopyOnWriteBox<Said>
    /// The range of ``location``, or the start of a file when there is no location.
    @usableFromInline var range: SourceRange
    /// ``documentPlace`` out of line: most findings have none, and a document may have a million.
    @usableFromInline var documentPlaceBox: CopyOnWriteBox<DocumentPlace>?

    /// The parts of a finding that many findings share.
    @usableFromInline package struct Said: Equatable, Sendable {
        var rule: RuleID
        var severity: Severity
        var message: String
        /// The file of the location; `nil` when the finding has no location.
        var path: String?
        var concept: String?
        var match: String?
        /// The fix's replacement.
        var replacement: String?
        /// The fix's range when it is not the finding's own.
        var fixRange: SourceRange?

        /// What a finding of `rule` says.
        package init(
            rule: RuleID, severity: Severity, message: String, path: String?, concept: String?, match: String?,
            replacement: String?
        ) {
            self.rule = rule
            self.severity = severity
            self.message = message
            self.path = path
            self.concept = concept
            self.match = match
            self.replacement = replacement
        }
    }

    /// Creates a finding.
    public init(
        rule: RuleID, severity: Severity, message: String, location: SourceLocation?, concept: String? = nil,
        match: String? = nil, fix: Fix? = nil, documentPlace: DocumentPlace? = nil
    ) {
        let range = location?.range ?? SourceRange(.start)
        var said = Said(
            rule: rule, severity: severity, message: message, path: location?.path, concept: concept, match: match,
            replacement: fix?.replacement)
        if let fix, fix.range != range { said.fixRange = fix.range }
        self.init(sharing: CopyOnWriteBox(said), range: range, documentPlace: documentPlace)
    }

    /// A finding at `range` that says what `said` says, sharing it. `said` names a path
    /// unless the finding has no location (then `range` is the start of a file), and a fix
    /// in it applies to `range` unless it names its own.
    package init(sharing said: CopyOnWriteBox<Said>, range: SourceRange, documentPlace: DocumentPlace?) {
        assert(said.fields.path != nil || range == SourceRange(.start), "a finding at a range has a location")
        self.said = said
        self.range = range
        documentPlaceBox = documentPlace.map(CopyOnWriteBox.init)
    }

    /// The rule that found it.
    public var rule: RuleID {
        get { said.fields.rule }
        set { CopyOnWriteBox.unique(&said).fields.rule = newValue }
    }

    /// Error, warning or info.
    public var severity: Severity {
        get { said.fields.severity }
        set { CopyOnWriteBox.unique(&said).fields.severity = newValue }
    }

    /// What is wrong, in one sentence, lowercase, terms in quotes.
    public var message: String {
        get { said.fields.message }
        set { CopyOnWriteBox.unique(&said).fields.message = newValue }
    }

    /// Where; `nil` only for problems of a folder as a whole.
    public var location: SourceLocation? {
        get { said.fields.path.map { SourceLocation(path: $0, range: range) } }
        set {
            let newRange = newValue?.range ?? SourceRange(.start)
            // A fix on the old range keeps that range; one on the new range needs none of its own.
            var fixRange = said.fields.fixRange
            if said.fields.replacement != nil, fixRange == nil, newRange != range { fixRange = range }
            if fixRange == newRange { fixRange = nil }
            // What the finding says changes only when its file or its fix's range does: moved
            // within its file, it keeps sharing.
            let samePath =
                switch (newValue?.path, said.fields.path) {
                case (nil, nil): true
                case (let new?, let old?): new.hasSameUTF8Bytes(as: old)
                default: false
                }
            if !samePath || fixRange != said.fields.fixRange {
                let fields = CopyOnWriteBox.unique(&said)
                fields.fields.path = newValue?.path
                fields.fields.fixRange = fixRange
            }
            range = newRange
        }
    }

    /// The URI of the concept concerned, if any.
    public var concept: String? {
        get { said.fields.concept }
        set { CopyOnWriteBox.unique(&said).fields.concept = newValue }
    }

    /// The text found in a document, exactly as written (lint findings).
    public var match: String? {
        get { said.fields.match }
        set { CopyOnWriteBox.unique(&said).fields.match = newValue }
    }

    /// The safe fix, if there is one.
    public var fix: Fix? {
        get { said.fields.replacement.map { Fix(replacement: $0, range: said.fields.fixRange ?? range) } }
        set {
            let fields = CopyOnWriteBox.unique(&said)
            fields.fields.replacement = newValue?.replacement
            fields.fields.fixRange = newValue.flatMap { $0.range == range ? nil : $0.range }
        }
    }

    /// In an office document: the part, slide or page and paragraph of `location`.
    public var documentPlace: DocumentPlace? {
        @inlinable get { documentPlaceBox?.fields }
        set { documentPlaceBox = newValue.map(CopyOnWriteBox.init) }
    }

    /// Whether the finding has a ``documentPlace``, told without copying it out of its box.
    @inlinable package var isInOfficeDocument: Bool { documentPlaceBox != nil }

    /// The replacement text of the fix, if there is one.
    public var replacement: String? { said.fields.replacement }

    /// Where the finding is; the start of the file for findings about a whole folder.
    @inlinable package var place: SourceRange { range }

    /// Which record of what it says the finding holds: findings of one identity say the same
    /// (rule, severity, message, file, concept, match, replacement), as long as they live and
    /// are not changed.
    @inlinable package var saidIdentity: ObjectIdentifier { ObjectIdentifier(said) }

    /// `path:line:column: severity: [rule] message`, like a compiler.
    public var description: String {
        var place = location.map { "\($0): " } ?? ""
        if let documentPlace, let location {
            place = "\(location.path): \(documentPlace), column \(location.column): "
        }
        return "\(place)\(severity.rawValue): [\(rule)] \(message)"
    }

    /// Findings are equal when everything they say and where is equal, shared or not.
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.range == rhs.range && lhs.documentPlaceBox == rhs.documentPlaceBox
            // A fix's range is kept only where it differs from the finding's: at one range, equal fixes are kept alike.
            && (lhs.said === rhs.said || lhs.said.fields == rhs.said.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(documentPlace)
        hasher.combine(rule)
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(said.fields.path)
        hasher.combine(concept)
        hasher.combine(match)
        hasher.combine(fix)
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
