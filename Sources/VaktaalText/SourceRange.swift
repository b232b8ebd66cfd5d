/// A stretch of a text file: from `start` up to `end` (exclusive), and, where the reader
/// knows them, the byte offsets of the same stretch in the source, which fixes edit.
public struct SourceRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Where the stretch starts.
    public var start: SourcePosition
    /// Where it ends (exclusive); equal to `start` for a single place.
    public var end: SourcePosition
    /// The byte offsets of the stretch in the source, when known.
    public var bytes: Range<Int>?

    /// A stretch from `start` to `end`.
    public init(start: SourcePosition, end: SourcePosition, bytes: Range<Int>? = nil) {
        self.start = start
        self.end = end
        self.bytes = bytes
    }

    /// A single place.
    public init(_ position: SourcePosition) {
        self.init(start: position, end: position)
    }

    /// `line:column`, the start, as compilers print a place.
    public var description: String { start.description }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
