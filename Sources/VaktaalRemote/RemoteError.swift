import Foundation

/// Why talking to a vaktaal service failed, in words a partner understands.
public enum RemoteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL is not one of a vaktaal service or scheme.
    case invalidURL(String, reason: String)
    /// The service could not be reached (refused, timed out, name unknown).
    case unreachable(url: String, reason: String)
    /// The service has no such scheme (404).
    case notFound(url: String)
    /// 401: no token, or one the service does not know.
    case unauthorized(url: String, tokenGiven: Bool)
    /// 403: the token may not publish this scheme, or publishing is off.
    case forbidden(url: String, message: String)
    /// 412: someone published the scheme since our last pull.
    case publishedInBetween(url: String)
    /// The scheme is on the service but was never pulled here, so a publish would overwrite it blindly.
    case neverPulled(url: String)
    /// 422: the service found errors in the vocabulary; each finding as one line.
    case rejected(url: String, findings: [String])
    /// Any other answer.
    case unexpectedStatus(url: String, status: Int, message: String)
    /// The service answered with another scheme than the one asked for.
    case otherScheme(url: String, asked: String, got: String)
    /// The last pull left conflicts in the file (our side kept) and it did not change since:
    /// publishing it would overwrite the other side unseen.
    case unresolvedConflicts(path: String, scheme: String)

    /// Whether the service answered and refused (exit 1), rather than a bad URL or no answer (exit 2).
    public var isRefusal: Bool {
        switch self {
        case .unauthorized, .forbidden, .publishedInBetween, .neverPulled, .rejected, .unresolvedConflicts: true
        case .invalidURL, .unreachable, .notFound, .unexpectedStatus, .otherScheme: false
        }
    }

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            "\(url): error: not a vaktaal service URL: \(reason)"
        case .unreachable(let url, let reason):
            "\(url): error: the service cannot be reached: \(reason)"
        case .notFound(let url):
            "\(url): error: the service has no such scheme (404)"
        case .unauthorized(let url, let tokenGiven):
            tokenGiven
                ? "\(url): error: not published: the service does not accept the token in VAKTAAL_TOKEN (401); "
                    + "check that it is the token you were given for this scheme"
                : "\(url): error: not published: the service needs your publishing token (401); "
                    + "set VAKTAAL_TOKEN to the token you were given for this scheme"
        case .forbidden(let url, let message):
            "\(url): error: not published: the service refuses this token for the scheme (403): \(message)"
        case .publishedInBetween(let url):
            "\(url): error: not published: someone published the scheme in between (412); "
                + "pull first (vaktaal pull), look at what came in, then publish again"
        case .neverPulled(let url):
            "\(url): error: not published: the service already has this scheme and it was never pulled here; "
                + "pull first (vaktaal pull), then publish"
        case .rejected(let url, let findings):
            (["\(url): error: not published: the service found errors in the vocabulary (422); nothing was changed"]
                + findings.map { "  " + $0 }).joined(separator: "\n")
        case .otherScheme(let url, let asked, let got):
            "\(url): error: the service answered with the scheme '\(got)', not '\(asked)': nothing was written"
        case .unexpectedStatus(let url, let status, let message):
            "\(url): error: the service answered \(status)" + (message.isEmpty ? "" : ": \(message)")
        case .unresolvedConflicts(let path, let scheme):
            "\(path): error: not published: the last pull left conflicts in this file (our side kept, theirs listed "
                + "then); look at them and edit the file, then publish. To publish it as it is, delete "
                + ".vaktaal/pulled/\(scheme).conflicts beside it"
        }
    }
}

extension RemoteError: LocalizedError {
    /// The same text as `description`.
    public var errorDescription: String? { description }
}
