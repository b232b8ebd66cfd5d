import VaktaalCore

/// A stretch of prose in a document, where terms are looked for. Terms never span two
/// segments.
public struct ProseSegment: Sendable, Equatable {
    /// The bytes of the source that the segment covers.
    public let sourceRange: Range<Int>
    /// The decoded text when it differs from the source (HTML entities); `nil` when the
    /// segment is the source bytes themselves.
    public let decoded: [UInt8]?
    /// For decoded text: the source offset of each decoded byte, plus one for the end.
    public let offsets: [Int]?

    /// A segment that is the source bytes themselves.
    public init(_ range: Range<Int>) {
        sourceRange = range
        decoded = nil
        offsets = nil
    }

    /// A segment whose text was decoded; `offsets[i]` is the source offset of decoded byte `i`.
    public init(sourceRange: Range<Int>, decoded: [UInt8], offsets: [Int]) {
        self.sourceRange = sourceRange
        self.decoded = decoded
        self.offsets = offsets
    }
}

/// An inline instruction to the linter in a comment: `vaktaal-disable`, `vaktaal-enable`
/// or `vaktaal-disable-next-line`, optionally naming rules.
public struct InlineDirective: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case disable
        case enable
        case disableNextLine
    }

    public let kind: Kind
    /// The rules named; empty means all rules.
    public let rules: Set<RuleID>
    /// The 1-based line the directive is on.
    public let line: Int

    /// The directive in a comment's text, if it holds one.
    public static func parse(_ comment: String, line: Int) -> InlineDirective? {
        let words = comment.split { $0.isWhitespace || $0 == "," }.map(String.init)
        guard let index = words.firstIndex(where: { $0.hasPrefix("vaktaal-") }) else { return nil }
        let kind: Kind
        switch words[index] {
        case "vaktaal-disable": kind = .disable
        case "vaktaal-enable": kind = .enable
        case "vaktaal-disable-next-line": kind = .disableNextLine
        default: return nil
        }
        let rules = words[(index + 1)...].prefix { $0 != "--" && $0 != "-->" && $0 != "*/" }
        return InlineDirective(kind: kind, rules: Set(rules.map { RuleID(rawValue: $0) }), line: line)
    }
}

/// What a document reader gives the linter.
public struct ReadDocument: Sendable {
    /// The text that segments, positions and fixes refer to: for text formats the source
    /// bytes themselves (shared, not copied).
    public let text: [UInt8]
    /// Where the prose may be, in `text`.
    public let segments: [ProseSegment]
    /// `vaktaal-disable` and the like.
    public let directives: [InlineDirective]
    /// The language the document declares (HTML `lang`), if any.
    public let declaredLanguage: String?

    /// Creates a read document.
    public init(text: [UInt8], segments: [ProseSegment], directives: [InlineDirective], declaredLanguage: String?) {
        self.text = text
        self.segments = segments
        self.directives = directives
        self.declaredLanguage = declaredLanguage
    }
}
