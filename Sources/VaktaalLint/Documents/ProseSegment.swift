import Foundation
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
    /// The stretches of the source inside the segment that are markup, not text (the tags
    /// of `<em>ment</em>or`, the `**` of `**leraar** in opleiding`): the decoded text leaves
    /// them out, so a term split by them is still found, but never fixed automatically.
    public let markup: [Range<Int>]
    /// The bytes of the source around a segment that is the source itself, which tell where
    /// its terms stand in their sentence (``TermContext``): the segment, or more of its line
    /// when the reader knows that what it left out there is words (a link or an address in
    /// plain text: "zie https://example.org IPabo" does not start a sentence at "IPabo").
    public let context: Range<Int>
    /// The language of the element the text stands in (HTML's `<p lang="en">`), when it is
    /// not the document's; `nil` for the document's.
    public let language: String?

    /// A segment that is the source bytes themselves, its terms' context the segment.
    public init(_ range: Range<Int>, language: String? = nil) {
        self.init(range, context: range, language: language)
    }

    /// A segment that is the source bytes themselves, its terms' context read in `context`
    /// (which holds `range`).
    public init(_ range: Range<Int>, context: Range<Int>, language: String? = nil) {
        sourceRange = range
        decoded = nil
        offsets = nil
        markup = []
        self.context = context.lowerBound <= range.lowerBound && context.upperBound >= range.upperBound ? context : range
        self.language = language
    }

    /// A segment whose text was decoded; `offsets[i]` is the source offset of decoded byte `i`.
    public init(sourceRange: Range<Int>, decoded: [UInt8], offsets: [Int]) {
        self.init(sourceRange: sourceRange, decoded: decoded, offsets: offsets, markup: [])
    }

    /// A decoded segment that leaves out the `markup` stretches of its source.
    public init(
        sourceRange: Range<Int>, decoded: [UInt8], offsets: [Int], markup: [Range<Int>], language: String? = nil
    ) {
        self.sourceRange = sourceRange
        self.decoded = decoded
        self.offsets = offsets
        self.markup = markup
        context = sourceRange
        self.language = language
    }
}

/// An inline instruction to the linter in a comment: `vaktaal-disable`, `vaktaal-enable`
/// or `vaktaal-disable-next-line`, optionally naming rules.
public struct InlineDirective: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case disable
        case enable
        /// Its own line (as markdownlint's and ESLint's `…-disable-line`).
        case disableLine
        /// The next line, and its own.
        case disableNextLine
        /// A word that starts as a directive but is none (`vaktaal-disable-lines`): it
        /// disables nothing, and the linter says so.
        case unknown(String)
    }

    public let kind: Kind
    /// The rules named; empty means all rules.
    public let rules: Set<RuleID>
    /// The 1-based line the directive is on.
    public let line: Int

    /// The directive in a comment's text (an HTML comment with or without its `<!--` and
    /// `-->`, or a line of plain text), if it opens with one: after the comment's start and
    /// any signs (`# vaktaal-disable`), not in the middle of a sentence that names it.
    public static func parse(_ comment: String, line: Int) -> InlineDirective? {
        var text = Substring(comment.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("<!--") { text = text.dropFirst(4) }
        if text.hasSuffix("-->") { text = text.dropLast(3) }
        let words = text.split { $0.isWhitespace || $0 == "," }.map(String.init)
        guard let index = words.firstIndex(where: { $0.contains { $0.isLetter } }), words[index].hasPrefix("vaktaal-")
        else { return nil }
        let kind: Kind
        switch words[index] {
        case "vaktaal-disable": kind = .disable
        case "vaktaal-enable": kind = .enable
        case "vaktaal-disable-line": kind = .disableLine
        case "vaktaal-disable-next-line": kind = .disableNextLine
        // A mistyped directive (`vaktaal-disable-lines`, `vaktaal-enabled`); other words that
        // start so (`vaktaal-lint draait …` in plain text) are no directive.
        case let word where word.hasPrefix("vaktaal-disable") || word.hasPrefix("vaktaal-enable"): kind = .unknown(word)
        default: return nil
        }
        let rules = words[(index + 1)...].prefix { $0 != "--" && $0 != "-->" && $0 != "*/" }
        return InlineDirective(kind: kind, rules: Set(rules.map { RuleID(rawValue: $0) }), line: line)
    }
}

