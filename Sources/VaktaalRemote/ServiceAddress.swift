/// Where a scheme lives on a vaktaal service: the service's base URL and the scheme id.
///
/// Read from what a partner types: the service's base (`http://127.0.0.1:8080`, with the
/// scheme id given apart) or the URL of the scheme itself (`…/v1/schemes/lerarenopleiding`).
public struct ServiceAddress: Hashable, Sendable, CustomStringConvertible {
    /// The service's base URL, without a trailing slash (`https://begrippen.example.org`).
    public let base: String
    /// The scheme's id (`lerarenopleiding`).
    public let scheme: String

    /// Reads a URL and an optional scheme id; the id in the URL wins when both are given and agree.
    ///
    /// - Throws: ``RemoteError/invalidURL(_:reason:)`` for a URL that is not http(s), names no
    ///   scheme while none is given, or names another scheme than `scheme`.
    public init(_ url: String, scheme: String? = nil) throws(RemoteError) {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw .invalidURL(url, reason: "a service URL starts with http:// or https://")
        }
        var trimmed = Substring(url)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if let range = trimmed.range(of: "/v1/schemes/") {
            let named = String(trimmed[range.upperBound...])
            guard !named.isEmpty, !named.contains("/"), !named.contains("?") else {
                throw .invalidURL(url, reason: "expected …/v1/schemes/ID")
            }
            if let scheme, scheme != named {
                throw .invalidURL(url, reason: "the URL names the scheme '\(named)', --scheme says '\(scheme)'")
            }
            base = String(trimmed[..<range.lowerBound])
            self.scheme = named
        } else {
            guard let scheme, !scheme.isEmpty else {
                throw .invalidURL(url, reason: "name the scheme: --scheme ID, or the URL …/v1/schemes/ID")
            }
            base = String(trimmed)
            self.scheme = scheme
        }
    }

    /// `base/v1/schemes/scheme`.
    public var schemeURL: String { "\(base)/v1/schemes/\(scheme)" }

    /// The scheme's URL.
    public var description: String { schemeURL }
}
