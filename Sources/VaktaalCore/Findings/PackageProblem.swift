import Foundation
import VaktaalText

/// Why an office document (a ZIP package of XML parts: DOCX, PPTX, ODT, ODP) could not be
/// read or fixed. Each is reported for that file while the others are still linted.
public enum PackageProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are no ZIP archive at all.
    case notAZIP
    /// The ZIP archive is damaged (its directory or a part's data do not add up).
    case damaged(reason: String)
    /// The document is password-protected: its parts are encrypted.
    case encrypted
    /// A part the format needs is missing.
    case missingPart(String)
    /// A part is not well-formed XML, or declares a DOCTYPE or entities.
    case malformedPart(part: String, position: SourcePosition, message: String)
    /// A part would expand past the size limit.
    case partTooLarge(part: String, size: UInt64, limit: UInt64)
    /// A part is compressed beyond the ratio any real document has (a ZIP bomb).
    case compressionRatio(part: String, ratio: UInt64, limit: UInt64)
    /// The parts read expand, together, past what the package's size allows (many small
    /// parts that each stay under the limits: a ZIP bomb too).
    case packageTooLarge(size: UInt64, limit: UInt64)
    /// An entry or a relationship points outside the package (`../`, an absolute path).
    case pathEscapes(String)
    /// The main part is of another kind of document than the extension says (a
    /// presentation saved as `.docx`): its root element is `found`, not `expected`.
    case otherDocumentKind(part: String, found: String, expected: String)

    /// The reason, as reports show it.
    public var description: String {
        switch self {
        case .notAZIP:
            "not a ZIP package (DOCX, PPTX, ODT and ODP files are ZIP archives of XML parts): damaged or another format"
        case .damaged(let reason): "damaged ZIP package: \(reason)"
        case .encrypted: "password-protected (encrypted): open it without a password and save it again to lint it"
        case .missingPart(let part): "the package has no '\(part)' part"
        case .malformedPart(let part, let position, let message): "\(part):\(position.line):\(position.column): error: \(message)"
        case .partTooLarge(let part, let size, let limit):
            "the part '\(part)' expands to \(size) bytes, more than the limit of \(limit) (a ZIP bomb?)"
        case .compressionRatio(let part, let ratio, let limit):
            "the part '\(part)' is compressed \(ratio):1, beyond the limit of \(limit):1 (a ZIP bomb?)"
        case .packageTooLarge(let size, let limit):
            "the parts expand to \(size) bytes together, more than the limit of \(limit) for this package (a ZIP bomb?)"
        case .pathEscapes(let path): "the path '\(path)' points outside the package"
        case .otherDocumentKind(let part, let found, let expected):
            "the main part '\(part)' is a '\(found)', not a '\(expected)': is the file's extension the right one?"
        }
    }
}

extension PackageProblem: LocalizedError {
    /// The same text as `description`, for callers that show `localizedDescription`.
    public var errorDescription: String? { description }
}
