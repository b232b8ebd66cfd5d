import Foundation
import VaktaalText

/// Why a file could not be read as RDF. Every case names the file and, where the problem
/// has one, the line and column, so messages read like a compiler's.
public enum RDFParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read (it does not exist, or the system refuses).
    case unreadable(path: String)
    /// The text breaks the syntax's grammar at this place.
    case syntax(path: String, position: SourcePosition, message: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .unreadable(let path), .syntax(let path, _, _): path
        }
    }

    /// Where in the file the problem is; line 1, column 1 for whole-file problems.
    public var position: SourcePosition {
        switch self {
        case .unreadable: SourcePosition.start
        case .syntax(_, let position, _): position
        }
    }

    /// The message without the location prefix.
    public var message: String {
        switch self {
        case .unreadable: "the file cannot be read"
        case .syntax(_, _, let message): message
        }
    }

    public var description: String { "\(path):\(position.line):\(position.column): error: \(message)" }
}

extension RDFParseError: LocalizedError {
    /// The same text as `description`, for callers that show `localizedDescription`.
    public var errorDescription: String? { description }
}
