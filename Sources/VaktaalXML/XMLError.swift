import Foundation
import VaktaalText

/// Why a document could not be read as XML. Every case names the file and, where the
/// problem has one, the line and column, so messages read like a compiler's.
public enum XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes, or only white space and a byte order mark.
    case empty(path: String)
    /// The file holds NUL bytes: it is binary, not text.
    case binary(path: String)
    /// The file is UTF-16 text (``UTF16Detection``), which the format does not take.
    case utf16(path: String)
    /// The bytes are not well-formed XML (or not proper UTF-8) at this place.
    case malformed(path: String, position: SourcePosition, message: String)
    /// The document has a `<!DOCTYPE`: refused, because DTDs can declare entities that read
    /// local files or expand without bound.
    case doctypeNotAllowed(path: String, position: SourcePosition)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .empty(let path), .binary(let path), .utf16(let path), .malformed(let path, _, _),
            .doctypeNotAllowed(let path, _):
            return path
        }
    }

    /// Where in the file the problem is; line 1, column 1 for whole-file problems.
    public var position: SourcePosition {
        switch self {
        case .empty, .binary, .utf16: return SourcePosition(line: 1, column: 1)
        case .malformed(_, let position, _), .doctypeNotAllowed(_, let position): return position
        }
    }

    /// The message without the location prefix.
    public var message: String {
        switch self {
        case .empty: return "the file is empty"
        case .binary: return "the file is binary (it contains NUL bytes), not XML text"
        case .utf16: return "the file is UTF-16 text (what Notepad calls Unicode), not UTF-8: save it as UTF-8"
        case .malformed(_, _, let message): return message
        case .doctypeNotAllowed:
            return "DOCTYPE declarations are not allowed (they can declare entities that read files or explode in size)"
        }
    }

    public var description: String { "\(path):\(position.line):\(position.column): error: \(message)" }
}

extension XMLError: LocalizedError {
    /// The same text as `description`, for callers that show `localizedDescription`.
    public var errorDescription: String? { description }
}