/// What a document reader gives the linter.
public struct ReadDocument: Sendable {
    /// The text that segments, positions and fixes refer to: for text formats the bytes the
    /// reader was given (shared, not copied: for a large plain-text file, the file's pages
    /// mapped); for office documents the text of their paragraphs, one after the other.
    public let text: SourceBytes
    /// Where the prose may be, in `text`.
    public let segments: [ProseSegment]
    /// `vaktaal-disable` and the like.
    public let directives: [InlineDirective]
    /// The language the document declares (HTML `lang`, `w:lang`, …), if any.
    public let declaredLanguage: String?
    /// When not empty, positions are not lines of `text`: the reader names each paragraph's
    /// place, and a finding's line is its paragraph's ordinal in its part, its column the
    /// code points from the paragraph's start. In `text` order, not overlapping.
    public let paragraphs: [DocumentParagraph]
    /// Stretches of `text` whose terms are reported but never fixed, in order, not
    /// overlapping: the text of a Markdown link that is also its reference's label
    /// (`[mentor][]`), which a fix would part from its definition.
    public let unfixable: [Range<Int>]
    /// Places in `text`, in order, that a fix may not move text across: where an office
    /// document's link, bookmark or field begins or ends between two runs of a paragraph.
    public let splitPoints: [Int]

    /// Creates a read document whose positions are the lines and columns of `text`.
    public init(
        text: SourceBytes, segments: [ProseSegment], directives: [InlineDirective], declaredLanguage: String?,
        unfixable: [Range<Int>] = []
    ) {
        self.init(
            text: text, segments: segments, directives: directives, declaredLanguage: declaredLanguage, paragraphs: [],
            unfixable: unfixable)
    }

    /// Creates a read document whose positions the reader gives, paragraph by paragraph.
    public init(
        text: SourceBytes, segments: [ProseSegment], directives: [InlineDirective], declaredLanguage: String?,
        paragraphs: [DocumentParagraph], unfixable: [Range<Int>] = [], splitPoints: [Int] = []
    ) {
        self.text = text
        self.segments = segments
        self.directives = directives
        self.declaredLanguage = declaredLanguage
        self.paragraphs = paragraphs
        self.unfixable = unfixable
        self.splitPoints = splitPoints
    }

    /// Whether a term at `range` may be fixed: it overlaps no ``unfixable`` stretch, and no
    /// split point lies inside it.
    func mayFix(_ range: Range<Int>) -> Bool {
        if !splitPoints.isEmpty {
            let next = splitPoints.partitioningIndex { $0 > range.lowerBound }
            if next < splitPoints.count, splitPoints[next] < range.upperBound { return false }
        }
        guard !unfixable.isEmpty else { return true }
        let next = unfixable.partitioningIndex { $0.upperBound > range.lowerBound }
        return next == unfixable.count || !unfixable[next].overlaps(range)
    }
}

/// A paragraph of a document whose reader gives positions: its bytes in the read text and
/// its place.
public struct DocumentParagraph: Sendable, Equatable {
    /// The paragraph's bytes in ``ReadDocument/text``.
    public let range: Range<Int>
    /// Where it is: part, slide or page, paragraph.
    public let place: DocumentPlace
    /// Whether fixes can be written back (not for image descriptions, which are attributes).
    public let isFixable: Bool

    /// Creates a paragraph.
    public init(range: Range<Int>, place: DocumentPlace, isFixable: Bool = true) {
        self.range = range
        self.place = place
        self.isFixable = isFixable
    }
}

/// What a reader may be asked to read beyond the prose every format has.
public struct ReadingOptions: Sendable, Hashable {
    /// Office documents: include the descriptions (alternative text) of images.
    public var includesAltText: Bool
    /// Markdown: the front matter keys whose values are prose (`title`, `description`);
    /// the rest of the front matter is skipped.
    public var frontMatterKeys: [String]

    /// What is read unless asked otherwise: no alternative text, no front matter.
    public static let standard = ReadingOptions()

    /// Options for reading.
    public init(includesAltText: Bool = false, frontMatterKeys: [String] = []) {
        self.includesAltText = includesAltText
        self.frontMatterKeys = frontMatterKeys
    }
}
