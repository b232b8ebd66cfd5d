/// A place in a text file: a 1-based line and a 1-based column counted in Unicode code
/// points (scalar values). `\n`, `\r\n` and a lone `\r` each end a line.
///
/// Stored in eight bytes, since every label and note of a loaded vocabulary keeps one.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    private var storedLine: Int32
    private var storedColumn: Int32

    /// The start of a file: line 1, column 1.
    public static let start = SourcePosition(line: 1, column: 1)

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// The 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// The 1-based column in code points.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    /// The position after `text`, read from this position on.
    public func advanced(over text: some StringProtocol) -> SourcePosition {
        var result = self
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                break
            case "\n", "\r":
                result.line += 1
                result.column = 1
            default:
                result.column += 1
            }
            previousWasCarriageReturn = scalar == "\r"
        }
        return result
    }

    /// This position in the file at `path`.
    public func located(in path: String) -> SourceLocation {
        SourceLocation(path: path, range: SourceRange(self))
    }
}
