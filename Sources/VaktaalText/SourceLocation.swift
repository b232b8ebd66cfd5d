/// Where something stands: a file, as the caller named it (relative paths stay relative),
/// and a range in it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file, as the caller named it.
    public var path: String
    /// The range in the file.
    public var range: SourceRange

    /// A location spanning `range` in `path`.
    public init(path: String, range: SourceRange) {
        self.path = path
        self.range = range
    }

    /// A single place in `path`.
    public init(path: String, line: Int, column: Int) {
        self.init(path: path, range: SourceRange(SourcePosition(line: line, column: column)))
    }

    /// The 1-based line where the range starts.
    public var line: Int { range.start.line }
    /// The 1-based column (code points) where the range starts.
    public var column: Int { range.start.column }

    /// `path:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.range) < (rhs.path, rhs.range)
    }
}
