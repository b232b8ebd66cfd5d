import Foundation
import VaktaalRDF
import VaktaalText

/// Why a file could not be imported. Every case names the file, and where the problem has
/// one, the line and column.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(path: String)
    /// Neither the extension nor the content says which format the file is in.
    case unknownFormat(path: String)
    /// The file breaks its syntax at this place.
    case malformed(path: String, position: SourcePosition, message: String)
    /// The file holds no concept.
    case noConcepts(path: String)
    /// The spreadsheet has no row with a preferred term under its header.
    case noRows(path: String)
    /// `--scheme` names a scheme the file does not have.
    case schemeNotFound(path: String, scheme: String, available: [String])
    /// A file to write exists and `--force` was not given.
    case outputExists(path: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .unreadable(let path), .unknownFormat(let path), .malformed(let path, _, _), .noConcepts(let path),
            .noRows(let path), .schemeNotFound(let path, _, _), .outputExists(let path):
            path
        }
    }

    /// The message without the location.
    public var message: String {
        switch self {
        case .unreadable: "the file cannot be read"
        case .unknownFormat:
            "cannot tell the format from the extension or the content: give --from "
                + ImportFormat.allCases.map(\.rawValue).joined(separator: "|")
        case .malformed(_, _, let message): message
        case .noConcepts: "the file holds no concepts (nothing typed skos:Concept or described with SKOS properties)"
        case .noRows: "the sheet has no row with a preferred term under its header"
        case .schemeNotFound(_, let scheme, let available):
            "no concept scheme '\(scheme)' in the file"
                + (available.isEmpty ? "" : " (it has: \(available.joined(separator: ", ")))")
        case .outputExists: "the file exists: give --force to replace it"
        }
    }

    public var description: String {
        switch self {
        case .malformed(let path, let position, let message): "\(path):\(position.line):\(position.column): error: \(message)"
        default: "\(path): error: \(message)"
        }
    }

    init(_ error: RDFParseError) {
        switch error {
        case .unreadable(let path): self = .unreadable(path: path)
        case .syntax(let path, let position, let message): self = .malformed(path: path, position: position, message: message)
        }
    }
}

extension ImportError: LocalizedError {
    /// The same text as `description`, for callers that show `localizedDescription`.
    public var errorDescription: String? { description }
}
